//! The whole state of the app for the person using it, how components reach it, and how it
//! is thrown away for the next person.

use leptos::prelude::*;

use super::check_in::CheckInSession;
use super::config::Config;
use super::core::{Core, StateOptions};
use super::language::LanguageChoice;
use super::notices::Notices;
use super::records::Records;
use super::referral::ReferralSession;
use super::sharing::Sharing;
use super::things::ThingsToTry;
use crate::config::LoadedConfig;
use crate::storage::Store;

/// Every handle on the state, for the root to provide and for tests.
#[derive(Clone, Copy)]
pub struct AppState {
    /// Finished check-ins and referrals, a put-off check-in, and the person's controls.
    pub records: Records,
    /// The check-in in progress.
    pub check_in: CheckInSession,
    /// The referral being filled in.
    pub referral: ReferralSession,
    /// What the person must be told.
    pub notices: Notices,
    /// The service's configuration.
    pub config: Config,
    /// The language the person chose on this device.
    pub language: LanguageChoice,
    /// Sending the person's records, and their choice about sharing check-ins.
    pub sharing: Sharing,
    /// The activity directory, its filters, and "I went".
    pub things_to_try: ThingsToTry,
}

impl AppState {
    /// Everything in `store`, with the service's configuration. Unreadable data is set aside
    /// and a store that cannot be read at all is reported; neither stops the app.
    pub fn new(store: Store, config: LoadedConfig, options: StateOptions) -> Self {
        let core = Core::load(store, config, options);
        Self {
            records: Records(core),
            check_in: CheckInSession(core),
            referral: ReferralSession(core),
            notices: Notices(core),
            config: Config(core),
            language: LanguageChoice(core),
            sharing: Sharing(core),
            things_to_try: ThingsToTry::new(core),
        }
    }

    /// Makes each handle available to the components below, through the `use_` functions.
    pub fn provide(self) {
        provide_context(self.records);
        provide_context(self.check_in);
        provide_context(self.referral);
        provide_context(self.notices);
        provide_context(self.config);
        provide_context(self.language);
        provide_context(self.sharing);
        provide_context(self.things_to_try);
    }
}

/// A handle the root provides. Missing, it is a fault in the code (a component rendered
/// outside the app's root, or a test that did not call [`AppState::provide`]), not something
/// a person can cause, so it stops at once with a message that says so rather than running
/// on a second, empty state that would silently lose work.
pub(super) fn provided<T: Clone + 'static>() -> T {
    use_context::<T>().unwrap_or_else(|| not_provided())
}

#[cold]
fn not_provided() -> ! {
    panic!(
        "the app's state is not provided: render this component inside the app's state root, \
         or call AppState::provide in the test"
    )
}

/// The person's finished records.
pub fn use_records() -> Records {
    provided()
}

/// The check-in in progress.
pub fn use_check_in() -> CheckInSession {
    provided()
}

/// The referral being filled in.
pub fn use_referral() -> ReferralSession {
    provided()
}

/// The notices at the top of every page.
pub fn use_notices() -> Notices {
    provided()
}

/// The service's configuration.
pub fn use_config() -> Config {
    provided()
}

/// Sending the person's records, and their choice about sharing check-ins.
pub fn use_sharing() -> Sharing {
    provided()
}

/// The language the person chose on this device.
pub fn use_language() -> LanguageChoice {
    provided()
}

/// The activity directory, its filters, and "I went".
pub fn use_things_to_try() -> ThingsToTry {
    provided()
}

/// The session, to start fresh for the next person (kiosk and assisted modes).
pub fn use_session() -> Session {
    provided()
}

/// The state of one person after another on the same page: a kiosk or a volunteer's tablet
/// starts fresh for the next person without reloading.
#[derive(Clone, Copy)]
pub struct Session {
    /// Counts the people so far; the root rebuilds everything below it when it changes.
    generation: RwSignal<u64>,
    people: StoredValue<People>,
}

struct People {
    /// Where each person's state is built: everything the state owns is disposed with it.
    place: Place,
    /// The person using the app now, and the owner of their state.
    current: (Owner, AppState),
    /// Owners of earlier people's state, disposed once nothing on screen reads them.
    retired: Vec<Owner>,
}

/// What a new person's state is built from.
struct Place {
    /// The session's own owner: each person's owner is a child of it.
    parent: Option<Owner>,
    new_store: fn() -> Store,
    config: LoadedConfig,
    options: StateOptions,
}

impl Place {
    /// A new person's state over a new store, in an owner of its own.
    fn build(&self) -> (Owner, AppState) {
        let owner = self.parent.as_ref().map_or_else(Owner::new, Owner::child);
        let state =
            owner.with(|| AppState::new((self.new_store)(), self.config.clone(), self.options));
        (owner, state)
    }
}

impl Session {
    /// A session whose first person's state is read from `new_store()`. Each later person
    /// gets a state over a new `new_store()`, which for a shared device must be empty.
    pub fn new(new_store: fn() -> Store, config: LoadedConfig, options: StateOptions) -> Self {
        let place = Place {
            parent: Owner::current(),
            new_store,
            config,
            options,
        };
        let current = place.build();
        Self {
            generation: RwSignal::new(0),
            people: StoredValue::new(People {
                place,
                current,
                retired: vec![],
            }),
        }
    }

    /// The state of the person using the app now. Tracked: whatever reads it is rebuilt
    /// for the next person. By the time that happens the earlier person's views are gone, so
    /// their state is disposed here.
    pub fn current(&self) -> AppState {
        self.generation.track();
        self.people.update_value(|p| {
            for owner in p.retired.drain(..) {
                owner.cleanup();
            }
        });
        self.people.with_value(|p| p.current.1)
    }

    /// Throws away everything the app holds about the person using it and starts again
    /// from nothing, as for a new person: a new store, new signals, no notices but the
    /// configuration's.
    pub fn start_fresh(&self) {
        self.people.update_value(|p| {
            let next = p.place.build();
            let (previous, _) = std::mem::replace(&mut p.current, next);
            p.retired.push(previous);
        });
        self.generation.update(|g| *g += 1);
    }

    /// Starts fresh, as [`Session::start_fresh`], over another kind of store and with other
    /// options: a volunteer starting or stopping helping someone, on a shared device or the
    /// person's own.
    pub fn start_fresh_over(&self, new_store: fn() -> Store, options: StateOptions) {
        self.people.update_value(|p| {
            p.place.new_store = new_store;
            p.place.options = options;
        });
        self.start_fresh();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::domain::checkin::Draft;
    use crate::domain::instrument::{MHC_SF, UCLA3};
    use crate::domain::referral::{Baseline, ContactMethod, Referral};
    use crate::domain::schedule::{Deferral, DeferralKind};
    use crate::error::AppError;
    use crate::state::notice::Notice;
    use crate::state::referral::SubmitError;
    use crate::state::test_support::options;
    use crate::storage::{Backend, Fillable, StorageError, DRAFT, REFERRAL_DRAFT};

    /// A store that cannot be read at all, as when the browser blocks storage.
    struct Blocked;

    impl Backend for Blocked {
        fn get(&self, _: &str) -> Result<Option<String>, StorageError> {
            Err(StorageError::Unavailable)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable)
        }
        fn remove(&self, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Unavailable)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            Err(StorageError::Unavailable)
        }
    }

    fn answered_draft() -> Draft {
        let started = chrono::DateTime::UNIX_EPOCH;
        let mut d = Draft::new("c-1".into(), started, &[&MHC_SF, &UCLA3]);
        for n in 1..=17 {
            d.set_answer(n, if n <= 14 { 3 } else { 1 }).unwrap();
        }
        d
    }

    fn complete_referral() -> Referral {
        Referral {
            id: "r-1".into(),
            safety: Some(false),
            reasons: vec!["lonely".into()],
            activities: vec!["social".into()],
            barriers: vec!["none".into()],
            support: Some("welcome".into()),
            goals: vec!["Walk".into()],
            name: "Sam".into(),
            contact_method: Some(ContactMethod::NoContact),
            baseline: Baseline::Skipped,
            ..Referral::default()
        }
    }

    fn save_failed(state: &AppState) -> bool {
        state
            .notices
            .list()
            .get_untracked()
            .contains(&Notice::SaveFailed(StorageError::Full))
    }

    #[test]
    fn the_same_answers_again_need_no_room_and_raise_no_alarm() {
        let _owner = Owner::new();
        let backend = Arc::new(Fillable::default());
        let store = Store::with_backend(backend.clone());
        let state = AppState::new(store, LoadedConfig::default(), options());
        assert_eq!(state.check_in.answer(1, 4), Ok(()));
        // The store fills up once the answer is kept. Choosing it again, or Continue on a
        // page whose answers were kept as they were given, has nothing new to save.
        backend.fill(true);
        assert_eq!(state.check_in.answer(1, 4), Ok(()));
        assert_eq!(state.check_in.follow_up(|_| Ok(())), Ok(()));
        assert!(
            !save_failed(&state),
            "nothing is wrong: the check-in is kept as it is"
        );
        // A change does need the room: the person is told, and the change stays on screen.
        assert_eq!(state.check_in.answer(1, 5), Ok(()));
        assert!(save_failed(&state));
        assert_eq!(
            state
                .check_in
                .draft()
                .get_untracked()
                .and_then(|d| d.answer(1)),
            Some(5)
        );
    }

    #[test]
    fn a_failed_write_leaves_finished_records_as_they_were_and_keeps_work_on_screen() {
        let _owner = Owner::new();
        let backend = Arc::new(Fillable::default());
        let store = Store::with_backend(backend.clone());
        store.save(DRAFT, &answered_draft()).unwrap();
        store.save(REFERRAL_DRAFT, &complete_referral()).unwrap();
        let state = AppState::new(store, LoadedConfig::default(), options());
        backend.fill(true);

        assert_eq!(
            state.check_in.finish(),
            Err(AppError::Storage(StorageError::Full))
        );
        assert!(state.records.checkins().get_untracked().is_empty());
        assert_eq!(
            state.check_in.draft().get_untracked(),
            Some(answered_draft())
        );
        assert!(save_failed(&state), "the person is told");

        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let deferral = Deferral {
            kind: DeferralKind::Snoozed,
            for_due: day(1),
            made_on: day(2),
            until: day(5),
        };
        assert!(state.records.defer(deferral).is_err());
        assert_eq!(state.records.deferral().get_untracked(), None);

        assert!(matches!(
            state.referral.submit(),
            Err(SubmitError::Failed(_))
        ));
        assert!(state.records.referrals().get_untracked().is_empty());
        assert_eq!(
            state.referral.draft().get_untracked(),
            Some(complete_referral())
        );

        // Work in progress is the exception: what the person did stays on screen.
        state.referral.update(|r| r.name = "Sam Jones".into());
        assert_eq!(
            state.referral.draft().get_untracked().map(|r| r.name),
            Some("Sam Jones".into())
        );
        state.check_in.answer(1, 5).unwrap();
        assert_eq!(
            state
                .check_in
                .draft()
                .with_untracked(|d| d.as_ref().and_then(|d| d.answer(1))),
            Some(5)
        );

        // Once there is room, the next change saves everything and the notice goes.
        backend.fill(false);
        state.check_in.answer(2, 5).unwrap();
        assert!(!save_failed(&state));
        assert_eq!(state.check_in.finish(), Ok("c-1".to_string()));
        assert_eq!(state.records.checkins().get_untracked().len(), 1);
    }

    #[test]
    fn a_store_that_cannot_be_read_is_reported_not_shown_as_empty() {
        let _owner = Owner::new();
        let state = AppState::new(
            Store::with_backend(Arc::new(Blocked)),
            LoadedConfig::default(),
            options(),
        );
        assert_eq!(
            state.notices.list().get_untracked(),
            [Notice::LoadFailed(StorageError::Unavailable)]
        );
    }

    #[test]
    fn a_check_in_started_from_the_referral_becomes_its_baseline() {
        let _owner = Owner::new();
        let store = Store::memory();
        store.save(DRAFT, &answered_draft()).unwrap();
        store
            .save(
                REFERRAL_DRAFT,
                &Referral {
                    baseline: Baseline::Started,
                    ..complete_referral()
                },
            )
            .unwrap();
        let state = AppState::new(store, LoadedConfig::default(), options());
        let id = state.check_in.finish().unwrap();
        assert_eq!(
            state.referral.draft().get_untracked().map(|r| r.baseline),
            Some(Baseline::Done { checkin_id: id })
        );
    }

    #[test]
    fn starting_fresh_leaves_nothing_of_the_last_person_reachable() {
        let owner = Owner::new();
        owner.set();
        let session = Session::new(Store::memory, LoadedConfig::default(), options());
        let first = session.current();
        first.check_in.answer(1, 4).unwrap();
        first.referral.update(|r| r.name = "Sam".into());
        let (draft, referral, notices) = (
            first.check_in.draft(),
            first.referral.draft(),
            first.notices.list(),
        );
        assert!(draft.get_untracked().is_some() && referral.get_untracked().is_some());

        session.start_fresh();
        let next = session.current();
        assert_eq!(next.check_in.draft().get_untracked(), None);
        assert_eq!(next.referral.draft().get_untracked(), None);
        assert!(next.records.checkins().get_untracked().is_empty());
        // The last person's state is gone, not just hidden: its signals are disposed.
        assert_eq!(draft.try_get_untracked(), None);
        assert_eq!(referral.try_get_untracked(), None);
        assert_eq!(notices.try_get_untracked(), None);
    }

    #[test]
    fn the_language_chosen_is_kept_on_the_device_and_a_fresh_start_forgets_it() {
        use crate::i18n::Language;
        let owner = Owner::new();
        owner.set();
        let store = Store::memory();
        let state = AppState::new(store.clone(), LoadedConfig::default(), options());
        assert_eq!(
            state.language.chosen().get_untracked(),
            None,
            "no choice yet"
        );
        state.language.choose(Language::Welsh);
        assert_eq!(
            state.language.chosen().get_untracked(),
            Some(Language::Welsh)
        );
        // Read again from the same device, as after a reload.
        let again = AppState::new(store, LoadedConfig::default(), options());
        assert_eq!(
            again.language.chosen().get_untracked(),
            Some(Language::Welsh)
        );
        // A kiosk's next person starts with a new store: nothing of the last person's choice.
        let session = Session::new(Store::memory, LoadedConfig::default(), options());
        session.current().language.choose(Language::Arabic);
        session.start_fresh();
        assert_eq!(session.current().language.chosen().get_untracked(), None);
    }

    #[test]
    fn a_stored_language_this_version_does_not_have_is_no_choice() {
        let _owner = Owner::new();
        let store = Store::memory();
        store
            .save(crate::storage::LANGUAGE, &"fr".to_owned())
            .unwrap();
        let state = AppState::new(store, LoadedConfig::default(), options());
        assert_eq!(state.language.chosen().get_untracked(), None);
        assert!(
            state.notices.list().get_untracked().is_empty(),
            "nothing to report"
        );
    }

    #[test]
    #[should_panic(expected = "state is not provided")]
    fn reading_the_state_outside_its_root_is_a_programming_error() {
        let _owner = Owner::new();
        let _ = use_records();
    }
}
