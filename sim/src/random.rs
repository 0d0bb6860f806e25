//! The seeded generator and the distributions the flywheel draws from raw
//! bits (a success chance, log-normal tables), written out here rather than
//! taken from a distribution crate so that their output is fixed by this code
//! alone: a shared link must reproduce the same numbers in every release
//! (domain.md §5).

use crate::lanes::{F4, U4};

/// The generator every simulation starts from: PCG-32 (XSH RR 64/32), whose
/// output stream is defined by its algorithm. Its 64-bit state needs only
/// 64-bit multiplies, which WebAssembly has natively (PCG-64's 128-bit
/// multiply becomes a library call there). The flywheel's Monte Carlo seeds
/// its four vector lanes' generators from it ([`crate::lanes::Streams`]).
pub type SimRng = rand_pcg::Pcg32;

/// A generator seeded from a scenario's stored seed, on a fixed stream.
pub fn seeded(seed: u64) -> SimRng {
    rand_pcg::Pcg32::new(seed, 0x0a02_bdbf_7bb3_c0a7)
}

/// A Bernoulli trial decided by the low 20 bits of a 32-bit draw, leaving
/// the top [`TABLE_BITS`] for a table sample from the same draw.
/// Probabilities are resolved to 2⁻²⁰ (about one in a million), far below
/// any simulation's Monte Carlo error; 0 and 1 stay exact.
#[derive(Clone, Copy, Debug)]
pub struct Chance {
    below: u32,
}

/// Bits of a 32-bit draw a [`Chance`] reads.
pub const CHANCE_BITS: u32 = 32 - TABLE_BITS;

impl Chance {
    /// `true` with probability `p` (rounded to a multiple of 2⁻²⁰).
    pub fn new(p: f64) -> Self {
        let scale = f64::from(1u32 << CHANCE_BITS);
        // NaN saturates to 0: never.
        Chance {
            below: (p.clamp(0.0, 1.0) * scale).round() as u32,
        }
    }

    /// Per lane, -1 when the trial succeeds for the draw and 0 when it
    /// fails: a number rather than a comparison, because a coin toss is a
    /// branch no predictor can learn, while a factor picks between outcomes
    /// arithmetically. The top [`TABLE_BITS`] play no part.
    #[inline(always)]
    pub fn signs(self, draws: U4) -> F4 {
        // Both sides are at most 2²⁰, so the difference's top bit is set
        // exactly when the draw's low bits are below the threshold.
        ((draws & U4::splat((1 << CHANCE_BITS) - 1)) - U4::splat(self.below)).sign_mask()
    }
}

/// Bits of a draw a table sample reads: its top ones.
pub const TABLE_BITS: u32 = 12;
const TABLE_SIZE: usize = 1 << TABLE_BITS;

/// Standard-normal quantiles at the midpoints of 4,096 equal-probability
/// cells: drawing a cell uniformly is inverse-transform sampling from a
/// finely discretised normal, one integer draw per sample. The tails are cut
/// at about ±3.7σ, which week-to-week noise never needs.
pub struct NormalTable {
    quantiles: Box<[f64; TABLE_SIZE]>,
}

impl Default for NormalTable {
    fn default() -> Self {
        Self::new()
    }
}

impl NormalTable {
    /// Builds the table.
    pub fn new() -> Self {
        let mut quantiles = Box::new([0.0; TABLE_SIZE]);
        for (i, q) in quantiles.iter_mut().enumerate() {
            *q = inverse_normal_cdf((i as f64 + 0.5) / TABLE_SIZE as f64);
        }
        NormalTable { quantiles }
    }

    /// The table of log-normal multipliers `exp(σz − σ²/2)` (mean 1,
    /// coefficient of variation about σ for small σ), one per cell, so a
    /// draw costs a table look-up instead of an `exp`.
    pub fn log_normal(&self, sigma: f64) -> LogNormalTable {
        let mut factors = Box::new([1.0; TABLE_SIZE]);
        for (f, q) in factors.iter_mut().zip(self.quantiles.iter()) {
            *f = (sigma * q - 0.5 * sigma * sigma).exp() as f32;
        }
        LogNormalTable { factors }
    }
}

/// Precomputed log-normal multipliers; see [`NormalTable::log_normal`].
pub struct LogNormalTable {
    factors: Box<[f32; TABLE_SIZE]>,
}

impl LogNormalTable {
    /// The multiplier for the top 12 bits of `bits`: callers can split one
    /// draw into several samples, or share a draw with a [`Chance`].
    #[inline(always)]
    pub fn at(&self, bits: u32) -> f32 {
        self.factors[(bits >> (32 - TABLE_BITS)) as usize]
    }
}

/// Acklam's rational approximation of the standard normal quantile
/// (relative error below 1.2e-9 over (0, 1)).
pub fn inverse_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const LOW: f64 = 0.024_25;
    let p = p.clamp(1e-300, 1.0 - 1e-16);
    if p < LOW {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_core::RngCore;

    #[test]
    fn a_chance_reads_only_the_bits_a_table_sample_leaves() {
        let hits =
            |chance: Chance, draw: u32| chance.signs(U4::splat(draw)).to_array() == [-1.0; 4];
        assert!(!hits(Chance::new(0.0), 0));
        assert!(hits(Chance::new(1.0), u32::MAX));
        assert!(!hits(Chance::new(f64::NAN), 0));
        let half = Chance::new(0.5);
        let low = 1 << (CHANCE_BITS - 1);
        // The top bits never change the outcome.
        for top in [0, 1 << CHANCE_BITS, u32::MAX << CHANCE_BITS] {
            assert!(hits(half, top | (low - 1)));
            assert!(!hits(half, top | low));
        }
        let signs = half.signs(U4::new([0, low, low - 1, u32::MAX])).to_array();
        assert_eq!(signs, [-1.0, 0.0, -1.0, 0.0]);
        let mut rng = seeded(8);
        let p = 0.7;
        let chance = Chance::new(p);
        let n = 200_000;
        let count = (0..n).filter(|_| hits(chance, rng.next_u32())).count();
        // Within five standard errors of p.
        let sd = (p * (1.0 - p) / f64::from(n)).sqrt();
        assert!(
            (count as f64 / f64::from(n) - p).abs() < 5.0 * sd,
            "{count}"
        );
    }
}
