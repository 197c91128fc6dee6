//! The three ways Flourish runs, and the rules each sets: where the person's answers are kept,
//! whether the browser may remember them, and when an unattended screen is cleared.
//!
//! A service's configuration sets the [`Mode`] of its deployment. In a personal deployment a
//! volunteer may switch to "I'm helping someone" ([`Setup::Assisted`]), on the person's own
//! device or on a shared one. A kiosk is a deployment of its own: nothing a person types or
//! clicks, and nothing remembered in the browser, turns it into anything else
//! ([`Setup::start`], [`Setup::switch`]).
//!
//! The inactivity rules follow WCAG 2.2 success criterion 2.2.1 (timing adjustable): the
//! person is warned at least [`MIN_WARNING_SECONDS`] before the reset and can keep going with
//! one action ([`IdleWatch`]).

use serde::{Deserialize, Serialize};

/// How a deployment runs, set by the service's configuration (`"mode"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The person's own device: everything is kept on it.
    #[default]
    Personal,
    /// Volunteers helping people: every record notes the help.
    Assisted,
    /// A shared screen: nothing of anyone is kept, and it clears itself when left.
    Kiosk,
}

/// Whose device a volunteer is using.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Device {
    /// The person's own phone or tablet: their answers stay on it.
    TheirOwn,
    /// The volunteer's, or one many people use: nothing of the person is kept on it.
    Shared,
}

/// What is running now: the deployment's mode, and for a volunteer, whose device it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Setup {
    /// The person on their own device.
    Personal,
    /// A volunteer helping someone.
    Assisted(Device),
    /// A shared screen in a public place.
    Kiosk,
}

/// What the app starts as, and whether it must first ask whose device this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// What runs until told otherwise.
    pub setup: Setup,
    /// Whether to ask the volunteer whose device this is before anything else.
    pub ask_device: bool,
}

/// Why a change of setup was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SwitchRefused {
    /// A kiosk stays a kiosk; only its configuration makes one.
    #[error("a kiosk cannot be switched to another mode")]
    Kiosk,
    /// A volunteer's shared device in an assisted deployment never keeps anyone's answers.
    #[error("a shared device in an assisted deployment stays in assisted mode")]
    SharedStaysAssisted,
}

impl Setup {
    /// What runs when the app opens: the deployment's mode decides, and what this browser tab
    /// remembers from before a reload (`remembered`, see [`Setup::remember`]) only chooses
    /// between the setups that mode allows. In a kiosk it is never even read.
    pub fn start(mode: Mode, remembered: Option<&str>) -> Start {
        let recalled = remembered.and_then(Setup::recall);
        match mode {
            Mode::Kiosk => Start {
                setup: Setup::Kiosk,
                ask_device: false,
            },
            Mode::Personal => Start {
                setup: recalled.unwrap_or(Setup::Personal),
                ask_device: false,
            },
            // Until the volunteer says whose device this is, nothing is kept: the safe guess.
            Mode::Assisted => match recalled {
                Some(s @ Setup::Assisted(_)) => Start {
                    setup: s,
                    ask_device: false,
                },
                _ => Start {
                    setup: Setup::Assisted(Device::Shared),
                    ask_device: true,
                },
            },
        }
    }

    /// Changes what runs, if the deployment's mode allows it.
    pub fn switch(self, mode: Mode, to: Setup) -> Result<Setup, SwitchRefused> {
        match (mode, self, to) {
            (Mode::Kiosk, _, _) | (_, Setup::Kiosk, _) | (_, _, Setup::Kiosk) => {
                Err(SwitchRefused::Kiosk)
            }
            (Mode::Assisted, Setup::Assisted(Device::Shared), Setup::Personal) => {
                Err(SwitchRefused::SharedStaysAssisted)
            }
            _ => Ok(to),
        }
    }

    /// What a browser tab remembers across a reload (in its session storage, which the
    /// browser forgets when the tab closes): only a volunteer's choice. A reload on a shared
    /// device must not quietly turn into personal mode and start keeping the next person's
    /// answers.
    pub fn remember(self) -> Option<&'static str> {
        match self {
            Setup::Assisted(Device::TheirOwn) => Some("assisted-their-own"),
            Setup::Assisted(Device::Shared) => Some("assisted-shared"),
            Setup::Personal | Setup::Kiosk => None,
        }
    }

    /// The setup [`Setup::remember`] wrote, if `text` is one. Never a kiosk.
    pub fn recall(text: &str) -> Option<Setup> {
        match text {
            "assisted-their-own" => Some(Setup::Assisted(Device::TheirOwn)),
            "assisted-shared" => Some(Setup::Assisted(Device::Shared)),
            _ => None,
        }
    }

    /// Whether the person's answers are kept in the browser's storage on this device (else
    /// in the page's memory only, gone at the reset or when the page closes).
    pub fn keeps_on_device(self) -> bool {
        matches!(self, Setup::Personal | Setup::Assisted(Device::TheirOwn))
    }

    /// Whether to ask the browser to keep the data even when space runs low.
    pub fn asks_to_persist(self) -> bool {
        self.keeps_on_device()
    }

    /// Whether the browser may offer to fill in, and learn, personal answers (autofill).
    pub fn allows_autofill(self) -> bool {
        self.keeps_on_device()
    }

    /// Whether files of personal data may be downloaded: on a shared device they would be
    /// left in its downloads for the next person.
    pub fn offers_downloads(self) -> bool {
        self.keeps_on_device()
    }

    /// Whether past check-ins, progress and finished referrals can be looked at. On a shared
    /// device there are none to show but the current person's, and those leave with them.
    pub fn shows_kept_records(self) -> bool {
        self.keeps_on_device()
    }

    /// Whether records made now note "completed with help from a volunteer".
    pub fn with_volunteer(self) -> bool {
        matches!(self, Setup::Assisted(_))
    }

    /// The inactivity rule in force, if the screen clears itself when left.
    pub fn idle(self, kiosk: IdleSettings, assisted: IdleSettings) -> Option<IdleSettings> {
        match self {
            Setup::Kiosk => Some(kiosk),
            Setup::Assisted(Device::Shared) => Some(assisted),
            Setup::Personal | Setup::Assisted(Device::TheirOwn) => None,
        }
    }

    /// Whether the end of a journey hands the device back (and can start fresh for the next
    /// person) rather than simply ending.
    pub fn hands_back(self) -> bool {
        !self.keeps_on_device()
    }
}

/// The shortest warning before a reset: WCAG 2.2.1 asks for at least 20 seconds.
pub const MIN_WARNING_SECONDS: u32 = 20;

/// The shortest time without input before the warning.
pub const MIN_IDLE_SECONDS: u32 = 1;

/// How long a screen may go without input before the warning, and how long the warning
/// shows before the reset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdleSettings {
    /// Seconds without input before the warning shows.
    pub idle_seconds: u32,
    /// Seconds the warning shows before the reset; never below [`MIN_WARNING_SECONDS`].
    pub warning_seconds: u32,
}

/// Something wrong with idle settings, and what was used instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdleProblem {
    /// The warning was shorter than WCAG allows.
    #[error("warning_seconds {given} is less than the {MIN_WARNING_SECONDS} seconds WCAG 2.2.1 asks for; using {MIN_WARNING_SECONDS}")]
    WarningTooShort {
        /// What the configuration said.
        given: u32,
    },
    /// No time at all before the warning.
    #[error("idle_seconds must be at least {MIN_IDLE_SECONDS}; using {MIN_IDLE_SECONDS}")]
    IdleTooShort,
}

impl IdleSettings {
    /// A kiosk's default: two minutes, then a 30-second warning.
    pub const KIOSK: Self = Self {
        idle_seconds: 120,
        warning_seconds: 30,
    };

    /// A volunteer's shared device: twenty minutes (a conversation has long pauses), then a
    /// minute's warning.
    pub const ASSISTED: Self = Self {
        idle_seconds: 1200,
        warning_seconds: 60,
    };

    /// These settings made safe: the warning at least [`MIN_WARNING_SECONDS`], the wait at
    /// least [`MIN_IDLE_SECONDS`], with what had to change.
    pub fn clamped(self) -> (Self, Vec<IdleProblem>) {
        let mut problems = vec![];
        let mut safe = self;
        if self.idle_seconds < MIN_IDLE_SECONDS {
            safe.idle_seconds = MIN_IDLE_SECONDS;
            problems.push(IdleProblem::IdleTooShort);
        }
        if self.warning_seconds < MIN_WARNING_SECONDS {
            safe.warning_seconds = MIN_WARNING_SECONDS;
            problems.push(IdleProblem::WarningTooShort {
                given: self.warning_seconds,
            });
        }
        (safe, problems)
    }

    /// Milliseconds without input before the warning.
    pub fn idle_ms(self) -> u64 {
        u64::from(self.idle_seconds) * 1000
    }

    /// Milliseconds the warning shows before the reset.
    pub fn warning_ms(self) -> u64 {
        u64::from(self.warning_seconds.max(MIN_WARNING_SECONDS)) * 1000
    }
}

/// What an unattended screen should do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdleStep {
    /// Nothing yet: look again after this many milliseconds.
    Wait(u64),
    /// Show the warning now; look again after this many milliseconds.
    Warn(u64),
    /// Clear everything for the next person.
    Reset,
}

/// The inactivity timer's arithmetic, on a clock of milliseconds that the caller reads (the
/// browser's, or a test's). Input restarts the wait; once the warning shows, only "keep
/// going" does, and the reset comes no sooner than the full warning after the warning
/// appeared, however late the timer that showed it fired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IdleWatch {
    settings: IdleSettings,
    last_input: u64,
    warned_at: Option<u64>,
}

impl IdleWatch {
    /// A watch that starts counting at `now`.
    pub fn new(settings: IdleSettings, now: u64) -> Self {
        Self {
            settings,
            last_input: now,
            warned_at: None,
        }
    }

    /// The person did something at `now`. While the warning shows this changes nothing: it
    /// asks for its one action, so a stray touch behind it is not mistaken for an answer.
    pub fn input(&mut self, now: u64) {
        if self.warned_at.is_none() {
            self.last_input = self.last_input.max(now);
        }
    }

    /// "Keep going": the warning goes and the wait starts again from `now`.
    pub fn keep_going(&mut self, now: u64) {
        self.warned_at = None;
        self.last_input = now;
    }

    /// Whether the warning is showing.
    pub fn warning(&self) -> bool {
        self.warned_at.is_some()
    }

    /// When the reset will come, if the warning is showing.
    pub fn reset_at(&self) -> Option<u64> {
        self.warned_at.map(|w| w + self.settings.warning_ms())
    }

    /// What to do at `now`.
    pub fn tick(&mut self, now: u64) -> IdleStep {
        let warning = self.settings.warning_ms();
        match self.warned_at {
            Some(warned) => match (warned + warning).checked_sub(now) {
                Some(left) if left > 0 => IdleStep::Wait(left),
                _ => IdleStep::Reset,
            },
            None => {
                let quiet = now.saturating_sub(self.last_input);
                match self.settings.idle_ms().checked_sub(quiet) {
                    Some(left) if left > 0 => IdleStep::Wait(left),
                    _ => {
                        self.warned_at = Some(now);
                        IdleStep::Warn(warning)
                    }
                }
            }
        }
    }
}

/// The prefix of storage keys that hold submissions waiting to reach the service. They
/// belong to the device, not to the person using it, and are the one thing a reset keeps
/// (until they are delivered; they are never shown on a shared screen).
pub const DEVICE_KEY_PREFIX: &str = "flourish-outbox";

/// Which keys of the browser's local storage a reset removes. A kiosk or an assisted
/// deployment removes everything but the outbox. A volunteer's own device in a personal
/// deployment keeps what was there before helping began (`before`, the volunteer's own
/// check-ins, say): nothing of the person is ever written there, so anything new is removed.
pub fn keys_to_clear(mode: Mode, now: &[String], before: &[String]) -> Vec<String> {
    now.iter()
        .filter(|k| !k.starts_with(DEVICE_KEY_PREFIX))
        .filter(|k| mode != Mode::Personal || !before.contains(k))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const EVERY_SETUP: [Setup; 4] = [
        Setup::Personal,
        Setup::Assisted(Device::TheirOwn),
        Setup::Assisted(Device::Shared),
        Setup::Kiosk,
    ];

    #[test]
    fn only_the_persons_own_device_keeps_their_answers() {
        let kept: Vec<Setup> = EVERY_SETUP
            .into_iter()
            .filter(|s| s.keeps_on_device())
            .collect();
        assert_eq!(kept, [Setup::Personal, Setup::Assisted(Device::TheirOwn)]);
        for s in EVERY_SETUP {
            // Everything that could leave a trace follows where the answers are kept.
            let k = s.keeps_on_device();
            assert_eq!(s.asks_to_persist(), k, "{s:?}");
            assert_eq!(s.allows_autofill(), k, "{s:?}");
            assert_eq!(s.offers_downloads(), k, "{s:?}");
            assert_eq!(s.shows_kept_records(), k, "{s:?}");
            assert_eq!(s.hands_back(), !k, "{s:?}");
        }
    }

    #[test]
    fn help_from_a_volunteer_is_noted_on_either_device_and_only_then() {
        let noted: Vec<Setup> = EVERY_SETUP
            .into_iter()
            .filter(|s| s.with_volunteer())
            .collect();
        assert_eq!(
            noted,
            [
                Setup::Assisted(Device::TheirOwn),
                Setup::Assisted(Device::Shared)
            ]
        );
    }

    #[test]
    fn a_kiosk_clears_itself_sooner_than_a_volunteers_shared_device_and_no_one_elses_does() {
        let (kiosk, assisted) = (IdleSettings::KIOSK, IdleSettings::ASSISTED);
        assert_eq!(Setup::Kiosk.idle(kiosk, assisted), Some(kiosk));
        assert_eq!(
            Setup::Assisted(Device::Shared).idle(kiosk, assisted),
            Some(assisted)
        );
        assert_eq!(Setup::Personal.idle(kiosk, assisted), None);
        assert_eq!(
            Setup::Assisted(Device::TheirOwn).idle(kiosk, assisted),
            None
        );
        assert!(assisted.idle_seconds > kiosk.idle_seconds);
    }

    #[test]
    fn nothing_remembered_or_chosen_turns_a_kiosk_into_anything_else() {
        for remembered in [
            None,
            Some("assisted-shared"),
            Some("assisted-their-own"),
            Some("personal"),
            Some("kiosk"),
            Some(""),
        ] {
            assert_eq!(
                Setup::start(Mode::Kiosk, remembered),
                Start {
                    setup: Setup::Kiosk,
                    ask_device: false
                }
            );
        }
        for to in EVERY_SETUP {
            assert_eq!(
                Setup::Kiosk.switch(Mode::Kiosk, to),
                Err(SwitchRefused::Kiosk)
            );
        }
        // And nothing turns anything into a kiosk but the configuration.
        for from in EVERY_SETUP {
            for mode in [Mode::Personal, Mode::Assisted] {
                assert_eq!(from.switch(mode, Setup::Kiosk), Err(SwitchRefused::Kiosk));
            }
        }
        assert_eq!(Setup::recall("kiosk"), None);
        assert_eq!(Setup::Kiosk.remember(), None);
    }

    #[test]
    fn a_volunteers_choice_survives_a_reload_of_the_tab_and_personal_is_the_default() {
        for s in [
            Setup::Assisted(Device::TheirOwn),
            Setup::Assisted(Device::Shared),
        ] {
            let remembered = s.remember();
            assert_eq!(Setup::start(Mode::Personal, remembered).setup, s);
            assert_eq!(
                Setup::start(Mode::Assisted, remembered),
                Start {
                    setup: s,
                    ask_device: false
                }
            );
        }
        assert_eq!(Setup::start(Mode::Personal, None).setup, Setup::Personal);
        assert_eq!(
            Setup::start(Mode::Personal, Some("nonsense")).setup,
            Setup::Personal
        );
    }

    #[test]
    fn an_assisted_deployment_asks_whose_device_and_keeps_nothing_until_told() {
        assert_eq!(
            Setup::start(Mode::Assisted, None),
            Start {
                setup: Setup::Assisted(Device::Shared),
                ask_device: true
            }
        );
        let shared = Setup::Assisted(Device::Shared);
        assert_eq!(
            shared.switch(Mode::Assisted, Setup::Personal),
            Err(SwitchRefused::SharedStaysAssisted)
        );
        assert_eq!(
            shared.switch(Mode::Assisted, Setup::Assisted(Device::TheirOwn)),
            Ok(Setup::Assisted(Device::TheirOwn))
        );
        // Leaving assisted mode on the person's own device is always possible.
        for mode in [Mode::Personal, Mode::Assisted] {
            assert_eq!(
                Setup::Assisted(Device::TheirOwn).switch(mode, Setup::Personal),
                Ok(Setup::Personal)
            );
        }
        assert_eq!(
            Setup::Personal.switch(Mode::Personal, shared),
            Ok(shared),
            "a volunteer starts helping from the home screen"
        );
    }

    #[test]
    fn a_warning_shorter_than_twenty_seconds_is_lengthened_and_reported() {
        let (safe, problems) = IdleSettings {
            idle_seconds: 3,
            warning_seconds: 5,
        }
        .clamped();
        assert_eq!(
            safe,
            IdleSettings {
                idle_seconds: 3,
                warning_seconds: 20
            }
        );
        assert_eq!(problems, [IdleProblem::WarningTooShort { given: 5 }]);
        let (safe, problems) = IdleSettings {
            idle_seconds: 0,
            warning_seconds: 20,
        }
        .clamped();
        assert_eq!(safe.idle_seconds, 1);
        assert_eq!(problems, [IdleProblem::IdleTooShort]);
        assert_eq!(IdleSettings::KIOSK.clamped(), (IdleSettings::KIOSK, vec![]));
        assert_eq!(
            IdleSettings::ASSISTED.clamped(),
            (IdleSettings::ASSISTED, vec![])
        );
        // Even settings made by hand, unclamped, never warn for less than 20 seconds.
        let raw = IdleSettings {
            idle_seconds: 1,
            warning_seconds: 0,
        };
        assert_eq!(raw.warning_ms(), 20_000);
    }

    const S: IdleSettings = IdleSettings {
        idle_seconds: 120,
        warning_seconds: 30,
    };

    #[test]
    fn the_warning_shows_after_the_idle_time_and_the_reset_comes_after_the_warning() {
        let mut w = IdleWatch::new(S, 1_000);
        assert_eq!(w.tick(1_000), IdleStep::Wait(120_000));
        assert_eq!(w.tick(120_999), IdleStep::Wait(1));
        assert!(!w.warning());
        assert_eq!(w.tick(121_000), IdleStep::Warn(30_000));
        assert!(w.warning());
        assert_eq!(w.reset_at(), Some(151_000));
        assert_eq!(w.tick(150_999), IdleStep::Wait(1));
        assert_eq!(w.tick(151_000), IdleStep::Reset);
    }

    #[test]
    fn input_before_the_warning_starts_the_wait_again() {
        let mut w = IdleWatch::new(S, 0);
        w.input(100_000);
        assert_eq!(w.tick(120_000), IdleStep::Wait(100_000));
        assert_eq!(w.tick(220_000), IdleStep::Warn(30_000));
    }

    #[test]
    fn while_the_warning_shows_only_keep_going_extends() {
        let mut w = IdleWatch::new(S, 0);
        assert_eq!(w.tick(120_000), IdleStep::Warn(30_000));
        w.input(130_000);
        assert_eq!(w.tick(130_000), IdleStep::Wait(20_000), "a stray touch");
        w.keep_going(140_000);
        assert!(!w.warning());
        assert_eq!(w.reset_at(), None);
        assert_eq!(w.tick(150_000), IdleStep::Wait(110_000));
        assert_eq!(w.tick(260_000), IdleStep::Warn(30_000));
    }

    #[test]
    fn a_late_timer_still_gives_the_whole_warning() {
        // The device slept through the idle time and the warning time.
        let mut w = IdleWatch::new(S, 0);
        assert_eq!(w.tick(500_000), IdleStep::Warn(30_000));
        assert_eq!(w.tick(529_999), IdleStep::Wait(1));
        assert_eq!(w.tick(530_000), IdleStep::Reset);
    }

    proptest! {
        #[test]
        fn the_reset_never_comes_sooner_than_twenty_seconds_after_the_warning(
            idle in 0u32..5_000,
            warning in 0u32..200,
            inputs in proptest::collection::vec(0u64..10_000_000, 0..20),
            ticks in proptest::collection::vec(0u64..20_000_000, 1..40),
        ) {
            let (settings, _) = IdleSettings { idle_seconds: idle, warning_seconds: warning }.clamped();
            let mut w = IdleWatch::new(settings, 0);
            let mut events: Vec<(u64, bool)> = inputs.iter().map(|&t| (t, true))
                .chain(ticks.iter().map(|&t| (t, false))).collect();
            events.sort();
            let mut warned_at = None;
            for (t, is_input) in events {
                if is_input {
                    w.input(t);
                    continue;
                }
                match w.tick(t) {
                    IdleStep::Warn(left) => {
                        prop_assert!(left >= 20_000);
                        warned_at = Some(t);
                    }
                    IdleStep::Reset => {
                        let warned = warned_at.ok_or_else(|| TestCaseError::fail("reset without a warning"))?;
                        prop_assert!(t - warned >= u64::from(MIN_WARNING_SECONDS) * 1000);
                        prop_assert!(t - warned >= settings.warning_ms());
                        break;
                    }
                    IdleStep::Wait(left) => prop_assert!(left > 0),
                }
            }
        }
    }

    #[test]
    fn a_reset_keeps_only_the_outbox_and_on_a_volunteers_own_device_what_was_there_before() {
        let keys = |k: &[&str]| k.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let now = keys(&[
            "flourish.checkins",
            "flourish.referral.draft",
            "flourish-outbox",
            "flourish-outbox.lock",
            "other-site-thing",
        ]);
        for mode in [Mode::Kiosk, Mode::Assisted] {
            assert_eq!(
                keys_to_clear(mode, &now, &now),
                keys(&[
                    "flourish.checkins",
                    "flourish.referral.draft",
                    "other-site-thing"
                ])
            );
        }
        let before = keys(&["flourish.checkins"]);
        assert_eq!(
            keys_to_clear(Mode::Personal, &now, &before),
            keys(&["flourish.referral.draft", "other-site-thing"])
        );
    }
}
