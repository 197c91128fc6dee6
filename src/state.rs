//! App-wide state: what is stored, what the person is doing now, and what they must be told.
//!
//! Pages read the signals and call the actions here; every action writes through the store
//! first and changes the signals only once the write has succeeded, so the screen never shows
//! as saved something that is not.

use leptos::prelude::*;

use crate::browser;
use crate::config::ServiceConfig;
use crate::domain::checkin::{CheckIn, Draft, DraftError};
use crate::domain::instrument::{Instrument, MHC_SF};
use crate::storage::{StorageError, Store};

/// Something the person must be told, shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read and has been kept aside.
    SetAside,
    /// A save failed.
    SaveFailed(StorageError),
}

/// Why an action did not complete.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The check-in itself refused (unanswered questions, a wrong answer).
    #[error(transparent)]
    Draft(#[from] DraftError),
    /// Storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// The instruments a check-in asks, in order. Set per service once configuration arrives.
pub fn check_in_instruments() -> Vec<&'static Instrument> {
    vec![&MHC_SF]
}

/// The state shared by every page, provided once at the root.
#[derive(Clone, Copy)]
pub struct AppState {
    store: StoredValue<Store>,
    /// The service's configuration.
    pub config: StoredValue<ServiceConfig>,
    /// Finished check-ins, in stored order.
    pub checkins: RwSignal<Vec<CheckIn>>,
    /// The check-in in progress.
    pub draft: RwSignal<Option<Draft>>,
    /// What the person must be told.
    pub notices: RwSignal<Vec<Notice>>,
}

impl AppState {
    /// Loads everything from `store`. Unreadable data is set aside and noticed, not fatal.
    pub fn load(store: Store, config: ServiceConfig) -> Self {
        let mut notices = Vec::new();
        let mut set_aside = 0;
        let checkins = match store.load_checkins() {
            Ok(l) => {
                set_aside += l.set_aside;
                l.value
            }
            Err(e) => {
                notices.push(Notice::SaveFailed(e));
                vec![]
            }
        };
        let draft = match store.load_draft() {
            Ok(l) => {
                set_aside += l.set_aside;
                l.value
            }
            Err(_) => None,
        };
        // Also tell the person about data set aside on an earlier visit and not yet dealt with.
        if set_aside > 0 || store.set_aside().is_ok_and(|a| !a.is_empty()) {
            notices.push(Notice::SetAside);
        }
        Self {
            store: StoredValue::new(store),
            config: StoredValue::new(config),
            checkins: RwSignal::new(checkins),
            draft: RwSignal::new(draft),
            notices: RwSignal::new(notices),
        }
    }

    /// The store, for pages that read set-aside data.
    pub fn store(&self) -> Store {
        self.store.get_value()
    }

    fn report(&self, e: StorageError) {
        self.notices.update(|n| {
            n.retain(|x| !matches!(x, Notice::SaveFailed(_)));
            n.push(Notice::SaveFailed(e));
        });
    }

    fn saved(&self) {
        self.notices
            .update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed(_))));
    }

    /// Records the answer to question `n`, starting a check-in if none is in progress.
    pub fn answer(&self, n: usize, score: u8) -> Result<(), ActionError> {
        let mut draft = self.draft.get_untracked().unwrap_or_else(|| {
            Draft::new(browser::new_id(), browser::now(), &check_in_instruments())
        });
        draft.set_answer(n, score)?;
        match self.store.with_value(|s| s.save_draft(&draft)) {
            Ok(()) => self.saved(),
            // The answer still shows (the draft signal holds it) and is saved with the next one.
            Err(e) => self.report(e.clone()),
        }
        self.draft.set(Some(draft));
        Ok(())
    }

    /// Finishes the check-in in progress and stores it, returning its id.
    pub fn finish(&self) -> Result<String, ActionError> {
        let draft = self.draft.get_untracked().unwrap_or_default();
        let checkin = draft.finish(browser::now())?;
        let id = checkin.id.clone();
        match self.store.with_value(|s| s.add_checkin(checkin)) {
            Ok(all) => {
                self.saved();
                self.checkins.set(all);
                self.draft.set(None);
                Ok(id)
            }
            Err(e) => {
                self.report(e.clone());
                Err(e.into())
            }
        }
    }

    /// Removes a notice the person has read.
    pub fn dismiss(&self, notice: &Notice) {
        self.notices.update(|n| n.retain(|x| x != notice));
    }
}

/// The app-wide state. Outside `<App/>` (a component rendered alone in a test) it is a fresh
/// in-memory state, so nothing a test does reaches real storage.
pub fn use_app() -> AppState {
    use_context::<AppState>()
        .unwrap_or_else(|| AppState::load(Store::memory(), ServiceConfig::default()))
}
