//! Flourish: self-referral and flourishing check-ins for social prescribing.

pub mod ahead;
pub mod app;
pub mod browser;
pub mod components;
pub mod config;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod js;
pub mod lazy;
pub mod pages;
pub mod reset;
pub mod router;
pub mod routes;
pub mod shell;
pub mod speech;
pub mod state;
pub mod storage;
pub mod sync;
pub mod take_away;
pub mod task;
#[cfg(test)]
mod test_support;
