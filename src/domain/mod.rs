//! The pure core: plain Rust with no browser or UI crates, tested natively with `cargo test`.

pub mod checkin;
pub mod export;
pub mod instrument;
pub mod scores_csv;
pub mod storage_usage;
pub mod stored;

#[cfg(test)]
mod properties;
