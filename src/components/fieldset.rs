//! A question with several answers: the fieldset whose legend is the question, usually the
//! page's heading, with its hint and error.

use leptos::prelude::*;

use super::field::{described_by, ErrorMessage, FormGroup, Hint};

/// A GOV.UK fieldset: the legend holds the question as the page's `<h1>` (or, when the page
/// asks several, as a medium heading), then the hint and the error, all tied to the fieldset
/// with `aria-describedby`, then the answers.
#[component]
pub fn Fieldset(
    /// The group's name: the hint and error ids start with it.
    name: String,
    /// The question.
    question: String,
    /// A short line above the question, e.g. "Question 2 of 14".
    caption: Option<String>,
    /// Help under the question.
    hint: Option<String>,
    /// The error to show, if any.
    error: Signal<Option<String>>,
    /// The question is one of several on the page, so it is not the page heading.
    not_heading: bool,
    /// The language of the question and hint when it is not the page's.
    #[prop(optional_no_strip)]
    lang: Option<&'static str>,
    /// The answers.
    children: Children,
) -> impl IntoView {
    let hint = hint.filter(|h| !h.is_empty());
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = described_by(
        hint.as_ref().map(|_| hint_id.clone()),
        error_id.clone(),
        error,
    );
    let question = if not_heading {
        view! { <span class="f-fieldset__legend-m" lang=lang>{question}</span> }.into_any()
    } else {
        view! { <h1 class="f-fieldset__heading" tabindex="-1" lang=lang>{question}</h1> }.into_any()
    };
    view! {
        <FormGroup error>
            <fieldset class="f-fieldset" aria-describedby=described_by>
                <legend class="f-fieldset__legend" class:f-fieldset__legend--m=not_heading>
                    {caption.map(|c| view! { <span class="f-caption">{c}</span> })}
                    {question}
                </legend>
                <Hint id=hint_id text=hint lang/>
                <ErrorMessage id=error_id error/>
                {children()}
            </fieldset>
        </FormGroup>
    }
}
