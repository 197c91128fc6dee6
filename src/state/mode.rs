//! What runs on this device now (the person's own, a volunteer helping someone, a kiosk), and
//! whose turn it is: the handle the app's root provides above each person's state, so it
//! lasts from one person to the next.

use leptos::prelude::*;

use super::core::StateOptions;
use crate::config::ServiceConfig;
use crate::domain::mode::{Device, IdleSettings, Mode, Setup, SwitchRefused};
use crate::storage::Store;

/// The mode handle: read-only signals out; its few changes are made by the reset and the
/// volunteer's switch (`crate::reset`), which check them against the deployment's mode.
#[derive(Clone, Copy)]
pub struct Modes {
    fixed: StoredValue<Fixed>,
    setup: RwSignal<Setup>,
    ask_device: RwSignal<bool>,
    /// Counts the people since the page opened: changes at every full reset.
    person: RwSignal<u64>,
    /// The local storage keys there were when helping began on a shared device.
    keys_before: StoredValue<Vec<String>>,
}

/// What does not change while the page is open.
struct Fixed {
    deployment: Mode,
    kiosk: IdleSettings,
    assisted: IdleSettings,
    take_away_address: Option<String>,
    /// The store a person's own device keeps their answers in.
    kept_store: fn() -> Store,
    /// Random for each page load, so that history entries from before a reload are known
    /// as another person's.
    page: String,
}

impl Modes {
    /// What runs, from the service's configuration and what this tab remembered across a
    /// reload (never read for a kiosk). `kept_store` is where a person's own device keeps
    /// their answers; `page` tells this page load apart from others.
    pub fn new(
        config: &ServiceConfig,
        remembered: Option<&str>,
        kept_store: fn() -> Store,
        page: String,
    ) -> Self {
        let start = Setup::start(config.mode, remembered);
        Self {
            fixed: StoredValue::new(Fixed {
                deployment: config.mode,
                kiosk: config.kiosk,
                assisted: config.assisted,
                take_away_address: config.take_away_address.clone(),
                kept_store,
                page,
            }),
            setup: RwSignal::new(start.setup),
            ask_device: RwSignal::new(start.ask_device),
            person: RwSignal::new(0),
            keys_before: StoredValue::new(vec![]),
        }
    }

    /// The deployment's mode, from its configuration.
    pub fn deployment(&self) -> Mode {
        self.fixed.with_value(|f| f.deployment)
    }

    /// What runs now (tracked).
    pub fn setup(&self) -> Setup {
        self.setup.get()
    }

    /// What runs now, untracked.
    pub fn setup_untracked(&self) -> Setup {
        self.setup.get_untracked()
    }

    /// Whether the volunteer must first say whose device this is. Untracked: the answer
    /// rebuilds every page anyway.
    pub fn asks_device(&self) -> bool {
        self.ask_device.get_untracked()
    }

    /// The inactivity rule in force now, if the screen clears itself (tracked).
    pub fn idle(&self) -> Option<IdleSettings> {
        let (kiosk, assisted) = self.fixed.with_value(|f| (f.kiosk, f.assisted));
        self.setup().idle(kiosk, assisted)
    }

    /// Where a QR code opens Flourish on the person's own phone, if the service set it.
    pub fn take_away_address(&self) -> Option<String> {
        self.fixed.with_value(|f| f.take_away_address.clone())
    }

    /// Who is using the device now, as a mark for the browser's history (tracked): a mark
    /// from before the last reset, or from another page load, is another person's.
    pub fn person(&self) -> String {
        let n = self.person.get();
        self.fixed.with_value(|f| format!("{}.{n}", f.page))
    }

    /// The store for a setup: the person's own device's, or memory.
    pub fn store_for(&self, setup: Setup) -> fn() -> Store {
        if setup.keeps_on_device() {
            self.fixed.with_value(|f| f.kept_store)
        } else {
            Store::memory
        }
    }

    /// What a person's state needs for a setup: no request to keep data where nothing is
    /// kept, and the volunteer's help noted.
    pub fn options_for(&self, setup: Setup) -> StateOptions {
        let default = StateOptions::default();
        StateOptions {
            keep_data: if setup.asks_to_persist() {
                default.keep_data
            } else {
                || {}
            },
            with_volunteer: setup.with_volunteer(),
            ..default
        }
    }

    /// Changes what runs, if the deployment allows it; the volunteer's answer to "whose
    /// device is this" is then given.
    pub fn switch(&self, to: Setup) -> Result<Setup, SwitchRefused> {
        let next = self.setup_untracked().switch(self.deployment(), to)?;
        self.setup.set(next);
        self.ask_device.set(false);
        Ok(next)
    }

    /// The next person's turn begins.
    pub fn next_person(&self) {
        self.person.update(|n| *n += 1);
    }

    /// Remembers the local storage keys there were when helping began on a shared device.
    pub fn set_keys_before(&self, keys: Vec<String>) {
        self.keys_before.set_value(keys);
    }

    /// The local storage keys there were when helping began on a shared device.
    pub fn keys_before(&self) -> Vec<String> {
        self.keys_before.get_value()
    }

    /// Whether a volunteer is on a shared device, helping (untracked).
    pub fn helping_on_shared(&self) -> bool {
        self.setup_untracked() == Setup::Assisted(Device::Shared)
    }
}

/// What runs now, for the shared form pieces that adapt to it (autofill, downloads). Outside
/// the app's root (a component rendered on its own in a test) it is a person's own device.
pub fn current_setup() -> Setup {
    use_context::<Modes>().map_or(Setup::Personal, |m| m.setup_untracked())
}

/// The mode handle the root provides.
pub fn use_mode() -> Modes {
    super::session::provided()
}
