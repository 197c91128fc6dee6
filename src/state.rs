//! App-wide state: what is stored, what the person is doing now, and what they must be told.
//!
//! Pages read the signals and call the actions here; every action writes through the store
//! first and changes the signals only once the write has succeeded, so the screen never shows
//! as saved something that is not.

use leptos::prelude::*;

use crate::browser;
use crate::config::ServiceConfig;
use crate::domain::checkin::{CheckIn, Draft, DraftError, FollowUp, FollowUpError};
use crate::domain::instrument::{choose, Instrument};
use crate::domain::schedule::{checkin_dates, Deferral, Schedule};
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
    /// An optional follow-up answer was not usable as given.
    #[error(transparent)]
    FollowUp(#[from] FollowUpError),
}

/// The instruments a check-in asks, in order, as the service configured them. Unknown or
/// repeated ids are skipped (the configuration loader reports them); an empty list gives the
/// defaults, so a check-in always has questions.
pub fn check_in_instruments(config: &ServiceConfig) -> Vec<&'static Instrument> {
    choose(&config.instruments).instruments
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
    /// A due check-in the person put off, if any.
    pub deferral: RwSignal<Option<Deferral>>,
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
        let deferral = match store.load_deferral() {
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
            deferral: RwSignal::new(deferral),
        }
    }

    /// The instruments a new check-in asks.
    pub fn instruments(&self) -> Vec<&'static Instrument> {
        self.config.with_value(check_in_instruments)
    }

    /// A new, empty check-in with the configured instruments.
    pub fn new_draft(&self) -> Draft {
        Draft::new(browser::new_id(), browser::now(), &self.instruments())
    }

    /// The person's schedule, from the local dates of their check-ins.
    pub fn schedule(&self) -> Schedule {
        let settings = self.config.with_value(|c| c.schedule);
        Schedule::new(
            settings,
            checkin_dates(&self.checkins.read(), browser::offset_at),
        )
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
        let mut draft = self
            .draft
            .get_untracked()
            .unwrap_or_else(|| self.new_draft());
        draft.set_answer(n, score)?;
        self.keep_draft(draft);
        Ok(())
    }

    /// Changes the optional follow-up answers of the check-in in progress (activities, goals,
    /// journey step) and saves the draft. Nothing changes if `change` refuses.
    pub fn follow_up(
        &self,
        change: impl FnOnce(&mut FollowUp) -> Result<(), FollowUpError>,
    ) -> Result<(), ActionError> {
        let mut draft = self
            .draft
            .get_untracked()
            .unwrap_or_else(|| self.new_draft());
        change(&mut draft.follow_up)?;
        self.keep_draft(draft);
        Ok(())
    }

    fn keep_draft(&self, draft: Draft) {
        match self.store.with_value(|s| s.save_draft(&draft)) {
            Ok(()) => self.saved(),
            // The answer still shows (the draft signal holds it) and is saved with the next one.
            Err(e) => self.report(e.clone()),
        }
        self.draft.set(Some(draft));
    }

    /// Puts off a due check-in (snooze, or "not now, things are hard"). Nothing is added to
    /// the person's history.
    pub fn defer(&self, deferral: Deferral) -> Result<(), ActionError> {
        match self.store.with_value(|s| s.save_deferral(&deferral)) {
            Ok(()) => {
                self.saved();
                self.deferral.set(Some(deferral));
                Ok(())
            }
            Err(e) => {
                self.report(e.clone());
                Err(e.into())
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_asks_what_the_service_configured_in_order() {
        let ids = |config: &ServiceConfig| -> Vec<&str> {
            check_in_instruments(config).iter().map(|i| i.id).collect()
        };
        let mut config = ServiceConfig::default();
        assert_eq!(ids(&config), ["mhc-sf", "ucla3"]);
        config.instruments = vec!["mhc-sf".into(), "ons4".into(), "ucla3".into()];
        assert_eq!(ids(&config), ["mhc-sf", "ons4", "ucla3"]);
        // A service without permission for the MHC-SF switches it off.
        config.instruments = vec!["ons4".into(), "ucla3".into()];
        assert_eq!(ids(&config), ["ons4", "ucla3"]);
        config.instruments = vec![];
        assert_eq!(ids(&config), ["mhc-sf", "ucla3"]);
    }
}
