//! A question answered by choosing among answers: one (GOV.UK radios) or any number (GOV.UK
//! checkboxes). Both are the same question in a fieldset, with the answers offered, each with
//! its own hint, and content revealed under an answer while it is chosen.

use leptos::prelude::*;

use super::fieldset::Fieldset;
use crate::config::{Choice, Text};
use crate::i18n::{use_messages, Language};

/// One answer offered by [`Choices`].
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
enum Kind {
    Radio,
    Checkbox,
}

/// What a question holds and reports: one answer (radios) or any number (checkboxes).
#[derive(Clone, Copy)]
pub enum Answer {
    /// Radios: the chosen value, and what hears a value the moment it is chosen.
    One(Signal<Option<String>>, Callback<String>),
    /// Checkboxes: the ticked values, and what hears every ticked value after each tick or
    /// untick.
    Many(Signal<Vec<String>>, Callback<Vec<String>>),
}

impl Answer {
    /// Radios showing `selected` and telling `on_choose`.
    pub fn one(
        selected: impl Into<Signal<Option<String>>>,
        on_choose: impl Into<Callback<String>>,
    ) -> Self {
        Self::One(selected.into(), on_choose.into())
    }

    /// Checkboxes showing `selected` and telling `on_change`.
    pub fn many(
        selected: impl Into<Signal<Vec<String>>>,
        on_change: impl Into<Callback<Vec<String>>>,
    ) -> Self {
        Self::Many(selected.into(), on_change.into())
    }

    fn kind(self) -> Kind {
        match self {
            Self::One(..) => Kind::Radio,
            Self::Many(..) => Kind::Checkbox,
        }
    }

    fn is_chosen(self, value: &str) -> bool {
        match self {
            Self::One(selected, _) => selected.read().as_deref() == Some(value),
            Self::Many(selected, _) => selected.read().iter().any(|v| v == value),
        }
    }

    /// Reports that `value` was chosen, or ticked (`checked`) or unticked among `options`.
    fn change(self, options: &[ChoiceItem], value: &str, checked: bool) {
        match self {
            Self::One(_, on_choose) => on_choose.run(value.to_owned()),
            Self::Many(selected, on_change) => {
                on_change.run(toggle(options, &selected.get_untracked(), value, checked))
            }
        }
    }
}

/// The ticked values after `value` is ticked (`checked`) or unticked: ticking an exclusive
/// answer leaves only it; ticking any other answer unticks the exclusive ones. Order follows
/// `options`, so the result does not depend on the order of clicks.
pub fn toggle(
    options: &[ChoiceItem],
    selected: &[String],
    value: &str,
    checked: bool,
) -> Vec<String> {
    let exclusive = |v: &str| options.iter().any(|o| o.value == v && o.exclusive);
    options
        .iter()
        .map(|o| o.value.as_str())
        .filter(|&v| {
            if v == value {
                return checked;
            }
            // Ticking one kind of answer unticks the other kind.
            let pushed_out = checked && (exclusive(value) || exclusive(v));
            !pushed_out && selected.iter().any(|s| s == v)
        })
        .map(str::to_owned)
        .collect()
}

/// A question answered by choosing one answer or ticking any number, in a fieldset whose
/// legend is the question (see [`Fieldset`]); each answer may have its own hint, exclusive
/// answers ("None of these") come after an "or", and one answer may reveal more under it
/// while chosen.
#[component]
pub fn Choices(
    /// The group's name, also the id of its first input.
    #[prop(into)]
    name: String,
    /// The question, shown as the page's `<h1>`.
    #[prop(into)]
    question: String,
    /// A short line above the question, e.g. "Question 2 of 14" or "Optional".
    #[prop(into, optional)]
    caption: Option<String>,
    /// Help under the question, e.g. "Choose all that apply."
    #[prop(into, optional)]
    hint: Option<String>,
    /// The answers, in order; exclusive ones last.
    options: Vec<ChoiceItem>,
    /// What is chosen, and who hears of changes: one answer or many.
    answer: Answer,
    /// The error to show, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Shown under one answer while it is chosen.
    #[prop(optional_no_strip)]
    reveal: Option<Reveal>,
    /// The question is one of several on the page, so it is not the page heading.
    #[prop(optional)]
    not_heading: bool,
    /// The language of the question, hint and answers when it is not the page's (a
    /// questionnaire shown in English on a page in another language).
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
) -> impl IntoView {
    let options: Vec<ChoiceItem> = options
        .into_iter()
        .map(|o| ChoiceItem {
            lang: o.lang.or(lang),
            ..o
        })
        .collect();
    let all = StoredValue::new(options.clone());
    let chosen = move |value: &str| answer.is_chosen(value);
    let changed = move |value: &str, checked: bool| {
        all.with_value(|o| answer.change(o, value, checked));
    };
    let items = choice_items(answer.kind(), &name, options, chosen, changed, reveal);
    view! {
        <Fieldset name question caption hint error not_heading lang>
            {items}
        </Fieldset>
    }
}

/// The answers as inputs with their labels and hints. The first input's id is `name`, which
/// is where an error links; the others are `name-2`, `name-3`, and so on. `on_change` hears
/// each answer's value and whether it is now chosen.
fn choice_items(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> Vec<ChoiceItem> {
        ["walk", "cafe", "none"]
            .iter()
            .map(|v| ChoiceItem {
                exclusive: *v == "none",
                ..ChoiceItem::new(*v, *v)
            })
            .collect()
    }

    fn s(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn ticking_adds_and_unticking_removes_in_option_order() {
        let o = options();
        assert_eq!(
            toggle(&o, &s(&["cafe"]), "walk", true),
            s(&["walk", "cafe"])
        );
        assert_eq!(
            toggle(&o, &s(&["walk", "cafe"]), "walk", false),
            s(&["cafe"])
        );
    }

    #[test]
    fn the_exclusive_option_stands_alone() {
        let o = options();
        assert_eq!(
            toggle(&o, &s(&["walk", "cafe"]), "none", true),
            s(&["none"])
        );
        assert_eq!(toggle(&o, &s(&["none"]), "cafe", true), s(&["cafe"]));
        assert_eq!(toggle(&o, &s(&["none"]), "none", false), s(&[]));
    }
}
