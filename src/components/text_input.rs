//! A labelled text box, one line or several, with an optional character count.

use std::time::Duration;

use leptos::prelude::*;

use super::field::{described_by, ErrorMessage, FormGroup, Hint};
use crate::i18n::use_messages;
use crate::state::current_setup;

/// How long typing must pause before the count is read out to screen readers (GOV.UK's).
pub const ANNOUNCE_AFTER: Duration = Duration::from_secs(1);

/// A labelled text box (GOV.UK text input or textarea). The label can be the page heading;
/// hint, error and character limit are tied to the box with `aria-describedby`. With a
/// `max_chars`, a count under the box says how many characters are left as the person types,
/// and screen readers hear it once typing pauses, never at every key. The box never cuts the
/// person's words off: too long is an error on Continue, not a wall while typing.
#[component]
pub fn TextInput(
    /// The input's id and name.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
    /// Whether the label is the page's `<h1>` (a page with one question).
    #[prop(optional)]
    label_is_heading: bool,
    /// A medium-sized label, for a box below other questions on the page.
    #[prop(optional)]
    label_m: bool,
    /// Help under the label.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The current text.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the text on every keystroke, so nothing typed is ever lost.
    #[prop(into)]
    on_input: Callback<String>,
    /// The error to show, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// `text`, `tel` or `email`.
    #[prop(into, default = "text".into())]
    input_type: String,
    /// The browser's autofill hint, e.g. `tel`, `email`, `nickname`.
    #[prop(into, optional)]
    autocomplete: Option<String>,
    /// A textarea instead of a one-line box.
    #[prop(optional)]
    multiline: bool,
    /// The longest answer accepted, shown as a count.
    #[prop(optional)]
    max_chars: Option<usize>,
    /// How long typing must pause before the count is read out.
    #[prop(default = ANNOUNCE_AFTER)]
    announce_after: Duration,
    /// Extra CSS class for the box's width, e.g. `f-input--width-10`.
    #[prop(into, optional)]
    width: Option<String>,
) -> impl IntoView {
    // On a shared device the browser must neither offer the last person's answers nor learn
    // this person's: decided here, once, for every box.
    let autocomplete = if current_setup().allows_autofill() {
        autocomplete
    } else {
        Some("off".to_string())
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let limit_id = format!("{id}-info");
    let fixed = hint
        .as_ref()
        .filter(|h| !h.is_empty())
        .map(|_| hint_id.clone())
        .into_iter()
        .chain(max_chars.map(|_| limit_id.clone()));
    let described_by = described_by(fixed, error_id.clone(), error);
    let label_view = {
        let label = view! {
            <label class="f-label" class:f-label--m=label_m for=id.clone()>{label}</label>
        };
        if label_is_heading {
            view! { <h1 class="f-label-wrapper" tabindex="-1">{label}</h1> }.into_any()
        } else {
            label.into_any()
        }
    };
    let count = max_chars.map(|max| CharacterCount::new(max, announce_after));
    let typed = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if let Some(count) = count {
            count.typed(&text);
        }
        on_input.run(text);
    };
    let input = if multiline {
        view! {
            <textarea
                class="f-textarea"
                dir="auto"
                class:f-textarea--error=move || error.read().is_some()
                id=id.clone()
                name=id.clone()
                rows="4"
                aria-describedby=described_by
                autocomplete=autocomplete.clone()
                prop:value=move || value.get()
                on:input=typed
            ></textarea>
        }
        .into_any()
    } else {
        let class = format!("f-input {}", width.unwrap_or_default());
        // A phone number or an email address reads left to right in every language; a
        // person's own words follow the way they are written.
        let dir = if matches!(input_type.as_str(), "tel" | "email") {
            "ltr"
        } else {
            "auto"
        };
        view! {
            <input
                class=class
                dir=dir
                class:f-input--error=move || error.read().is_some()
                id=id.clone()
                name=id.clone()
                type=input_type
                spellcheck="false"
                aria-describedby=described_by
                autocomplete=autocomplete
                prop:value=move || value.get()
                on:input=typed
            />
        }
        .into_any()
    };
    view! {
        <FormGroup error>
            {label_view}
            <Hint id=hint_id text=hint/>
            <ErrorMessage id=error_id error/>
            {input}
            {count.map(|c| c.view(limit_id, value))}
        </FormGroup>
    }
}

/// The GOV.UK character count: a visible count that follows every key, a limit that the box
/// is described by, and a separate polite live region that speaks the count once typing
/// pauses, so a screen reader is not interrupted at every character.
#[derive(Clone, Copy)]
struct CharacterCount {
    max: usize,
    delay: Duration,
    /// What the live region says now.
    spoken: RwSignal<String>,
    /// The timer that will say the count, while typing has not yet paused.
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl CharacterCount {
    fn new(max: usize, delay: Duration) -> Self {
        let pending = StoredValue::new(None::<TimeoutHandle>);
        on_cleanup(move || {
            if let Some(Some(timer)) = pending.try_get_value() {
                timer.clear();
            }
        });
        Self {
            max,
            delay,
            spoken: RwSignal::new(String::new()),
            pending,
        }
    }

    /// The count in words for `text`, and whether it is over the limit.
    fn words(&self, text: &str) -> (String, bool) {
        let m = use_messages();
        let used = text.chars().count();
        if used <= self.max {
            (m.count(&m.characters_left, (self.max - used) as u64), false)
        } else {
            (
                m.count(&m.characters_too_many, (used - self.max) as u64),
                true,
            )
        }
    }

    /// Starts the wait again after each key; when it runs out, the count is spoken.
    fn typed(&self, text: &str) {
        if let Some(timer) = self.pending.get_value() {
            timer.clear();
        }
        let (words, _) = self.words(text);
        let spoken = self.spoken;
        let timer = set_timeout_with_handle(move || spoken.set(words), self.delay).ok();
        self.pending.set_value(timer);
    }

    fn view(self, limit_id: String, value: Signal<String>) -> impl IntoView {
        let m = use_messages();
        let now = move || value.with(|v| self.words(v));
        view! {
            <div id=limit_id class="f-visually-hidden">{m.count(&m.characters_limit, self.max as u64)}</div>
            <div class="f-hint f-character-count" class:f-error-message=move || now().1 aria-hidden="true">
                {move || now().0}
            </div>
            <div class="f-visually-hidden" aria-live="polite">{move || self.spoken.get()}</div>
        }
    }
}
