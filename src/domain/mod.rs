//! The pure core: plain Rust with no browser or UI crates, tested natively with `cargo test`.

pub mod canonical;
pub mod checkin;
pub mod checkin_journey;
pub mod consent;
pub mod delivery;
pub mod directory;
pub mod document;
pub mod export;
pub mod fhir;
pub mod ics;
pub mod ids;
pub mod instrument;
pub mod mode;
pub mod outbox;
pub mod plausible;
pub mod progress;
mod record_fields;
pub mod referral;
pub mod schedule;
pub mod scores_csv;
pub mod sending;
pub mod sort;
pub mod storage_usage;
pub mod stored;
pub mod submission;
pub mod take_away;
pub mod time;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod send_properties;
