//! The app's state: what is stored, what the person is doing now, and what they must be told.
//!
//! Components read it through the handles the root provides ([`use_records`],
//! [`use_check_in`], [`use_referral`], [`use_notices`], [`use_config`], [`use_language`],
//! [`use_things_to_try`]): each hands out
//! read-only signals and changes them only through its actions, which write through the store
//! first. A finished record (a check-in, a referral, a put-off check-in, an import, a delete)
//! changes the signals only once its write has succeeded, so a failed write leaves them as
//! they were. Work in progress is the one exception, because nothing typed may be lost: an
//! answer or a referral field always shows, and a failed save of it is reported and tried
//! again until it works. [`Session`] throws everything away for the next person.

mod check_in;
mod config;
mod core;
mod language;
mod mode;
mod notice;
mod notices;
mod outbox;
mod records;
mod referral;
mod session;
mod sharing;
#[cfg(test)]
pub(crate) mod test_support;
mod things;

pub use check_in::CheckInSession;
pub use config::Config;
pub use core::{StateOptions, SAVE_RETRY};
pub use language::LanguageChoice;
pub use mode::{current_setup, use_mode, Modes};
pub use notice::Notice;
pub use notices::Notices;
pub use outbox::{use_sending, SendOptions, SendQueue, Target};
pub use records::Records;
pub use referral::{ReferralSession, SubmitError};
pub use session::{
    use_check_in, use_config, use_language, use_notices, use_records, use_referral, use_session,
    use_sharing, use_things_to_try, AppState, Session,
};
pub use sharing::Sharing;
pub use things::{DirectoryFailure, DirectoryLoad, ThingsToTry};
