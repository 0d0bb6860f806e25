//! A fast hasher for the import's own maps of ids, SHAs and names: the
//! multiply-and-rotate of rustc's FxHash, several times faster than the
//! standard library's SipHash on short keys. SipHash resists keys chosen
//! to collide; here the keys come from the user's own files, so a file
//! crafted to collide could only slow its own import.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash's state.
#[derive(Clone, Copy, Default)]
pub struct Fx(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A set with the fast hasher.
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// An empty map with room for `n` entries.
pub fn map<K, V>(n: usize) -> FastMap<K, V> {
    HashMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

/// An empty set with room for `n` entries.
pub fn set<K>(n: usize) -> FastSet<K> {
    HashSet::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_find_what_they_hold() {
        let mut m: FastMap<&str, usize> = map(4);
        for (i, k) in ["a", "abcdefghij", "", "abcdefghik"].iter().enumerate() {
            m.insert(k, i);
        }
        assert_eq!(m.get("abcdefghik"), Some(&3));
        assert_eq!(m.get(""), Some(&2));
        assert_eq!(m.get("b"), None);
        let mut s: FastSet<usize> = set(2);
        assert!(s.insert(7) && !s.insert(7));
    }
}
