//! Ballots from devices: the ballot link codec, and merging many pasted
//! ballots with each outcome in words.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod room;

use flywheel_core::model::workshop::{
    candidates, decode_ballot, encode_ballot, summarise, BallotError, Dots, Outcome, SentBallot,
    Subject, MAX_BALLOT_CHARS,
};
use flywheel_core::share::{self, LinkError};
use room::{cast, day, empty_room, messages, room, ID};

/// `link` with one character of its body changed.
fn altered(link: &str) -> String {
    let mut chars: Vec<char> = link.chars().collect();
    let i = chars.len() / 2;
    chars[i] = if chars[i] == 'A' { 'B' } else { 'A' };
    chars.into_iter().collect()
}

#[test]
fn a_ballot_round_trips_and_is_told_apart_from_a_scenario_link() {
    let s = room();
    let link = cast(&s, "Ana", Subject::Goals, &[1, 1, 2]);
    assert!(link.starts_with("b1."), "{link}");
    let ballot = decode_ballot(&link).unwrap();
    assert_eq!(ballot.voter, "Ana");
    assert_eq!(ballot.subject, Subject::Goals);
    assert_eq!(ballot.workshop.id, ID);
    assert_eq!(
        ballot.dots,
        vec![Dots { goal: 1, count: 2 }, Dots { goal: 2, count: 1 }]
    );
    assert_eq!(encode_ballot(&ballot), link);
    println!("a three-dot ballot: {} characters", link.len());
    assert!(link.len() < 200, "{} characters", link.len());

    // Found in a whole link, its fragment or alone.
    for text in [
        format!("https://example.org/flywheel/#/workshop?b={link}"),
        format!("  #/workshop?b={link}\n"),
    ] {
        assert_eq!(decode_ballot(&text).as_ref(), Ok(&ballot));
    }

    // A ballot opened as a scenario, and a scenario pasted as a ballot.
    assert_eq!(share::decode(&link), Err(LinkError::Ballot));
    let ballot_url = format!("https://example.org/flywheel/#/workshop?b={link}");
    assert_eq!(
        share::decode(share::payload_in(&ballot_url)),
        Err(LinkError::Ballot)
    );
    assert!(LinkError::Ballot.message().starts_with(
        "This is a participant's ballot, not a scenario link: the facilitator pastes it into the ballots box"
    ));
    let scenario_link = format!("https://example.org/#/report?s={}", share::encode(&s));
    assert_eq!(
        decode_ballot(&scenario_link),
        Err(BallotError::ScenarioLink)
    );
}

#[test]
fn damaged_and_foreign_ballots_say_why() {
    let link = cast(&room(), "Ana", Subject::Goals, &[1]);
    let cases: Vec<(String, BallotError)> = vec![
        (
            altered(&link),
            BallotError::Damaged("its checksum does not match: it was cut short or altered"),
        ),
        // Cut after whole base64 groups, so only the checksum can tell.
        (
            link[..3 + (link.len() - 3) / 8 * 4].to_string(),
            BallotError::Damaged("its checksum does not match: it was cut short or altered"),
        ),
        ("b1.".to_string(), BallotError::Damaged("it is cut short")),
        (
            link.replacen("b1", "b01", 1),
            BallotError::Damaged("its format version is not a number"),
        ),
        (link.replacen("b1", "b2", 1), BallotError::NewerVersion(2)),
        (
            "hello".to_string(),
            BallotError::Damaged("a ballot starts with “b1.”"),
        ),
        (
            "b1.a b".to_string(),
            BallotError::Damaged("it has characters a link cannot hold"),
        ),
        (
            "b".repeat(MAX_BALLOT_CHARS + 1),
            BallotError::Damaged("it is far longer than any ballot"),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(decode_ballot(&text), Err(expected), "{text}");
    }
    assert_eq!(
        BallotError::NewerVersion(2).message(),
        "This ballot was made by a newer version of Flywheel (ballot format 2). Reload the page to get the latest version, then paste it again."
    );

    // Well-formed but out of range: a name with spaces around it, 21 dots.
    let mut ballot = decode_ballot(&link).unwrap();
    ballot.voter = " Ana".into();
    assert_eq!(
        decode_ballot(&encode_ballot(&ballot)),
        Err(BallotError::Invalid)
    );
    ballot.voter = "Ana".into();
    ballot.dots = vec![Dots { goal: 1, count: 21 }];
    assert_eq!(
        decode_ballot(&encode_ballot(&ballot)),
        Err(BallotError::Invalid)
    );
}

#[test]
fn five_ballots_one_damaged_one_voter_twice() {
    let mut s = room();
    let ana = cast(&s, "Ana", Subject::Goals, &[1, 1, 2]);
    let bo = cast(&s, "Bo", Subject::Goals, &[1, 4, 4]);
    let cy = cast(&s, "Cy", Subject::Goals, &[2, 2, 4]);
    let dee = cast(&s, "Dee", Subject::Goals, &[1, 2, 4]);
    let eve_first = cast(&s, "Eve", Subject::Goals, &[4]);
    let eve = cast(&s, "eve", Subject::Goals, &[1, 2, 2]);
    let text = format!(
        "{ana}\n\n{}\nhttps://example.org/flywheel/#/workshop?b={bo}\n{eve_first}\n  {cy}  \n{dee}\n{eve}\n",
        altered(&cy)
    );
    let reports = s.workshop.merge_ballots(&s.goals, &text);
    assert_eq!(
        messages(&reports),
        vec![
            "Line 1: Ana's ballot is in.",
            "Line 3: This ballot is damaged (its checksum does not match: it was cut short or altered). Ask the voter to copy it again, in full.",
            "Line 4: Bo's ballot is in.",
            "Line 5: Eve's ballot is in.",
            "Line 6: Cy's ballot is in.",
            "Line 7: Dee's ballot is in.",
            "Line 8: Eve's ballot replaces the one on line 5.",
        ]
    );
    assert_eq!(
        summarise(&reports),
        "5 ballots added, 1 ballot replaced an earlier ballot, 1 ballot refused."
    );
    assert_eq!(reports[6].outcome, Outcome::Replaced);
    assert_eq!(reports[1].voter, None);

    let progress = s.workshop.progress(Subject::Goals);
    assert_eq!(progress.count(), "5 of 5 ballots in");
    assert!(s.workshop.ranking(Subject::Goals, &[1, 2, 4]).is_err());

    // Ana [1,1,2], Bo [1,4,4], Cy [2,2,4], Dee [1,2,4], Eve [1,2,2]:
    // goal 1: 2+1+1+1 = 5; goal 2: 1+2+1+2 = 6; goal 4: 2+1+1 = 4.
    s.workshop.reveal(Subject::Goals).unwrap();
    let ranked = s
        .workshop
        .ranking(Subject::Goals, &candidates(&s.goals, Subject::Goals))
        .unwrap();
    let got: Vec<(u32, u32, usize)> = ranked.iter().map(|r| (r.goal, r.dots, r.rank)).collect();
    assert_eq!(got, vec![(2, 6, 1), (1, 5, 2), (4, 4, 3)]);
    s.workshop.commit_top(&[1, 2, 4], 2).unwrap();
    assert_eq!(s.workshop.committed, vec![2, 1]);
    assert!(s.is_valid());
}

#[test]
fn a_ballot_after_the_reveal_waits_for_a_reopened_vote() {
    let mut s = room();
    let ana = cast(&s, "Ana", Subject::Goals, &[1]);
    // Gus's device opened the invitation before the reveal.
    let gus = cast(&s, "Gus", Subject::Goals, &[2, 2]);
    s.workshop.merge_ballots(&s.goals, &ana);
    s.workshop.reveal(Subject::Goals).unwrap();
    let reports = s.workshop.merge_ballots(&s.goals, &gus);
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Gus's ballot came after the reveal of the vote on goals, so it was not counted. Re-open the vote to take it."]
    );
    assert_eq!(s.workshop.dots_on(Subject::Goals, 2), Ok(0));
    s.workshop.reopen(Subject::Goals).unwrap();
    let reports = s.workshop.merge_ballots(&s.goals, &gus);
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Gus's ballot is in; Gus joins the voters."]
    );
    assert_eq!(
        s.workshop.progress(Subject::Goals).words(),
        "2 of 6 ballots in; waiting for Bo, Cy, Dee and Eve."
    );
}

#[test]
fn ballots_from_elsewhere_or_for_removed_goals_say_so() {
    let mut s = room();
    let mut other = empty_room();
    other
        .workshop
        .start(0x0BAD_0000_0000_0001, "Checkout", "Fay", day(2026, 11, 15))
        .unwrap();
    let stranger = cast(&other, "Dee", Subject::Goals, &[1]);
    let cy = cast(&s, "Cy", Subject::Goals, &[2, 2, 4]);
    let scenario_link = share::encode(&s);
    s.remove_goal(4).unwrap();
    // A ballot for the vote on goals carrying a dot on an initiative, as
    // only an altered device would send.
    let mut odd = decode_ballot(&cast(&s, "Bo", Subject::Goals, &[1])).unwrap();
    odd.dots.push(Dots { goal: 3, count: 1 });
    let all_gone = cast(&room(), "Eve", Subject::Goals, &[4, 4]);
    let text = [stranger, cy, scenario_link, encode_ballot(&odd), all_gone].join("\n");
    let reports = s.workshop.merge_ballots(&s.goals, &text);
    assert_eq!(
        messages(&reports),
        vec![
            "Line 1: Dee's ballot is for another workshop, “Checkout”, started on 15 Nov 2026, code 0BAD; this one is “Payments API”, started on 22 Nov 2026, code 3F9A.",
            "Line 2: Cy's ballot is in. 1 dot on a removed goal was dropped.",
            "Line 3: This is a scenario link, not a ballot: merge it under “Collect participants' goals”, or open it as a scenario.",
            "Line 4: Bo's ballot is in. 1 dot on a goal outside the vote on goals was dropped.",
            "Line 5: Eve's ballot was not counted: every dot was on goals removed since, or outside the vote on goals. Ask Eve to vote again.",
        ]
    );
    assert_eq!(s.workshop.ballot("Cy").unwrap().dots, vec![2, 2]);
    assert_eq!(s.workshop.ballot("Bo").unwrap().dots, vec![1]);
}

#[test]
fn ballots_that_break_a_rule_are_refused_whole() {
    let s = room();
    let ana = cast(&s, "Ana", Subject::Goals, &[1, 1, 4]);
    let fay = cast(&s, "Fay", Subject::Goals, &[2]);
    let merge = |change: &dyn Fn(&mut flywheel_core::model::Scenario), link: &str| {
        let mut s = s.clone();
        change(&mut s);
        let reports = s.workshop.merge_ballots(&s.goals, link);
        assert_eq!(s.workshop.voters().len(), 5, "nothing counted");
        reports[0].message.clone()
    };
    assert_eq!(
        merge(
            &|s| {
                let _ = s.workshop.set_dots_each(2);
            },
            &ana),
        "Line 1: Ana's ballot was not counted: it holds 3 dots, and each person has 2 dots here. Ask Ana to change it and send it again."
    );
    assert_eq!(
        merge(
            &|s| {
                let _ = s.workshop.set_per_goal(Some(1));
            },
            &ana),
        "Line 1: Ana's ballot was not counted: it puts 2 dots on “Deploy daily”, and at most 1 dot may go on one goal here. Ask Ana to change it and send it again."
    );
    assert_eq!(
        merge(
            &|s| {
                let _ = s.workshop.set_own_goals(false);
            },
            &ana),
        "Line 1: Ana's ballot was not counted: Ana proposed “Halve rework”, and in this workshop nobody votes for a goal they proposed. Ask Ana to change it and send it again."
    );
    assert_eq!(
        merge(
            &|s| {
                let _ = s.workshop.set_facilitator_votes(false);
            },
            &fay),
        "Line 1: Fay's ballot was not counted: Fay facilitates, and in this workshop the facilitator does not vote."
    );
}

#[test]
fn thirty_ballots_merge_at_once() {
    let mut s = empty_room();
    let goals = [1, 2, 4];
    let links: Vec<String> = (1..=30usize)
        .map(|i| {
            let dots = [
                goals[i % 3],
                goals[(i / 3) % 3],
                if i % 5 == 0 { 1 } else { 4 },
            ];
            cast(&s, &format!("Voter {i:02}"), Subject::Goals, &dots)
        })
        .collect();
    let reports = s.workshop.merge_ballots(&s.goals, &links.join("\n"));
    assert_eq!(reports.len(), 30);
    assert!(reports.iter().all(|r| r.outcome == Outcome::Added));
    assert_eq!(summarise(&reports), "30 ballots added.");
    assert_eq!(
        s.workshop.progress(Subject::Goals).words(),
        "30 of 30 ballots in."
    );
    s.workshop.reveal(Subject::Goals).unwrap();
    // Tallied independently (Python, same rule per voter i = 1..30:
    // goals[i % 3], goals[(i // 3) % 3], 1 if i % 5 == 0 else 4):
    // [(1, 27), (2, 20), (4, 43)], 90 dots = 30 voters × 3.
    let ranked = s.workshop.ranking(Subject::Goals, &goals).unwrap();
    let got: Vec<(u32, u32, usize)> = ranked.iter().map(|r| (r.goal, r.dots, r.rank)).collect();
    assert_eq!(got, vec![(4, 43, 1), (1, 27, 2), (2, 20, 3)]);
    assert!(s.is_valid());
}

#[test]
fn initiatives_have_their_own_vote_and_ballots() {
    let mut s = room();
    let bo = cast(&s, "Bo", Subject::Initiatives, &[3, 5, 5]);
    let reports = s.workshop.merge_ballots(&s.goals, &bo);
    assert_eq!(messages(&reports), vec!["Line 1: Bo's ballot is in."]);
    s.workshop.place_dot(&s.goals, "Ana", 3).unwrap();
    s.workshop.place_dot(&s.goals, "Ana", 1).unwrap();
    assert_eq!(s.workshop.dots_left("Ana", Subject::Initiatives), Some(2));
    assert_eq!(s.workshop.dots_left("Ana", Subject::Goals), Some(2));
    assert_eq!(
        s.workshop.progress(Subject::Initiatives).count(),
        "2 of 5 ballots in"
    );
    assert_eq!(
        s.workshop.progress(Subject::Goals).count(),
        "1 of 5 ballots in"
    );
    s.workshop.reveal(Subject::Initiatives).unwrap();
    let ranked = s
        .workshop
        .ranking(
            Subject::Initiatives,
            &candidates(&s.goals, Subject::Initiatives),
        )
        .unwrap();
    // Goal 3: Bo 1 + Ana 1 = 2; goal 5: Bo 2. A tie shares rank 1.
    let got: Vec<(u32, u32, usize)> = ranked.iter().map(|r| (r.goal, r.dots, r.rank)).collect();
    assert_eq!(got, vec![(3, 2, 1), (5, 2, 1)]);
    assert!(s.workshop.ranking(Subject::Goals, &[1, 2, 4]).is_err());

    // A ballot for one vote replaces only that vote's dots.
    s.workshop.reopen(Subject::Initiatives).unwrap();
    let bo_goals = cast(&s, "Bo", Subject::Goals, &[2]);
    s.workshop.merge_ballots(&s.goals, &bo_goals);
    assert_eq!(s.workshop.ballot("Bo").unwrap().initiatives, vec![3, 5, 5]);
    assert_eq!(s.workshop.ballot("Bo").unwrap().dots, vec![2]);
}

#[test]
fn a_device_sends_only_a_ballot_it_may() {
    let mut s = room();
    s.workshop.set_own_goals(false).unwrap();
    let mut device = s.clone();
    device.workshop = s.workshop.invitation();
    assert_eq!(
        device.workshop.ballot_link(Subject::Goals, "Ana"),
        Err("Place at least one dot before sending your ballot.".to_string())
    );
    assert_eq!(
        device.workshop.place_dot(&device.goals, "Ana", 4),
        Err("Ana proposed “Halve rework”; in this workshop proposers do not vote for their own goals.".to_string())
    );
    let mut unstarted = flywheel_core::model::Scenario::default();
    unstarted.workshop.add_voter("Ana").unwrap();
    assert!(unstarted
        .workshop
        .ballot_link(Subject::Goals, "Ana")
        .unwrap_err()
        .starts_with("This workshop has not been started"));
    let sent = SentBallot {
        workshop: s.workshop.identity().unwrap().clone(),
        subject: Subject::Goals,
        voter: "Ana".into(),
        dots: Vec::new(),
    };
    let reports = s.workshop.merge_ballots(&s.goals, &encode_ballot(&sent));
    assert_eq!(
        messages(&reports),
        vec!["Line 1: Ana's ballot holds no dots."]
    );
}

#[test]
fn the_ballot_decoder_survives_mutated_input() {
    // Every accepted ballot, however altered, leaves the workshop valid
    // once merged; nothing panics.
    let s = room();
    let valid: Vec<String> = [("Ana", &[1, 1, 2][..]), ("Bo", &[4]), ("Cy", &[2, 4])]
        .iter()
        .map(|(v, d)| cast(&s, v, Subject::Goals, d))
        .collect();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.b";
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut merged = s.clone();
    let mut accepted = 0;
    for _ in 0..3_000 {
        let mut bytes = valid[next(valid.len())].clone().into_bytes();
        for _ in 0..=next(3) {
            let i = next(bytes.len());
            bytes[i] = alphabet[next(alphabet.len())];
        }
        let text = String::from_utf8(bytes).unwrap();
        if decode_ballot(&text).is_ok() {
            accepted += 1;
            merged.workshop.merge_ballots(&merged.goals, &text);
        }
    }
    assert!(merged.is_valid());
    println!("accepted {accepted} of 3000 mutated ballots");
}
