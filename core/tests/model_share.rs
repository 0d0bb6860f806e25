//! Share links: round trips, the typical length, and hostile input.

mod links;

use flywheel_core::model::import::Measured;
use flywheel_core::model::Scenario;
use flywheel_core::share::{
    base64url_encode, crc32, decode, encode, for_link, LinkError, LONG_LINK_CHARS, MAX_CHARS,
    MAX_INFLATED_BYTES,
};
use links::{extreme, fuzz, generate, typical, Gen};

#[test]
fn a_link_reopens_the_same_scenario() {
    let s = typical();
    assert_eq!(decode(&encode(&s)), Ok(s));
}

#[test]
fn generated_scenarios_round_trip() {
    let mut g = Gen::new(7);
    for _ in 0..2_000 {
        let s = generate(&mut g);
        assert_eq!(decode(&encode(&s)).as_ref(), Ok(&s), "{s:?}");
    }
}

#[test]
fn extreme_but_accepted_scenarios_round_trip() {
    let mut g = Gen::new(11);
    for _ in 0..500 {
        let s = extreme(&mut g);
        assert_eq!(decode(&encode(&s)), Ok(for_link(&s)), "{s:?}");
    }
}

#[test]
fn a_typical_scenario_fits_in_600_characters() {
    let link = encode(&typical());
    println!("typical scenario link: {} characters", link.len());
    assert!(link.len() <= 600, "{} characters", link.len());
}

#[test]
fn a_year_of_monthly_snapshots_fits_in_900_characters() {
    let mut s = typical();
    links::monthly_snapshots(&mut s);
    let link = encode(&s);
    println!(
        "typical scenario with 12 monthly snapshots: {} characters (without them {})",
        link.len(),
        encode(&typical()).len()
    );
    assert!(link.len() < 900, "{} characters", link.len());
    assert_eq!(decode(&link), Ok(s.clone()));
    // With a year of monthly trend figures as well, it stays below the
    // length where chat tools break links.
    links::monthly_trend(&mut s);
    let link = encode(&s);
    println!(
        "… and a 12-month trend of the five metrics: {} characters",
        link.len()
    );
    assert!(link.len() < LONG_LINK_CHARS, "{} characters", link.len());
    assert_eq!(decode(&link), Ok(s));
}

#[test]
fn a_history_out_of_order_or_over_its_cap_is_refused() {
    let mut s = typical();
    links::monthly_snapshots(&mut s);
    let mut twice = s.clone();
    twice.history.snapshots[1].date = twice.history.snapshots[0].date;
    assert_eq!(decode(&encode(&twice)), Err(LinkError::Invalid));
    let mut over = s.clone();
    let last = over.history.snapshots[11].clone();
    for k in 1..=49 {
        let mut extra = last.clone();
        extra.date = last.date + chrono::Duration::days(k);
        over.history.snapshots.push(extra);
    }
    assert_eq!(decode(&encode(&over)), Err(LinkError::Invalid));
    let mut orphan = s;
    orphan.history.plan_start = Some(links::day(2025, 12, 2));
    assert_eq!(decode(&encode(&orphan)), Err(LinkError::Invalid));
}

#[test]
fn imported_data_travels_as_a_summary() {
    let mut s = typical();
    s.measured = Some(Measured {
        from: "2026-08-24".into(),
        to: "2026-11-21".into(),
        deployments: 46,
        weekly_deploys: vec![3, 4, 2, 5, 4, 3, 4, 3, 5, 4, 3, 2],
        lead_hours: (0..500).map(|i| i as f32 * 0.7).collect(),
        recovery_hours: (0..40).map(|i| i as f32 * 0.3).collect(),
        applied: Vec::new(),
        baseline: s.baseline.clone(),
    });
    let back = decode(&encode(&s)).unwrap();
    let m = back.measured.unwrap();
    assert_eq!(m.weekly_deploys, vec![3, 4, 2, 5, 4, 3, 4, 3, 5, 4, 3, 2]);
    assert_eq!(m.deployments, 46);
    assert!(m.lead_hours.is_empty() && m.recovery_hours.is_empty());
}

#[test]
fn truncated_or_altered_links_are_damaged() {
    let link = encode(&typical());
    for cut in [link.len() - 1, link.len() / 2, 3, 2] {
        assert!(
            matches!(decode(&link[..cut]), Err(LinkError::Damaged(_))),
            "cut at {cut}"
        );
    }
    // Flip one character in the middle: the checksum catches it.
    let mut bytes = link.clone().into_bytes();
    let i = bytes.len() / 2;
    bytes[i] = if bytes[i] == b'A' { b'B' } else { b'A' };
    let altered = String::from_utf8(bytes).unwrap();
    assert!(matches!(decode(&altered), Err(LinkError::Damaged(_))));
    assert!(matches!(decode(""), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("hello"), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("0.AAAA"), Err(LinkError::Damaged(_))));
}

#[test]
fn links_from_a_newer_version_say_so() {
    let link = encode(&typical());
    let newer = format!("4{}", &link[1..]);
    assert_eq!(decode(&newer), Err(LinkError::NewerVersion(4)));
    assert!(LinkError::NewerVersion(4)
        .message()
        .contains("newer version"));
}

#[test]
fn oversized_input_is_refused_before_decoding() {
    let huge = format!("1.{}", "A".repeat(MAX_CHARS));
    assert!(matches!(decode(&huge), Err(LinkError::Damaged(_))));
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 8 MB of zeros deflates to a few kilobytes; the link is well-formed
    // and correctly checksummed, but unpacks past the cap.
    let stream = miniz_oxide::deflate::compress_to_vec(&vec![0u8; 8 << 20], 10);
    // (Compressed without the dictionary: a stream that never refers back
    // to it is still valid after it.)
    let mut packed = stream.clone();
    packed.extend_from_slice(&crc32(&stream).to_le_bytes());
    let bomb = format!("1.{}", base64url_encode(&packed));
    assert!(bomb.len() < MAX_CHARS);
    assert!(matches!(decode(&bomb), Err(LinkError::Damaged(_))));
}

#[test]
fn out_of_range_values_are_refused_after_parsing() {
    let mut s = typical();
    s.baseline.change_failure_rate = f64::NAN;
    assert_eq!(decode(&encode(&s)), Err(LinkError::Invalid));
    let mut s = typical();
    s.simulation.trials = u32::MAX;
    assert_eq!(decode(&encode(&s)), Err(LinkError::Invalid));
}

#[test]
fn the_decoder_survives_random_and_mutated_input() {
    // CI runs a short pass; `cargo run --release -p flywheel-core --example
    // fuzz_links` runs a million.
    let cases = std::env::var("FLYWHEEL_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    fuzz(cases, 1);
}

#[test]
fn released_links_keep_decoding_to_their_scenarios() {
    // One pair per link: `<name>.link` as shared, `<name>.json` the scenario
    // it held. Links from every released format version stay here forever.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/links/corpus");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "link") {
            let link = std::fs::read_to_string(&path).unwrap();
            let expected: Scenario = serde_json::from_str(
                &std::fs::read_to_string(path.with_extension("json")).unwrap(),
            )
            .unwrap();
            assert_eq!(decode(link.trim()), Ok(expected), "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 3, "the corpus went missing");
}

#[test]
fn a_version_has_one_spelling() {
    let link = encode(&typical());
    for prefix in ["01", "+1", " 1", "1 "] {
        let respelled = format!("{prefix}{}", &link[1..]);
        assert!(
            matches!(decode(&respelled), Err(LinkError::Damaged(_))),
            "{prefix}"
        );
    }
}

#[test]
fn the_largest_scenario_the_limits_allow_makes_a_link_that_decodes() {
    // Every list at its cap, every text at its longest in four-byte
    // characters that barely compress, every number at full precision.
    let s = links::maximal(1);
    assert_eq!(flywheel_core::model::saved::problem(&s), None);
    let raw = postcard::to_allocvec(&for_link(&s)).unwrap();
    let link = encode(&s);
    println!(
        "largest scenario: {} bytes serialized (cap {MAX_INFLATED_BYTES}), link {} characters (cap {MAX_CHARS})",
        raw.len(),
        link.len()
    );
    assert!(raw.len() <= MAX_INFLATED_BYTES);
    assert!(link.len() <= MAX_CHARS);
    assert_eq!(decode(&link), Ok(for_link(&s)));
    // And the saved-work envelope keeps all of it, raw samples included.
    let text = flywheel_core::model::saved::encode(&s);
    assert_eq!(
        flywheel_core::model::saved::decode(&text),
        flywheel_core::model::saved::Loaded::Scenario(Box::new(s))
    );
}

#[test]
fn the_link_caps_are_consistent() {
    // Incompressible bytes of the largest size still fit in a link: the
    // stored-block stream, its checksum and the base64url text.
    let noise: Vec<u8> = {
        let mut g = Gen::new(3);
        (0..MAX_INFLATED_BYTES).map(|_| g.next() as u8).collect()
    };
    let stored = miniz_oxide::deflate::compress_to_vec(&noise, 0);
    let chars = 2 + (stored.len() + 4).div_ceil(3) * 4;
    assert!(chars <= MAX_CHARS, "{chars} > {MAX_CHARS}");
}
