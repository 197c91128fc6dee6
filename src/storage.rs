//! The only code that touches browser storage.
//!
//! Everything is written inside the versioned envelope of [`crate::domain::stored`] and read
//! back tolerantly. Anything that cannot be read is copied to its own "set aside" key before
//! the app may write over it, so a damaged record is never lost by the next save.

use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};

use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::consent::CheckInSharing;
use crate::domain::directory::{Visit, VISITS_KEY};
use crate::domain::export::{self, ExportDocument, ImportSummary, ParsedImport};
use crate::domain::outbox::Outbox;
use crate::domain::referral::Referral;
use crate::domain::storage_usage::StorageUsage;
use crate::domain::stored::{self, Envelope, Restored, SetAside};

use crate::domain::schedule::Deferral;
/// The key names live in the pure core, which needs them too; they are re-exported here, where
/// callers of storage look for them.
pub use crate::domain::stored::{
    CHECKINS_KEY, DRAFT_KEY, KEY_PREFIX, REFERRALS_KEY, REFERRAL_DRAFT_KEY, SET_ASIDE_PREFIX,
};

/// Key of a due check-in put off (snoozed, or "not now"): never part of the history.
pub const DEFERRAL_KEY: &str = "flourish.deferral";

/// Key of the language the person chose on this device, by its code (`cy`).
pub const LANGUAGE_KEY: &str = "flourish.language";
/// Key of the person's standing choice about sharing check-ins with the service.
pub const CONSENT_KEY: &str = "flourish.consent";

/// Key of the outbox: what the person chose to send and the service does not have yet. It is
/// the device's, not the person's: outside the `flourish.` keys, so starting fresh for the
/// next person and "delete everything" never drop a submission without asking.
pub const OUTBOX_KEY: &str = "flourish-outbox";

/// A stored value that each save replaces whole, such as the check-in in progress: its key,
/// and the type it holds.
pub struct Slot<T> {
    key: &'static str,
    holds: PhantomData<fn() -> T>,
}

impl<T> Clone for Slot<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Slot<T> {}

impl<T> Slot<T> {
    const fn new(key: &'static str) -> Self {
        Self {
            key,
            holds: PhantomData,
        }
    }
}

/// The check-in in progress.
pub const DRAFT: Slot<Draft> = Slot::new(DRAFT_KEY);
/// The referral being filled in.
pub const REFERRAL_DRAFT: Slot<Referral> = Slot::new(REFERRAL_DRAFT_KEY);
/// A due check-in put off.
pub const DEFERRAL: Slot<Deferral> = Slot::new(DEFERRAL_KEY);
/// The language the person chose, by code. Kept in the person's store, so a kiosk's reset
/// for the next person forgets it with everything else.
pub const LANGUAGE: Slot<String> = Slot::new(LANGUAGE_KEY);
/// The standing choice about sharing check-ins.
pub const CONSENT: Slot<CheckInSharing> = Slot::new(CONSENT_KEY);
/// The outbox.
pub const OUTBOX: Slot<Outbox> = Slot::new(OUTBOX_KEY);

/// Why storage did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub enum StorageError {
    /// The browser will not give us storage (private mode, blocked by settings).
    #[error("this browser is not letting the app save anything")]
    Unavailable,
    /// The browser's storage for this site is full.
    #[error("the storage on this device is full")]
    Full,
    /// A value could not be written as JSON (a bug, not the person's doing).
    #[error("the information could not be prepared for saving: {0}")]
    Encode(String),
    /// Any other failure the browser reported.
    #[error("the browser could not save: {0}")]
    Other(String),
}

/// A key-value store of strings: the browser's local storage, or memory.
pub trait Backend: Send + Sync {
    /// Reads a key.
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    /// Writes a key.
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    /// Removes a key.
    fn remove(&self, key: &str) -> Result<(), StorageError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StorageError>;
}

/// Storage that forgets everything when the page closes: for kiosks and for tests.
///
/// The pairs are kept in a list sorted by key rather than a `BTreeMap`: a store holds a
/// handful of keys, and the map's code is about 8 KB of wasm.
#[derive(Debug, Default)]
pub struct MemoryBackend(Mutex<Vec<(String, String)>>);

impl MemoryBackend {
    fn pairs(&self) -> Result<std::sync::MutexGuard<'_, Vec<(String, String)>>, StorageError> {
        self.0
            .lock()
            .map_err(|_| StorageError::Other("memory store poisoned".into()))
    }
}

/// Where `key` is in `pairs` (sorted by key), or where it would go.
fn find(pairs: &[(String, String)], key: &str) -> Result<usize, usize> {
    pairs.binary_search_by(|(k, _)| k.as_str().cmp(key))
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        let pairs = self.pairs()?;
        Ok(find(&pairs, key).ok().map(|i| pairs[i].1.clone()))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let mut pairs = self.pairs()?;
        match find(&pairs, key) {
            Ok(i) => pairs[i].1 = value.to_owned(),
            Err(i) => pairs.insert(i, (key.to_owned(), value.to_owned())),
        }
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        let mut pairs = self.pairs()?;
        if let Ok(i) = find(&pairs, key) {
            pairs.remove(i);
        }
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.pairs()?.iter().map(|(k, _)| k.clone()).collect())
    }
}

/// A memory store whose writes fail while `full` is set, as a full browser store's do: for
/// tests of what a failed write keeps and says.
#[cfg(test)]
#[derive(Debug, Default)]
pub(crate) struct Fillable {
    /// What is stored.
    pub(crate) inner: MemoryBackend,
    /// Whether writes fail.
    pub(crate) full: std::sync::atomic::AtomicBool,
}

#[cfg(test)]
impl Fillable {
    /// A store over `inner` that refuses every write until told otherwise.
    pub(crate) fn full(inner: MemoryBackend) -> Self {
        Self {
            inner,
            full: true.into(),
        }
    }

    /// Makes writes fail (`true`) or work again.
    pub(crate) fn fill(&self, full: bool) {
        self.full.store(full, std::sync::atomic::Ordering::Relaxed);
    }
}

#[cfg(test)]
impl Backend for Fillable {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.inner.get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        if self.full.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(StorageError::Full);
        }
        self.inner.set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        self.inner.keys()
    }
}

/// The browser's `localStorage`, looked up on every call so that a storage that becomes
/// available (or unavailable) later is noticed.
#[derive(Debug, Default, Clone, Copy)]
pub struct LocalBackend;

impl LocalBackend {
    fn storage() -> Result<web_sys::Storage, StorageError> {
        let window = web_sys::window().ok_or(StorageError::Unavailable)?;
        match window.local_storage() {
            Ok(Some(s)) => Ok(s),
            _ => Err(StorageError::Unavailable),
        }
    }
}

/// Turns a browser exception into a [`StorageError`], spotting a full store by its name.
fn classify(err: wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(&err, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Other(if name.is_empty() {
            format!("{err:?}")
        } else {
            name
        }),
    }
}

impl Backend for LocalBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Self::storage()?.get_item(key).map_err(classify)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        Self::storage()?.set_item(key, value).map_err(classify)
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        Self::storage()?.remove_item(key).map_err(classify)
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        let s = Self::storage()?;
        let len = s.length().map_err(classify)?;
        Ok((0..len).filter_map(|i| s.key(i).ok().flatten()).collect())
    }
}

/// What loading found: the readable data, plus how much had to be set aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    /// The readable data.
    pub value: T,
    /// How many unreadable pieces were set aside during this load.
    pub set_aside: usize,
}

/// The app's storage: typed reads and writes over a [`Backend`].
#[derive(Clone)]
pub struct Store {
    backend: Arc<dyn Backend>,
}

impl Store {
    /// Storage in the browser's local storage.
    pub fn local() -> Self {
        Self {
            backend: Arc::new(LocalBackend),
        }
    }

    /// Storage that lasts only as long as the page.
    pub fn memory() -> Self {
        Self {
            backend: Arc::new(MemoryBackend::default()),
        }
    }

    /// Storage over any backend.
    pub fn with_backend(backend: Arc<dyn Backend>) -> Self {
        Self { backend }
    }

    /// The finished check-ins, with any unreadable ones set aside.
    pub fn load_checkins(&self) -> Result<Loaded<Vec<CheckIn>>, StorageError> {
        self.load_list(CHECKINS_KEY)
    }

    /// What `slot` holds, if anything, with any unreadable value set aside.
    pub fn load<T>(&self, slot: Slot<T>) -> Result<Loaded<Option<T>>, StorageError>
    where
        T: serde::de::DeserializeOwned + serde::Serialize,
    {
        self.load_one(slot.key)
    }

    /// A part of what the key of `slot` holds, read as `T` (a type that reads only some of
    /// its fields), for showing before the whole is read. Never writes: what cannot be read
    /// this way gives `None` and stays as it is, for the whole read to deal with.
    pub fn peek<T, U>(&self, slot: Slot<U>) -> Option<T>
    where
        T: serde::de::DeserializeOwned + Default,
    {
        let raw = self.backend.get(slot.key).ok()??;
        let restored = stored::restore::<T>(Some(&raw));
        restored.set_aside.is_empty().then_some(restored.value)
    }

    /// Saves `value` in `slot`, replacing what was there.
    pub fn save<T: serde::Serialize>(&self, slot: Slot<T>, value: &T) -> Result<(), StorageError> {
        self.write(slot.key, &Some(value))
    }

    /// Empties `slot`.
    pub fn clear<T>(&self, slot: Slot<T>) -> Result<(), StorageError> {
        self.backend.remove(slot.key)
    }

    /// Adds a finished check-in and removes the draft it came from.
    pub fn add_checkin(&self, checkin: CheckIn) -> Result<Vec<CheckIn>, StorageError> {
        self.add_finished(CHECKINS_KEY, checkin, |c| c.id.clone(), DRAFT)
    }

    /// The referrals the person has finished.
    pub fn load_referrals(&self) -> Result<Loaded<Vec<Referral>>, StorageError> {
        self.load_list(REFERRALS_KEY)
    }

    /// Keeps a finished referral and removes the draft it came from.
    pub fn add_referral(&self, referral: Referral) -> Result<Vec<Referral>, StorageError> {
        self.add_finished(REFERRALS_KEY, referral, |r| r.id.clone(), REFERRAL_DRAFT)
    }

    /// The "I went" visits waiting for the next check-in, with any unreadable one set aside
    /// alone.
    pub fn load_visits(&self) -> Result<Loaded<Vec<Visit>>, StorageError> {
        self.load_list(VISITS_KEY)
    }

    /// Changes the visits waiting for a check-in with `change` and saves them. The list is
    /// read again first, so a visit another tab recorded meanwhile is kept; returns the list
    /// as saved.
    pub fn change_visits(
        &self,
        change: impl FnOnce(&mut Vec<Visit>),
    ) -> Result<Vec<Visit>, StorageError> {
        let mut all = self.load_visits()?.value;
        change(&mut all);
        self.write(VISITS_KEY, &all)?;
        Ok(all)
    }

    fn load_list<T: serde::de::DeserializeOwned + serde::Serialize>(
        &self,
        key: &str,
    ) -> Result<Loaded<Vec<T>>, StorageError> {
        let raw = self.backend.get(key)?;
        let restored = stored::restore_list::<T>(raw.as_deref());
        self.keep(key, raw.as_deref(), restored)
    }

    fn load_one<T: serde::de::DeserializeOwned + serde::Serialize + Default>(
        &self,
        key: &str,
    ) -> Result<Loaded<T>, StorageError> {
        let raw = self.backend.get(key)?;
        let restored = stored::restore::<T>(raw.as_deref());
        self.keep(key, raw.as_deref(), restored)
    }

    /// Keeps a finished record in the list at `key`, then removes the draft it came from.
    fn add_finished<T, D, F>(
        &self,
        key: &str,
        item: T,
        id: F,
        draft: Slot<D>,
    ) -> Result<Vec<T>, StorageError>
    where
        T: serde::de::DeserializeOwned + serde::Serialize,
        F: Fn(&T) -> String,
    {
        let all = self.upsert(key, item, id)?;
        // The record is safe; a draft left behind only means the person sees "carry on".
        let _ = self.clear(draft);
        Ok(all)
    }

    /// Adds or replaces one record of a list by id. The stored list is read again first, so a
    /// record saved meanwhile from another tab is not written over, and a record with the
    /// same id replaces the old one rather than appearing twice.
    fn upsert<T, F>(&self, key: &str, item: T, id: F) -> Result<Vec<T>, StorageError>
    where
        T: serde::de::DeserializeOwned + serde::Serialize,
        F: Fn(&T) -> String,
    {
        let mut all = self.load_list::<T>(key)?.value;
        let new_id = id(&item);
        all.retain(|x| id(x) != new_id);
        all.push(item);
        self.write(key, &all)?;
        Ok(all)
    }

    /// Everything that has been set aside, as (key, text) pairs.
    pub fn set_aside(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
            .collect();
        crate::domain::sort::stable_by(&mut keys, |a, b| a < b);
        Ok(keys
            .into_iter()
            .filter_map(|k| self.backend.get(&k).ok().flatten().map(|v| (k, v)))
            .collect())
    }

    /// Everything the person has, as one export document. It only reads: an export must work
    /// even on a full store, which is when a person most needs one. So pieces that a load
    /// would set aside, and has not yet, go into the document's set-aside list too, under the
    /// key they were read from.
    pub fn export(&self, exported_at: DateTime<Utc>) -> Result<ExportDocument, StorageError> {
        let checkins = stored::restore_list::<CheckIn>(self.backend.get(CHECKINS_KEY)?.as_deref());
        let draft = stored::restore::<Option<Draft>>(self.backend.get(DRAFT_KEY)?.as_deref());
        let mut aside = self.set_aside()?;
        for (key, pieces) in [
            (CHECKINS_KEY, &checkins.set_aside),
            (DRAFT_KEY, &draft.set_aside),
        ] {
            for SetAside { raw, reason } in pieces {
                aside.push((key.to_owned(), stored::aside_text(key, reason, raw)));
            }
        }
        let mut doc = export::build(&checkins.value, draft.value.as_ref(), &aside, exported_at);
        let referrals =
            stored::restore_list::<Referral>(self.backend.get(REFERRALS_KEY)?.as_deref());
        let referral_draft =
            stored::restore::<Option<Referral>>(self.backend.get(REFERRAL_DRAFT_KEY)?.as_deref());
        for (key, pieces) in [
            (REFERRALS_KEY, &referrals.set_aside),
            (REFERRAL_DRAFT_KEY, &referral_draft.set_aside),
        ] {
            for SetAside { raw, reason } in pieces {
                doc.data.set_aside.push(export::SetAsideEntry {
                    key: key.to_owned(),
                    text: stored::aside_text(key, reason, raw),
                });
            }
        }
        let went = stored::restore_list::<Visit>(self.backend.get(VISITS_KEY)?.as_deref());
        for SetAside { raw, reason } in &went.set_aside {
            doc.data.set_aside.push(export::SetAsideEntry {
                key: VISITS_KEY.to_owned(),
                text: stored::aside_text(VISITS_KEY, reason, raw),
            });
        }
        doc.data.referrals = referrals.value;
        doc.data.referral_draft = referral_draft.value;
        doc.data.went = went.value;
        Ok(doc)
    }

    /// Brings an export file in (see [`export::plan_import`] for the rules) and says what it
    /// did. Everything stored is read again right here, in the same uninterrupted run as the
    /// writes, so a check-in another tab saved before the import began is merged rather than
    /// written over. (Browsers give no transaction across tabs; this keeps the gap to the
    /// few statements between the read and the write.)
    ///
    /// Order of writes: set-aside pieces first, then the check-ins, then the draft. If the
    /// store fills up part way, what was already there is still there: at worst a replaced
    /// copy is both set aside and still in the list, and a second import completes the rest.
    pub fn import(&self, file: &ParsedImport) -> Result<ImportSummary, StorageError> {
        let checkins = self.load_checkins()?.value;
        let draft = self.load(DRAFT)?.value;
        let referrals = self.load_referrals()?.value;
        let referral_draft = self.load(REFERRAL_DRAFT)?.value;
        let visits = self.load_visits()?.value;
        let aside = self.set_aside()?;
        let mut plan = export::plan_import_all(
            &checkins,
            draft.as_ref(),
            &referrals,
            referral_draft.as_ref(),
            &aside,
            file,
        );
        let taken = self.backend.keys()?;
        let mut n = 0;
        for text in &plan.set_aside {
            let key = free_key(&taken, export::IMPORT_SOURCE, &mut n);
            self.backend.set(&key, text)?;
        }
        if plan.checkins_changed {
            self.write(CHECKINS_KEY, &plan.checkins)?;
        }
        if let Some(draft) = &plan.draft {
            self.save(DRAFT, draft)?;
        }
        if plan.referrals_changed {
            self.write(REFERRALS_KEY, &plan.referrals)?;
        }
        if let Some(r) = &plan.referral_draft {
            self.save(REFERRAL_DRAFT, r)?;
        }
        let (went, added) = export::merge_went(&visits, &file.went);
        if added > 0 {
            self.write(VISITS_KEY, &went)?;
        }
        plan.summary.visits_added = added;
        Ok(plan.summary)
    }

    /// Deletes everything this app keeps: every `flourish.*` key, set-aside pieces included,
    /// and nothing else on the site. Only for after the person has confirmed. Returns how
    /// many keys were removed; on an error some may already be gone.
    pub fn delete_everything(&self) -> Result<usize, StorageError> {
        let keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(KEY_PREFIX))
            .collect();
        for key in &keys {
            self.backend.remove(key)?;
        }
        Ok(keys.len())
    }

    /// How much space each kind of data uses, as the browser counts it.
    pub fn usage(&self) -> Result<StorageUsage, StorageError> {
        let mut entries = vec![];
        for key in self.backend.keys()? {
            if let Some(value) = self.backend.get(&key)? {
                entries.push((key, value));
            }
        }
        Ok(StorageUsage::of(entries))
    }

    fn write<T: serde::Serialize>(&self, key: &str, value: &T) -> Result<(), StorageError> {
        let text = Envelope::encode(value).map_err(|e| StorageError::Encode(e.to_string()))?;
        self.backend.set(key, &text)
    }

    /// Copies each unreadable piece to its own key. If that copy fails the load fails too,
    /// because handing back only the readable part would let the next save overwrite the rest.
    fn keep<T: serde::Serialize>(
        &self,
        key: &str,
        original: Option<&str>,
        restored: Restored<T>,
    ) -> Result<Loaded<T>, StorageError> {
        let count = restored.set_aside.len();
        if count > 0 {
            let whole = restored
                .set_aside
                .iter()
                .any(|s| Some(s.raw.as_str()) == original);
            let taken = self.backend.keys()?;
            let mut n = 0;
            for SetAside { raw, reason } in &restored.set_aside {
                let aside_key = free_key(&taken, key, &mut n);
                self.backend
                    .set(&aside_key, &stored::aside_text(key, reason, raw))?;
            }
            if whole {
                // The original text is now safe under its own key; leaving it in place would
                // set it aside again on every load.
                self.backend.remove(key)?;
            } else {
                // Rewrite what could be read so the damaged parts are not found again.
                self.write(key, &restored.value)?;
            }
        }
        Ok(Loaded {
            value: restored.value,
            set_aside: count,
        })
    }
}

/// The first set-aside key for `stem` after number `n` that is not in use; numbering goes on
/// from `n` so that one batch never reuses a key either.
fn free_key(taken: &[String], stem: &str, n: &mut usize) -> String {
    loop {
        *n += 1;
        let candidate = format!("{SET_ASIDE_PREFIX}{stem}.{n}");
        if !taken.contains(&candidate) {
            return candidate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::Draft;
    use crate::domain::instrument::MHC_SF;
    use chrono::{TimeZone, Utc};

    fn checkin(id: &str) -> CheckIn {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 1, 9, 0, 0)
            .single()
            .unwrap_or_default();
        let mut d = Draft::new(id.into(), at, &[&MHC_SF]);
        for n in 1..=14 {
            d.set_answer(n, 3).unwrap();
        }
        d.finish(at).unwrap()
    }

    /// The ids of the stored check-ins, in stored order.
    fn ids(store: &Store) -> Vec<String> {
        let loaded = store.load_checkins().unwrap().value;
        loaded.into_iter().map(|c| c.id).collect()
    }

    #[test]
    fn a_check_in_survives_a_save_and_load() {
        let store = Store::memory();
        store.add_checkin(checkin("a")).unwrap();
        store.add_checkin(checkin("b")).unwrap();
        store.add_checkin(checkin("a")).unwrap();
        assert_eq!(ids(&store), ["b", "a"]);
        assert_eq!(store.load_checkins().unwrap().set_aside, 0);
    }

    #[test]
    fn saving_a_check_in_clears_the_draft() {
        let store = Store::memory();
        store
            .save(DRAFT, &Draft::new("a".into(), Utc::now(), &[&MHC_SF]))
            .unwrap();
        assert!(store.load(DRAFT).unwrap().value.is_some());
        store.add_checkin(checkin("a")).unwrap();
        assert_eq!(store.load(DRAFT).unwrap().value, None);
    }

    #[test]
    fn corrupt_data_is_set_aside_once_and_never_overwritten() {
        let backend = Arc::new(MemoryBackend::default());
        backend
            .set(CHECKINS_KEY, "{\"schema\":1,\"data\":[tru")
            .unwrap();
        let store = Store::with_backend(backend.clone());
        let first = store.load_checkins().unwrap();
        assert_eq!((first.value.len(), first.set_aside), (0, 1));
        store.add_checkin(checkin("new")).unwrap();
        let aside = store.set_aside().unwrap();
        assert_eq!(aside.len(), 1);
        assert!(
            aside[0].1.contains("[tru"),
            "the exact text is kept: {}",
            aside[0].1
        );
        // A second load finds nothing new to set aside, and the new check-in is there.
        let second = store.load_checkins().unwrap();
        assert_eq!((second.value.len(), second.set_aside), (1, 0));
    }

    #[test]
    fn one_bad_record_is_set_aside_and_the_rest_kept() {
        let backend = Arc::new(MemoryBackend::default());
        let good = serde_json::to_value(checkin("good")).unwrap();
        let raw = serde_json::json!({"schema": 1, "data": [good, {"id": 7}]}).to_string();
        backend.set(CHECKINS_KEY, &raw).unwrap();
        let store = Store::with_backend(backend.clone());
        let loaded = store.load_checkins().unwrap();
        assert_eq!((loaded.value.len(), loaded.set_aside), (1, 1));
        assert_eq!(store.load_checkins().unwrap().set_aside, 0);
        assert_eq!(store.set_aside().unwrap().len(), 1);
    }

    #[test]
    fn a_deferral_survives_a_save_and_load_and_is_not_a_check_in() {
        use crate::domain::schedule::DeferralKind;
        let store = Store::memory();
        assert_eq!(store.load(DEFERRAL).unwrap().value, None);
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let deferral = Deferral {
            kind: DeferralKind::NotNow,
            for_due: day(1),
            made_on: day(3),
            until: day(10),
        };
        store.save(DEFERRAL, &deferral).unwrap();
        assert_eq!(store.load(DEFERRAL).unwrap().value, Some(deferral));
        assert!(store.load_checkins().unwrap().value.is_empty());
    }

    #[test]
    fn a_full_store_reports_and_damages_nothing() {
        let inner = MemoryBackend::default();
        inner.set(CHECKINS_KEY, "not json").unwrap();
        let store = Store::with_backend(Arc::new(Fillable::full(inner)));
        assert_eq!(store.add_checkin(checkin("x")), Err(StorageError::Full));
        // The unreadable text could not be set aside, so the load refuses rather than
        // offering a list that a save would write over it.
        assert_eq!(store.load_checkins(), Err(StorageError::Full));
    }

    fn at(h: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, h, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn file_of(store: &Store) -> export::ParsedImport {
        let text = store.export(at(12)).unwrap().to_json().unwrap();
        export::parse(&text).unwrap()
    }

    #[test]
    fn an_export_brings_everything_to_a_new_device() {
        let old = Store::memory();
        old.add_checkin(checkin("a")).unwrap();
        old.add_checkin(checkin("b")).unwrap();
        old.save(DRAFT, &Draft::new("d".into(), at(9), &[&MHC_SF]))
            .unwrap();
        let file = file_of(&old);

        let new = Store::memory();
        let summary = new.import(&file).unwrap();
        assert_eq!((summary.added, summary.already_there), (2, 0));
        assert!(summary.draft_restored);
        assert_eq!(new.load_checkins().unwrap().value.len(), 2);
        assert_eq!(
            new.load(DRAFT).unwrap().value.map(|d| d.id),
            Some("d".into())
        );

        // The same file again: nothing added, nothing kept twice.
        let again = new.import(&file).unwrap();
        assert!(!again.changed_anything(), "{again:?}");
        assert_eq!(again.already_there, 2);
        assert_eq!(new.load_checkins().unwrap().value.len(), 2);
    }

    #[test]
    fn an_import_merges_with_a_check_in_saved_meanwhile_in_another_tab() {
        let backend = Arc::new(MemoryBackend::default());
        let this_tab = Store::with_backend(backend.clone());
        let other_tab = Store::with_backend(backend);
        let source = Store::memory();
        source.add_checkin(checkin("from-file")).unwrap();
        let file = file_of(&source);
        // This tab shows its list, then the other tab saves, then this tab imports.
        let _shown = this_tab.load_checkins().unwrap();
        other_tab.add_checkin(checkin("other-tab")).unwrap();
        this_tab.import(&file).unwrap();
        assert_eq!(ids(&this_tab), ["other-tab", "from-file"]);
    }

    #[test]
    fn a_replaced_copy_and_unreadable_parts_of_the_file_are_set_aside() {
        let store = Store::memory();
        store.add_checkin(checkin("a")).unwrap();
        let mut later = checkin("a");
        later.finished_at = at(20);
        let text = export::build(&[later.clone()], None, &[], at(21))
            .to_json()
            .unwrap()
            .replacen("\"checkins\": [", "\"checkins\": [{\"id\": 7},", 1);
        let summary = store.import(&export::parse(&text).unwrap()).unwrap();
        assert_eq!(
            (summary.conflicts, summary.replaced, summary.unreadable),
            (1, 1, 1)
        );
        assert_eq!(store.load_checkins().unwrap().value, vec![later]);
        let aside = store.set_aside().unwrap();
        assert_eq!(aside.len(), 2, "{aside:?}");
        assert!(aside
            .iter()
            .all(|(k, _)| k.starts_with("flourish.aside.import.")));
    }

    #[test]
    fn an_import_on_a_full_store_changes_nothing_and_says_so() {
        let inner = MemoryBackend::default();
        let ok = Store::memory();
        ok.add_checkin(checkin("a")).unwrap();
        inner
            .set(
                CHECKINS_KEY,
                &ok.backend.get(CHECKINS_KEY).unwrap().unwrap(),
            )
            .unwrap();
        let store = Store::with_backend(Arc::new(Fillable::full(inner)));
        let source = Store::memory();
        source.add_checkin(checkin("b")).unwrap();
        assert_eq!(store.import(&file_of(&source)), Err(StorageError::Full));
        assert_eq!(ids(&store), ["a"]);
    }

    #[test]
    fn an_export_works_on_a_full_store_and_carries_what_could_not_be_read() {
        let inner = MemoryBackend::default();
        inner
            .set(CHECKINS_KEY, "{\"schema\":1,\"data\":[tru")
            .unwrap();
        inner.set("flourish.aside.old.1", "kept earlier").unwrap();
        let store = Store::with_backend(Arc::new(Fillable::full(inner)));
        let doc = store.export(at(12)).unwrap();
        assert!(doc.data.checkins.is_empty());
        let texts: Vec<&str> = doc.data.set_aside.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts.len(), 2);
        assert!(texts[0] == "kept earlier" && texts[1].contains("[tru"));
    }

    #[test]
    fn delete_everything_removes_every_flourish_key_and_nothing_else() {
        let backend = Arc::new(MemoryBackend::default());
        backend.set("someone.else", "x").unwrap();
        backend.set(CHECKINS_KEY, "not json").unwrap();
        let store = Store::with_backend(backend.clone());
        store.load_checkins().unwrap(); // sets the damage aside
        store.add_checkin(checkin("a")).unwrap();
        store
            .save(DRAFT, &Draft::new("d".into(), at(9), &[&MHC_SF]))
            .unwrap();
        assert_eq!(store.delete_everything().unwrap(), 3);
        assert_eq!(backend.keys().unwrap(), ["someone.else"]);
        assert!(store.load_checkins().unwrap().value.is_empty());
    }

    #[test]
    fn usage_counts_what_is_stored() {
        let store = Store::memory();
        assert_eq!(store.usage().unwrap().total(), 0);
        store.add_checkin(checkin("a")).unwrap();
        let text = store.backend.get(CHECKINS_KEY).unwrap().unwrap();
        let usage = store.usage().unwrap();
        assert_eq!(usage.checkins, 2 * (CHECKINS_KEY.len() + text.len()) as u64);
        assert_eq!(usage.total(), usage.checkins);
    }

    #[test]
    fn export_delete_import_gives_back_check_ins_and_referrals() {
        use crate::domain::referral::{ContactMethod, Referral};
        let store = Store::memory();
        store.add_checkin(checkin("c1")).unwrap();
        let sent = Referral {
            id: "r1".into(),
            name: "Sam".into(),
            submitted_at: Some(Utc::now()),
            ..Referral::default()
        };
        store.add_referral(sent.clone()).unwrap();
        let draft = Referral {
            id: "r2".into(),
            contact_method: Some(ContactMethod::Email),
            ..Referral::default()
        };
        store.save(REFERRAL_DRAFT, &draft).unwrap();
        let text = store.export(Utc::now()).unwrap().to_json().unwrap();

        store.delete_everything().unwrap();
        assert!(store.load_referrals().unwrap().value.is_empty());

        let parsed = export::parse(&text).unwrap();
        let summary = store.import(&parsed).unwrap();
        assert_eq!(
            (
                summary.added,
                summary.referrals_added,
                summary.referral_draft_restored
            ),
            (1, 1, true)
        );
        assert_eq!(store.load_checkins().unwrap().value, vec![checkin("c1")]);
        assert_eq!(store.load_referrals().unwrap().value, vec![sent]);
        assert_eq!(store.load(REFERRAL_DRAFT).unwrap().value, Some(draft));
        // Importing again adds nothing.
        let again = store.import(&parsed).unwrap();
        assert!(!again.changed_anything(), "{again:?}");
    }

    #[test]
    fn visits_are_kept_one_by_one_and_travel_through_export_and_import() {
        use chrono::NaiveDate;
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let backend = Arc::new(MemoryBackend::default());
        let this_tab = Store::with_backend(backend.clone());
        let other_tab = Store::with_backend(backend.clone());
        assert!(this_tab.load_visits().unwrap().value.is_empty());
        this_tab
            .change_visits(|v| {
                crate::domain::directory::record_visit(
                    v,
                    Visit::new("walk", "Example walk", day(2)),
                );
            })
            .unwrap();
        // The other tab adds one without having seen the first: both are kept.
        let both = other_tab
            .change_visits(|v| {
                crate::domain::directory::record_visit(
                    v,
                    Visit::new("cafe", "Example café", day(3)),
                );
            })
            .unwrap();
        assert_eq!(both.len(), 2);
        assert_eq!(this_tab.load_visits().unwrap().value, both);

        let text = this_tab.export(at(12)).unwrap().to_json().unwrap();
        this_tab.delete_everything().unwrap();
        let summary = this_tab.import(&export::parse(&text).unwrap()).unwrap();
        assert_eq!(summary.visits_added, 2);
        assert!(summary.changed_anything());
        assert_eq!(this_tab.load_visits().unwrap().value, both);
        let again = this_tab.import(&export::parse(&text).unwrap()).unwrap();
        assert!(!again.changed_anything(), "{again:?}");
    }

    #[test]
    fn one_unreadable_visit_is_set_aside_alone() {
        let backend = Arc::new(MemoryBackend::default());
        backend
            .set(
                VISITS_KEY,
                r#"{"schema":1,"data":[{"directory_id":"walk","name":"Example walk","on":"2026-12-02"},{"on":"yesterday"}]}"#,
            )
            .unwrap();
        let store = Store::with_backend(backend);
        let loaded = store.load_visits().unwrap();
        assert_eq!((loaded.value.len(), loaded.set_aside), (1, 1));
        let aside = store.set_aside().unwrap();
        assert_eq!(aside.len(), 1);
        assert!(
            aside[0].0.starts_with("flourish.aside.flourish.went."),
            "{aside:?}"
        );
        assert!(aside[0].1.contains("yesterday"));
        assert_eq!(store.load_visits().unwrap().set_aside, 0, "set aside once");
        assert!(store.usage().unwrap().visits > 0);
    }
}
