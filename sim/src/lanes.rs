//! Four trials at a time: the Monte Carlo runner advances trials in blocks
//! of [`LANES`], one `f32` per trial in a 128-bit vector, and draws their
//! randomness from four generators side by side.
//!
//! With WebAssembly's SIMD (`simd128`, in every current browser) the types
//! wrap `v128`; elsewhere they are plain arrays. Every operation is an IEEE
//! single-precision add, multiply, divide or compare, or integer arithmetic,
//! so both give the same bits: the native tests pin the numbers the browser
//! shows.

/// Trials advanced together.
pub const LANES: usize = 4;

// The arrays are for native tests and tools; in the browser they would
// lose the vector unit, so a WebAssembly build without SIMD is refused.
#[cfg(all(target_arch = "wasm32", not(target_feature = "simd128")))]
compile_error!("build WebAssembly with `-C target-feature=+simd128` (see .cargo/config.toml)");

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod imp {
    use core::arch::wasm32::*;

    /// Four `f32`s.
    #[derive(Clone, Copy, Debug)]
    pub struct F4(v128);

    /// Four `u32`s.
    #[derive(Clone, Copy, Debug)]
    pub struct U4(v128);

    impl F4 {
        #[inline(always)]
        pub fn splat(x: f32) -> F4 {
            F4(f32x4_splat(x))
        }
        #[inline(always)]
        pub fn new(a: [f32; 4]) -> F4 {
            F4(f32x4(a[0], a[1], a[2], a[3]))
        }
        #[inline(always)]
        pub fn to_array(self) -> [f32; 4] {
            [
                f32x4_extract_lane::<0>(self.0),
                f32x4_extract_lane::<1>(self.0),
                f32x4_extract_lane::<2>(self.0),
                f32x4_extract_lane::<3>(self.0),
            ]
        }
        /// `o < self ? o : self` per lane (WebAssembly's `pmin`).
        #[inline(always)]
        pub fn min(self, o: F4) -> F4 {
            F4(f32x4_pmin(self.0, o.0))
        }
        /// `self < o ? o : self` per lane (WebAssembly's `pmax`).
        #[inline(always)]
        pub fn max(self, o: F4) -> F4 {
            F4(f32x4_pmax(self.0, o.0))
        }
        #[inline(always)]
        pub fn to_bits(self) -> U4 {
            U4(self.0)
        }
    }

    impl U4 {
        #[inline(always)]
        pub fn splat(x: u32) -> U4 {
            U4(u32x4_splat(x))
        }
        #[inline(always)]
        pub fn new(a: [u32; 4]) -> U4 {
            U4(u32x4(a[0], a[1], a[2], a[3]))
        }
        #[inline(always)]
        pub fn to_array(self) -> [u32; 4] {
            [
                u32x4_extract_lane::<0>(self.0),
                u32x4_extract_lane::<1>(self.0),
                u32x4_extract_lane::<2>(self.0),
                u32x4_extract_lane::<3>(self.0),
            ]
        }
        /// -1.0 where the lane's top bit is set, 0.0 elsewhere.
        #[inline(always)]
        pub fn sign_mask(self) -> F4 {
            F4(f32x4_convert_i32x4(i32x4_shr(self.0, 31)))
        }
        /// Whether any lane lies in any of `ranges`, each a start and a
        /// width.
        #[inline(always)]
        pub fn any_in(self, ranges: &[(u32, u32)]) -> bool {
            let mut hit = u32x4_splat(0);
            for &(start, width) in ranges {
                let offset = u32x4_sub(self.0, u32x4_splat(start));
                hit = v128_or(hit, u32x4_lt(offset, u32x4_splat(width)));
            }
            v128_any_true(hit)
        }
    }
    macro_rules! ops {
        ($t:ident, $trait:ident, $method:ident, $op:ident) => {
            impl std::ops::$trait for $t {
                type Output = $t;
                #[inline(always)]
                fn $method(self, o: $t) -> $t {
                    $t($op(self.0, o.0))
                }
            }
        };
    }

    macro_rules! shifts {
        ($trait:ident, $method:ident, $op:ident) => {
            impl std::ops::$trait<u32> for U4 {
                type Output = U4;
                #[inline(always)]
                fn $method(self, n: u32) -> U4 {
                    U4($op(self.0, n))
                }
            }
        };
    }

    ops!(F4, Add, add, f32x4_add);
    ops!(F4, Sub, sub, f32x4_sub);
    ops!(F4, Mul, mul, f32x4_mul);
    ops!(F4, Div, div, f32x4_div);
    ops!(U4, Add, add, u32x4_add);
    ops!(U4, Sub, sub, u32x4_sub);
    ops!(U4, BitXor, bitxor, v128_xor);
    ops!(U4, BitAnd, bitand, v128_and);
    shifts!(Shl, shl, u32x4_shl);
    shifts!(Shr, shr, u32x4_shr);
}

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
mod imp {
    /// Four `f32`s.
    #[derive(Clone, Copy, Debug)]
    pub struct F4([f32; 4]);

    /// Four `u32`s.
    #[derive(Clone, Copy, Debug)]
    pub struct U4([u32; 4]);

    impl F4 {
        #[inline(always)]
        pub fn splat(x: f32) -> F4 {
            F4([x; 4])
        }
        #[inline(always)]
        pub fn new(a: [f32; 4]) -> F4 {
            F4(a)
        }
        #[inline(always)]
        pub fn to_array(self) -> [f32; 4] {
            self.0
        }
        #[inline(always)]
        fn zip(self, o: F4, f: impl Fn(f32, f32) -> f32) -> F4 {
            F4(std::array::from_fn(|i| f(self.0[i], o.0[i])))
        }
        /// `o < self ? o : self` per lane (WebAssembly's `pmin`).
        #[inline(always)]
        pub fn min(self, o: F4) -> F4 {
            self.zip(o, |a, b| if b < a { b } else { a })
        }
        /// `self < o ? o : self` per lane (WebAssembly's `pmax`).
        #[inline(always)]
        pub fn max(self, o: F4) -> F4 {
            self.zip(o, |a, b| if a < b { b } else { a })
        }
        #[inline(always)]
        pub fn to_bits(self) -> U4 {
            U4(self.0.map(f32::to_bits))
        }
    }

    impl U4 {
        #[inline(always)]
        pub fn splat(x: u32) -> U4 {
            U4([x; 4])
        }
        #[inline(always)]
        pub fn new(a: [u32; 4]) -> U4 {
            U4(a)
        }
        #[inline(always)]
        pub fn to_array(self) -> [u32; 4] {
            self.0
        }
        #[inline(always)]
        fn zip(self, o: U4, f: impl Fn(u32, u32) -> u32) -> U4 {
            U4(std::array::from_fn(|i| f(self.0[i], o.0[i])))
        }
        /// -1.0 where the lane's top bit is set, 0.0 elsewhere.
        #[inline(always)]
        pub fn sign_mask(self) -> F4 {
            F4(self.0.map(|a| ((a as i32) >> 31) as f32))
        }
        /// Whether any lane lies in any of `ranges`, each a start and a
        /// width.
        #[inline(always)]
        pub fn any_in(self, ranges: &[(u32, u32)]) -> bool {
            self.0.iter().any(|&x| super::in_any(x, ranges))
        }
    }
    macro_rules! ops {
        ($t:ident, $trait:ident, $method:ident, $op:expr) => {
            impl std::ops::$trait for $t {
                type Output = $t;
                #[inline(always)]
                fn $method(self, o: $t) -> $t {
                    self.zip(o, $op)
                }
            }
        };
    }

    macro_rules! shifts {
        ($trait:ident, $method:ident, $op:expr) => {
            impl std::ops::$trait<u32> for U4 {
                type Output = U4;
                #[inline(always)]
                fn $method(self, n: u32) -> U4 {
                    // WebAssembly takes the count modulo 32.
                    debug_assert!(n < 32);
                    let op = $op;
                    U4(self.0.map(|a| op(a, n)))
                }
            }
        };
    }

    ops!(F4, Add, add, |a, b| a + b);
    ops!(F4, Sub, sub, |a, b| a - b);
    ops!(F4, Mul, mul, |a, b| a * b);
    ops!(F4, Div, div, |a, b| a / b);
    ops!(U4, Add, add, u32::wrapping_add);
    ops!(U4, Sub, sub, u32::wrapping_sub);
    ops!(U4, BitXor, bitxor, |a, b| a ^ b);
    ops!(U4, BitAnd, bitand, |a, b| a & b);
    shifts!(Shl, shl, |a, n| a << n);
    shifts!(Shr, shr, |a, n| a >> n);
}

pub use imp::{F4, U4};

/// Calls `f` with each of the five metrics' indices as a constant. A loop
/// over them, once its body is large, stays a loop, and indexing arrays of
/// vectors by a variable keeps them in memory: in WebAssembly every access
/// is then a load or store, and copying a block a call.
#[inline(always)]
pub fn each_metric(mut f: impl FnMut(usize)) {
    f(0);
    f(1);
    f(2);
    f(3);
    f(4);
}

/// `[f(0), …, f(4)]`, unrolled as [`each_metric`] is.
#[inline(always)]
pub fn per_metric<T>(mut f: impl FnMut(usize) -> T) -> [T; 5] {
    [f(0), f(1), f(2), f(3), f(4)]
}

/// Whether `x` lies in any of `ranges`, each a start and a width.
#[inline(always)]
pub fn in_any(x: u32, ranges: &[(u32, u32)]) -> bool {
    ranges
        .iter()
        .any(|&(start, width)| x.wrapping_sub(start) < width)
}

impl U4 {
    /// Rotates each lane left by `n` bits.
    #[inline(always)]
    pub fn rotl(self, n: u32) -> U4 {
        // The two parts share no bits, so adding them is or-ing them.
        (self << n) + (self >> (32 - n))
    }
}

/// Four xoshiro128++ generators (Blackman and Vigna, 2019), one per lane,
/// stepped together: only 32-bit adds, shifts and xors, which the vector
/// unit does four at a time. Each lane's stream is exactly the published
/// generator's (the tests check it against `rand_xoshiro`), so the numbers
/// depend on this algorithm and the seed alone.
#[derive(Clone, Debug)]
pub struct Streams {
    s: [U4; 4],
}

impl Streams {
    /// Seeds the four lanes from `rng` (a scenario's seeded generator): 128
    /// bits each, never all zero.
    pub fn from_rng(rng: &mut impl rand_core::RngCore) -> Streams {
        let mut words = [[0u32; LANES]; 4];
        for lane in 0..LANES {
            loop {
                for word in &mut words {
                    word[lane] = rng.next_u32();
                }
                if words.iter().any(|w| w[lane] != 0) {
                    break;
                }
            }
        }
        Streams {
            s: words.map(U4::new),
        }
    }

    /// The next 32-bit output of each lane.
    #[inline(always)]
    pub fn draw(&mut self) -> U4 {
        let [s0, s1, s2, s3] = self.s;
        let out = (s0 + s3).rotl(7) + s0;
        let t = s1 << 9;
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        let s3 = s3.rotl(11);
        self.s = [s0, s1, s2, s3];
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::random::seeded;
    use rand_core::{RngCore, SeedableRng};

    #[test]
    fn each_lane_is_the_published_xoshiro128_plus_plus() {
        let mut seeder = seeded(3);
        let mut streams = Streams::from_rng(&mut seeder.clone());
        let mut words = [[0u32; LANES]; 4];
        for lane in 0..LANES {
            for word in &mut words {
                word[lane] = seeder.next_u32();
            }
        }
        let mut reference: Vec<_> = (0..LANES)
            .map(|lane| {
                let mut seed = [0u8; 16];
                for (k, w) in words.iter().enumerate() {
                    seed[4 * k..4 * k + 4].copy_from_slice(&w[lane].to_le_bytes());
                }
                rand_xoshiro::Xoshiro128PlusPlus::from_seed(seed)
            })
            .collect();
        for _ in 0..1000 {
            let out = streams.draw().to_array();
            for (lane, r) in reference.iter_mut().enumerate() {
                assert_eq!(out[lane], r.next_u32());
            }
        }
    }

    #[test]
    fn vector_operations_match_their_scalar_meaning() {
        let a = F4::new([1.5, -2.0, 3.0, 0.25]);
        let b = F4::new([2.0, -3.0, 3.0, 0.5]);
        assert_eq!((a + b).to_array(), [3.5, -5.0, 6.0, 0.75]);
        assert_eq!((a - b).to_array(), [-0.5, 1.0, 0.0, -0.25]);
        assert_eq!((a * b).to_array(), [3.0, 6.0, 9.0, 0.125]);
        assert_eq!((a / b).to_array(), [0.75, 2.0 / 3.0, 1.0, 0.5]);
        assert_eq!(a.min(b).to_array(), [1.5, -3.0, 3.0, 0.25]);
        assert_eq!(a.max(b).to_array(), [2.0, -2.0, 3.0, 0.5]);
        assert_eq!(a.to_bits().to_array()[0], 1.5f32.to_bits());
        let u = U4::new([1, 0x8000_0000, u32::MAX, 7]);
        assert_eq!(u.rotl(1).to_array(), [2, 1, u32::MAX, 14]);
        assert_eq!(u.sign_mask().to_array(), [0.0, -1.0, -1.0, 0.0]);
        assert_eq!(
            (u - U4::splat(2)).to_array(),
            [u32::MAX, 0x7fff_fffe, u32::MAX - 2, 5]
        );
        assert_eq!(
            (u ^ U4::splat(1)).to_array(),
            [0, 0x8000_0001, u32::MAX - 1, 6]
        );
        assert_eq!((u & U4::splat(3)).to_array(), [1, 0, 3, 3]);
        assert_eq!((u >> 31).to_array(), [0, 1, 1, 0]);
        let ranges = [(3, 5), (100, 1)];
        assert!(u.any_in(&ranges));
        assert!(U4::new([0, 2, 100, 9]).any_in(&ranges));
        assert!(!U4::new([0, 2, 8, 101]).any_in(&ranges));
        assert!(in_any(6, &ranges) && !in_any(2, &ranges) && !in_any(u32::MAX, &ranges));
    }
}
