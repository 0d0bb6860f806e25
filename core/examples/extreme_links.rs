//! Share links of extreme-but-accepted scenarios, one payload a line, for
//! the browser fuzz test (tests/e2e/fuzz.spec.ts) to open on every screen.
//! The scenarios are the native fuzz's own (`tests/links/mod.rs`,
//! `extreme`): values at both ends of their ranges, dates at the ends of
//! the model's years, texts at their longest in four-byte characters.
//! `cargo run -p flywheel-core --example extreme_links [cases] [seed] > links.txt`
//! (default 12 cases, seed 1).

// A generator: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

// Shared with the link tests; this generator uses only part of it.
#[allow(dead_code)]
#[path = "../tests/links/mod.rs"]
mod links;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(12);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let mut g = links::Gen::new(seed);
    for _ in 0..cases {
        let scenario = links::extreme(&mut g);
        let payload = flywheel_core::share::encode(&scenario);
        // Every line must open: the decoder takes back what it wrote.
        assert!(flywheel_core::share::decode(&payload).is_ok());
        println!("{payload}");
    }
}
