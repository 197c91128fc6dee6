//! How much space each kind of stored data uses, for the "Your data" page.
//!
//! Browsers count `localStorage` in UTF-16 code units, key and value both, and most allow
//! about 5 MB (2.5 million code units) per site. So a byte here is two per code unit of the
//! key plus the value: the figure the browser's own limit is measured in, not the UTF-8 size
//! of an export file.

use super::directory::VISITS_KEY;
use super::stored::{CHECKINS_KEY, DRAFT_KEY, SET_ASIDE_PREFIX};

/// What a stored key holds, as the person would group it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageKind {
    /// The finished check-ins.
    CheckIns,
    /// The check-in in progress.
    Draft,
    /// Data that could not be read and is kept aside.
    SetAside,
    /// Activities the person said "I went" to, waiting for their next check-in.
    Visits,
    /// Anything else on this site (settings, or another app's keys).
    Other,
}

impl StorageKind {
    /// Which kind a key holds.
    pub fn of(key: &str) -> Self {
        if key == CHECKINS_KEY {
            Self::CheckIns
        } else if key == DRAFT_KEY {
            Self::Draft
        } else if key.starts_with(SET_ASIDE_PREFIX) {
            Self::SetAside
        } else if key == VISITS_KEY {
            Self::Visits
        } else {
            Self::Other
        }
    }
}

/// Bytes used by each kind, as the browser counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StorageUsage {
    /// Bytes used by the finished check-ins.
    pub checkins: u64,
    /// Bytes used by the check-in in progress.
    pub draft: u64,
    /// Bytes used by everything set aside.
    pub set_aside: u64,
    /// Bytes used by the "I went" visits waiting for a check-in.
    pub visits: u64,
    /// Bytes used by anything else on this site.
    pub other: u64,
}

impl StorageUsage {
    /// Adds up (key, value) pairs as they are stored.
    pub fn of<K: AsRef<str>, V: AsRef<str>>(entries: impl IntoIterator<Item = (K, V)>) -> Self {
        let mut usage = Self::default();
        for (key, value) in entries {
            let (key, value) = (key.as_ref(), value.as_ref());
            let bytes = utf16_bytes(key).saturating_add(utf16_bytes(value));
            let slot = match StorageKind::of(key) {
                StorageKind::CheckIns => &mut usage.checkins,
                StorageKind::Draft => &mut usage.draft,
                StorageKind::SetAside => &mut usage.set_aside,
                StorageKind::Visits => &mut usage.visits,
                StorageKind::Other => &mut usage.other,
            };
            *slot = slot.saturating_add(bytes);
        }
        usage
    }

    /// Bytes used by one kind.
    pub fn get(&self, kind: StorageKind) -> u64 {
        match kind {
            StorageKind::CheckIns => self.checkins,
            StorageKind::Draft => self.draft,
            StorageKind::SetAside => self.set_aside,
            StorageKind::Visits => self.visits,
            StorageKind::Other => self.other,
        }
    }

    /// Bytes used in all.
    pub fn total(&self) -> u64 {
        self.checkins
            .saturating_add(self.draft)
            .saturating_add(self.set_aside)
            .saturating_add(self.visits)
            .saturating_add(self.other)
    }
}

/// What `text` costs in `localStorage`: two bytes per UTF-16 code unit.
pub fn utf16_bytes(text: &str) -> u64 {
    text.encode_utf16().count() as u64 * 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_utf16_code_units_times_two_for_key_and_value() {
        assert_eq!(utf16_bytes(""), 0);
        assert_eq!(utf16_bytes("abc"), 6);
        assert_eq!(utf16_bytes("é"), 2, "one code unit though two UTF-8 bytes");
        assert_eq!(utf16_bytes("😀"), 4, "a surrogate pair is two code units");
        assert_eq!(utf16_bytes("ا"), 2);
    }

    #[test]
    fn each_key_is_counted_under_its_kind() {
        let usage = StorageUsage::of([
            ("flourish.checkins", "[]"),                 // 17 + 2 units
            ("flourish.draft", "null"),                  // 14 + 4
            ("flourish.aside.flourish.checkins.1", "x"), // 34 + 1
            ("flourish.aside.import.1", "😀"),           // 23 + 2
            ("flourish.went", "[]"),                     // 13 + 2
            ("someone.else", ""),                        // 12
        ]);
        assert_eq!(usage.checkins, 38);
        assert_eq!(usage.draft, 36);
        assert_eq!(usage.set_aside, 70 + 50);
        assert_eq!(usage.other, 24);
        assert_eq!(usage.visits, 30);
        assert_eq!(usage.total(), 38 + 36 + 120 + 30 + 24);
        assert_eq!(usage.get(StorageKind::SetAside), 120);
        assert_eq!(StorageUsage::of(Vec::<(String, String)>::new()).total(), 0);
    }
}
