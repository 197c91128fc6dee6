//! What radios and checkboxes share: the answers offered, each with its own hint, and the
//! content revealed under an answer while it is chosen.

use leptos::prelude::*;

use crate::config::{Choice, Text};
use crate::i18n::{use_messages, Language};

/// One answer offered by [`super::radios::Radios`] or [`super::checkboxes::Checkboxes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceItem {
    /// What the person reads.
    pub label: String,
    /// The value reported when chosen.
    pub value: String,
    /// A short example or explanation under the label.
    pub hint: Option<String>,
    /// For checkboxes: ticking it unticks every other answer ("None yet"), and GOV.UK shows
    /// an "or" before it. Radios ignore it: one answer is all they take anyway.
    pub exclusive: bool,
    /// The language of the label and hint when it is not the page's (a service's words given
    /// in English only), so screen readers switch voice.
    pub lang: Option<&'static str>,
}

impl ChoiceItem {
    /// An answer with no hint.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
            hint: None,
            exclusive: false,
            lang: None,
        }
    }

    /// A service's choice in `language`: its own words for that language, or its English
    /// ones marked as English.
    pub fn from_choice(c: Choice, language: Language) -> Self {
        let fell_back = |t: &Text| match t {
            Text::PerLanguage(map) if language != Language::English => {
                !map.contains_key(language.code())
            }
            _ => false,
        };
        let english = fell_back(&c.label);
        Self {
            label: c.label.get(language).to_owned(),
            value: c.id,
            hint: c.hint.as_ref().map(|h| h.get(language).to_owned()),
            exclusive: c.exclusive,
            lang: english.then_some(Language::English.messages().lang),
        }
    }
}

/// Content shown under one answer while it is chosen (GOV.UK conditional reveal), such as a
/// box for "Something else".
#[derive(Clone)]
pub struct Reveal {
    /// The answer it belongs to.
    pub value: String,
    /// What shows.
    pub content: ViewFn,
}

/// Which kind of input the answers are.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Radio,
    Checkbox,
}

/// The answers as inputs with their labels and hints. The first input's id is `name`, which
/// is where an error links; the others are `name-2`, `name-3`, and so on. `on_change` hears
/// each answer's value and whether it is now chosen.
pub(super) fn choice_items(
    kind: Kind,
    name: &str,
    items: Vec<ChoiceItem>,
    chosen: impl Fn(&str) -> bool + Clone + Send + Sync + 'static,
    on_change: impl Fn(&str, bool) + Clone + Send + Sync + 'static,
    reveal: Option<Reveal>,
) -> impl IntoView {
    let m = use_messages();
    let (class, input_type) = match kind {
        Kind::Radio => ("f-radios", "radio"),
        Kind::Checkbox => ("f-checkboxes", "checkbox"),
    };
    let items = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let id = if i == 0 {
                name.to_owned()
            } else {
                format!("{name}-{}", i + 1)
            };
            let hint_id = format!("{id}-item-hint");
            let value = item.value.clone();
            let is_chosen = {
                let (chosen, value) = (chosen.clone(), value.clone());
                move || chosen(&value)
            };
            let changed = {
                let (on_change, value) = (on_change.clone(), value.clone());
                move |ev: leptos::ev::Event| on_change(&value, event_target_checked(&ev))
            };
            let divider = (kind == Kind::Checkbox && item.exclusive)
                .then(|| view! { <div class="f-checkboxes__divider">{m.or}</div> });
            let revealed = reveal.as_ref().filter(|r| r.value == value).map(|r| {
                let (content, is_chosen) = (r.content.clone(), is_chosen.clone());
                move || {
                    is_chosen().then(|| view! { <div class="f-conditional">{content.run()}</div> })
                }
            });
            view! {
                {divider}
                <div class=format!("{class}__item")>
                    <input
                        class=format!("{class}__input")
                        type=input_type
                        id=id.clone()
                        name=name.to_owned()
                        value=value
                        prop:checked=is_chosen
                        aria-describedby=item.hint.as_ref().map(|_| hint_id.clone())
                        on:change=changed
                    />
                    <label class=format!("{class}__label") for=id lang=item.lang>{item.label}</label>
                    {item.hint.map(|h| view! {
                        <div id=hint_id class=format!("f-hint {class}__hint") lang=item.lang>{h}</div>
                    })}
                </div>
                {revealed}
            }
        })
        .collect_view();
    view! { <div class=class>{items}</div> }
}
