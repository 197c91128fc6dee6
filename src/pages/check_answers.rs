use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle};
use crate::domain::checkin::DraftError;
use crate::i18n::{fill, use_messages};
use crate::pages::question::question_path;
use crate::state::{use_app, ActionError};

/// Every answer of the check-in in progress, each with a "Change" link, then "Save".
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let Some(draft) = app.draft.get_untracked() else {
        return view! {
            <PageTitle text=m.check_answers_title/>
            <h1 class="f-heading-l" tabindex="-1">{m.check_answers_title}</h1>
            <p>{m.nothing_in_progress}</p>
            <A href="/" attr:class="f-button">{m.go_home}</A>
        }
        .into_any();
    };
    let total = draft.question_count();
    let rows = (1..=total)
        .filter_map(|n| {
            let (instrument, item) = draft.question(n)?;
            let text = instrument.items[item].text;
            let answer = Signal::derive(move || {
                app.draft
                    .read()
                    .as_ref()
                    .and_then(|d| d.answer(n))
                    .and_then(|s| instrument.option_for(s))
                    .map(|o| o.label)
                    .unwrap_or(m.not_answered)
            });
            let hidden = fill(m.your_answer_to, &[("question", text)]);
            Some(view! {
                <div class="f-summary-list__row">
                    <dt class="f-summary-list__key">{format!("{n}. {}", capitalise(text))}</dt>
                    <dd class="f-summary-list__value">{answer}</dd>
                    <dd class="f-summary-list__actions">
                        <A href=format!("{}?from=check", question_path(n)) attr:id=format!("change-{n}")>
                            {m.change}<span class="f-visually-hidden">" "{hidden}</span>
                        </A>
                    </dd>
                </div>
            })
        })
        .collect_view();
    let stem = draft.question(1).map(|(i, _)| i.stem).unwrap_or_default();

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.finish() {
            Ok(id) => {
                errors.set(vec![]);
                navigate(
                    &format!("/check-ins/{id}"),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
            Err(ActionError::Draft(DraftError::Unanswered(n))) => errors.set(vec![FieldError {
                field_id: format!("change-{n}"),
                message: m.answer_every_question.to_string(),
            }]),
            Err(e) => errors.set(vec![FieldError {
                field_id: "save".into(),
                message: e.to_string(),
            }]),
        }
    };

    view! {
        <PageTitle text=m.check_answers_title has_error=Signal::derive(move || !errors.read().is_empty())/>
        <BackLink href=question_path(total)/>
        <ErrorSummary errors/>
        <h1 class="f-heading-l" tabindex="-1">{m.check_answers_title}</h1>
        <p>{m.check_answers_intro}</p>
        <h2 class="f-heading-m">{format!("{stem} …")}</h2>
        <dl class="f-summary-list">{rows}</dl>
        <form class="f-form" novalidate on:submit=save>
            <button type="submit" id="save" class="f-button">{m.save_check_in}</button>
        </form>
    }
    .into_any()
}

/// Upper-cases the first letter, for item wording shown on its own.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
