//! What the person must be told, shown at the top of every page until it no longer applies.

use crate::config::ConfigProblem;
use crate::i18n::Language;
use crate::storage::StorageError;

/// Something the person must be told, shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Notice {
    /// Stored data could not be read and has been kept aside.
    SetAside,
    /// Saved data could not be read at all just now; nothing has been deleted.
    LoadFailed(StorageError),
    /// A save failed.
    SaveFailed(StorageError),
    /// The service's configuration had problems; built-in settings are used where needed.
    Config(Vec<ConfigProblem>),
    /// Another tab or window changed the saved data; this one now shows it.
    ChangedElsewhere,
    /// The words of the language the person chose could not be downloaded.
    LanguageNotLoaded(Language),
}
