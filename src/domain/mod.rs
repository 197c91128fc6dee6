//! The pure core: plain Rust with no browser or UI crates, tested natively with `cargo test`.

pub mod checkin;
pub mod directory;
pub mod export;
pub mod ics;
pub mod instrument;
pub mod progress;
pub mod referral;
pub mod schedule;
pub mod scores_csv;
pub mod storage_usage;
pub mod stored;

#[cfg(test)]
mod properties;
