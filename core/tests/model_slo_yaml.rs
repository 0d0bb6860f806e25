//! The YAML the SLO exports read and write: the strict reader on OpenSLO's
//! own files and on the forms the exports meet, and the emitter's quoting
//! read back exactly.

// Test helpers: a failed unwrap is a failed test, with its line.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use flywheel_core::model::slo::yaml::{parse_documents, quoted, Node, Yaml};

fn one(text: &str) -> Node {
    let mut docs = parse_documents(text).unwrap();
    assert_eq!(docs.len(), 1, "{text}");
    docs.remove(0)
}

fn s(node: &Node, path: &[&str]) -> String {
    let mut n = node;
    for k in path {
        n = n.get(k).unwrap_or_else(|| panic!("no {k}"));
    }
    n.as_str().unwrap().to_string()
}

#[test]
fn openslo_examples_read() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/openslo");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let doc = one(&text);
            assert_eq!(s(&doc, &["apiVersion"]), "openslo/v1", "{}", path.display());
        }
    }
    let text =
        std::fs::read_to_string(format!("{dir}/budgeting-method--timeslices-slo.yaml")).unwrap();
    let doc = one(&text);
    let Yaml::Seq(objectives) = &doc.get("spec").unwrap().get("objectives").unwrap().value else {
        panic!()
    };
    assert_eq!(objectives.len(), 2);
    assert_eq!(objectives[0].get("target").unwrap().as_f64(), Some(0.995));
    assert_eq!(
        objectives[1].get("displayName").unwrap().as_str(),
        Some("SLA")
    );
    assert_eq!(objectives[0].line, 34);
    let tw = &doc.get("spec").unwrap().get("timeWindow").unwrap();
    let Yaml::Seq(w) = &tw.value else { panic!() };
    assert_eq!(w[0].get("isRolling").unwrap().as_bool(), Some(false));
    assert_eq!(s(&w[0], &["calendar", "startTime"]), "2022-01-01 12:00:00");
    assert_eq!(s(&w[0], &["duration"]), "1m");
    // `alertPolicies:` with nothing after it is null.
    assert!(doc
        .get("spec")
        .unwrap()
        .get("alertPolicies")
        .unwrap()
        .is_null());
}

#[test]
fn the_emitters_quoting_reads_back_exactly() {
    let hostile = [
        "plain",
        "",
        "a: b # not a comment",
        "\"double\" and 'single' quotes",
        "back\\slash \\n \\u0041",
        "tab\there",
        "new\nline",
        "日本語 — ✓ 🚀 Zürich",
        "{{ $labels.x }} & * ! | > % @ `",
        "- dash",
        "   spaces   ",
        "\u{7}\u{1b}\u{85}\u{2028}\u{feff}\u{7f}",
        "yes",
        "null",
        "~",
        "0.999",
    ];
    for h in hostile {
        let doc = one(&format!("key: {}\n", quoted(h)));
        let got = doc.get("key").unwrap();
        assert_eq!(got.as_str(), Some(h), "{h:?}");
        // Quoted, so never a number or a boolean.
        assert_eq!(got.as_f64(), None);
    }
}

#[test]
fn the_forms_kubernetes_files_use_read() {
    let doc = one("# comment\n\
         a:\n\
         - x\n\
         - 'it''s'\n\
         b: [1, \"two\", {c: d}]\n\
         e: {}\n\
         f: |\n  line one\n    indented\n\n  # kept\n\
         g: >-\n  folded\n  text\n\
         h: \"long\n  folded \\\n  joined\"\n\
         i: plain\n  continued # comment\n\
         j: ~\n\
         k: 1e-3\n\
         \"quoted key\": 2\n");
    let Yaml::Seq(a) = &doc.get("a").unwrap().value else {
        panic!()
    };
    assert_eq!(a[1].as_str(), Some("it's"));
    let Yaml::Seq(b) = &doc.get("b").unwrap().value else {
        panic!()
    };
    assert_eq!(b[0].as_f64(), Some(1.0));
    assert_eq!(b[2].get("c").unwrap().as_str(), Some("d"));
    assert_eq!(doc.get("e").unwrap().value, Yaml::Map(vec![]));
    assert_eq!(s(&doc, &["f"]), "line one\n  indented\n\n# kept\n");
    assert_eq!(s(&doc, &["g"]), "folded text");
    assert_eq!(s(&doc, &["h"]), "long folded joined");
    assert_eq!(s(&doc, &["i"]), "plain continued");
    assert!(doc.get("j").unwrap().is_null());
    assert_eq!(doc.get("k").unwrap().as_f64(), Some(0.001));
    assert_eq!(doc.get("quoted key").unwrap().as_f64(), Some(2.0));
    // Several documents, and a top-level list of objects.
    let docs = parse_documents("---\na: 1\n---\n# empty\n---\n- b: 2\n  c: 3\n...\n").unwrap();
    assert_eq!(docs.len(), 2);
    let Yaml::Seq(items) = &docs[1].value else {
        panic!()
    };
    assert_eq!(items[0].get("c").unwrap().as_f64(), Some(3.0));
}

#[test]
fn what_it_does_not_read_is_refused_with_its_line() {
    for (text, line, words) in [
        (
            "a: &x 1\nb: *x\n",
            1,
            "anchors (&), aliases (*) and tags (!) are not supported",
        ),
        ("a: !!str 1\n", 1, "anchors"),
        ("a: 1\na: 2\n", 2, "the key a appears twice"),
        ("a:\n  b: 1\n   c: 2\n", 3, "unexpected indentation"),
        ("a: [1,\n  2]\n", 1, "must close on the line it opens"),
        ("a: \"open\n", 1, "never closes"),
        ("a: b: c\n", 1, "cannot hold \": \""),
        ("a:\n\tb: 1\n", 2, "tab"),
        ("%YAML 1.2\n---\na: 1\n", 1, "directives"),
        ("a: \"\\q\"\n", 1, "unknown escape \\q"),
        ("a: 1\n  b\nc\n", 3, "expected a key"),
    ] {
        let e = parse_documents(text).unwrap_err();
        assert_eq!(e.line, line, "{text:?}: {e}");
        assert!(e.message.contains(words), "{text:?}: {e}");
    }
    // Deep nesting and huge input are refused, not overflowed.
    let deep = "[".repeat(100) + &"]".repeat(100);
    assert!(parse_documents(&format!("a: {deep}\n")).is_err());
    let mut nested = String::new();
    for i in 0..100 {
        nested.push_str(&format!("{}k:\n", " ".repeat(i)));
    }
    assert!(parse_documents(&nested)
        .unwrap_err()
        .message
        .contains("too deeply"));
    assert!(parse_documents(&"a".repeat(300 * 1024)).is_err());
}
