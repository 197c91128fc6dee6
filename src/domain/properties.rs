//! Property tests of "nothing lost": stored and exported data round-trips, merging is safe
//! and idempotent, and damaged text is read as far as it can be without a panic.
//!
//! # The case budget
//!
//! These tests run a fixed number of generated cases, at least 10,000 in all
//! ([`BUDGET`]). They drive proptest's `TestRunner` directly instead of the `proptest!`
//! macro because the macro lets the `PROPTEST_CASES` variable *replace* the configured
//! count, and `scripts/test` sets it to 1000, which would quietly cut the budget. Here the
//! variable can only raise the count (for a longer soak run).
//!
//! Each test, once it passes, writes one line to the process's standard error, straight to
//! the stream so that `cargo test` does not capture it even without `--nocapture`:
//!
//! ```text
//! proptest cases: NAME N
//! ```
//!
//! `cargo test --lib 2>&1 | grep '^proptest cases:' | awk '{ s += $4 } END { print s }'`
//! adds them up. `proptest_case_budget` checks the configured sum and writes
//! `proptest case budget: N` the same way.

use std::collections::BTreeMap;
use std::io::Write;

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseResult, TestRunner};
use serde_json::{Map, Value};

use super::checkin::{CheckIn, Draft, Response};
use super::export::{self, ImportError};
use super::ids;
use super::instrument::{self, INSTRUMENTS};
use super::plausible::{self, Impossible, UnknownInstruments};
use super::referral::Referral;
use super::stored::{self, Envelope};

/// Stored check-ins round-trip through the envelope.
const STORED_ROUND_TRIP: u32 = 2_500;
/// Exports round-trip, and merging is complete, safe and idempotent.
const EXPORT_AND_MERGE: u32 = 2_500;
/// Random byte edits never panic and every record is accounted for.
const BYTE_EDITS: u32 = 3_000;
/// One damaged record never hides the others.
const ONE_DAMAGED_RECORD: u32 = 2_000;
/// The linear merge gives exactly what the first, quadratic one gave.
const MERGE_ORACLE: u32 = 2_000;
/// Any check-in the app could make is plausible; any out-of-range answer is not.
const PLAUSIBLE: u32 = 1_000;

/// Every budgeted property and its case count.
const BUDGET: &[(&str, u32)] = &[
    ("stored_round_trip", STORED_ROUND_TRIP),
    ("export_and_merge", EXPORT_AND_MERGE),
    ("byte_edits", BYTE_EDITS),
    ("one_damaged_record", ONE_DAMAGED_RECORD),
    ("merge_oracle", MERGE_ORACLE),
    ("plausible", PLAUSIBLE),
];

/// Writes a line past the test harness's capture, so it shows in every run.
pub(super) fn announce(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// A runner for `cases` generated values, or more if `PROPTEST_CASES` asks for more (never
/// fewer), with the number it will run.
pub(super) fn runner(cases: u32) -> (TestRunner, u32) {
    let asked = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0);
    let cases = cases.max(asked);
    let config = ProptestConfig {
        // Regressions are named in the failure message; no files are written beside the code.
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    };
    (TestRunner::new(config), cases)
}

/// Runs `test` on `cases` generated values (or more, if `PROPTEST_CASES` asks for more),
/// then announces the count. Other modules' property tests use it too, to be counted alike.
pub(super) fn check<S: Strategy>(
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> TestCaseResult,
) where
    S::Value: std::fmt::Debug,
{
    let (mut runner, cases) = runner(cases);
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{name}: {e}");
    }
    announce(&format!("proptest cases: {name} {cases}"));
}

#[test]
fn proptest_case_budget() {
    let total: u32 = BUDGET.iter().map(|(_, n)| n).sum();
    assert!(total >= 10_000, "only {total} generated cases are budgeted");
    announce(&format!("proptest case budget: {total}"));
}

// ---- generators ----

fn time() -> impl Strategy<Value = DateTime<Utc>> {
    // 2000-01-01 to 2100-01-01, to the nanosecond, so precision is tested too.
    (946_684_800i64..4_102_444_800, 0u32..1_000_000_000)
        .prop_map(|(s, n)| Utc.timestamp_opt(s, n).single().unwrap_or_default())
}

/// Fields a newer app might have written: names that cannot clash with known ones.
fn extra() -> impl Strategy<Value = Map<String, Value>> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "\\PC{0,8}".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    prop_oneof![
        3 => Just(Map::new()),
        1 => prop::collection::btree_map("x_[a-z_]{1,6}", value, 1..3)
            .prop_map(|m: BTreeMap<String, Value>| m.into_iter().collect()),
    ]
}

fn response() -> impl Strategy<Value = Response> {
    (
        prop::collection::vec(prop::option::weighted(0.95, 0u8..=5), 14),
        extra(),
    )
        .prop_map(|(answers, extra)| Response {
            instrument_id: "mhc-sf".into(),
            instrument_version: "1".into(),
            answers,
            extra,
        })
}

/// Ids as the app makes them and fixtures write them: plain tokens ([`ids::is_plain_token`]).
/// Short, so that generated lists share ids.
const ID: &str = "[A-Za-z0-9._-]{1,12}";

fn checkin() -> impl Strategy<Value = CheckIn> {
    checkin_with_ids(ID)
}

fn checkin_with_ids(ids: &'static str) -> impl Strategy<Value = CheckIn> {
    (
        ids,
        time(),
        0i64..2_592_000,
        prop::collection::vec(response(), 1..3),
        extra(),
    )
        .prop_map(|(id, started_at, took, responses, extra)| CheckIn {
            id,
            started_at,
            finished_at: started_at + Duration::seconds(took),
            responses,
            follow_up: Default::default(),
            with_volunteer: false,
            extra,
        })
}

/// Check-ins with distinct ids, as a device stores them.
fn checkins(sizes: std::ops::Range<usize>) -> impl Strategy<Value = Vec<CheckIn>> {
    prop::collection::vec(checkin(), sizes).prop_map(|mut list| {
        let mut seen = std::collections::HashSet::new();
        list.retain(|c| seen.insert(c.id.clone()));
        list
    })
}

fn draft() -> impl Strategy<Value = Option<Draft>> {
    prop::option::of(
        (ID, prop::option::of(time()), response(), extra()).prop_map(
            |(id, started_at, r, extra)| Draft {
                id,
                started_at,
                responses: vec![r],
                follow_up: Default::default(),
                with_volunteer: false,
                extra,
            },
        ),
    )
}

fn sorted(mut list: Vec<CheckIn>) -> Vec<CheckIn> {
    list.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

// ---- properties ----

#[test]
fn stored_check_ins_round_trip() {
    check(
        "stored_round_trip",
        STORED_ROUND_TRIP,
        prop::collection::vec(checkin(), 0..8),
        |list| {
            let text = Envelope::encode(&list).map_err(|e| TestCaseError::fail(e.to_string()))?;
            // Through the check the app restores check-ins with: nothing it made is set aside.
            let r = stored::restore_checkins(Some(&text));
            prop_assert!(r.set_aside.is_empty(), "{:?}", r.set_aside);
            prop_assert!(!r.migrated);
            prop_assert_eq!(r.value, list);
            Ok(())
        },
    );
}

/// A stored list and a file drawn from the same records, some changed in the file, so that
/// ids overlap, match exactly, or conflict.
fn stored_and_file() -> impl Strategy<Value = (Vec<CheckIn>, Vec<CheckIn>, Option<Draft>)> {
    checkins(0..10)
        .prop_flat_map(|pool| {
            let n = pool.len();
            (
                Just(pool),
                prop::collection::vec(any::<bool>(), n),
                prop::collection::vec(0u8..4, n),
                prop::collection::vec(-3i64..3, n),
                draft(),
            )
        })
        .prop_map(|(pool, on_device, in_file, shift, draft)| {
            let mut stored = vec![];
            let mut file = vec![];
            for (i, c) in pool.into_iter().enumerate() {
                if on_device[i] {
                    stored.push(c.clone());
                }
                match in_file[i] {
                    0 => {}
                    1 => file.push(c),
                    _ => {
                        // The same check-in, changed: finished earlier, later or at the same time.
                        let mut changed = c;
                        changed.finished_at += Duration::hours(shift[i]);
                        changed.extra.insert("x_changed".into(), Value::from(true));
                        file.push(changed);
                    }
                }
            }
            (stored, file, draft)
        })
}

#[test]
fn exports_round_trip_and_merging_is_safe_and_idempotent() {
    check(
        "export_and_merge",
        EXPORT_AND_MERGE,
        stored_and_file(),
        |(stored, file, draft)| {
            let now = Utc
                .timestamp_opt(1_800_000_000, 0)
                .single()
                .unwrap_or_default();
            let text = export::build(&file, draft.as_ref(), &[], now)
                .to_json()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let parsed = export::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&parsed.checkins, &file);
            prop_assert_eq!(&parsed.draft, &draft);
            prop_assert!(parsed.unreadable.is_empty());

            // Into an empty device: the same set.
            let fresh = export::merge(&[], &parsed.checkins);
            prop_assert_eq!(sorted(fresh.checkins), sorted(file.clone()));
            prop_assert_eq!(fresh.summary.added, file.len());

            // Into a device with data: nothing stored is lost.
            let merged = export::merge(&stored, &parsed.checkins);
            let summary = &merged.summary;
            prop_assert_eq!(
                summary.added + summary.already_there + summary.conflicts,
                file.len()
            );
            for old in &stored {
                let kept = merged.checkins.contains(old);
                let replaced_by_later = merged.displaced.contains(old)
                    && merged
                        .checkins
                        .iter()
                        .any(|c| c.id == old.id && c.finished_at > old.finished_at);
                prop_assert!(kept || replaced_by_later, "lost {:?}", old.id);
            }
            for new in &file {
                prop_assert!(merged
                    .checkins
                    .iter()
                    .any(|c| c.id == new.id && c.finished_at >= new.finished_at));
            }
            let mut ids: Vec<&str> = merged.checkins.iter().map(|c| c.id.as_str()).collect();
            ids.sort_unstable();
            let before = ids.len();
            ids.dedup();
            prop_assert_eq!(ids.len(), before, "no duplicate ids");

            // Importing the same file again adds nothing.
            let again = export::merge(&merged.checkins, &parsed.checkins);
            prop_assert_eq!(&again.checkins, &merged.checkins);
            prop_assert!(again.displaced.is_empty());
            prop_assert_eq!(again.summary.added + again.summary.replaced, 0);
            Ok(())
        },
    );
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Insert(usize, u8),
    Flip(usize, u8),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    // Positions are taken modulo the text's length when applied.
    prop_oneof![
        3 => any::<usize>().prop_map(Edit::Delete),
        3 => (any::<usize>(), any::<u8>()).prop_map(|(p, b)| Edit::Insert(p, b)),
        3 => (any::<usize>(), 0u8..8).prop_map(|(p, bit)| Edit::Flip(p, bit)),
        1 => any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for e in edits {
        let len = bytes.len().max(1);
        match *e {
            Edit::Delete(p) if !bytes.is_empty() => {
                bytes.remove(p % len);
            }
            Edit::Insert(p, b) => bytes.insert(p % (bytes.len() + 1), b),
            Edit::Flip(p, bit) if !bytes.is_empty() => bytes[p % len] ^= 1 << bit,
            Edit::Truncate(p) => bytes.truncate(p % len),
            _ => {}
        }
    }
    // A file or a stored value reaches the app as text: invalid bytes become U+FFFD, as the
    // browser's decoder would make them.
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The records under `path` of the text read as plain JSON, when that is a list.
fn record_count(text: &str, path: &[&str]) -> Option<usize> {
    let mut value: Value = serde_json::from_str(text).ok()?;
    for key in path {
        value = value.get_mut(*key)?.take();
    }
    value.as_array().map(Vec::len)
}

#[test]
fn byte_edits_never_panic_and_every_record_is_accounted_for() {
    check(
        "byte_edits",
        BYTE_EDITS,
        (
            prop::collection::vec(checkin(), 0..4),
            any::<bool>(),
            prop::collection::vec(edit(), 1..5),
        ),
        |(list, as_export, edits)| {
            let original = if as_export {
                export::build(&list, None, &[], Utc::now()).to_json()
            } else {
                Envelope::encode(&list)
            }
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let text = apply(&original, &edits);

            let r = stored::restore_checkins(Some(&text));
            let whole_kept =
                r.value.is_empty() && r.set_aside.len() == 1 && r.set_aside[0].raw == text;
            if !whole_kept {
                // The envelope opened: each record came back or was set aside, one for one.
                let n = record_count(&text, &["data"]);
                prop_assert_eq!(Some(r.value.len() + r.set_aside.len()), n);
            }

            match export::parse(&text) {
                Ok(p) => {
                    let n = record_count(&text, &["data", "checkins"]).unwrap_or(0);
                    prop_assert!(p.checkins.len() + p.unreadable.len() + p.impossible.len() >= n);
                }
                Err(e) => {
                    prop_assert!(!e.to_string().is_empty());
                    if let ImportError::Empty = e {
                        let blank = text.trim_start_matches('\u{feff}').trim().is_empty();
                        prop_assert!(blank, "only a blank file is empty");
                    }
                }
            }
            Ok(())
        },
    );
}

/// Ways to break one record while the JSON around it stays valid: unreadable (0 to 6, and
/// the last), or readable but impossible (7 and 8).
fn damage(record: &mut Value, how: u8) {
    match how {
        0 => record["id"] = Value::from(7),
        1 => record["finished_at"] = Value::from("yesterday"),
        2 => record["started_at"] = Value::Null,
        3 => record["responses"][0]["answers"][0] = Value::from(300),
        4 => record["responses"] = Value::from("none"),
        5 => *record = Value::from(12),
        6 => *record = Value::Null,
        7 => record["responses"][0]["answers"][0] = Value::from(6),
        8 => record["id"] = Value::from("not a token"),
        _ => *record = Value::from(u64::MAX),
    }
}

#[test]
fn one_damaged_record_never_hides_the_others() {
    check(
        "one_damaged_record",
        ONE_DAMAGED_RECORD,
        // Never empty: dropping duplicates keeps the first of each id.
        checkins(1..8).prop_flat_map(|l| {
            let n = l.len();
            (Just(l), 0..n, 0u8..10)
        }),
        |(list, k, how)| {
            let mut records: Vec<Value> = list
                .iter()
                .map(serde_json::to_value)
                .collect::<Result<_, _>>()
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            damage(&mut records[k], how);
            let mut others = list.clone();
            others.remove(k);

            let stored_text = serde_json::json!({ "schema": 1, "data": records }).to_string();
            let r = stored::restore_checkins(Some(&stored_text));
            prop_assert_eq!(&r.value, &others);
            prop_assert_eq!(r.set_aside.len(), 1);
            prop_assert_eq!(&r.set_aside[0].raw, &records[k].to_string());

            let file = serde_json::json!({
                "format": "flourish-export", "version": 1, "app": "flourish",
                "exported_at": "2026-11-21T10:00:00Z",
                "data": { "checkins": records, "draft": null, "set_aside": [] }
            })
            .to_string();
            let p = export::parse(&file).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(&p.checkins, &others);
            prop_assert_eq!(p.unreadable.len() + p.impossible.len(), 1);
            let plan = export::plan_import(&[], None, &[], &p);
            prop_assert_eq!(plan.summary.unreadable, 1);
            prop_assert_eq!(plan.set_aside.len(), 1, "the damaged record is kept aside");
            Ok(())
        },
    );
}

// ---- the linear merge against the quadratic oracle ----

/// Check-ins drawn from a handful of ids, two finishing times and two answers, so that a
/// stored list holds duplicate ids (older damage), and a file repeats ids, matches stored
/// records exactly, conflicts with them and ties with them. Ids may be any text here: the
/// merge is checked on its own, before any import check.
fn crowded_checkins() -> impl Strategy<Value = Vec<CheckIn>> {
    let one = (
        prop_oneof![
            Just("a".to_owned()),
            Just("b".to_owned()),
            Just("é/ d".to_owned()),
            "\\PC{1,3}",
        ],
        0i64..3,
        0u8..2,
        any::<bool>(),
    )
        .prop_map(|(id, hours, answer, extra)| {
            let at = Utc
                .timestamp_opt(1_800_000_000, 0)
                .single()
                .unwrap_or_default();
            let mut c = CheckIn {
                id,
                started_at: at,
                finished_at: at + Duration::hours(hours),
                responses: vec![Response {
                    instrument_id: "mhc-sf".into(),
                    instrument_version: "1".into(),
                    answers: vec![Some(answer); 14],
                    extra: Map::new(),
                }],
                follow_up: Default::default(),
                with_volunteer: false,
                extra: Map::new(),
            };
            if extra {
                c.extra.insert("x_note".into(), Value::from(true));
            }
            c
        });
    prop::collection::vec(one, 0..12)
}

fn crowded_referrals() -> impl Strategy<Value = Vec<Referral>> {
    let one = (
        prop_oneof![Just("r1"), Just("r2"), Just("r3")],
        prop::option::of(0i64..3),
        prop_oneof![Just("Sam"), Just("Alex")],
    )
        .prop_map(|(id, hours, name)| Referral {
            id: id.to_owned(),
            submitted_at: hours.map(|h| {
                Utc.timestamp_opt(1_800_000_000 + h * 3600, 0)
                    .single()
                    .unwrap_or_default()
            }),
            name: name.to_owned(),
            ..Referral::default()
        });
    prop::collection::vec(one, 0..10)
}

#[test]
fn the_linear_merge_gives_exactly_what_the_quadratic_one_gave() {
    check(
        "merge_oracle",
        MERGE_ORACLE,
        (
            crowded_checkins(),
            crowded_checkins(),
            crowded_referrals(),
            crowded_referrals(),
        ),
        |(stored, file, stored_referrals, file_referrals)| {
            // The same lists, the same order, the same displaced copies, the same counts.
            prop_assert_eq!(
                export::merge(&stored, &file),
                export::quadratic::merge(&stored, &file)
            );
            prop_assert_eq!(
                export::merge_referrals(&stored_referrals, &file_referrals),
                export::quadratic::merge_referrals(&stored_referrals, &file_referrals)
            );
            Ok(())
        },
    );
}

// ---- what is plausible ----

/// A response to a known instrument with every answer among its options, or blank.
fn possible_response() -> impl Strategy<Value = Response> {
    (0..INSTRUMENTS.len()).prop_flat_map(|k| {
        let i: &'static instrument::Instrument = INSTRUMENTS[k];
        let scores: Vec<u8> = i.options.iter().map(|o| o.score).collect();
        prop::collection::vec(
            prop::option::of(prop::sample::select(scores)),
            i.items.len(),
        )
        .prop_map(move |answers| Response {
            answers,
            ..Response::blank(i)
        })
    })
}

#[test]
fn every_check_in_the_app_can_make_is_kept_and_any_other_answer_is_set_aside() {
    check(
        "plausible",
        PLAUSIBLE,
        (
            any::<[u8; 16]>(),
            prop::collection::vec(possible_response(), 1..4),
            any::<prop::sample::Index>(),
            any::<u8>(),
        ),
        |(bytes, responses, at, wrong)| {
            let mut c = CheckIn {
                id: ids::uuid_v4_from(bytes),
                started_at: Utc::now(),
                finished_at: Utc::now(),
                responses,
                follow_up: Default::default(),
                with_volunteer: false,
                extra: Map::new(),
            };
            prop_assert_eq!(plausible::checkin(&c, UnknownInstruments::SetAside), Ok(()));

            // One answer changed to any score the instrument does not offer.
            let n: usize = c.responses.iter().map(|r| r.answers.len()).sum();
            let mut k = at.index(n);
            let r = c
                .responses
                .iter_mut()
                .find(|r| {
                    let here = k < r.answers.len();
                    if !here {
                        k -= r.answers.len();
                    }
                    here
                })
                .ok_or_else(|| TestCaseError::fail("no such answer"))?;
            let offered = r
                .instrument()
                .is_some_and(|i| i.option_for(wrong).is_some());
            r.answers[k] = Some(wrong);
            let got = plausible::checkin(&c, UnknownInstruments::Keep);
            if offered {
                prop_assert_eq!(got, Ok(()));
            } else {
                let is_not_an_option = matches!(got, Err(Impossible::NotAnOption { .. }));
                prop_assert!(is_not_an_option, "{:?}", got);
            }
            Ok(())
        },
    );
}
