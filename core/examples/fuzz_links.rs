//! The long fuzz run of the share-link decoder: random and mutated
//! payloads, none of which may panic, and none accepted unless valid; then
//! the largest scenario the limits allow, its link's length and how long it
//! takes to decode.
//! `cargo run --release -p flywheel-core --example fuzz_links [cases] [seed]`
//! (default one million cases).

// A benchmark: bad input ends the run with its message.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/links/mod.rs"]
mod links;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let started = std::time::Instant::now();
    let accepted = links::fuzz(cases, seed);
    println!(
        "{cases} inputs through the decoder in {:.1} s: no panic; {accepted} accepted, every one a valid scenario",
        started.elapsed().as_secs_f64()
    );
    let largest = links::maximal(seed);
    let link = flywheel_core::share::encode(&largest);
    let started = std::time::Instant::now();
    let back = flywheel_core::share::decode(&link).unwrap();
    println!(
        "the largest scenario the limits allow: a {}-character link, decoded in {:.1} ms",
        link.len(),
        started.elapsed().as_secs_f64() * 1e3
    );
    assert_eq!(back, flywheel_core::share::for_link(&largest));
}
