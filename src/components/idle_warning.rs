//! The warning before an unattended shared screen clears itself (WCAG 2.2.1, timing
//! adjustable): a modal alert dialog, announced and focused, shown at least 20 seconds
//! before the reset, with one button to keep going.

use std::time::Duration;

use leptos::html::Dialog;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

use crate::domain::mode::{IdleSettings, IdleStep, IdleWatch};
use crate::i18n::{fill, provide_language, use_messages, ShownLanguage};
use crate::reset::{use_start_fresh, After};
use crate::state::use_mode;

/// The browser's clock, in milliseconds: the page's `Date.now()`, which a test can move on.
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// What counts as the person still being there.
const INPUT_EVENTS: [&str; 7] = [
    "pointerdown",
    "pointermove",
    "keydown",
    "touchstart",
    "wheel",
    "scroll",
    "input",
];

/// Watches for inactivity wherever the screen clears itself (a kiosk, a volunteer's shared
/// device), with a fresh watch for each person; nothing anywhere else.
#[component]
pub fn IdleWarning() -> impl IntoView {
    let modes = use_mode();
    let shown = use_context::<ShownLanguage>();
    move || {
        modes.person();
        // In the person's language; a change of language is activity, so a fresh watch is right.
        if let Some(shown) = shown {
            provide_language(shown.0.get());
        }
        modes
            .idle()
            .map(|settings| view! { <IdleDialog settings/> })
    }
}

/// The watch and its dialog, for one person.
#[derive(Clone, Copy)]
struct Idle {
    watch: StoredValue<IdleWatch>,
    showing: RwSignal<bool>,
    /// Whole seconds until the reset, while the warning shows.
    left: RwSignal<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Counts the looks scheduled: only the latest may act, even where a cleared timer still
    /// fires (a test's fake clock hands out timer ids too big for the handles).
    looks: StoredValue<u64>,
    ticker: StoredValue<Option<IntervalHandle>>,
    dialog: NodeRef<Dialog>,
    /// Where focus was before the warning, to give it back.
    before: StoredValue<Option<SendWrapper<web_sys::HtmlElement>>>,
    reset: Callback<()>,
}

impl Idle {
    /// Does what the watch says now, and looks again when it says to.
    fn check(self) {
        let Some(step) = self.watch.try_update_value(|w| w.tick(now_ms())) else {
            return;
        };
        match step {
            IdleStep::Wait(ms) => self.look_again_in(ms),
            IdleStep::Warn(ms) => {
                self.show();
                self.look_again_in(ms);
            }
            IdleStep::Reset => {
                self.stop_timers();
                self.close();
                self.reset.run(());
            }
        }
    }

    fn look_again_in(self, ms: u64) {
        if let Some(Some(old)) = self.timer.try_get_value() {
            old.clear();
        }
        let Some(look) = self.looks.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let latest = move || self.looks.try_get_value() == Some(look);
        let handle = set_timeout_with_handle(
            move || {
                if latest() {
                    self.check();
                }
            },
            Duration::from_millis(ms),
        )
        .ok();
        self.timer.try_set_value(handle);
    }

    fn stop_timers(self) {
        self.looks.try_update_value(|n| *n += 1);
        if let Some(Some(t)) = self.timer.try_get_value() {
            t.clear();
        }
        if let Some(Some(t)) = self.ticker.try_get_value() {
            t.clear();
        }
    }

    fn count_down(self) {
        if let Some(Some(reset_at)) = self.watch.try_with_value(|w| w.reset_at()) {
            self.left
                .try_set(reset_at.saturating_sub(now_ms()).div_ceil(1000));
        }
    }

    fn show(self) {
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        self.before.set_value(active.map(SendWrapper::new));
        self.count_down();
        self.showing.set(true);
        if let Some(dialog) = self.dialog.get_untracked() {
            // A modal dialog: everything behind it is inert until it closes.
            let _ = dialog.show_modal();
        }
        crate::browser::focus("#keep-going");
        let ticker =
            set_interval_with_handle(move || self.count_down(), Duration::from_secs(1)).ok();
        self.ticker.set_value(ticker);
    }

    fn close(self) {
        if let Some(Some(t)) = self.ticker.try_get_value() {
            t.clear();
        }
        self.showing.try_set(false);
        if let Some(dialog) = self.dialog.try_get_untracked().flatten() {
            dialog.close();
        }
    }

    /// "Keep going": the warning closes, focus goes back where it was, the wait starts again.
    fn keep_going(self) {
        self.watch.try_update_value(|w| w.keep_going(now_ms()));
        self.close();
        if let Some(Some(before)) = self.before.try_get_value() {
            let _ = before.focus();
        }
        self.check();
    }
}

/// The dialog: "Are you still there?", what will happen and when, and "Keep going".
#[component]
fn IdleDialog(settings: IdleSettings) -> impl IntoView {
    let m = use_messages();
    let start_fresh = use_start_fresh();
    let idle = Idle {
        watch: StoredValue::new(IdleWatch::new(settings, now_ms())),
        showing: RwSignal::new(false),
        left: RwSignal::new(u64::from(settings.warning_seconds)),
        timer: StoredValue::new(None),
        looks: StoredValue::new(0),
        ticker: StoredValue::new(None),
        dialog: NodeRef::new(),
        before: StoredValue::new(None),
        reset: Callback::new(move |()| start_fresh(After::NextPerson)),
    };
    let listeners: Vec<_> = INPUT_EVENTS
        .iter()
        .map(|name| {
            window_event_listener_untyped(name, move |_| {
                idle.watch.try_update_value(|w| w.input(now_ms()));
            })
        })
        .collect();
    on_cleanup(move || {
        idle.stop_timers();
        for l in listeners {
            l.remove();
        }
    });
    idle.check();
    let body = fill(
        m.modes.idle_body,
        &[("seconds", &settings.warning_ms().div_ceil(1000).to_string())],
    );
    let left = move || m.count(&m.modes.idle_seconds_left, idle.left.get());
    view! {
        <dialog node_ref=idle.dialog class="f-dialog" role="alertdialog" aria-modal="true"
            aria-labelledby="idle-title" aria-describedby="idle-body"
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape keeps going too, rather than leaving the reset to come unseen.
                ev.prevent_default();
                idle.keep_going();
            }>
            <h2 class="f-heading-m" id="idle-title">{m.modes.idle_title}</h2>
            <p id="idle-body">{body}</p>
            <p class="f-dialog__countdown" aria-hidden="true">
                {move || idle.showing.get().then(left)}
            </p>
            <button type="button" class="f-button" id="keep-going" on:click=move |_| idle.keep_going()>
                {m.modes.keep_going}
            </button>
        </dialog>
    }
}
