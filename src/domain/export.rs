//! The export file: one JSON document with everything the person has, and bringing such a
//! file back in without losing anything on either side.
//!
//! ```json
//! {"format":"flourish-export","version":1,"exported_at":"2026-11-21T10:00:00Z","app":"flourish",
//!  "data":{"checkins":[…],"draft":null,"set_aside":[{"key":"…","text":"…"}]}}
//! ```
//!
//! # When the version changes
//!
//! `version` is raised only when an older app would *misread* a newer file: a field that
//! changes its meaning or shape, or a record that moves. Adding a new optional section under
//! `data` (a referral, settings) does **not** raise it: older apps keep reading the sections
//! they know, and report the others by name in [`ImportSummary::unknown_sections`] instead
//! of dropping them silently. Inside a record, unknown fields are kept by the record types
//! themselves (see [`CheckIn::extra`]). The check-in records use the stored schema
//! ([`stored::SCHEMA_VERSION`]); a stored-schema change that older apps cannot read is
//! therefore also an export version change.

use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::checkin::{CheckIn, Draft};
use super::referral::Referral;
use super::stored::{self, SetAside};

/// The value of `format` that marks a Flourish export.
pub const EXPORT_FORMAT: &str = "flourish-export";
/// The export version this build writes and the newest it reads.
pub const EXPORT_VERSION: u32 = 1;
/// The value of `app` this build writes. Informative only: `format` is what identifies a file.
pub const APP_NAME: &str = "flourish";
/// Where set-aside entries from an imported file or displaced by an import are said to come
/// from, in their set-aside text.
pub const IMPORT_SOURCE: &str = "import";

/// The whole export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The export version, [`EXPORT_VERSION`] when written by this build.
    pub version: u32,
    /// When the file was made.
    pub exported_at: DateTime<Utc>,
    /// Which app made the file, [`APP_NAME`].
    pub app: String,
    /// Everything the person has.
    pub data: ExportData,
}

/// Everything the person has. New sections are added here as optional fields (see the module
/// documentation); `extra` carries sections written by a newer app through a round trip.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ExportData {
    /// Finished check-ins, as stored.
    pub checkins: Vec<CheckIn>,
    /// The check-in in progress, written as `null` when there is none.
    pub draft: Option<Draft>,
    /// Everything that could not be read on the device, exactly as it was kept.
    pub set_aside: Vec<SetAsideEntry>,
    /// Finished requests for support. Added after version 1 shipped, as an optional section
    /// (the version rule above): files without it read as having none.
    #[serde(default)]
    pub referrals: Vec<Referral>,
    /// The request for support being filled in, if any (optional section, as above).
    #[serde(default)]
    pub referral_draft: Option<Referral>,
    /// Sections this build does not know.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One set-aside piece: the storage key it was kept under and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAsideEntry {
    /// The key it was kept under on the exporting device.
    pub key: String,
    /// The kept text, exactly.
    pub text: String,
}

/// Builds the export document from what is stored. `set_aside` is the (key, text) list that
/// the storage module's `set_aside()` returns.
pub fn build(
    checkins: &[CheckIn],
    draft: Option<&Draft>,
    set_aside: &[(String, String)],
    exported_at: DateTime<Utc>,
) -> ExportDocument {
    ExportDocument {
        format: EXPORT_FORMAT.to_owned(),
        version: EXPORT_VERSION,
        exported_at,
        app: APP_NAME.to_owned(),
        data: ExportData {
            checkins: checkins.to_vec(),
            draft: draft.cloned(),
            set_aside: set_aside
                .iter()
                .map(|(key, text)| SetAsideEntry {
                    key: key.clone(),
                    text: text.clone(),
                })
                .collect(),
            referrals: vec![],
            referral_draft: None,
            extra: Map::new(),
        },
    }
}

impl ExportDocument {
    /// The file's text: indented, because a person or a support worker may open it.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }

    /// A file name that sorts by date, e.g. `flourish-export-2026-11-21.json`.
    pub fn file_name(&self) -> String {
        format!(
            "flourish-export-{}.json",
            self.exported_at.format("%Y-%m-%d")
        )
    }
}

/// Why a file cannot be imported at all. Anything short of these is imported record by
/// record, with the unreadable records reported in [`ParsedImport::unreadable`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The file has nothing in it.
    #[error("the file is empty")]
    Empty,
    /// The file is not JSON, so it cannot be a Flourish export.
    #[error("this is not a Flourish export: it could not be read ({0})")]
    NotJson(String),
    /// The file is JSON but not a Flourish export (another app's file, say).
    #[error("this is not a Flourish export")]
    NotAnExport,
    /// The file was made by a newer version of the app, which may have changed what the
    /// fields mean; reading it anyway could misread someone's answers.
    #[error("this file was made by a newer version of Flourish (export version {found}); update the app to bring it in")]
    NewerVersion {
        /// The version the file says it is, as written.
        found: String,
    },
    /// The file says it is a Flourish export but its outline is broken.
    #[error("this Flourish export is damaged: {0}")]
    Damaged(String),
}

/// A file read as far as it could be: the readable records and the unreadable ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ParsedImport {
    /// When the file says it was made, if that could be read.
    pub exported_at: Option<DateTime<Utc>>,
    /// The readable check-ins, in file order.
    pub checkins: Vec<CheckIn>,
    /// The check-in that was in progress, if there was one and it could be read.
    pub draft: Option<Draft>,
    /// The set-aside pieces the file carries from the device that made it.
    pub set_aside: Vec<SetAsideEntry>,
    /// The readable finished requests for support.
    pub referrals: Vec<Referral>,
    /// The request for support that was being filled in, if readable.
    pub referral_draft: Option<Referral>,
    /// The parts of the file that could not be read, each kept whole with the reason.
    pub unreadable: Vec<SetAside>,
    /// Names of sections under `data` that this build does not know (from a newer app).
    pub unknown_sections: Vec<String>,
}

/// Reads an export file tolerantly: never panics; a record that cannot be read is reported
/// in [`ParsedImport::unreadable`] and never hides the others.
pub fn parse(text: &str) -> Result<ParsedImport, ImportError> {
    // Some editors save a byte-order mark at the start of the file.
    let text = text.trim_start_matches('\u{feff}');
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Value::Object(mut doc) = value else {
        return Err(ImportError::NotAnExport);
    };
    if doc.get("format").and_then(Value::as_str) != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotAnExport);
    }
    check_version(doc.get("version"))?;
    let exported_at = doc
        .get("exported_at")
        .cloned()
        .and_then(|v| serde_json::from_value(v).ok());
    let data = match doc.remove("data") {
        Some(Value::Object(data)) => data,
        Some(Value::Null) | None => return Err(ImportError::Damaged("it holds no data".into())),
        Some(_) => {
            return Err(ImportError::Damaged(
                "its data is not in the expected shape".into(),
            ))
        }
    };
    let mut parsed = ParsedImport {
        exported_at,
        ..ParsedImport::default()
    };
    for (name, value) in data {
        match name.as_str() {
            "checkins" => parsed.checkins = read_list(value, "check-in", &mut parsed.unreadable),
            "set_aside" => {
                parsed.set_aside = read_list(value, "set-aside piece", &mut parsed.unreadable)
            }
            "referrals" => {
                parsed.referrals = read_list(value, "request for support", &mut parsed.unreadable)
            }
            "referral_draft" if value.is_null() => {}
            "referral_draft" => match serde_json::from_value::<Referral>(value.clone()) {
                Ok(r) => parsed.referral_draft = Some(r),
                Err(e) => parsed.unreadable.push(SetAside {
                    raw: value.to_string(),
                    reason: format!("the request for support in progress could not be read: {e}"),
                }),
            },
            "draft" if value.is_null() => {}
            "draft" => match serde_json::from_value::<Draft>(value.clone()) {
                Ok(draft) => parsed.draft = Some(draft),
                Err(e) => parsed.unreadable.push(SetAside {
                    raw: value.to_string(),
                    reason: format!("the check-in in progress could not be read: {e}"),
                }),
            },
            _ => parsed.unknown_sections.push(name),
        }
    }
    Ok(parsed)
}

/// Accepts versions 1 to [`EXPORT_VERSION`].
fn check_version(version: Option<&Value>) -> Result<(), ImportError> {
    let Some(Value::Number(n)) = version else {
        return Err(ImportError::Damaged("it has no version number".into()));
    };
    match n.as_u64() {
        Some(v) if (1..=u64::from(EXPORT_VERSION)).contains(&v) => Ok(()),
        Some(0) => Err(ImportError::Damaged("version 0 does not exist".into())),
        Some(_) => Err(ImportError::NewerVersion {
            found: n.to_string(),
        }),
        // Not a whole number that fits: a huge one is from the future, anything else is damage.
        None => match n.as_f64() {
            Some(f) if f > f64::from(EXPORT_VERSION) && f.fract() == 0.0 => {
                Err(ImportError::NewerVersion {
                    found: n.to_string(),
                })
            }
            _ => Err(ImportError::Damaged(format!(
                "its version {n} is not a whole number"
            ))),
        },
    }
}

/// Reads a list record by record; anything unreadable goes to `unreadable` whole.
fn read_list<T: serde::de::DeserializeOwned>(
    value: Value,
    what: &str,
    unreadable: &mut Vec<SetAside>,
) -> Vec<T> {
    let items = match value {
        Value::Array(items) => items,
        Value::Null => return vec![],
        other => {
            unreadable.push(SetAside {
                raw: other.to_string(),
                reason: format!("the {what} list is not a list"),
            });
            return vec![];
        }
    };
    let mut read = Vec::with_capacity(items.len());
    for (i, item) in items.into_iter().enumerate() {
        // Deserialise from a reference so the original is still there to keep if it fails.
        match T::deserialize(&item) {
            Ok(v) => read.push(v),
            Err(e) => unreadable.push(SetAside {
                raw: item.to_string(),
                reason: format!("{what} {} could not be read: {e}", i + 1),
            }),
        }
    }
    read
}

/// What an import did, counted so the interface can say it in words. Every readable
/// check-in in the file is counted exactly once in `added`, `already_there` or `conflicts`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Check-ins that were not on this device and now are.
    pub added: usize,
    /// Check-ins that were already here, exactly the same.
    pub already_there: usize,
    /// Check-ins whose id was already here with different content; the one finished later
    /// was kept (see [`merge`]).
    pub conflicts: usize,
    /// Of the conflicts, how many replaced the copy on this device because the file's was
    /// finished later. The replaced copies are set aside, not deleted.
    pub replaced: usize,
    /// Parts of the file that could not be read. They are set aside on this device.
    pub unreadable: usize,
    /// Whether the file's check-in in progress became this device's (only when none was).
    pub draft_restored: bool,
    /// How many new set-aside pieces this import kept (from the file, unreadable parts of it,
    /// or replaced copies); pieces already kept are not kept twice.
    pub set_aside_added: usize,
    /// Sections of the file this version of the app cannot bring in yet.
    pub unknown_sections: Vec<String>,
    /// Requests for support that were not on this device and now are.
    pub referrals_added: usize,
    /// Whether the file's request in progress became this device's (only when none was).
    pub referral_draft_restored: bool,
}

impl ImportSummary {
    /// Whether the import changed anything on this device.
    pub fn changed_anything(&self) -> bool {
        self.added > 0
            || self.replaced > 0
            || self.draft_restored
            || self.set_aside_added > 0
            || self.referrals_added > 0
            || self.referral_draft_restored
    }
}

/// The result of merging check-ins: the new list and the stored copies it replaced.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Merged {
    /// Everything that was stored plus what the import brings, without duplicate ids added.
    pub checkins: Vec<CheckIn>,
    /// Stored check-ins replaced by a copy finished later; the caller keeps them aside.
    pub displaced: Vec<CheckIn>,
    /// The counts.
    pub summary: ImportSummary,
}

/// Merges imported check-ins into the stored ones, by id.
///
/// - An id not stored is added; an identical record already stored counts as already there.
/// - The same id with different content is a conflict, and the copy *finished later* wins:
///   a check-in is only ever changed by the app finishing (or re-finishing) it, so the later
///   `finished_at` is the person's latest word, and the rule gives the same answer whichever
///   device imports from which, so two devices converge. On a tie the stored copy stays, so
///   importing never changes what is there for no reason.
/// - A stored copy that loses is returned in [`Merged::displaced`] so that it can be set
///   aside: nothing stored is ever lost. Stored check-ins the file does not have are untouched.
///
/// Merging the same records again changes nothing (it is idempotent), and duplicate ids
/// inside the file are resolved one after another by the same rule.
pub fn merge(existing: &[CheckIn], incoming: &[CheckIn]) -> Merged {
    let mut merged = Merged {
        checkins: existing.to_vec(),
        ..Merged::default()
    };
    for new in incoming {
        let same_id: Vec<usize> = merged
            .checkins
            .iter()
            .enumerate()
            .filter(|(_, c)| c.id == new.id)
            .map(|(i, _)| i)
            .collect();
        let Some(&first) = same_id.first() else {
            merged.checkins.push(new.clone());
            merged.summary.added += 1;
            continue;
        };
        if same_id.iter().any(|&i| merged.checkins[i] == *new) {
            merged.summary.already_there += 1;
            continue;
        }
        merged.summary.conflicts += 1;
        let latest = same_id
            .iter()
            .map(|&i| merged.checkins[i].finished_at)
            .max()
            .unwrap_or(new.finished_at);
        if new.finished_at > latest {
            merged.summary.replaced += 1;
            // Replace in place, so the list keeps its order, and take out any other copies
            // with the same id (from older damage) to be set aside too.
            let old = std::mem::replace(&mut merged.checkins[first], new.clone());
            merged.displaced.push(old);
            for &i in same_id.iter().skip(1).rev() {
                merged.displaced.push(merged.checkins.remove(i));
            }
        }
    }
    merged
}

/// Everything an import will write, worked out without touching storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportPlan {
    /// The check-in list to store (written only when `checkins_changed`).
    pub checkins: Vec<CheckIn>,
    /// Whether the check-in list differs from what is stored.
    pub checkins_changed: bool,
    /// A check-in in progress to store, when there was none.
    pub draft: Option<Draft>,
    /// The referral list to store (written only when `referrals_changed`).
    pub referrals: Vec<Referral>,
    /// Whether the referral list differs from what is stored.
    pub referrals_changed: bool,
    /// A referral in progress to store, when there was none.
    pub referral_draft: Option<Referral>,
    /// New set-aside texts to keep, each under a fresh key. Written before anything else, so
    /// that a full store stops the import before anything could be replaced.
    pub set_aside: Vec<String>,
    /// The counts for the interface.
    pub summary: ImportSummary,
}

/// Works out an import: merges the check-ins ([`merge`]), restores the draft only when none
/// is in progress (never overwrite what the person is doing) and it was not finished since,
/// and sets aside replaced copies, unreadable parts of the file and the file's own set-aside
/// pieces, skipping any text already kept so that importing twice keeps nothing twice.
///
/// The file's set-aside keys are never used as keys here: a file could name any key, even
/// the check-ins' own, so everything is kept under fresh keys chosen by the storage module.
pub fn plan_import(
    checkins: &[CheckIn],
    draft: Option<&Draft>,
    set_aside: &[(String, String)],
    file: &ParsedImport,
) -> ImportPlan {
    plan_import_all(checkins, draft, &[], None, set_aside, file)
}

/// Merges requests for support by id, like [`merge`]: new ids are added, identical copies
/// count once, and for the same id with different content the copy submitted later is kept
/// and the other returned to be set aside.
pub fn merge_referrals(
    existing: &[Referral],
    incoming: &[Referral],
) -> (Vec<Referral>, usize, Vec<Referral>) {
    let mut all = existing.to_vec();
    let (mut added, mut displaced) = (0, Vec::new());
    for new in incoming {
        match all.iter().position(|r| r.id == new.id) {
            None => {
                all.push(new.clone());
                added += 1;
            }
            Some(i) if all[i] != *new && new.submitted_at > all[i].submitted_at => {
                displaced.push(std::mem::replace(&mut all[i], new.clone()));
            }
            Some(_) => {}
        }
    }
    (all, added, displaced)
}

/// [`plan_import`] including the requests for support.
pub fn plan_import_all(
    checkins: &[CheckIn],
    draft: Option<&Draft>,
    referrals: &[Referral],
    referral_draft: Option<&Referral>,
    set_aside: &[(String, String)],
    file: &ParsedImport,
) -> ImportPlan {
    let merged = merge(checkins, &file.checkins);
    let (all_referrals, referrals_added, displaced_referrals) =
        merge_referrals(referrals, &file.referrals);
    let mut summary = merged.summary;
    summary.unreadable = file.unreadable.len();
    summary.unknown_sections = file.unknown_sections.clone();

    let mut kept: HashSet<&str> = set_aside.iter().map(|(_, text)| text.as_str()).collect();
    let mut new_texts = Vec::new();
    let replaced = merged.displaced.iter().map(|c| {
        // Writing a check-in as JSON cannot fail in practice (string keys only); if it ever
        // did, its debug form still keeps every value rather than an empty text.
        let raw = serde_json::to_string(c).unwrap_or_else(|_| format!("{c:?}"));
        stored::aside_text(
            IMPORT_SOURCE,
            "an imported copy finished later replaced this one",
            &raw,
        )
    });
    let unreadable = file
        .unreadable
        .iter()
        .map(|s| stored::aside_text(IMPORT_SOURCE, &s.reason, &s.raw));
    let replaced_referrals = displaced_referrals.iter().map(|r| {
        let raw = serde_json::to_string(r).unwrap_or_else(|_| format!("{r:?}"));
        stored::aside_text(
            IMPORT_SOURCE,
            "an imported copy sent later replaced this one",
            &raw,
        )
    });
    let candidates: Vec<String> = replaced
        .chain(replaced_referrals)
        .chain(unreadable)
        .chain(file.set_aside.iter().map(|e| e.text.clone()))
        .collect();
    for text in &candidates {
        if kept.insert(text) {
            new_texts.push(text.clone());
        }
    }
    summary.set_aside_added = new_texts.len();

    let restore_draft = match (&file.draft, draft) {
        (Some(d), None) => !merged.checkins.iter().any(|c| c.id == d.id),
        _ => false,
    };
    summary.draft_restored = restore_draft;
    let restore_referral_draft = match (&file.referral_draft, referral_draft) {
        (Some(r), None) => !all_referrals.iter().any(|x| x.id == r.id),
        _ => false,
    };
    summary.referral_draft_restored = restore_referral_draft;
    summary.referrals_added = referrals_added;
    let referrals_changed = referrals_added > 0 || !displaced_referrals.is_empty();

    ImportPlan {
        checkins_changed: summary.added > 0 || summary.replaced > 0,
        checkins: merged.checkins,
        draft: if restore_draft {
            file.draft.clone()
        } else {
            None
        },
        referrals: all_referrals,
        referrals_changed,
        referral_draft: if restore_referral_draft {
            file.referral_draft.clone()
        } else {
            None
        },
        set_aside: new_texts,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::Response;
    use chrono::TimeZone;

    /// An export exactly as version 1 writes it: the fixture guards the file format.
    const EXPORT_V1: &str = include_str!("../../tests/fixtures/export.v1.json");

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn checkin(id: &str, finished: u32, answer: u8) -> CheckIn {
        CheckIn {
            id: id.into(),
            started_at: at(finished),
            finished_at: at(finished),
            responses: vec![Response {
                instrument_id: "mhc-sf".into(),
                instrument_version: "1".into(),
                answers: vec![Some(answer); 14],
                ..Response::default()
            }],
            follow_up: Default::default(),
            extra: Map::new(),
        }
    }

    fn ids(list: &[CheckIn]) -> Vec<&str> {
        list.iter().map(|c| c.id.as_str()).collect()
    }

    #[test]
    fn the_version_1_fixture_parses() {
        let p = parse(EXPORT_V1).unwrap();
        assert_eq!(p.exported_at, Some(at(10)));
        assert_eq!(
            ids(&p.checkins),
            [
                "2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f",
                "9a1b2c3d-0000-4000-8000-000000000002"
            ]
        );
        assert_eq!(p.checkins[0].flourishing().and_then(|s| s.total), Some(42));
        assert_eq!(
            p.checkins[0].extra.get("mood_note").and_then(Value::as_str),
            Some("kept")
        );
        assert_eq!(p.draft.as_ref().map(|d| d.id.as_str()), Some("draft-1"));
        assert_eq!(
            p.draft.as_ref().and_then(|d| d.responses[0].answers[0]),
            Some(2)
        );
        assert_eq!(p.set_aside.len(), 1);
        assert!(p.set_aside[0].text.contains("[tru"));
        assert!(p.unreadable.is_empty(), "{:?}", p.unreadable);
        assert!(p.unknown_sections.is_empty());
    }

    #[test]
    fn an_export_round_trips() {
        let list = vec![checkin("a", 9, 3), checkin("b", 10, 4)];
        let draft = Draft {
            id: "d".into(),
            ..Draft::default()
        };
        let aside = vec![("flourish.aside.flourish.checkins.1".into(), "{tru".into())];
        let doc = build(&list, Some(&draft), &aside, at(11));
        assert_eq!(doc.file_name(), "flourish-export-2026-11-21.json");
        let text = doc.to_json().unwrap();
        assert!(text.contains("\"format\": \"flourish-export\""));
        let p = parse(&text).unwrap();
        assert_eq!(p.checkins, list);
        assert_eq!(p.draft, Some(draft));
        assert_eq!(p.set_aside[0].text, "{tru");
        assert_eq!(p.exported_at, Some(at(11)));
        // No draft is written as null, not left out, so a reader sees it was considered.
        let none = build(&[], None, &[], at(11)).to_json().unwrap();
        assert!(none.contains("\"draft\": null"), "{none}");
        assert!(parse(&none).unwrap().draft.is_none());
    }

    #[test]
    fn a_new_section_from_a_newer_app_is_reported_not_refused() {
        let text = r#"{"format":"flourish-export","version":1,"exported_at":"2026-11-21T10:00:00Z",
            "app":"flourish","data":{"checkins":[],"draft":null,"set_aside":[],
            "referral":{"name":"Sam"},"settings":{}}}"#;
        let p = parse(text).unwrap();
        assert_eq!(p.unknown_sections, ["referral", "settings"]);
        let plan = plan_import(&[], None, &[], &p);
        assert_eq!(plan.summary.unknown_sections, ["referral", "settings"]);
    }

    /// Every corruption the brief lists (and a few more), with what must come of it.
    #[test]
    fn damaged_and_foreign_files_give_a_typed_answer() {
        let good = build(&[checkin("a", 9, 3)], None, &[], at(10))
            .to_json()
            .unwrap();
        let newer = good.replacen("\"version\": 1", "\"version\": 2", 1);
        let huge_version = good.replacen("\"version\": 1", "\"version\": 1e300", 1);
        let beyond_u64 = good.replacen("\"version\": 1", "\"version\": 99999999999999999999", 1);
        let fraction = good.replacen("\"version\": 1", "\"version\": 1.5", 1);
        let zero = good.replacen("\"version\": 1", "\"version\": 0", 1);
        let out_of_range = good.replacen("\"version\": 1", "\"version\": 1e400", 1);
        let null_data = r#"{"format":"flourish-export","version":1,"data":null}"#;
        let list_data = r#"{"format":"flourish-export","version":1,"data":[]}"#;
        let no_version = r#"{"format":"flourish-export","data":{}}"#;
        let string_version = r#"{"format":"flourish-export","version":"1","data":{}}"#;
        let table: Vec<(&str, &str, ImportError)> = vec![
            ("empty string", "", ImportError::Empty),
            ("only spaces", "  \n\t ", ImportError::Empty),
            ("byte-order mark only", "\u{feff}", ImportError::Empty),
            (
                "corrupt JSON",
                "{\"format\":",
                ImportError::NotJson(String::new()),
            ),
            ("plain text", "hello", ImportError::NotJson(String::new())),
            (
                "a number too big for JSON",
                &out_of_range,
                ImportError::NotJson(String::new()),
            ),
            ("JSON null", "null", ImportError::NotAnExport),
            ("a JSON list", "[1,2]", ImportError::NotAnExport),
            (
                "another app's JSON",
                r#"{"name":"my-app","version":"1.0.0","dependencies":{}}"#,
                ImportError::NotAnExport,
            ),
            (
                "stored check-ins, not an export",
                r#"{"schema":1,"data":[]}"#,
                ImportError::NotAnExport,
            ),
            (
                "a newer version",
                &newer,
                ImportError::NewerVersion { found: "2".into() },
            ),
            (
                "a huge version",
                &huge_version,
                ImportError::NewerVersion {
                    found: String::new(),
                },
            ),
            (
                "a version beyond u64",
                &beyond_u64,
                ImportError::NewerVersion {
                    found: String::new(),
                },
            ),
            (
                "a fractional version",
                &fraction,
                ImportError::Damaged(String::new()),
            ),
            ("version 0", &zero, ImportError::Damaged(String::new())),
            (
                "no version",
                no_version,
                ImportError::Damaged(String::new()),
            ),
            (
                "version as text",
                string_version,
                ImportError::Damaged(String::new()),
            ),
            ("null data", null_data, ImportError::Damaged(String::new())),
            (
                "data as a list",
                list_data,
                ImportError::Damaged(String::new()),
            ),
        ];
        for (name, text, want) in table {
            let got = parse(text).expect_err(name);
            assert_eq!(
                std::mem::discriminant(&got),
                std::mem::discriminant(&want),
                "{name}: {got:?}"
            );
            assert!(!got.to_string().is_empty());
        }
        // Truncated at several points: never a panic, never a record made up.
        for cut in [1, 10, good.len() / 3, good.len() / 2, good.len() - 2] {
            let r = parse(&good[..cut]);
            assert!(
                matches!(r, Err(ImportError::NotJson(_))),
                "cut at {cut}: {r:?}"
            );
        }
    }

    #[test]
    fn unreadable_records_are_reported_and_the_rest_read() {
        let good = serde_json::to_value(checkin("good", 9, 3)).unwrap();
        let text = serde_json::json!({
            "format": "flourish-export", "version": 1, "exported_at": "yesterday",
            "data": {
                "checkins": [
                    good,
                    {"id": 7},                                     // wrong type
                    {"id": "big", "started_at": "2026-11-21T09:00:00Z",
                     "finished_at": "2026-11-21T09:00:00Z",
                     "responses": [{"answers": [300]}]},           // a number out of range
                    "text where a record should be",
                ],
                "draft": {"id": ["not", "text"]},
                "set_aside": [{"key": "k", "text": "t"}, {"key": 1}],
            }
        })
        .to_string();
        let p = parse(&text).unwrap();
        assert_eq!(ids(&p.checkins), ["good"]);
        assert_eq!(p.exported_at, None, "an unreadable date is not fatal");
        assert_eq!(p.draft, None);
        assert_eq!(p.set_aside.len(), 1);
        assert_eq!(p.unreadable.len(), 5, "{:#?}", p.unreadable);
        assert!(p.unreadable[1].raw.contains("300"));
        // Lists that are not lists are kept whole.
        let p = parse(r#"{"format":"flourish-export","version":1,"data":{"checkins":{"a":1}}}"#)
            .unwrap();
        assert_eq!((p.checkins.len(), p.unreadable.len()), (0, 1));
    }

    #[test]
    fn merging_adds_new_ids_and_keeps_everything_stored() {
        let stored = vec![checkin("a", 9, 3), checkin("b", 9, 3)];
        let file = vec![checkin("b", 9, 3), checkin("c", 9, 3)];
        let m = merge(&stored, &file);
        assert_eq!(ids(&m.checkins), ["a", "b", "c"]);
        assert_eq!((m.summary.added, m.summary.already_there), (1, 1));
        assert!(m.displaced.is_empty());
    }

    #[test]
    fn in_a_conflict_the_copy_finished_later_wins_and_the_other_is_kept_aside() {
        let stored = vec![checkin("a", 9, 3), checkin("b", 12, 3)];
        let file = vec![checkin("a", 10, 5), checkin("b", 11, 5)];
        let m = merge(&stored, &file);
        assert_eq!(m.checkins, vec![checkin("a", 10, 5), checkin("b", 12, 3)]);
        assert_eq!((m.summary.conflicts, m.summary.replaced), (2, 1));
        assert_eq!(m.displaced, vec![checkin("a", 9, 3)]);
        // A tie keeps what is stored.
        let tie = merge(&stored, &[checkin("a", 9, 5)]);
        assert_eq!(tie.checkins, stored);
        assert_eq!(tie.summary.conflicts, 1);
        // Importing again changes nothing.
        let again = merge(&m.checkins, &file);
        assert_eq!(again.checkins, m.checkins);
        assert!(again.displaced.is_empty());
        assert_eq!(again.summary.added + again.summary.replaced, 0);
    }

    #[test]
    fn duplicate_ids_within_one_file_resolve_by_the_same_rule() {
        let file = vec![checkin("a", 9, 3), checkin("a", 11, 4), checkin("a", 10, 5)];
        let m = merge(&[], &file);
        assert_eq!(m.checkins, vec![checkin("a", 11, 4)]);
        assert_eq!(
            (m.summary.added, m.summary.conflicts, m.summary.replaced),
            (1, 2, 1)
        );
        // Stored duplicates (from older damage) are not dropped unless a later copy comes.
        let stored = vec![checkin("a", 9, 3), checkin("a", 9, 4)];
        assert_eq!(merge(&stored, &[checkin("a", 9, 4)]).checkins, stored);
        let m = merge(&stored, &[checkin("a", 12, 1)]);
        assert_eq!(m.checkins, vec![checkin("a", 12, 1)]);
        assert_eq!(m.displaced.len(), 2);
    }

    #[test]
    fn an_import_plan_keeps_everything_once() {
        let text = build(
            &[checkin("a", 10, 5), checkin("new", 9, 3)],
            Some(&Draft {
                id: "d".into(),
                ..Draft::default()
            }),
            &[("flourish.checkins".into(), "old damage".into())],
            at(12),
        )
        .to_json()
        .unwrap()
        .replacen("\"checkins\": [", "\"checkins\": [{\"id\": 7},", 1);
        let file = parse(&text).unwrap();
        let stored = vec![checkin("a", 9, 3)];
        let plan = plan_import(&stored, None, &[], &file);
        let s = &plan.summary;
        assert_eq!(
            (s.added, s.conflicts, s.replaced, s.unreadable),
            (1, 1, 1, 1)
        );
        assert!(s.draft_restored && s.changed_anything());
        assert_eq!(
            s.set_aside_added, 3,
            "replaced copy, unreadable record, file's piece"
        );
        assert_eq!(plan.set_aside.len(), 3);
        assert!(plan.set_aside.iter().any(|t| t == "old damage"));
        assert!(plan.checkins_changed);
        assert_eq!(ids(&plan.checkins), ["a", "new"]);

        // Applying the plan and importing the same file again keeps and adds nothing.
        let kept: Vec<(String, String)> = plan
            .set_aside
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("flourish.aside.import.{i}"), t.clone()))
            .collect();
        let again = plan_import(&plan.checkins, plan.draft.as_ref(), &kept, &file);
        assert!(!again.summary.changed_anything(), "{:?}", again.summary);
        assert!(!again.checkins_changed);
        assert!(again.set_aside.is_empty());
        assert_eq!(again.summary.already_there, 2);
    }

    #[test]
    fn a_draft_in_progress_is_never_overwritten_and_a_finished_one_not_revived() {
        let file = ParsedImport {
            draft: Some(Draft {
                id: "a".into(),
                ..Draft::default()
            }),
            ..ParsedImport::default()
        };
        let mine = Draft {
            id: "mine".into(),
            ..Draft::default()
        };
        assert_eq!(plan_import(&[], Some(&mine), &[], &file).draft, None);
        assert_eq!(
            plan_import(&[checkin("a", 9, 3)], None, &[], &file).draft,
            None
        );
        assert!(plan_import(&[], None, &[], &file).summary.draft_restored);
    }
}
