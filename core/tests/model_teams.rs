//! Teams: the set's rules (names, duplicates, the 50-team limit), many
//! pasted links at once, the teams link and the teams file.
//! The table's rows and the distribution across teams are in
//! model_teams_table.rs.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod teams_fixture;

use flywheel_core::model::import::Measured;
use flywheel_core::model::teams::file::{from_file, to_file, FileError, VERSION};
use flywheel_core::model::teams::{same_scenario, Added, Source, Teams, MAX_TEAMS};
use flywheel_core::model::units::format_count;
use flywheel_core::share::teams::{add_links, decode, encode, encode_any, TeamsLinkError};
use flywheel_core::share::{self, LinkError, LONG_LINK_CHARS};
use teams_fixture::{damage, scenario, set, varied, with_copy_of_first};

#[test]
fn teams_are_named_after_their_scenario_and_names_stay_unique() {
    let mut teams = Teams::new();
    let a = teams.add(scenario("Payments", 1.0, 30.0, 10.0, 2.0), Source::Link);
    assert_eq!(a.words(), "added as “Payments”.");
    // Another scenario for a team of the same name, in other case.
    let b = teams.add(scenario("payments", 2.0, 30.0, 10.0, 2.0), Source::Working);
    assert_eq!(
        b.words(),
        "added as “payments (2)”, since another team is already named “payments”."
    );
    let c = teams.add(
        scenario("  ", 3.0, 30.0, 10.0, 2.0),
        Source::File("x.json".into()),
    );
    // A blank team name cannot come from a valid scenario.
    assert_eq!(c, Added::Invalid);
    let long = "x".repeat(80);
    teams.add(scenario(&long, 4.0, 30.0, 10.0, 2.0), Source::Link);
    let Added::Added { name, .. } = teams.add(scenario(&long, 5.0, 30.0, 10.0, 2.0), Source::Link)
    else {
        panic!("not added")
    };
    assert_eq!(name, format!("{} (2)", "x".repeat(76)));
    assert_eq!(name.chars().count(), 80);

    let id = teams.teams()[1].id;
    assert_eq!(
        teams.rename(id, " PAYMENTS "),
        Err("Another team is already named “PAYMENTS”.".to_string())
    );
    teams.rename(id, " Payments EU ").unwrap();
    assert_eq!(teams.get(id).unwrap().name, "Payments EU");
    assert!(teams.rename(id, "").is_err());
    assert!(teams.remove(id).is_some());
    assert!(teams.get(id).is_none());
    assert_eq!(teams.len(), 3);
}

#[test]
fn a_duplicate_is_the_same_scenario_as_a_link_carries_it() {
    let mut teams = Teams::new();
    let mut saved = scenario("Payments", 1.0, 30.0, 10.0, 2.0);
    saved.measured = Some(Measured {
        from: "2026-08-24".into(),
        to: "2026-11-21".into(),
        deployments: 46,
        weekly_deploys: vec![3, 4, 2, 5],
        lead_hours: vec![1.0, 2.0, 3.0],
        recovery_hours: vec![0.5],
        applied: Vec::new(),
        baseline: saved.baseline.clone(),
    });
    let Added::Added { id, .. } = teams.add(saved.clone(), Source::Saved("Q3".into())) else {
        panic!("not added")
    };
    // Renaming the team in the set does not change what it holds.
    teams.rename(id, "Payments (saved)").unwrap();
    // Its link drops the raw samples: still the same scenario.
    let via_link = share::decode(&share::encode(&saved)).unwrap();
    assert_ne!(via_link, saved);
    assert!(same_scenario(&via_link, &saved));
    let again = teams.add(via_link, Source::Link);
    assert_eq!(
        again,
        Added::Duplicate {
            of: id,
            name: "Payments (saved)".into()
        }
    );
    assert_eq!(
        again.words(),
        "not added: it is the same scenario as “Payments (saved)”, already in the set."
    );
    // The scenario's own team name is part of the scenario.
    let mut renamed = saved.clone();
    renamed.team = "Payments EU".into();
    assert!(!same_scenario(&renamed, &saved));
    assert!(teams.add(renamed, Source::Link).is_added());
    // So is any value entered.
    let mut changed = saved;
    changed.baseline.rework_rate += 0.5;
    assert!(teams.add(changed, Source::Link).is_added());
    assert!(teams.duplicates().is_empty());
}

#[test]
fn the_fifty_first_team_is_refused_with_the_limit_named() {
    let mut teams = set(MAX_TEAMS);
    assert_eq!(teams.len(), 50);
    let extra = scenario("Team 51", 9.0, 9.0, 9.0, 9.0);
    let refused = teams.add(extra, Source::Link);
    assert_eq!(refused, Added::Full);
    assert_eq!(
        refused.words(),
        "not added: a set holds at most 50 teams. Remove one to make room."
    );
    // A duplicate is named as such even when the set is full.
    let first = teams.teams()[0].scenario.clone();
    assert!(matches!(
        teams.add(first, Source::Link),
        Added::Duplicate { .. }
    ));
    assert_eq!(teams.len(), 50);
}

#[test]
fn pasted_links_each_get_their_own_outcome_and_the_rest_still_load() {
    let links: Vec<String> = (1..=12)
        .map(|i| {
            let s = scenario(&format!("Team {i}"), f64::from(i) / 4.0, 30.0, 10.0, 2.0);
            share::encode(&s)
        })
        .collect();
    let mut lines: Vec<String> = links
        .iter()
        .enumerate()
        .map(|(i, l)| match i {
            // Whole links and fragments are read as well as payloads.
            0 => format!("https://example.org/flywheel/#/report?s={l}"),
            1 => format!("  #/goals?s={l}  "),
            // One damaged link.
            4 => damage(l),
            _ => l.clone(),
        })
        .collect();
    lines.insert(3, String::new());
    // Team 2's link again, as someone pasting twice would.
    lines.push(links[1].clone());
    let mut teams = Teams::new();
    let out = add_links(&mut teams, &lines.join("\n"));
    assert_eq!(out.len(), 13);
    assert_eq!(teams.len(), 11);
    let words: Vec<String> = out.iter().map(|o| o.words()).collect();
    assert_eq!(words[0], "Link 1: added as “Team 1”.");
    assert!(
        words[4].starts_with("Link 5: This link is damaged (its checksum does not match"),
        "{}",
        words[4]
    );
    assert_eq!(
        words[12],
        "Link 13: not added: it is the same scenario as “Team 2”, already in the set."
    );
    assert_eq!(out[12].line, 13);
    assert!(add_links(&mut teams, " \n\n ").is_empty());

    // Past fifty: each line past the limit is refused in words.
    let mut full = set(49);
    let two = format!(
        "{}\n{}",
        share::encode(&scenario("Late 1", 9.0, 9.0, 9.0, 9.0)),
        share::encode(&scenario("Late 2", 9.0, 9.0, 9.0, 9.0))
    );
    let out = add_links(&mut full, &two);
    assert!(out[0].result.as_ref().unwrap().is_added());
    assert_eq!(
        out[1].words(),
        "Link 2: not added: a set holds at most 50 teams. Remove one to make room."
    );
}

#[test]
fn a_teams_link_round_trips_and_is_never_taken_for_a_scenario_link() {
    let mut teams = set(3);
    let id = teams.teams()[0].id;
    teams.rename(id, "Renamed in the set").unwrap();
    let base = "https://example.org/flywheel/#/teams?s=";
    let whole = encode(&teams, base).unwrap();
    let link = share::payload_in(&whole);
    assert!(link.starts_with("t3."), "{link}");
    assert_eq!(link, encode_any(&teams));
    let back = decode(link).unwrap();
    let names: Vec<&str> = back.teams().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Renamed in the set", "Team 2", "Team 3"]);
    for (a, b) in back.teams().iter().zip(teams.teams()) {
        assert_eq!(a.scenario, b.scenario);
        assert_eq!(a.source, Source::Link);
    }
    // Each decoder names the other kind of link.
    assert_eq!(share::decode(link), Err(LinkError::TeamsLink));
    assert!(LinkError::TeamsLink.message().contains("Teams screen"));
    let one = share::encode(&teams.teams()[1].scenario);
    assert_eq!(decode(&one), Err(LinkError::ScenarioLink));
    // Versions: newer says so; older never existed.
    assert_eq!(
        decode(&format!("t4{}", &link[2..])),
        Err(LinkError::NewerVersion(4))
    );
    assert!(matches!(
        decode(&format!("t2{}", &link[2..])),
        Err(LinkError::Damaged(_))
    ));
    assert!(matches!(decode(&damage(link)), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("t03.AAAA"), Err(LinkError::Damaged(_))));
    assert!(matches!(decode("t3"), Err(LinkError::Damaged(_))));

    // Pasted among scenario links, a teams link adds each of its teams.
    let mut other = Teams::new();
    let text = format!("{one}\n#/teams?s={link}");
    let out = add_links(&mut other, &text);
    let words: Vec<String> = out.iter().map(|o| o.words()).collect();
    assert_eq!(
        words,
        [
            "Link 1: added as “Team 2”.",
            "Link 2, team “Renamed in the set”: added as “Renamed in the set”.",
            "Link 2, team “Team 2”: not added: it is the same scenario as “Team 2”, already in the set.",
            "Link 2, team “Team 3”: added as “Team 3”.",
        ]
    );
}

#[test]
fn a_set_too_large_for_a_link_says_so_so_the_file_can_be_offered() {
    let base = "https://example.org/flywheel/#/teams?s=";
    assert_eq!(encode(&Teams::new(), base), Err(TeamsLinkError::Empty));
    // Find the first set size whose whole link passes 2,000 characters.
    let mut n = 1;
    while encode(&varied(n), base).is_ok() {
        n += 1;
        assert!(n <= MAX_TEAMS);
    }
    let chars = base.len() + encode_any(&varied(n)).len();
    println!(
        "teams link: {} varied teams fit in {} characters ({chars} for {n}); \
         50 near-identical teams take {}",
        n - 1,
        base.len() + encode_any(&varied(n - 1)).len(),
        base.len() + encode_any(&set(50)).len()
    );
    assert!(chars > LONG_LINK_CHARS);
    // The page's address counts towards the length too.
    let fits = varied(n - 1);
    let long_base = format!(
        "https://intranet.example.org/{}/#/teams?s=",
        "x".repeat(100)
    );
    assert!(encode(&fits, "").is_ok());
    assert!(matches!(
        encode(&fits, &long_base),
        Err(TeamsLinkError::TooLong { .. })
    ));
    let err = encode(&varied(n), base).unwrap_err();
    assert_eq!(err, TeamsLinkError::TooLong { chars, teams: n });
    let words = err.message();
    assert!(words.contains(&format!("these {n} teams")), "{words}");
    assert!(
        words.contains(&format!(
            "would be {} characters",
            format_count(chars as u64)
        )),
        "{words}"
    );
    assert!(words.contains("links over 2,000 characters"), "{words}");
    assert!(words.contains("as a file instead"), "{words}");
}

#[test]
fn the_teams_file_round_trips_every_team_whole() {
    let mut teams = set(3);
    let mut measured = teams.teams()[2].scenario.clone();
    measured.team = "Measured".into();
    measured.measured = Some(Measured {
        from: "2026-08-24".into(),
        to: "2026-11-21".into(),
        deployments: 46,
        weekly_deploys: vec![3, 4, 2, 5],
        lead_hours: vec![0.25, 2.5, 30.0],
        recovery_hours: vec![0.75],
        applied: Vec::new(),
        baseline: measured.baseline.clone(),
    });
    teams.add(measured, Source::File("measured.json".into()));
    teams.add(
        scenario("From the library", 0.2, 300.0, 25.0, 30.0),
        Source::Saved("Q3 plan".into()),
    );
    let text = to_file(&teams);
    assert!(text.contains("\"format\": \"flywheel-teams\""));
    assert!(text.contains(&format!("\"version\": {VERSION}")));
    let back = from_file(&text).unwrap();
    assert_eq!(back.teams(), teams.teams());
    // Ids are numbered afresh; they were 1..=5 here too.
    assert_eq!(to_file(&back), text);
}

#[test]
fn a_file_that_is_not_a_usable_teams_file_changes_nothing_and_says_why() {
    let good = to_file(&set(2));
    let cases: [(&str, String, FileError); 6] = [
        (
            "not JSON",
            "Team A,3,4".into(),
            FileError::Unreadable("it is not JSON text, or it was cut short".into()),
        ),
        (
            "cut short",
            good[..good.len() / 2].to_string(),
            FileError::Unreadable("it is not JSON text, or it was cut short".into()),
        ),
        (
            "a scenario file",
            r#"{"version":1,"scenario":{"team":"A"}}"#.into(),
            FileError::NotTeamsFile {
                scenario_file: true,
            },
        ),
        (
            "other JSON",
            r#"[1, 2, 3]"#.into(),
            FileError::NotTeamsFile {
                scenario_file: false,
            },
        ),
        (
            "newer",
            good.replacen("\"version\": 1", "\"version\": 2", 1),
            FileError::NewerVersion(2),
        ),
        (
            "no version",
            good.replacen("\"version\": 1", "\"version\": \"one\"", 1),
            FileError::Unreadable("it does not say which version of the format it is".into()),
        ),
    ];
    for (what, text, expected) in cases {
        assert_eq!(from_file(&text).err(), Some(expected), "{what}");
    }
    let words = FileError::NotTeamsFile {
        scenario_file: true,
    }
    .message();
    assert_eq!(
        words,
        "This is a scenario file, not a teams file: add it as a team instead. Nothing was changed."
    );
    assert!(FileError::NewerVersion(2)
        .message()
        .contains("newer version"));
    // The set kept in this browser says it is left in place.
    assert_eq!(
        FileError::NewerVersion(2).stored_message(),
        "The set of teams kept in this browser was not opened: it was saved by a newer version of Flywheel (format 2); reload the page to get the latest version. It is left as it is until you add a team or import a set."
    );
    assert_eq!(
        from_file("Team A,3,4").unwrap_err().stored_message(),
        "The set of teams kept in this browser was not opened: it could not be read (it is not JSON text, or it was cut short). It is left as it is until you add a team or import a set."
    );

    // One team with an impossible value spoils the whole file: no partial set.
    let bad = good.replacen(
        "\"change_failure_rate\": 10.0",
        "\"change_failure_rate\": 150.0",
        1,
    );
    assert_ne!(bad, good);
    let err = from_file(&bad).unwrap_err();
    assert_eq!(
        err,
        FileError::Invalid("team 1 (“Team 1”) holds values Flywheel cannot use".into())
    );
    assert!(err.message().starts_with("This teams file holds values"));
    let twins = good.replacen("\"name\": \"Team 2\"", "\"name\": \"team 1\"", 1);
    assert_eq!(
        from_file(&twins).err(),
        Some(FileError::Invalid("two teams are named “team 1”".into()))
    );
    let shapeless = good.replacen("\"teams\": [", "\"teams\": 3, \"x\": [", 1);
    assert!(matches!(
        from_file(&shapeless),
        Err(FileError::Unreadable(_))
    ));
    // Fifty-one teams, as a hand-made file might hold.
    let fifty_one = with_copy_of_first(&to_file(&set(50)), "Team 51");
    assert_eq!(
        from_file(&fifty_one).err(),
        Some(FileError::Invalid(
            "it holds 51 teams, and a set holds at most 50".into()
        ))
    );
}

#[test]
fn a_hand_made_file_holding_one_scenario_twice_is_flagged() {
    let text = with_copy_of_first(&to_file(&set(2)), "Copy of Team 1");
    let back = from_file(&text).unwrap();
    let names: Vec<&str> = back.teams().iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Copy of Team 1", "Team 1", "Team 2"]);
    let ids: Vec<u32> = back.teams().iter().map(|t| t.id).collect();
    assert_eq!(back.duplicates(), vec![(ids[1], ids[0])]);
}

#[test]
fn a_mangled_teams_link_is_refused_and_never_panics() {
    let link = encode_any(&varied(4));
    // xorshift64: which character to change, drop or insert, and to what.
    let mut x = 0x2545_F491_4F6C_DD1Du64;
    let mut next = |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n as u64) as usize
    };
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.t";
    for _ in 0..2_000 {
        let mut bytes = link.clone().into_bytes();
        for _ in 0..=next(3) {
            let i = next(bytes.len());
            match next(3) {
                0 => bytes[i] = alphabet[next(alphabet.len())],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, alphabet[next(alphabet.len())]),
            }
        }
        let text = String::from_utf8(bytes).unwrap();
        if let Ok(teams) = decode(&text) {
            // Only a change the checksum cannot see (none, in practice).
            assert!(teams.teams().iter().all(|t| t.scenario.is_valid()));
        }
        let cut = next(link.len());
        assert!(decode(&link[..cut]).is_err(), "cut at {cut}");
    }
}
