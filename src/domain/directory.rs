//! The local activity directory: a service's file of Open Referral UK (HSDS v3 UK profile)
//! `service` records, read into the app's own lean [`Activity`] model, then matched,
//! filtered and sorted for one person ([`find`]).
//!
//! # The file
//!
//! Named by `config.json`'s `directory` (default `directory.json`, served beside the app).
//! Two shapes are read:
//! - a JSON array of `service` records: `[ {service}, … ]`;
//! - one page of the API's `service_list` response: `{"total_items": …, "contents": [ … ]}`.
//!   Only the records in `contents` are read; when `total_items` says there are more, the
//!   directory says so ([`Directory::total_items`]), since a static file should hold them all.
//!
//! Each record is read on its own. Fields this app does not use are ignored, whatever they
//! hold. A record that cannot be used (not an object, a used field of the wrong type, no
//! `id`, no `name`, an `id` seen before) is skipped and reported by its number and id
//! ([`Skipped`], [`RecordProblem`]); the rest are kept. A record whose `status` is
//! `inactive`, `defunct` or `temporarily closed` is not listed ([`Directory::not_active`]).
//! A file that is not JSON, or neither shape, is a [`DirectoryError`].
//!
//! # Conventions where the UK profile is silent
//!
//! - **Categories**: from the service's `attributes[].taxonomy_term`, through the service's
//!   mapping (`config.json`'s `directory_taxonomy`) or the built-in rules; see
//!   [`Classifier::tags`].
//! - **Someone can meet you there**: a service attribute whose taxonomy term has the code
//!   (`term`) or name `meet-you-there` (our taxonomy is called `flourish`), or one of the
//!   aliases `Someone can meet you there`, `Supported welcome`, `Supported access`,
//!   `Meet and greet`, `Buddy`; or any term the service maps to `meet-you-there`.
//! - **Step-free**: a location's `accessibility[].attributes` (or the location's
//!   `attributes`) with the term `step-free` (or `Step-free access`, `Level access`,
//!   `Wheelchair accessible`, or a term mapped to `step-free`); failing that, accessibility
//!   text that plainly says so and never takes it back (the rules are in `taxonomy.rs`; when
//!   in doubt, not step-free).
//! - **Phones**: the UK profile's `service` schema has no phones; HSDS 3.0 puts them in
//!   `phones` on the service and on each of its `contacts`, shaped as the profile's
//!   `phone.json`. Both are read (the schema allows the extra field).
//! - **Free**: every cost option has `amount: 0` (or no amount and words starting "Free");
//!   free for some when only some do; with no cost options, the old `fees` text starting
//!   "Free" counts too.

mod links;
mod matching;
mod model;
mod postcode;
mod raw;
mod repeat;
mod split;
mod taxonomy;
mod visits;

#[cfg(test)]
mod fixture;

use std::collections::BTreeSet;

use serde::de::IgnoredAny;
use serde_json::Value;

pub use links::{Link, LinkKind};
pub use matching::{priorities, Badge, Filters, Match, Priority, Quality, Query};
pub use model::{pounds, Activity, Contact, Cost, CostOption, Day, Freq, Phone, Place, Schedule};
pub use postcode::{person_district, Postcode, Proximity};
pub use repeat::Repeat;
pub use taxonomy::{
    check_taxonomy_map, Classifier, Tag, TaxonomyMap, TaxonomyMapProblem, Term, MEET_YOU_THERE,
    STEP_FREE,
};
pub use visits::{
    asked_at_checkin, count_visits, forget_visit, latest_visit, merge_visits, record_visit, Visit,
    VisitCount, VISITS_KEY,
};

/// The file the default configuration names.
pub const DEFAULT_FILE: &str = "directory.json";

/// Why a whole directory file could not be read. The page says it in the catalogue's words;
/// the rest of the app works on without a directory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DirectoryError {
    /// The file is not JSON (an HTML error page, a cut-off download).
    #[error("directory-not-json at line {line}, column {column}")]
    NotJson {
        /// Where the JSON stops making sense, 1-based.
        line: usize,
        /// The column, 1-based.
        column: usize,
    },
    /// JSON, but neither a list of services nor a page with `contents`.
    #[error("directory-not-a-list")]
    NotAList,
}

/// Why one record was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordProblem {
    /// The entry is not a JSON object.
    NotAnObject,
    /// A field this app uses has the wrong type (text where a list belongs, a word where a
    /// number belongs).
    Unreadable,
    /// No `id`, or a blank one.
    NoId,
    /// No `name`, or a blank one.
    NoName,
    /// The same `id` as an earlier record (the earlier one is kept).
    RepeatedId,
}

/// A record that was skipped, for the service to find and fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Its place in the file's list, counting from 1.
    pub number: usize,
    /// Its `id`, when it has a readable one.
    pub id: Option<String>,
    /// What was wrong.
    pub problem: RecordProblem,
}

/// A directory as read: the activities, and what could not be used.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Directory {
    /// The activities that can be listed, in the file's order.
    pub activities: Vec<Activity>,
    /// The records that were skipped.
    pub skipped: Vec<Skipped>,
    /// How many records were not active (inactive, defunct, temporarily closed).
    pub not_active: usize,
    /// For a `service_list` page: how many records the publisher says there are in all.
    pub total_items: Option<u64>,
}

/// The directory's activities that pass `query`'s filters, in the order described in
/// [`matching`]'s docs.
pub fn find(directory: &Directory, query: &Query) -> Vec<Match> {
    matching::find(&directory.activities, query)
}

/// Why the `directory` setting cannot be used. The words are for the service's
/// configuration report; a person never sees them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileSettingProblem {
    /// It names another site, a scheme, or nothing.
    #[error("it must name a file beside the app, like \"directory.json\"")]
    NotBesideTheApp,
}

/// Checks `config.json`'s `directory`: `None` (no directory) or a file on the app's own site
/// (`directory.json`, `data/d.json`, `/d.json`), never another site or scheme, because the
/// app makes no requests elsewhere.
pub fn check_file_setting(path: Option<&str>) -> Result<(), FileSettingProblem> {
    let Some(p) = path.map(str::trim) else {
        return Ok(());
    };
    let scheme = p.split('/').next().is_some_and(|first| first.contains(':'));
    let ok = !p.is_empty()
        && !scheme
        && !p.starts_with("//")
        && !p.contains('\\')
        && !p.chars().any(|c| c.is_whitespace() || c.is_control());
    ok.then_some(()).ok_or(FileSettingProblem::NotBesideTheApp)
}

impl Directory {
    /// Reads a directory file; see the module's docs for what is accepted.
    pub fn parse(text: &str, classifier: &Classifier) -> Result<Self, DirectoryError> {
        let text = text.trim_start_matches('\u{feff}').trim();
        serde_json::from_str::<IgnoredAny>(text).map_err(|e| DirectoryError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
        let mut directory = Directory::default();
        let list = if text.starts_with('[') {
            text
        } else if text.starts_with('{') {
            let contents = split::member(text, "contents").ok_or(DirectoryError::NotAList)?;
            if !contents.starts_with('[') {
                return Err(DirectoryError::NotAList);
            }
            directory.total_items = split::member(text, "total_items")
                .and_then(|n| serde_json::from_str::<Value>(n).ok())
                .and_then(|n| n.as_f64())
                .filter(|n| n.is_finite() && *n >= 0.0)
                .map(|n| n as u64);
            contents
        } else {
            return Err(DirectoryError::NotAList);
        };
        let mut seen = BTreeSet::new();
        for (i, item) in split::items(list).into_iter().enumerate() {
            let skip = |id: Option<String>, problem| Skipped {
                number: i + 1,
                id,
                problem,
            };
            if !item.starts_with('{') {
                directory
                    .skipped
                    .push(skip(None, RecordProblem::NotAnObject));
                continue;
            }
            let value = serde_json::from_str::<Value>(item).map_err(|_| (raw::Bad, None));
            let record = match value.and_then(raw::service) {
                Ok(record) => record,
                Err((_, id)) => {
                    let id = id.filter(|id| !id.trim().is_empty());
                    directory.skipped.push(skip(id, RecordProblem::Unreadable));
                    continue;
                }
            };
            let id = record.id.as_deref().map(str::trim).unwrap_or_default();
            let name = record.name.as_deref().map(str::trim).unwrap_or_default();
            let problem = if id.is_empty() {
                Some(RecordProblem::NoId)
            } else if name.is_empty() {
                Some(RecordProblem::NoName)
            } else if seen.contains(id) {
                Some(RecordProblem::RepeatedId)
            } else {
                None
            };
            if let Some(problem) = problem {
                let id = (!id.is_empty()).then(|| id.to_owned());
                directory.skipped.push(skip(id, problem));
                continue;
            }
            seen.insert(id.to_owned());
            let status = record.status.as_deref().map(taxonomy::slug);
            if !matches!(status.as_deref(), None | Some("active")) {
                directory.not_active += 1;
                continue;
            }
            let (id, name) = (id.to_owned(), name.to_owned());
            directory
                .activities
                .push(model::activity(id, name, record, classifier));
        }
        Ok(directory)
    }

    /// The activity with directory id `id`.
    pub fn get(&self, id: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.id == id)
    }

    /// Whether a `service_list` page said there are more records than the file holds.
    pub fn is_incomplete(&self) -> bool {
        let read = self.activities.len() + self.skipped.len() + self.not_active;
        self.total_items.is_some_and(|total| total > read as u64)
    }
}

#[cfg(test)]
mod tests;
