//! The seeded generator behind `Math.random`, `crypto.getRandomValues`, `crypto.randomUUID` and every id the host
//! makes. No OS randomness: the same seed gives the same bytes on every machine.
//!
//! The generator is xoshiro256++ (rand_xoshiro), a named, portable algorithm; rand's own `StdRng`/`SmallRng` are
//! documented as not portable across versions. Each use draws from its own stream, derived from the seed, so that a
//! new use does not shift the values of the others.

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// All randomness of a session: two independent streams, `Math.random` (stream 1) and `crypto` (stream 2; stream 3
/// was reserved for host ids and never drawn from), so that using one never shifts the other.
#[derive(Debug, Clone)]
pub(crate) struct Entropy {
    math: Xoshiro256PlusPlus,
    crypto: Xoshiro256PlusPlus,
}

impl Entropy {
    /// The streams for `seed`.
    pub(crate) fn new(seed: u64) -> Self {
        let stream = |n: u64| Xoshiro256PlusPlus::seed_from_u64(seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        Entropy { math: stream(1), crypto: stream(2) }
    }

    /// A float in `[0, 1)` with 53 random bits, as `Math.random` returns.
    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.math.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Fills `buf` from the `crypto` stream (`crypto.getRandomValues`).
    pub(crate) fn fill(&mut self, buf: &mut [u8]) {
        self.crypto.fill_bytes(buf);
    }

    /// A lowercase RFC 4122 version 4 UUID from the `crypto` stream (`crypto.randomUUID`).
    pub(crate) fn uuid_v4(&mut self) -> String {
        let mut b = [0u8; 16];
        self.fill(&mut b);
        format_uuid_v4(b)
    }
}

/// Formats 16 bytes as a version 4, variant 1 UUID (setting those bits).
pub(crate) fn format_uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_values_other_seed_other_values() {
        let (mut a, mut b, mut c) = (Entropy::new(0), Entropy::new(0), Entropy::new(1));
        let xs: Vec<f64> = (0..5).map(|_| a.next_f64()).collect();
        let ys: Vec<f64> = (0..5).map(|_| b.next_f64()).collect();
        let zs: Vec<f64> = (0..5).map(|_| c.next_f64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
        assert!(xs.iter().all(|x| (0.0..1.0).contains(x)));
    }

    #[test]
    fn streams_are_independent() {
        let mut a = Entropy::new(7);
        let mut b = Entropy::new(7);
        let _ = b.next_f64(); // using Math.random must not shift crypto
        assert_eq!(a.uuid_v4(), b.uuid_v4());
    }

    #[test]
    fn uuid_has_version_and_variant() {
        let u = Entropy::new(3).uuid_v4();
        assert_eq!(u.len(), 36);
        assert_eq!(&u[14..15], "4");
        assert!(matches!(&u[19..20], "8" | "9" | "a" | "b"));
        assert_eq!(u, u.to_lowercase());
    }
}
