//! App-wide state: what is stored, what the person is doing now, and what they must be told.
//!
//! Pages read the signals and call the actions here; every action writes through the store
//! first and changes the signals only once the write has succeeded, so the screen never shows
//! as saved something that is not.

use leptos::prelude::*;

use crate::browser;
use crate::config::{ConfigProblem, LoadedConfig, ServiceConfig};
use crate::domain::checkin::{CheckIn, Draft, DraftError, FollowUp, FollowUpError};
use crate::domain::instrument::{choose, Instrument};
use crate::domain::referral::{self, Baseline, Referral};
use crate::domain::schedule::{checkin_dates, Deferral, Schedule};
use crate::storage::{Loaded, StorageError, Store};

/// Something the person must be told, shown at the top of every page until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read and has been kept aside.
    SetAside,
    /// A save failed.
    SaveFailed(StorageError),
    /// The service's configuration had problems; built-in settings are used where needed.
    Config(Vec<ConfigProblem>),
    /// Another tab or window changed the saved data; this one now shows it.
    ChangedElsewhere,
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

/// The readable value of a load, counting what had to be set aside on the way.
fn take<T>(
    loaded: Result<Loaded<T>, StorageError>,
    set_aside: &mut usize,
) -> Result<T, StorageError> {
    loaded.map(|l| {
        *set_aside += l.set_aside;
        l.value
    })
}

/// Asks the browser to keep the data, once there is something worth keeping. Not at first
/// load: some browsers ask the person, and a question before anything is saved is noise.
fn ask_to_keep_data() {
    leptos::task::spawn_local(async {
        let _ = browser::request_persistence().await;
    });
}

/// Why a referral could not be kept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SubmitError {
    /// A page still needs an answer.
    #[error("a question still needs an answer")]
    Unfinished(referral::Step),
    /// Storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
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
    /// The referral being filled in.
    pub referral: RwSignal<Option<Referral>>,
    /// Referrals the person has finished.
    pub referrals: RwSignal<Vec<Referral>>,
    /// A due check-in the person put off, if any.
    pub deferral: RwSignal<Option<Deferral>>,
    /// Whether a retry of a failed save is already waiting.
    retrying: StoredValue<bool>,
}

/// How long to wait before trying a failed save again.
pub const SAVE_RETRY: std::time::Duration = std::time::Duration::from_secs(5);

impl AppState {
    /// Loads everything from `store`. Unreadable data is set aside and noticed, not fatal.
    pub fn load(store: Store, loaded: LoadedConfig) -> Self {
        let LoadedConfig { config, problems } = loaded;
        let mut notices = Vec::new();
        if !problems.is_empty() {
            notices.push(Notice::Config(problems));
        }
        let mut set_aside = 0;
        let checkins = take(store.load_checkins(), &mut set_aside).unwrap_or_else(|e| {
            notices.push(Notice::SaveFailed(e));
            vec![]
        });
        let draft = take(store.load_draft(), &mut set_aside).unwrap_or_default();
        let referral = take(store.load_referral_draft(), &mut set_aside).unwrap_or_default();
        let deferral = take(store.load_deferral(), &mut set_aside).unwrap_or_default();
        let referrals = take(store.load_referrals(), &mut set_aside).unwrap_or_default();
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
            referral: RwSignal::new(referral),
            referrals: RwSignal::new(referrals),
            deferral: RwSignal::new(deferral),
            retrying: StoredValue::new(false),
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
        self.retry_soon();
    }

    /// After a failed save, tries again every few seconds until it works, so what the person
    /// typed while storage was full or blocked is kept as soon as it can be, without them
    /// having to change anything. Only the work in progress is retried: a finished check-in
    /// or referral is saved again when the person presses its button.
    fn retry_soon(&self) {
        if self.retrying.get_value() {
            return;
        }
        self.retrying.set_value(true);
        let app = *self;
        set_timeout(
            move || {
                app.retrying.set_value(false);
                let failing = app
                    .notices
                    .with_untracked(|n| n.iter().any(|x| matches!(x, Notice::SaveFailed(_))));
                if !failing {
                    return;
                }
                let store = app.store.get_value();
                let draft = app
                    .draft
                    .with_untracked(|d| d.as_ref().map_or(Ok(()), |d| store.save_draft(d)));
                let referral = app.referral.with_untracked(|r| {
                    r.as_ref().map_or(Ok(()), |r| store.save_referral_draft(r))
                });
                match draft.and(referral) {
                    Ok(()) => app.saved(),
                    Err(e) => app.report(e),
                }
            },
            SAVE_RETRY,
        );
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
                ask_to_keep_data();
                self.checkins.set(all);
                self.draft.set(None);
                // A check-in started from the referral journey is that referral's baseline.
                let baseline_started = self.referral.with_untracked(|r| {
                    r.as_ref().is_some_and(|r| r.baseline == Baseline::Started)
                });
                if baseline_started {
                    let checkin_id = id.clone();
                    self.update_referral(move |r| r.baseline = Baseline::Done { checkin_id });
                }
                Ok(id)
            }
            Err(e) => {
                self.report(e.clone());
                Err(e.into())
            }
        }
    }

    /// Reads everything again from storage: after another tab saved, an import or a delete.
    /// A failed read keeps what is on screen, so nothing the person sees disappears.
    pub fn reload(&self) {
        let store = self.store.get_value();
        let mut set_aside = 0;
        if let Ok(v) = take(store.load_checkins(), &mut set_aside) {
            self.checkins.set(v);
        }
        if let Ok(v) = take(store.load_draft(), &mut set_aside) {
            self.draft.set(v);
        }
        if let Ok(v) = take(store.load_referral_draft(), &mut set_aside) {
            self.referral.set(v);
        }
        if let Ok(v) = take(store.load_referrals(), &mut set_aside) {
            self.referrals.set(v);
        }
        if let Ok(v) = take(store.load_deferral(), &mut set_aside) {
            self.deferral.set(v);
        }
        let any_aside = set_aside > 0 || store.set_aside().is_ok_and(|a| !a.is_empty());
        self.notices.update(|n| {
            n.retain(|x| *x != Notice::SetAside);
            if any_aside {
                n.push(Notice::SetAside);
            }
        });
    }

    /// The finished referral with this id, if there is one (tracked, for pages).
    pub fn finished_referral(&self, id: &str) -> Option<Referral> {
        self.referrals.read().iter().find(|r| r.id == id).cloned()
    }

    /// Every goal the person has set, in their referral or at a check-in, with its history.
    pub fn goal_histories(&self) -> Vec<crate::domain::progress::GoalHistory> {
        let seed = self.referrals.with(|r| referral::referral_goals(r));
        self.checkins
            .with(|c| crate::domain::progress::goals_from(&seed, c, browser::offset_at))
    }

    /// Shows a notice, once.
    pub fn notify(&self, notice: Notice) {
        self.notices.update(|n| {
            if !n.contains(&notice) {
                n.push(notice);
            }
        });
    }

    /// Changes the referral being filled in (starting one if needed) and saves it at once.
    /// The change always shows on screen; if saving fails the person is told, and the next
    /// change tries again.
    pub fn update_referral(&self, change: impl FnOnce(&mut Referral)) {
        let mut r = self.referral.get_untracked().unwrap_or_else(|| Referral {
            id: browser::new_id(),
            started_at: Some(browser::now()),
            ..Referral::default()
        });
        change(&mut r);
        match self.store.with_value(|s| s.save_referral_draft(&r)) {
            Ok(()) => self.saved(),
            Err(e) => self.report(e),
        }
        self.referral.set(Some(r));
    }

    /// Keeps the finished referral, returning its id, or the first page still to answer.
    pub fn submit_referral(&self) -> Result<String, SubmitError> {
        let mut r = self
            .referral
            .get_untracked()
            .ok_or(SubmitError::Unfinished(referral::Step::Start))?;
        if let Some(step) = referral::first_unfinished(&r) {
            return Err(SubmitError::Unfinished(step));
        }
        r.submitted_at = Some(browser::now());
        let id = r.id.clone();
        match self.store.with_value(|s| s.add_referral(r)) {
            Ok(all) => {
                self.saved();
                ask_to_keep_data();
                self.referrals.set(all);
                self.referral.set(None);
                Ok(id)
            }
            Err(e) => {
                self.report(e.clone());
                Err(SubmitError::Storage(e))
            }
        }
    }

    /// Throws away the referral being filled in, after the person confirmed it.
    pub fn discard_referral(&self) -> Result<(), StorageError> {
        self.store.with_value(|s| s.clear_referral_draft())?;
        self.referral.set(None);
        Ok(())
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
        .unwrap_or_else(|| AppState::load(Store::memory(), LoadedConfig::default()))
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
