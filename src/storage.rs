//! The only code that touches browser storage.
//!
//! Everything is written inside the versioned envelope of [`crate::domain::stored`] and read
//! back tolerantly. Anything that cannot be read is copied to its own "set aside" key before
//! the app may write over it, so a damaged record is never lost by the next save.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::domain::checkin::{CheckIn, Draft};
use crate::domain::schedule::Deferral;
use crate::domain::stored::{self, Envelope, Restored, SetAside};

/// Key of the finished check-ins.
pub const CHECKINS_KEY: &str = "flourish.checkins";
/// Key of the check-in in progress.
pub const DRAFT_KEY: &str = "flourish.draft";
/// Key of a due check-in put off (snoozed, or "not now"): never part of the history.
pub const DEFERRAL_KEY: &str = "flourish.deferral";
/// Prefix of keys holding data that could not be read.
pub const SET_ASIDE_PREFIX: &str = "flourish.aside.";

/// Why storage did not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
#[derive(Debug, Default)]
pub struct MemoryBackend(Mutex<BTreeMap<String, String>>);

impl MemoryBackend {
    fn map(&self) -> Result<std::sync::MutexGuard<'_, BTreeMap<String, String>>, StorageError> {
        self.0
            .lock()
            .map_err(|_| StorageError::Other("memory store poisoned".into()))
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map()?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.map()?.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map()?.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageError> {
        Ok(self.map()?.keys().cloned().collect())
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
        let raw = self.backend.get(CHECKINS_KEY)?;
        let restored = stored::restore_list::<CheckIn>(raw.as_deref());
        self.keep(CHECKINS_KEY, raw.as_deref(), restored)
    }

    /// The check-in in progress, if any.
    pub fn load_draft(&self) -> Result<Loaded<Option<Draft>>, StorageError> {
        let raw = self.backend.get(DRAFT_KEY)?;
        let restored = stored::restore::<Option<Draft>>(raw.as_deref());
        self.keep(DRAFT_KEY, raw.as_deref(), restored)
    }

    /// Saves the check-in in progress.
    pub fn save_draft(&self, draft: &Draft) -> Result<(), StorageError> {
        self.write(DRAFT_KEY, &Some(draft))
    }

    /// Forgets the check-in in progress.
    pub fn clear_draft(&self) -> Result<(), StorageError> {
        self.backend.remove(DRAFT_KEY)
    }

    /// Adds a finished check-in and removes the draft it came from. The stored list is read
    /// again first, so a check-in saved meanwhile from another tab is not written over; a
    /// check-in with the same id replaces the old one rather than appearing twice.
    pub fn add_checkin(&self, checkin: CheckIn) -> Result<Vec<CheckIn>, StorageError> {
        let mut all = self.load_checkins()?.value;
        all.retain(|c| c.id != checkin.id);
        all.push(checkin);
        self.write(CHECKINS_KEY, &all)?;
        // The check-in is safe; a draft left behind only means the person sees "carry on".
        let _ = self.clear_draft();
        Ok(all)
    }

    /// The due check-in put off, if any.
    pub fn load_deferral(&self) -> Result<Loaded<Option<Deferral>>, StorageError> {
        let raw = self.backend.get(DEFERRAL_KEY)?;
        let restored = stored::restore::<Option<Deferral>>(raw.as_deref());
        self.keep(DEFERRAL_KEY, raw.as_deref(), restored)
    }

    /// Saves a due check-in put off, replacing any earlier one.
    pub fn save_deferral(&self, deferral: &Deferral) -> Result<(), StorageError> {
        self.write(DEFERRAL_KEY, &Some(deferral))
    }

    /// Everything that has been set aside, as (key, text) pairs.
    pub fn set_aside(&self) -> Result<Vec<(String, String)>, StorageError> {
        let mut keys: Vec<String> = self
            .backend
            .keys()?
            .into_iter()
            .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
            .collect();
        keys.sort();
        Ok(keys
            .into_iter()
            .filter_map(|k| self.backend.get(&k).ok().flatten().map(|v| (k, v)))
            .collect())
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
                // Numbered after any kept from earlier loads; never reuse a key in use.
                let aside_key = loop {
                    n += 1;
                    let candidate = format!("{SET_ASIDE_PREFIX}{key}.{n}");
                    if !taken.contains(&candidate) {
                        break candidate;
                    }
                };
                let record = serde_json::json!({ "from": key, "reason": reason, "raw": raw });
                self.backend.set(&aside_key, &record.to_string())?;
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

    #[test]
    fn a_check_in_survives_a_save_and_load() {
        let store = Store::memory();
        store.add_checkin(checkin("a")).unwrap();
        store.add_checkin(checkin("b")).unwrap();
        store.add_checkin(checkin("a")).unwrap();
        let loaded = store.load_checkins().unwrap();
        assert_eq!(
            loaded
                .value
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            ["b", "a"]
        );
        assert_eq!(loaded.set_aside, 0);
    }

    #[test]
    fn saving_a_check_in_clears_the_draft() {
        let store = Store::memory();
        store
            .save_draft(&Draft::new("a".into(), Utc::now(), &[&MHC_SF]))
            .unwrap();
        assert!(store.load_draft().unwrap().value.is_some());
        store.add_checkin(checkin("a")).unwrap();
        assert_eq!(store.load_draft().unwrap().value, None);
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
        assert_eq!(store.load_deferral().unwrap().value, None);
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap_or_default();
        let deferral = Deferral {
            kind: DeferralKind::NotNow,
            for_due: day(1),
            made_on: day(3),
            until: day(10),
        };
        store.save_deferral(&deferral).unwrap();
        assert_eq!(store.load_deferral().unwrap().value, Some(deferral));
        assert!(store.load_checkins().unwrap().value.is_empty());
    }

    /// A backend whose writes always fail, as a full browser store does.
    struct FullBackend(MemoryBackend);
    impl Backend for FullBackend {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            self.0.get(key)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StorageError> {
            Err(StorageError::Full)
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StorageError> {
            self.0.keys()
        }
    }

    #[test]
    fn a_full_store_reports_and_damages_nothing() {
        let inner = MemoryBackend::default();
        inner.set(CHECKINS_KEY, "not json").unwrap();
        let store = Store::with_backend(Arc::new(FullBackend(inner)));
        assert_eq!(store.add_checkin(checkin("x")), Err(StorageError::Full));
        // The unreadable text could not be set aside, so the load refuses rather than
        // offering a list that a save would write over it.
        assert_eq!(store.load_checkins(), Err(StorageError::Full));
    }
}
