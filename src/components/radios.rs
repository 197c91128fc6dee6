//! A question answered by choosing one answer (GOV.UK radios).

use leptos::prelude::*;

use super::choices::{choice_items, ChoiceItem, Kind, Reveal};
use super::fieldset::Fieldset;

/// A question answered by choosing one answer, in a fieldset whose legend is the question
/// (see [`Fieldset`]); each answer may have its own hint, and one may reveal more under it.
#[component]
pub fn Radios(
    /// The group's name, also the id of its first radio.
    #[prop(into)]
    name: String,
    /// The question, shown as the page's `<h1>`.
    #[prop(into)]
    question: String,
    /// A short line above the question, e.g. "Question 2 of 14".
    #[prop(into, optional)]
    caption: Option<String>,
    /// Help under the question.
    #[prop(into, optional)]
    hint: Option<String>,
    /// The answers, in order.
    options: Vec<ChoiceItem>,
    /// The chosen value, if any.
    #[prop(into)]
    selected: Signal<Option<String>>,
    /// The error to show, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    /// Called with the value the moment an answer is chosen.
    #[prop(into)]
    on_choose: Callback<String>,
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
    let chosen = move |value: &str| selected.read().as_deref() == Some(value);
    let on_change = move |value: &str, _: bool| on_choose.run(value.to_owned());
    let options = options
        .into_iter()
        .map(|o| ChoiceItem {
            lang: o.lang.or(lang),
            ..o
        })
        .collect();
    let items = choice_items(Kind::Radio, &name, options, chosen, on_change, reveal);
    view! {
        <Fieldset name question caption hint error not_heading lang>
            {items}
        </Fieldset>
    }
}
