//! The frame every question page shares.

use leptos::prelude::*;

use super::back_link::BackLink;
use super::error_summary::{ErrorSummary, FieldError};
use super::listen::ListenButton;
use super::page_title::PageTitle;
use crate::speech::Spoken;

/// A question page's frame: the tab title ("Error: " in front while errors show), the back
/// link, the error summary, and the form with its button. The button calls `on_submit`; the
/// page decides where to go.
#[component]
pub fn QuestionForm(
    /// The tab title, usually the question.
    #[prop(into)]
    title: String,
    /// Where Back goes; no back link when `None`.
    #[prop(into)]
    back: Option<String>,
    /// The errors to list in the summary.
    #[prop(into, optional)]
    errors: Signal<Vec<FieldError>>,
    /// The button's words.
    #[prop(into)]
    button: String,
    /// The button's id, where an error about saving links.
    #[prop(into, optional)]
    button_id: Option<&'static str>,
    /// A green "start" button, for the first page of a journey.
    #[prop(optional)]
    start: bool,
    /// Called when the button is pressed (or Enter in a text box).
    on_submit: Callback<()>,
    /// What "Listen" reads: the question and its answers. No button when empty.
    #[prop(optional)]
    listen: Vec<Spoken>,
    /// The question and anything around it.
    children: Children,
) -> impl IntoView {
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <PageTitle text=title has_error=Signal::derive(move || !errors.read().is_empty())/>
        {back.map(|href| view! { <BackLink href/> })}
        <ErrorSummary errors/>
        {(!listen.is_empty()).then(|| view! { <ListenButton parts=listen/> })}
        <form class="f-form" novalidate on:submit=submit>
            {children()}
            <button type="submit" id=button_id class="f-button" class:f-button--start=start>{button}</button>
        </form>
    }
}
