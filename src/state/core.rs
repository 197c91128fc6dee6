//! The signals and the store behind every handle of the app's state, and the two rules for
//! writing: work in progress always shows what the person did (a failed save is reported and
//! retried), finished records change only after the write succeeded.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;

use super::notice::Notice;
use super::outbox::SendQueue;
use crate::browser;
use crate::config::{LoadedConfig, ServiceConfig};
use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::consent::CheckInSharing;
use crate::domain::directory::Visit;
use crate::domain::progress::Overview;
use crate::domain::referral::Referral;
use crate::domain::schedule::Deferral;
use crate::i18n::Language;
use crate::storage::{
    Loaded, StorageError, Store, CONSENT, DEFERRAL, DRAFT, LANGUAGE, REFERRAL_DRAFT,
};

/// How long to wait before trying a failed save again.
pub const SAVE_RETRY: Duration = Duration::from_secs(5);

/// What the state needs from its surroundings, so tests can choose it.
#[derive(Debug, Clone, Copy)]
pub struct StateOptions {
    /// How long after a failed save of work in progress to try again; `None` leaves the retry
    /// to the person's next change.
    pub save_retry: Option<Duration>,
    /// Makes the id of a new check-in or referral.
    pub new_id: fn() -> String,
    /// Called after a finished record is saved: asks the browser to keep the data.
    pub keep_data: fn(),
    /// Whether a volunteer is helping: every record made notes it.
    pub with_volunteer: bool,
}

impl Default for StateOptions {
    fn default() -> Self {
        Self {
            save_retry: Some(SAVE_RETRY),
            new_id: browser::new_id,
            keep_data: ask_to_keep_data,
            with_volunteer: false,
        }
    }
}

/// A value the state holds: anyone may read it (through the handles' getters, which hand out
/// `read`), only the state writes it. Both halves belong to the state's owner, so both are
/// disposed with it.
pub(super) struct Held<T: Send + Sync + 'static> {
    /// The read half.
    pub(super) read: ReadSignal<T>,
    write: WriteSignal<T>,
}

impl<T: Send + Sync + 'static> Clone for Held<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Held<T> {}

impl<T: Send + Sync + 'static> Held<T> {
    fn new(value: T) -> Self {
        let (read, write) = signal(value);
        Self { read, write }
    }

    /// Replaces the value.
    pub(super) fn set(&self, value: T) {
        self.write.set(value);
    }

    /// Changes the value in place.
    pub(super) fn update(&self, change: impl FnOnce(&mut T)) {
        self.write.update(change);
    }
}

impl<T: Send + Sync + 'static> std::ops::Deref for Held<T> {
    type Target = ReadSignal<T>;

    fn deref(&self) -> &ReadSignal<T> {
        &self.read
    }
}

/// The finished check-ins, and what "Your progress" worked out from them: kept until they
/// change, because working it out from years of check-ins is the slowest part of opening that
/// page. Every change goes through [`CheckIns::set`], which throws the working out away, so
/// what is kept is always of the check-ins shown. (Its local dates follow the device's time
/// zone when it was worked out: a device moved to another zone shows the new one's from the
/// next change or page load.)
#[derive(Clone, Copy)]
pub(super) struct CheckIns {
    list: Held<Vec<CheckIn>>,
    worked_out: StoredValue<Option<Arc<Overview>>>,
}

impl CheckIns {
    fn new() -> Self {
        Self {
            list: Held::new(vec![]),
            worked_out: StoredValue::new(None),
        }
    }

    /// Replaces the check-ins. The same list again changes nothing: the store is read again
    /// whenever another tab saves anything (an answer, a draft), and that must neither redraw
    /// the pages that list check-ins nor throw away what was worked out.
    pub(super) fn set(&self, checkins: Vec<CheckIn>) {
        if self.list.with_untracked(|now| *now == checkins) {
            return;
        }
        self.worked_out.set_value(None);
        self.list.set(checkins);
    }

    /// What `work_out` makes of the check-ins, worked out only if they changed since it was
    /// last asked for (untracked); `None` once this person's state is gone.
    pub(super) fn worked_out(
        &self,
        work_out: impl FnOnce(&[CheckIn]) -> Overview,
    ) -> Option<Arc<Overview>> {
        if let Some(kept) = self.worked_out.try_get_value()? {
            return Some(kept);
        }
        let fresh = Arc::new(self.list.try_with_untracked(|c| work_out(c))?);
        self.worked_out.try_set_value(Some(Arc::clone(&fresh)));
        Some(fresh)
    }
}

impl std::ops::Deref for CheckIns {
    type Target = ReadSignal<Vec<CheckIn>>;

    fn deref(&self) -> &ReadSignal<Vec<CheckIn>> {
        &self.list.read
    }
}

/// Everything the handles share. Only the state module reaches inside.
#[derive(Clone, Copy)]
pub(super) struct Core {
    pub(super) store: StoredValue<Store>,
    pub(super) config: StoredValue<ServiceConfig>,
    pub(super) options: StateOptions,
    pub(super) notices: Held<Vec<Notice>>,
    pub(super) checkins: CheckIns,
    pub(super) referrals: Held<Vec<Referral>>,
    pub(super) deferral: Held<Option<Deferral>>,
    pub(super) draft: Held<Option<Draft>>,
    pub(super) referral: Held<Option<Referral>>,
    /// The language the person chose on this device, if they chose one.
    pub(super) language: Held<Option<Language>>,
    /// The person's standing choice about sharing check-ins with the service.
    pub(super) sharing: Held<Option<CheckInSharing>>,
    /// The device's outbox, when the app's root provides one.
    pub(super) sending: Option<SendQueue>,
    /// "I went" visits waiting for the next check-in.
    pub(super) visits: Held<Vec<Visit>>,
    /// Whether a retry of a failed save is already waiting.
    retrying: StoredValue<bool>,
}

/// The readable value of a load, counting what had to be set aside and keeping the first
/// failure.
fn take<T>(
    loaded: Result<Loaded<T>, StorageError>,
    set_aside: &mut usize,
    failed: &mut Option<StorageError>,
) -> Option<T> {
    match loaded {
        Ok(l) => {
            *set_aside += l.set_aside;
            Some(l.value)
        }
        Err(e) => {
            failed.get_or_insert(e);
            None
        }
    }
}

impl Core {
    /// Everything in `store`, with the service's configuration.
    pub(super) fn load(store: Store, loaded: LoadedConfig, options: StateOptions) -> Self {
        let LoadedConfig { config, problems } = loaded;
        let notices = if problems.is_empty() {
            vec![]
        } else {
            vec![Notice::Config(problems)]
        };
        let core = Self {
            store: StoredValue::new(store),
            config: StoredValue::new(config),
            options,
            notices: Held::new(notices),
            checkins: CheckIns::new(),
            referrals: Held::new(vec![]),
            deferral: Held::new(None),
            draft: Held::new(None),
            referral: Held::new(None),
            language: Held::new(None),
            sharing: Held::new(None),
            sending: use_context::<SendQueue>(),
            visits: Held::new(vec![]),
            retrying: StoredValue::new(false),
        };
        core.read_store();
        core
    }

    /// Reads everything from storage again. A part that cannot be read keeps what is on
    /// screen, and the person is told: an unreadable store never looks like an empty one.
    pub(super) fn read_store(&self) {
        let store = self.store.get_value();
        let (mut aside, mut failed) = (0, None);
        if let Some(v) = take(store.load_checkins(), &mut aside, &mut failed) {
            self.checkins.set(v);
        }
        if let Some(v) = take(store.load(DRAFT), &mut aside, &mut failed) {
            self.draft.set(v);
        }
        if let Some(v) = take(store.load(REFERRAL_DRAFT), &mut aside, &mut failed) {
            self.referral.set(v);
        }
        if let Some(v) = take(store.load_referrals(), &mut aside, &mut failed) {
            self.referrals.set(v);
        }
        if let Some(v) = take(store.load(DEFERRAL), &mut aside, &mut failed) {
            self.deferral.set(v);
        }
        if let Some(v) = take(store.load(LANGUAGE), &mut aside, &mut failed) {
            // A code this version does not have (from a newer one) is as good as no choice.
            self.language.set(v.as_deref().and_then(Language::from_tag));
        }
        if let Some(v) = take(store.load(CONSENT), &mut aside, &mut failed) {
            self.sharing.set(v);
        }
        if let Some(v) = take(store.load_visits(), &mut aside, &mut failed) {
            self.visits.set(v);
        }
        // Also tell the person about data set aside on an earlier visit and not yet dealt with.
        let any_aside = aside > 0 || store.set_aside().is_ok_and(|a| !a.is_empty());
        self.notices.update(|n| {
            n.retain(|x| !matches!(x, Notice::SetAside | Notice::LoadFailed(_)));
            n.extend(any_aside.then_some(Notice::SetAside));
            n.extend(failed.map(Notice::LoadFailed));
        });
    }

    /// Saves work in progress with `save`. Whatever happens, the caller then shows the work:
    /// a failed save is reported and tried again until it works, so nothing typed is lost.
    pub(super) fn save_work(&self, save: impl FnOnce(&Store) -> Result<(), StorageError>) {
        match self.store.with_value(save) {
            Ok(()) => self.saved(),
            Err(e) => self.report(e),
        }
    }

    /// Writes a finished record with `write`, reporting a failure. The caller changes its
    /// signals only on success, so the screen never shows as kept what is not.
    pub(super) fn write_record<T>(
        &self,
        write: impl FnOnce(&Store) -> Result<T, StorageError>,
    ) -> Result<T, StorageError> {
        let result = self.store.with_value(write);
        match &result {
            Ok(_) => {
                self.saved();
                (self.options.keep_data)();
            }
            Err(e) => self.report(e.clone()),
        }
        result
    }

    fn saved(&self) {
        let failed = |n: &Vec<Notice>| n.iter().any(|x| matches!(x, Notice::SaveFailed(_)));
        // Most saves follow a good one: then the notices, and what shows them, are left alone.
        if self.notices.with_untracked(failed) {
            self.notices
                .update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed(_))));
        }
    }

    fn report(&self, e: StorageError) {
        self.notices.update(|n| {
            n.retain(|x| !matches!(x, Notice::SaveFailed(_)));
            n.push(Notice::SaveFailed(e));
        });
        self.retry_soon();
    }

    /// After a failed save, tries again every so often until it works, so what the person
    /// typed while storage was full or blocked is kept as soon as it can be, without them
    /// having to change anything. Only the work in progress is retried: a finished check-in
    /// or referral is saved again when the person presses its button.
    fn retry_soon(&self) {
        let Some(delay) = self.options.save_retry else {
            return;
        };
        if self.retrying.get_value() {
            return;
        }
        self.retrying.set_value(true);
        let core = *self;
        set_timeout(move || core.retry(), delay);
    }

    fn retry(&self) {
        // The state may have been thrown away meanwhile (the next person at a kiosk): then
        // there is nothing left to save.
        if self.retrying.try_set_value(false).is_some() {
            return;
        }
        let failing = self
            .notices
            .try_with_untracked(|n| n.iter().any(|x| matches!(x, Notice::SaveFailed(_))));
        if failing != Some(true) {
            return;
        }
        let draft = self.draft.get_untracked();
        let referral = self.referral.get_untracked();
        self.save_work(|store| {
            draft.as_ref().map_or(Ok(()), |d| store.save(DRAFT, d))?;
            referral
                .as_ref()
                .map_or(Ok(()), |r| store.save(REFERRAL_DRAFT, r))
        });
    }
}

/// Asks the browser to keep the data, once there is something worth keeping. Not at first
/// load: some browsers ask the person, and a question before anything is saved is noise.
fn ask_to_keep_data() {
    leptos::task::spawn_local(async {
        let _ = browser::request_persistence().await;
    });
}
