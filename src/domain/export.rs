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

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::checkin::{CheckIn, Draft};
use super::directory::{merge_visits, Visit};
use super::plausible::{self, Impossible, UnknownInstruments};
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

/// The largest file an import reads, in bytes: 5 MiB. Checked against the file's size before
/// it is read ([`check_size`]), so a wrong or hostile file never fills a cheap phone's
/// memory. A check-in with every questionnaire and follow-up question answered takes about
/// 1.9 KB of the (indented) file, so ten years of fortnightly check-ins (about 260) make
/// about 0.5 MB; the most check-ins and requests for support the limits below allow still
/// fit, with room to spare for set-aside pieces (a test keeps it so). A browser keeps only
/// about 5 MB for the whole site, so a bigger file could not be kept anyway.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;
/// The most check-ins a file may hold: nearly eight times ten years of fortnightly
/// check-ins, or almost forty years of weekly ones.
pub const MAX_CHECKINS: usize = 2_000;
/// The most requests for support a file may hold. A person makes a handful; a volunteer's
/// tablet that never started afresh might make a few hundred.
pub const MAX_REFERRALS: usize = 500;
/// The most set-aside pieces a file may hold: each is something a device could not read
/// or an import displaced, which a device collects a few of in years, not thousands.
pub const MAX_SET_ASIDE: usize = 1_000;

/// The most "I went" visits waiting for a check-in that one file may carry.
pub const MAX_VISITS: usize = 5_000;

/// Refuses a file that is too big to be an export of this app, before it is read: the
/// interface calls this with the chosen file's size (`File.size()`) and reads the file only
/// when it answers `Ok`. An empty file is refused here too.
pub fn check_size(bytes: u64) -> Result<(), ImportError> {
    match bytes {
        0 => Err(ImportError::Empty),
        b if b > MAX_IMPORT_BYTES => Err(ImportError::TooBig {
            bytes,
            max: MAX_IMPORT_BYTES,
        }),
        _ => Ok(()),
    }
}

/// A size in whole megabytes (MiB), rounded up, for the words the interface shows with
/// [`ImportError::TooBig`]: rounding up means a file over the limit never reads as being
/// within it ("6 MB; at most 5 MB", never "5 MB; at most 5 MB").
pub fn megabytes_rounded_up(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// A kind of record in an export file, to say which one a limit or a check is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Record {
    /// A finished check-in (`data.checkins`).
    CheckIn,
    /// The check-in in progress (`data.draft`).
    CheckInInProgress,
    /// A finished request for support (`data.referrals`).
    Referral,
    /// The request for support in progress (`data.referral_draft`).
    ReferralInProgress,
    /// A piece the exporting device had set aside (`data.set_aside`).
    SetAsidePiece,
    /// An "I went" waiting for the next check-in (`data.went`).
    Visit,
}

impl Record {
    /// How the record is named in a set-aside reason (for a support worker, not the screen).
    fn noun(self) -> &'static str {
        match self {
            Self::CheckIn => "check-in",
            Self::CheckInInProgress => "check-in in progress",
            Self::Referral => "request for support",
            Self::ReferralInProgress => "request for support in progress",
            Self::SetAsidePiece => "set-aside piece",
            Self::Visit => "activity said as gone to",
        }
    }
}

/// The whole export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportDocument {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The export version, [`EXPORT_VERSION`] when written by this build.
    pub version: u32,
    /// When the file was made.
    #[serde(with = "super::time::instant")]
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
    /// Activities the person said "I went" to, waiting for their next check-in (optional
    /// section, as above; left out when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub went: Vec<Visit>,
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
            went: vec![],
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
        format!("flourish-export-{}.json", self.exported_at.date_naive())
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
    /// The file is bigger than any export of this app can be ([`MAX_IMPORT_BYTES`]); it is
    /// refused before it is read.
    #[error("the file is {bytes} bytes, more than the {max} an export can be")]
    TooBig {
        /// The file's size in bytes.
        bytes: u64,
        /// The most an import reads, [`MAX_IMPORT_BYTES`].
        max: u64,
    },
    /// The file holds more records of one kind than any export of this app can
    /// ([`MAX_CHECKINS`], [`MAX_REFERRALS`], [`MAX_SET_ASIDE`]); refused before any is read.
    #[error("the file holds {found} records of one kind ({noun}), more than the {max} an export can", noun = .what.noun())]
    TooMany {
        /// Which kind of record.
        what: Record,
        /// How many the file holds.
        found: usize,
        /// The most an import takes.
        max: usize,
    },
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
    /// The readable "I went" visits waiting for a check-in.
    pub went: Vec<Visit>,
    /// The parts of the file that could not be read, each kept whole with the reason.
    pub unreadable: Vec<SetAside>,
    /// The records that could be read but cannot be right (an answer the instrument does not
    /// offer, an unknown instrument, an id that is not a plain token), each kept whole with
    /// why. They are set aside on import like the unreadable parts, and never scored.
    pub impossible: Vec<ImpossibleRecord>,
    /// Names of sections under `data` that this build does not know (from a newer app).
    pub unknown_sections: Vec<String>,
}

/// A record from a file that could be read but cannot be right, kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImpossibleRecord {
    /// Which kind of record it is.
    pub what: Record,
    /// The record exactly as the file had it.
    pub raw: String,
    /// Why it cannot be right.
    pub why: Impossible,
}

/// Reads an export file tolerantly: never panics; a record that cannot be read is reported
/// in [`ParsedImport::unreadable`], one that cannot be right in [`ParsedImport::impossible`],
/// and neither hides the others. A file over the size limit, or with more records of a kind
/// than the limits allow, is refused whole before any record is read.
pub fn parse(text: &str) -> Result<ParsedImport, ImportError> {
    // The interface checks the file's size before reading it; this keeps the limit for any
    // other caller.
    check_size(text.len() as u64)?;
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
        .and_then(Value::as_str)
        .and_then(super::time::parse_instant);
    let data = match doc.remove("data") {
        Some(Value::Object(data)) => data,
        Some(Value::Null) | None => return Err(ImportError::Damaged("it holds no data".into())),
        Some(_) => {
            return Err(ImportError::Damaged(
                "its data is not in the expected shape".into(),
            ))
        }
    };
    check_counts(&data)?;
    let mut parsed = ParsedImport {
        exported_at,
        ..ParsedImport::default()
    };
    let strict = UnknownInstruments::SetAside;
    for (name, value) in data {
        let mut sink = Sink {
            unreadable: &mut parsed.unreadable,
            impossible: &mut parsed.impossible,
        };
        match name.as_str() {
            "checkins" => {
                parsed.checkins =
                    sink.list(value, Record::CheckIn, |c| plausible::checkin(c, strict))
            }
            "set_aside" => parsed.set_aside = sink.list(value, Record::SetAsidePiece, |_| Ok(())),
            "referrals" => {
                parsed.referrals = sink.list(value, Record::Referral, plausible::referral)
            }
            "referral_draft" => {
                parsed.referral_draft =
                    sink.one(value, Record::ReferralInProgress, plausible::referral)
            }
            "went" => parsed.went = sink.list(value, Record::Visit, |_| Ok(())),
            "draft" => {
                parsed.draft = sink.one(value, Record::CheckInInProgress, |d| {
                    plausible::draft(d, strict)
                })
            }
            _ => parsed.unknown_sections.push(name),
        }
    }
    Ok(parsed)
}

/// Refuses a file with more records of a kind than an export can hold, before reading any.
fn check_counts(data: &Map<String, Value>) -> Result<(), ImportError> {
    for (name, what, max) in [
        ("checkins", Record::CheckIn, MAX_CHECKINS),
        ("referrals", Record::Referral, MAX_REFERRALS),
        ("set_aside", Record::SetAsidePiece, MAX_SET_ASIDE),
        ("went", Record::Visit, MAX_VISITS),
    ] {
        if let Some(Value::Array(items)) = data.get(name) {
            if items.len() > max {
                return Err(ImportError::TooMany {
                    what,
                    found: items.len(),
                    max,
                });
            }
        }
    }
    Ok(())
}

/// Where the records of a file that cannot be brought in go, each kept whole.
struct Sink<'a> {
    unreadable: &'a mut Vec<SetAside>,
    impossible: &'a mut Vec<ImpossibleRecord>,
}

impl Sink<'_> {
    /// Reads one record, or `null` for none; anything unreadable or impossible is kept here.
    fn one<T: serde::de::DeserializeOwned>(
        &mut self,
        value: Value,
        what: Record,
        check: impl Fn(&T) -> Result<(), Impossible>,
    ) -> Option<T> {
        if value.is_null() {
            return None;
        }
        self.record(value, what, None, &check)
    }

    /// Reads a list record by record; anything unreadable or impossible is kept here, alone.
    fn list<T: serde::de::DeserializeOwned>(
        &mut self,
        value: Value,
        what: Record,
        check: impl Fn(&T) -> Result<(), Impossible>,
    ) -> Vec<T> {
        let items = match value {
            Value::Array(items) => items,
            Value::Null => return vec![],
            other => {
                self.unreadable.push(SetAside {
                    raw: other.to_string(),
                    reason: format!("the {} list is not a list", what.noun()),
                });
                return vec![];
            }
        };
        let mut read = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            read.extend(self.record(item, what, Some(i + 1), &check));
        }
        read
    }

    fn record<T: serde::de::DeserializeOwned>(
        &mut self,
        item: Value,
        what: Record,
        place: Option<usize>,
        check: &impl Fn(&T) -> Result<(), Impossible>,
    ) -> Option<T> {
        let name = match place {
            Some(n) => format!("{} {n}", what.noun()),
            None => format!("the {}", what.noun()),
        };
        // From a copy, so the original is still there to keep if it fails. (Reading from a
        // reference would avoid the copy, but the rest of the app reads records from owned
        // values, and a second way of reading each record type costs kilobytes of wasm.)
        match serde_json::from_value::<T>(item.clone()) {
            Ok(v) => match check(&v) {
                Ok(()) => Some(v),
                Err(why) => {
                    self.impossible.push(ImpossibleRecord {
                        what,
                        raw: item.to_string(),
                        why,
                    });
                    None
                }
            },
            Err(e) => {
                self.unreadable.push(SetAside {
                    raw: item.to_string(),
                    reason: format!("{name} could not be read: {e}"),
                });
                None
            }
        }
    }
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
    /// Parts of the file that could not be used: unreadable, or readable but impossible
    /// (those are counted in `impossible` too). They are set aside on this device.
    pub unreadable: usize,
    /// Of `unreadable`, the records that could be read but cannot be right (an answer the
    /// instrument does not offer, say); set aside, never scored.
    pub impossible: usize,
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
    /// "I went" visits that were not on this device and now are.
    pub visits_added: usize,
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
            || self.visits_added > 0
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
///
/// It takes time in proportion to the two lists together: copies are found by id through a
/// hash map, never by searching the list. (Only a stored list that already holds many copies
/// of one id, which the app never writes, costs more: each incoming copy of that id is
/// compared with each of them.)
pub fn merge(existing: &[CheckIn], incoming: &[CheckIn]) -> Merged {
    /// Where the copies with one id are in `list`, and the latest time one was finished.
    struct Copies {
        first: usize,
        /// Further stored copies (only from older damage); empty, so no allocation, otherwise.
        more: Vec<usize>,
        latest: DateTime<Utc>,
    }
    // Removed copies leave a hole rather than shifting everything after them.
    let mut list: Vec<Option<CheckIn>> = Vec::with_capacity(existing.len() + incoming.len());
    let mut by_id: HashMap<&str, Copies> = HashMap::with_capacity(list.capacity());
    for (i, c) in existing.iter().enumerate() {
        list.push(Some(c.clone()));
        by_id
            .entry(&c.id)
            .and_modify(|copies| {
                copies.more.push(i);
                copies.latest = copies.latest.max(c.finished_at);
            })
            .or_insert(Copies {
                first: i,
                more: Vec::new(),
                latest: c.finished_at,
            });
    }
    let mut summary = ImportSummary::default();
    let mut displaced = Vec::new();
    for new in incoming {
        let Some(copies) = by_id.get_mut(new.id.as_str()) else {
            by_id.insert(
                &new.id,
                Copies {
                    first: list.len(),
                    more: Vec::new(),
                    latest: new.finished_at,
                },
            );
            list.push(Some(new.clone()));
            summary.added += 1;
            continue;
        };
        let mut same = std::iter::once(copies.first).chain(copies.more.iter().copied());
        if same.any(|i| list[i].as_ref().is_some_and(|c| c == new)) {
            summary.already_there += 1;
            continue;
        }
        summary.conflicts += 1;
        if new.finished_at > copies.latest {
            summary.replaced += 1;
            // Replace in place, so the list keeps its order, and take out any other copies
            // with the same id (from older damage) to be set aside too.
            displaced.extend(list[copies.first].replace(new.clone()));
            for &i in copies.more.iter().rev() {
                displaced.extend(list[i].take());
            }
            copies.more.clear();
            copies.latest = new.finished_at;
        }
    }
    Merged {
        checkins: list.into_iter().flatten().collect(),
        displaced,
        summary,
    }
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
    // The first copy of each id, as a search of the list from the start would find it.
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(existing.len() + incoming.len());
    for (i, r) in existing.iter().enumerate() {
        first.entry(&r.id).or_insert(i);
    }
    let (mut added, mut displaced) = (0, Vec::new());
    for new in incoming {
        match first.get(new.id.as_str()) {
            None => {
                first.insert(&new.id, all.len());
                all.push(new.clone());
                added += 1;
            }
            Some(&i) if all[i] != *new && new.submitted_at > all[i].submitted_at => {
                displaced.push(std::mem::replace(&mut all[i], new.clone()));
            }
            Some(_) => {}
        }
    }
    (all, added, displaced)
}

/// The "I went" visits on the device with the file's added: every visit once (see
/// [`merge_visits`]), and how many are new.
pub fn merge_went(stored: &[Visit], incoming: &[Visit]) -> (Vec<Visit>, usize) {
    let merged = merge_visits(stored.to_vec(), incoming.to_vec());
    let added = merged.len() - stored.len();
    (merged, added)
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
    summary.impossible = file.impossible.len();
    summary.unreadable = file.unreadable.len() + file.impossible.len();
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
    let impossible = file.impossible.iter().map(|r| {
        let reason = format!("a {} in the file cannot be right: {}", r.what.noun(), r.why);
        stored::aside_text(IMPORT_SOURCE, &reason, &r.raw)
    });
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
        .chain(impossible)
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

/// The merge as it was first written, searching the list for every incoming record (time in
/// proportion to the product of the two lists). Kept, unchanged, as the oracle the linear
/// [`merge`] and [`merge_referrals`] are compared with on random inputs.
#[cfg(test)]
pub(crate) mod quadratic {
    use super::*;

    /// The first [`merge`](super::merge).
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
                let old = std::mem::replace(&mut merged.checkins[first], new.clone());
                merged.displaced.push(old);
                for &i in same_id.iter().skip(1).rev() {
                    merged.displaced.push(merged.checkins.remove(i));
                }
            }
        }
        merged
    }

    /// The first [`merge_referrals`](super::merge_referrals).
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
            with_volunteer: false,
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

    /// Writes past the test harness's capture, so a figure shows in every run.
    fn announce(line: &str) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr(), "{line}");
    }

    /// A check-in as large as the app makes them: every questionnaire answered, a UUID, and
    /// every follow-up question answered at some length.
    fn full_checkin(n: usize) -> CheckIn {
        use crate::domain::checkin::JourneyStep;
        use crate::domain::checkin::{ActivityUptake, FollowUp, GoalStatus, GoalUpdate, NewGoal};
        use crate::domain::instrument::{MHC_SF, ONS4, UCLA3};
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&(n as u64).to_le_bytes());
        let id = crate::domain::ids::uuid_v4_from(bytes);
        let response = |i: &crate::domain::instrument::Instrument| Response {
            answers: vec![Some(i.max_option_score()); i.items.len()],
            ..Response::blank(i)
        };
        let goal = "Get out of the house twice a week and talk to someone new";
        CheckIn {
            id: id.clone(),
            started_at: at(9),
            finished_at: at(10),
            responses: vec![response(&MHC_SF), response(&ONS4), response(&UCLA3)],
            follow_up: FollowUp {
                activities: Some(ActivityUptake::Went {
                    activity_ids: vec!["social".into(), "creative".into(), "physical".into()],
                    something_else: Some("The choir at the church hall on Tuesdays".into()),
                }),
                goal_updates: (1..=3)
                    .map(|g| GoalUpdate {
                        goal_id: format!("{id}/goal-{g}"),
                        status: GoalStatus::GettingThere,
                    })
                    .collect(),
                new_goals: vec![NewGoal {
                    id: id.clone(),
                    text: goal.into(),
                }],
                journey_step: Some(JourneyStep::EngagingWithOthers),
                went_to: vec![],
            },
            with_volunteer: false,
            extra: Map::new(),
        }
    }

    fn many(n: usize, value: &str) -> String {
        format!("[{}]", vec![value; n].join(","))
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
        assert_eq!(check_size(1), Ok(()));
        assert_eq!(check_size(MAX_IMPORT_BYTES), Ok(()));
        assert_eq!(check_size(0), Err(ImportError::Empty));
        assert_eq!(
            check_size(MAX_IMPORT_BYTES + 1),
            Err(ImportError::TooBig {
                bytes: MAX_IMPORT_BYTES + 1,
                max: MAX_IMPORT_BYTES
            })
        );
        assert!(matches!(
            check_size(u64::MAX),
            Err(ImportError::TooBig { .. })
        ));
        // Parsing keeps the limit too, for any caller that did not check first.
        let big = " ".repeat(MAX_IMPORT_BYTES as usize + 1);
        assert!(matches!(parse(&big), Err(ImportError::TooBig { .. })));
    }

    #[test]
    fn a_file_with_more_records_of_a_kind_than_the_limits_is_refused_before_any_is_read() {
        let file = |section: &str, list: String| {
            format!(r#"{{"format":"flourish-export","version":1,"data":{{"{section}":{list}}}}}"#)
        };
        for (section, what, max) in [
            ("checkins", Record::CheckIn, MAX_CHECKINS),
            ("referrals", Record::Referral, MAX_REFERRALS),
            ("set_aside", Record::SetAsidePiece, MAX_SET_ASIDE),
        ] {
            // At the limit the file is read, record by record (none of these can be used).
            let p = parse(&file(section, many(max, "{}"))).unwrap();
            assert_eq!(p.unreadable.len() + p.impossible.len(), max, "{section}");
            assert_eq!(
                parse(&file(section, many(max + 1, "{}"))),
                Err(ImportError::TooMany {
                    what,
                    found: max + 1,
                    max
                }),
                "{section}"
            );
        }
    }

    #[test]
    fn the_most_check_ins_and_requests_allowed_fit_in_the_size_limit() {
        let checkins: Vec<CheckIn> = (0..MAX_CHECKINS).map(full_checkin).collect();
        let referral: Referral = serde_json::from_str::<stored::Envelope<Referral>>(include_str!(
            "../../tests/fixtures/referral.v1.json"
        ))
        .unwrap()
        .data;
        let mut doc = build(&checkins, None, &[], at(12));
        let one = doc.to_json().unwrap().len() as u64;
        doc.data.referrals = (0..MAX_REFERRALS)
            .map(|n| Referral {
                id: format!("{n:08}-2f3a-4e6b-9c0d-1a2b3c4d5e6f"),
                ..referral.clone()
            })
            .collect();
        let text = doc.to_json().unwrap();
        let bytes = text.len() as u64;
        announce(&format!(
            "import limits: {MAX_CHECKINS} full check-ins are {one} bytes ({} each); with \
             {MAX_REFERRALS} requests for support {bytes} of {MAX_IMPORT_BYTES} bytes",
            one / MAX_CHECKINS as u64
        ));
        assert!(bytes <= MAX_IMPORT_BYTES, "{bytes} bytes");
        let p = parse(&text).unwrap();
        assert_eq!(p.checkins.len(), MAX_CHECKINS);
        assert!(p.unreadable.is_empty() && p.impossible.is_empty());
    }

    #[test]
    fn impossible_records_are_set_aside_with_their_reason_and_never_scored() {
        let good = serde_json::to_value(checkin("good", 9, 3)).unwrap();
        let mut six = good.clone();
        six["id"] = "six".into();
        six["responses"][0]["answers"][2] = 6.into();
        let mut unknown = good.clone();
        unknown["id"] = "v9".into();
        unknown["responses"][0]["instrument_version"] = "9".into();
        let mut spaced = good.clone();
        spaced["id"] = "a b".into();
        let mut long = good.clone();
        long["id"] = "x".repeat(65).into();
        let mut draft = serde_json::to_value(Draft {
            id: "d".into(),
            responses: vec![Response {
                instrument_id: "ucla3".into(),
                instrument_version: "1".into(),
                answers: vec![Some(0), None, None],
                ..Response::default()
            }],
            ..Draft::default()
        })
        .unwrap();
        let referral = serde_json::json!({"id": "<b>hi</b>", "name": "Sam"});
        let text = serde_json::json!({
            "format": "flourish-export", "version": 1,
            "data": {
                "checkins": [good, six, unknown, spaced, long],
                "draft": draft.take(),
                "referrals": [referral, {"id": "r-1", "name": "Sam"}],
                "set_aside": [],
            }
        })
        .to_string();
        let p = parse(&text).unwrap();
        assert_eq!(ids(&p.checkins), ["good"]);
        assert_eq!(p.referrals.len(), 1);
        assert!(p.draft.is_none() && p.unreadable.is_empty());
        let whys: Vec<(Record, &Impossible)> =
            p.impossible.iter().map(|r| (r.what, &r.why)).collect();
        assert_eq!(
            whys,
            [
                (
                    Record::CheckIn,
                    &Impossible::NotAnOption {
                        instrument: "mhc-sf",
                        version: "1",
                        question: 3,
                        answer: 6
                    }
                ),
                (
                    Record::CheckIn,
                    &Impossible::UnknownInstrument {
                        instrument: "mhc-sf".into(),
                        version: "9".into()
                    }
                ),
                (Record::CheckIn, &Impossible::IdNotAToken),
                (Record::CheckIn, &Impossible::IdNotAToken),
                (
                    Record::CheckInInProgress,
                    &Impossible::NotAnOption {
                        instrument: "ucla3",
                        version: "1",
                        question: 1,
                        answer: 0
                    }
                ),
                (Record::Referral, &Impossible::IdNotAToken),
            ]
        );
        assert!(p.impossible[0].raw.contains("\"six\""));

        let plan = plan_import_all(&[], None, &[], None, &[], &p);
        assert_eq!(ids(&plan.checkins), ["good"]);
        assert_eq!(plan.draft, None);
        assert_eq!((plan.summary.impossible, plan.summary.unreadable), (6, 6));
        assert_eq!(plan.set_aside.len(), 6, "each kept aside, whole");
        let kept: Value = serde_json::from_str(&plan.set_aside[0]).unwrap();
        assert_eq!(kept["from"], IMPORT_SOURCE);
        assert!(kept["reason"]
            .as_str()
            .is_some_and(|r| r.contains("answer 6 to question 3")));
        assert!(kept["raw"].as_str().is_some_and(|r| r.contains("\"six\"")));
    }

    /// A file with one possible check-in and three that cannot be right: an answer of 6 on a
    /// 0 to 5 item, an unknown instrument version, an id that is not a plain token.
    const EXPORT_IMPOSSIBLE: &str = include_str!("../../tests/fixtures/export.impossible.v1.json");

    #[test]
    fn the_impossible_records_fixture_brings_in_one_check_in_and_keeps_three_aside() {
        let p = parse(EXPORT_IMPOSSIBLE).unwrap();
        assert_eq!(ids(&p.checkins), ["2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f"]);
        let whys: Vec<&Impossible> = p.impossible.iter().map(|r| &r.why).collect();
        assert!(matches!(
            whys[..],
            [
                Impossible::NotAnOption { answer: 6, .. },
                Impossible::UnknownInstrument { .. },
                Impossible::IdNotAToken
            ]
        ));
        let plan = plan_import(&[], None, &[], &p);
        let s = &plan.summary;
        assert_eq!((s.added, s.impossible, s.unreadable), (1, 3, 3));
        assert_eq!(plan.set_aside.len(), 3);
    }

    #[test]
    fn merging_50_000_into_50_000_takes_time_in_proportion() {
        let (stored, file) = fifty_thousand_each();
        let started = std::time::Instant::now();
        let m = merge(&stored, &file);
        let took = started.elapsed();
        announce(&format!(
            "merge 50,000 stored + 50,000 imported check-ins: {} ms",
            took.as_millis()
        ));
        let s = &m.summary;
        assert_eq!(m.checkins.len(), 75_000);
        assert_eq!(
            (s.added, s.already_there, s.conflicts, s.replaced),
            (25_000, 12_500, 12_500, 12_500)
        );
    }

    /// Half the file's ids are new; of the rest, half are the same record and half a copy
    /// finished later.
    fn fifty_thousand_each() -> (Vec<CheckIn>, Vec<CheckIn>) {
        let stored: Vec<CheckIn> = (0..50_000)
            .map(|n| checkin(&format!("s{n}"), 9, 3))
            .collect();
        let file: Vec<CheckIn> = (0..50_000)
            .map(|n| match n % 4 {
                0 => checkin(&format!("s{n}"), 9, 3),
                1 => checkin(&format!("s{n}"), 10, 4),
                _ => checkin(&format!("f{n}"), 9, 3),
            })
            .collect();
        (stored, file)
    }

    /// The first, quadratic merge on the same lists, for the record: minutes in a debug
    /// build, so run it on demand, in release:
    /// `cargo test --release --lib merge_timing_of_the_quadratic_oracle -- --ignored`.
    #[test]
    #[ignore = "slow by design: it times the quadratic merge this module replaced"]
    fn merge_timing_of_the_quadratic_oracle() {
        let (stored, file) = fifty_thousand_each();
        let started = std::time::Instant::now();
        let new = merge(&stored, &file);
        let linear = started.elapsed();
        let started = std::time::Instant::now();
        let old = quadratic::merge(&stored, &file);
        let quadratic = started.elapsed();
        announce(&format!(
            "merge 50,000 + 50,000: linear {} ms, quadratic {} ms",
            linear.as_millis(),
            quadratic.as_millis()
        ));
        assert_eq!(new, old);
    }

    #[test]
    fn visits_waiting_for_a_check_in_travel_in_the_went_section_and_merge_without_doubles() {
        use chrono::NaiveDate;
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let mut doc = build(&[], None, &[], at(10));
        let plain = doc.to_json().unwrap();
        assert!(
            !plain.contains("\"went\""),
            "no section when nothing waits: {plain}"
        );
        doc.data.went = vec![
            Visit::new("walk", "Example walk", day(2)),
            Visit::new("cafe", "Example café", day(3)),
        ];
        let text = doc.to_json().unwrap();
        let parsed = parse(&text).unwrap();
        assert_eq!(parsed.went, doc.data.went);
        assert!(parsed.unknown_sections.is_empty());

        let stored = vec![Visit::new("walk", "Example walk", day(2))];
        let (merged, added) = merge_went(&stored, &parsed.went);
        assert_eq!((merged.len(), added), (2, 1));
        let (again, none) = merge_went(&merged, &parsed.went);
        assert_eq!((again, none), (merged, 0));

        let damaged = text.replacen("\"directory_id\": \"cafe\"", "\"directory_id\": 7", 1);
        let parsed = parse(&damaged).unwrap();
        assert_eq!(parsed.went.len(), 1, "the readable visit is kept");
        assert_eq!(parsed.unreadable.len(), 1, "the other is kept aside, alone");
    }
}
