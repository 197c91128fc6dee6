//! Every failure a person may be told about, as one type, so that one table
//! ([`crate::i18n::Messages::explain`]) puts them all into words. The `Display` texts are for
//! logs and tests; the person reads the catalogue's words.

use crate::browser::BrowserError;
use crate::domain::checkin::{DraftError, FollowUpError};
use crate::domain::export::ImportError;
use crate::domain::ics::IcsError;
use crate::domain::submission::BuildError;
use crate::storage::StorageError;

/// Why something the person asked for did not happen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AppError {
    /// Storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
    /// The check-in refused an answer, or is not finished.
    #[error(transparent)]
    Draft(#[from] DraftError),
    /// An optional follow-up answer was not usable as given.
    #[error(transparent)]
    FollowUp(#[from] FollowUpError),
    /// A file brought in could not be used.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// The browser could not offer a file or read one.
    #[error(transparent)]
    Browser(#[from] BrowserError),
    /// The calendar file could not be made.
    #[error(transparent)]
    Calendar(#[from] IcsError),
    /// A record could not be made into a submission to send.
    #[error(transparent)]
    Submission(#[from] BuildError),
}
