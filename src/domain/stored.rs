//! The versioned envelope every stored value travels in, and tolerant restore.
//!
//! Every key in browser storage holds `{"schema": N, "data": …}`. Restoring never panics and
//! never throws data away: an older schema is migrated forward in order, unknown fields are
//! kept by the record types themselves, and whatever cannot be read is handed back as
//! [`SetAside`] so the storage module can keep it under its own key and tell the person.

use serde::{de::DeserializeOwned, Deserialize, Serialize};
use serde_json::Value;

use super::checkin::CheckIn;
use super::plausible::{self, UnknownInstruments};

/// Key of the finished check-ins. The storage module reads and writes it; the pure core
/// needs the name too, to account for space and to label exports.
pub const CHECKINS_KEY: &str = "flourish.checkins";
/// Key of the check-in in progress.
pub const DRAFT_KEY: &str = "flourish.draft";
/// Prefix of keys holding data that could not be read.
pub const SET_ASIDE_PREFIX: &str = "flourish.aside.";
/// Key of the referral being filled in.
pub const REFERRAL_DRAFT_KEY: &str = "flourish.referral.draft";
/// Key of the referrals the person has finished.
pub const REFERRALS_KEY: &str = "flourish.referrals";
/// Prefix every key this app writes starts with, so "delete everything" finds them all and
/// touches nothing else on the same site.
pub const KEY_PREFIX: &str = "flourish.";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// A migration from schema `from` to `from + 1`, applied to the envelope's `data`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// The migrations this build knows, in order: index `i` upgrades schema `i + 1` to `i + 2`.
/// Schema 1 is the first that shipped, so there are none yet.
pub const MIGRATIONS: &[Migration] = &[];

/// The wrapper written around every stored value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    /// The schema version `data` is written in.
    pub schema: u32,
    /// The value itself.
    pub data: T,
}

impl<T: Serialize> Envelope<T> {
    /// Serialises `data` in the current schema.
    pub fn encode(data: &T) -> Result<String, serde_json::Error> {
        serde_json::to_string(&Envelope {
            schema: SCHEMA_VERSION,
            data,
        })
    }
}

/// Something that could not be read, kept whole so that nothing is lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The exact text that could not be read.
    pub raw: String,
    /// Why, in words a support worker could act on.
    pub reason: String,
}

/// What restoring a stored value produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored<T> {
    /// The readable value (the default when nothing was stored or nothing could be read).
    pub value: T,
    /// Whether the stored value was in an older schema and has been upgraded.
    pub migrated: bool,
    /// The parts that could not be read.
    pub set_aside: Vec<SetAside>,
}

impl<T: Default> Restored<T> {
    fn unreadable(raw: &str, reason: impl Into<String>) -> Self {
        Self {
            value: T::default(),
            migrated: false,
            set_aside: vec![SetAside {
                raw: raw.to_owned(),
                reason: reason.into(),
            }],
        }
    }
}

/// Opens an envelope and migrates its data to the current schema.
fn open(raw: &str, migrations: &[Migration], current: u32) -> Result<(Value, bool), String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(mut envelope) = value else {
        return Err("not a stored Flourish record".into());
    };
    let schema = envelope
        .get("schema")
        .and_then(Value::as_u64)
        .and_then(|s| u32::try_from(s).ok())
        .ok_or("it has no schema version")?;
    if schema == 0 {
        return Err("schema version 0 does not exist".into());
    }
    if schema > current {
        return Err(format!(
            "it was saved by a newer version of this app (schema {schema}, this app reads up to {current})"
        ));
    }
    let mut data = envelope.remove("data").ok_or("it has no data")?;
    for (step, migrate) in migrations.iter().enumerate().skip(schema as usize - 1) {
        data = migrate(data).map_err(|e| format!("upgrading from schema {}: {e}", step + 1))?;
    }
    Ok((data, schema < current))
}

/// Restores a single value. Nothing stored gives the default; anything unreadable gives the
/// default and the raw text set aside.
pub fn restore<T: DeserializeOwned + Default>(raw: Option<&str>) -> Restored<T> {
    restore_with(raw, MIGRATIONS, SCHEMA_VERSION)
}

/// [`restore`] with explicit migrations, for tests of the migration machinery.
pub fn restore_with<T: DeserializeOwned + Default>(
    raw: Option<&str>,
    migrations: &[Migration],
    current: u32,
) -> Restored<T> {
    let Some(raw) = raw else {
        return Restored {
            value: T::default(),
            migrated: false,
            set_aside: vec![],
        };
    };
    match open(raw, migrations, current) {
        Err(reason) => Restored::unreadable(raw, reason),
        Ok((data, migrated)) => match serde_json::from_value(data) {
            Ok(value) => Restored {
                value,
                migrated,
                set_aside: vec![],
            },
            Err(e) => Restored::unreadable(raw, format!("its contents do not fit: {e}")),
        },
    }
}

/// Restores a list record by record: the readable ones are returned and each unreadable one
/// is set aside on its own, so one damaged record never hides the others.
pub fn restore_list<T: DeserializeOwned>(raw: Option<&str>) -> Restored<Vec<T>> {
    restore_list_with(raw, MIGRATIONS, SCHEMA_VERSION)
}

/// [`restore_list`] with explicit migrations.
pub fn restore_list_with<T: DeserializeOwned>(
    raw: Option<&str>,
    migrations: &[Migration],
    current: u32,
) -> Restored<Vec<T>> {
    restore_list_checked(raw, migrations, current, |_: &T| Ok::<(), String>(()))
}

/// [`restore_list_with`], also setting aside each readable record that `check` refuses.
fn restore_list_checked<T: DeserializeOwned, E: std::fmt::Display>(
    raw: Option<&str>,
    migrations: &[Migration],
    current: u32,
    check: impl Fn(&T) -> Result<(), E>,
) -> Restored<Vec<T>> {
    let Some(raw) = raw else {
        return Restored {
            value: vec![],
            migrated: false,
            set_aside: vec![],
        };
    };
    let (data, migrated) = match open(raw, migrations, current) {
        Ok(opened) => opened,
        Err(reason) => return Restored::unreadable(raw, reason),
    };
    let Value::Array(items) = data else {
        return Restored::unreadable(raw, "expected a list of records");
    };
    let mut restored = Restored {
        value: Vec::with_capacity(items.len()),
        migrated,
        set_aside: vec![],
    };
    for (i, item) in items.into_iter().enumerate() {
        let reason = match serde_json::from_value::<T>(item.clone()) {
            Ok(v) => match check(&v) {
                Ok(()) => {
                    restored.value.push(v);
                    continue;
                }
                Err(why) => format!("record {} cannot be right: {why}", i + 1),
            },
            Err(e) => format!("record {} could not be read: {e}", i + 1),
        };
        restored.set_aside.push(SetAside {
            raw: item.to_string(),
            reason,
        });
    }
    restored
}

/// Restores the finished check-ins: as [`restore_list`], and each check-in that cannot be
/// right ([`plausible::checkin`]: an answer its instrument does not offer, an id that is not
/// a plain token) is set aside with the reason like an unreadable one, so it is never scored.
/// A check-in answering an instrument this build does not know stays: only a newer build on
/// this device can have written it, and it is shown unscored until that build is back.
pub fn restore_checkins(raw: Option<&str>) -> Restored<Vec<CheckIn>> {
    restore_list_checked(raw, MIGRATIONS, SCHEMA_VERSION, |c: &CheckIn| {
        plausible::checkin(c, UnknownInstruments::Keep)
    })
}

/// The text kept under a set-aside key: where the piece came from, why it was set aside, and
/// the piece itself, exactly. Storage and import both write this shape so the "Your data"
/// page reads one format.
pub fn aside_text(from: &str, reason: &str, raw: &str) -> String {
    serde_json::json!({ "from": from, "reason": reason, "raw": raw }).to_string()
}

/// The file a person downloads of everything set aside: each piece under the key it is kept
/// at, exactly as kept.
pub fn set_aside_file(items: &[(String, String)]) -> String {
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|(key, text)| serde_json::json!({ "key": key, "text": text }))
        .collect();
    serde_json::json!({ "format": "flourish-set-aside", "version": 1, "items": items }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_aside_file_keeps_each_piece_exactly_under_its_key() {
        let text = set_aside_file(&[("flourish.aside.x.1".into(), "{\"id\":".into())]);
        let file: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(file["format"], "flourish-set-aside");
        assert_eq!(file["items"][0]["key"], "flourish.aside.x.1");
        assert_eq!(file["items"][0]["text"], "{\"id\":");
    }
    use crate::domain::checkin::Draft;
    use proptest::prelude::*;

    /// A check-in exactly as schema 1 writes it: the fixture guards the stored format.
    const CHECKINS_V1: &str = include_str!("../../tests/fixtures/checkins.v1.json");

    #[test]
    fn the_schema_1_fixture_restores() {
        let r: Restored<Vec<CheckIn>> = restore_list(Some(CHECKINS_V1));
        assert!(r.set_aside.is_empty(), "{:?}", r.set_aside);
        assert!(!r.migrated);
        assert_eq!(r.value.len(), 2);
        let first = &r.value[0];
        assert_eq!(first.id, "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f");
        assert_eq!(first.responses[0].instrument_id, "mhc-sf");
        assert_eq!(first.flourishing().and_then(|s| s.total), Some(42));
        // An unknown field from a newer app survives a save.
        assert_eq!(
            first.extra.get("mood_note").and_then(Value::as_str),
            Some("kept")
        );
        let again = Envelope::encode(&r.value).unwrap();
        assert!(again.contains("\"mood_note\":\"kept\""));
    }

    #[test]
    fn nothing_stored_is_the_default() {
        let r: Restored<Draft> = restore(None);
        assert_eq!(r.value, Draft::default());
        assert!(r.set_aside.is_empty());
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let r: Restored<Draft> = restore(Some(r#"{"schema":1,"data":{"id":"d1"}}"#));
        assert!(r.set_aside.is_empty());
        assert_eq!(r.value.id, "d1");
        assert!(r.value.responses.is_empty());
    }

    #[test]
    fn unreadable_values_are_set_aside_whole() {
        for raw in [
            "{not json",
            "[]",
            r#"{"data":{}}"#,
            r#"{"schema":0,"data":{}}"#,
            r#"{"schema":1}"#,
            r#"{"schema":1,"data":{"id":5}}"#,
            r#"{"schema":99,"data":{}}"#,
        ] {
            let r: Restored<Draft> = restore(Some(raw));
            assert_eq!(r.value, Draft::default(), "{raw}");
            assert_eq!(r.set_aside.len(), 1, "{raw}");
            assert_eq!(r.set_aside[0].raw, raw);
        }
        let newer: Restored<Draft> = restore(Some(r#"{"schema":2,"data":{}}"#));
        assert!(newer.set_aside[0].reason.contains("newer version"));
    }

    #[test]
    fn one_damaged_record_does_not_hide_the_others() {
        let raw = CHECKINS_V1.replacen(
            "\"finished_at\": \"2026-10-24",
            "\"finished_at\": \"yesterday",
            1,
        );
        let r: Restored<Vec<CheckIn>> = restore_list(Some(&raw));
        assert_eq!(r.value.len(), 1);
        assert_eq!(r.set_aside.len(), 1);
        assert!(r.set_aside[0].raw.contains("yesterday"));
    }

    /// A stored check-in as the app writes it, with these MHC-SF answers and id.
    fn stored_checkin(id: &str, answers: &str, version: &str) -> String {
        format!(
            r#"{{"id":"{id}","started_at":"2026-11-21T09:00:00Z","finished_at":"2026-11-21T09:05:00Z",
               "responses":[{{"instrument_id":"mhc-sf","instrument_version":"{version}","answers":{answers}}}]}}"#
        )
    }

    /// A stored check-in list (schema 1) holding `records`.
    fn stored_list(records: &[String]) -> String {
        format!(r#"{{"schema":1,"data":[{}]}}"#, records.join(","))
    }

    #[test]
    fn a_stored_answer_of_6_on_a_0_to_5_item_is_set_aside_never_scored() {
        let good = stored_checkin("good", "[3,3,3,3,3,3,3,3,3,3,3,3,3,3]", "1");
        let six = stored_checkin("six", "[5,5,6,5,5,5,5,5,5,5,5,5,5,5]", "1");
        let raw = stored_list(&[good, six]);
        // Read without the check, it would score 71 out of 70 and say "flourishing".
        let unchecked: Restored<Vec<CheckIn>> = restore_list(Some(&raw));
        assert_eq!(
            unchecked.value[1].flourishing().and_then(|s| s.total),
            Some(71)
        );

        let r = restore_checkins(Some(&raw));
        assert_eq!(r.value.len(), 1);
        assert_eq!(r.value[0].id, "good");
        assert_eq!(r.set_aside.len(), 1);
        assert!(r.set_aside[0].raw.contains("\"six\""));
        assert!(
            r.set_aside[0].reason.contains("record 2 cannot be right")
                && r.set_aside[0].reason.contains("answer 6 to question 3"),
            "{}",
            r.set_aside[0].reason
        );
    }

    #[test]
    fn a_stored_answer_of_300_is_set_aside_as_unreadable() {
        let raw = stored_list(&[stored_checkin(
            "big",
            "[300,3,3,3,3,3,3,3,3,3,3,3,3,3]",
            "1",
        )]);
        for r in [restore_checkins(Some(&raw)), restore_list(Some(&raw))] {
            assert!(r.value.is_empty());
            assert!(r.set_aside[0].reason.contains("could not be read"));
        }
    }

    #[test]
    fn a_stored_check_in_whose_id_is_not_a_plain_token_is_set_aside() {
        let raw = stored_list(&[stored_checkin(
            "../x y",
            "[3,3,3,3,3,3,3,3,3,3,3,3,3,3]",
            "1",
        )]);
        let r = restore_checkins(Some(&raw));
        assert!(r.value.is_empty());
        assert!(r.set_aside[0].reason.contains("id"));
    }

    #[test]
    fn a_stored_check_in_from_a_newer_instrument_version_is_kept_unscored() {
        let raw = stored_list(&[stored_checkin("v2", "[9,9,9]", "2")]);
        let r = restore_checkins(Some(&raw));
        assert!(r.set_aside.is_empty());
        assert_eq!(r.value[0].flourishing(), None);
    }

    #[test]
    fn the_schema_1_fixture_restores_through_the_check_unchanged() {
        let r = restore_checkins(Some(CHECKINS_V1));
        assert!(r.set_aside.is_empty(), "{:?}", r.set_aside);
        assert_eq!(r.value, restore_list::<CheckIn>(Some(CHECKINS_V1)).value);
    }

    #[test]
    fn older_schemas_migrate_forward_in_order() {
        fn rename_items(mut v: Value) -> Result<Value, String> {
            let obj = v.as_object_mut().ok_or("not an object")?;
            let items = obj.remove("items").ok_or("no items")?;
            obj.insert("id".into(), items);
            Ok(v)
        }
        fn upper(mut v: Value) -> Result<Value, String> {
            let id = v["id"].as_str().ok_or("no id")?.to_uppercase();
            v["id"] = Value::String(id);
            Ok(v)
        }
        let steps: &[Migration] = &[rename_items, upper];
        let r: Restored<Draft> =
            restore_with(Some(r#"{"schema":1,"data":{"items":"a"}}"#), steps, 3);
        assert_eq!((r.value.id.as_str(), r.migrated), ("A", true));
        let r: Restored<Draft> = restore_with(Some(r#"{"schema":2,"data":{"id":"b"}}"#), steps, 3);
        assert_eq!((r.value.id.as_str(), r.migrated), ("B", true));
        let r: Restored<Draft> = restore_with(Some(r#"{"schema":3,"data":{"id":"c"}}"#), steps, 3);
        assert_eq!((r.value.id.as_str(), r.migrated), ("c", false));
        let r: Restored<Draft> = restore_with(Some(r#"{"schema":1,"data":{}}"#), steps, 3);
        assert!(r.set_aside[0].reason.contains("upgrading from schema 1"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn any_text_is_restored_or_set_aside_whole(raw in ".{0,200}") {
            let r: Restored<Vec<CheckIn>> = restore_list(Some(&raw));
            // Random text is never a valid envelope, so it must come back untouched.
            prop_assert!(r.value.is_empty());
            prop_assert_eq!(r.set_aside.len(), 1);
            prop_assert_eq!(&r.set_aside[0].raw, &raw);
        }

        #[test]
        fn drafts_round_trip(id in "[a-z0-9-]{0,36}", answers in proptest::collection::vec(proptest::option::of(0u8..=5), 0..20)) {
            let mut d = Draft { id, ..Draft::default() };
            d.responses.push(crate::domain::checkin::Response {
                instrument_id: "mhc-sf".into(),
                instrument_version: "1".into(),
                answers,
                ..Default::default()
            });
            let encoded = Envelope::encode(&d).unwrap();
            let r: Restored<Draft> = restore(Some(&encoded));
            prop_assert!(r.set_aside.is_empty());
            prop_assert_eq!(r.value, d);
        }
    }
}
