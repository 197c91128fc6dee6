use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::browser;
use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle, RadioOption, Radios};
use crate::domain::checkin::Draft;
use crate::i18n::{fill, use_messages};
use crate::pages::NotFoundPage;
use crate::state::{check_in_instruments, use_app};

/// Path of question `n` of the check-in.
pub fn question_path(n: usize) -> String {
    format!("/check-in/questions/{n}")
}

/// One check-in question, as its own page: `/check-in/questions/:n`.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // A fresh form for each question, so an error shown on one never carries to the next.
    move || {
        let n = params.read().get("n").and_then(|s| s.parse::<usize>().ok());
        let from_check = query.read().get("from").as_deref() == Some("check");
        match n {
            Some(n) => view! { <Question n from_check/> }.into_any(),
            None => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

#[component]
fn Question(n: usize, from_check: bool) -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    // The questions come from the draft when there is one, else from a fresh plan, so a
    // question page opened directly (a bookmark, Back after saving) still shows.
    let plan = app
        .draft
        .get_untracked()
        .unwrap_or_else(|| Draft::new(String::new(), browser::now(), &check_in_instruments()));
    let total = plan.question_count();
    let Some((instrument, item)) = plan.question(n) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let question = instrument.question_text(item).unwrap_or_default();
    let caption = fill(
        m.question_n_of,
        &[("n", &n.to_string()), ("total", &total.to_string())],
    );
    let options = instrument
        .options
        .iter()
        .map(|o| RadioOption {
            label: o.label.into(),
            value: o.score.to_string(),
        })
        .collect();

    let error = RwSignal::new(None::<String>);
    let errors = Signal::derive(move || {
        error
            .get()
            .map(|message| {
                vec![FieldError {
                    field_id: "answer".into(),
                    message,
                }]
            })
            .unwrap_or_default()
    });
    let selected = Signal::derive(move || {
        app.draft
            .read()
            .as_ref()
            .and_then(|d| d.answer(n))
            .map(|s| s.to_string())
    });
    let on_choose = Callback::new(move |value: String| {
        let result = value
            .parse::<u8>()
            .map_err(|e| e.to_string())
            .and_then(|score| app.answer(n, score).map_err(|e| e.to_string()));
        error.set(result.err());
    });

    let next = if from_check || n >= total {
        "/check-in/check".to_string()
    } else {
        question_path(n + 1)
    };
    let back = match (from_check, n) {
        (true, _) => "/check-in/check".to_string(),
        (false, 1) => "/".to_string(),
        (false, n) => question_path(n - 1),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if selected.get_untracked().is_some() {
            navigate(&next, Default::default());
        } else {
            error.set(Some(m.choose_an_answer.to_string()));
        }
    };

    view! {
        <PageTitle text=question.clone() has_error=Signal::derive(move || error.read().is_some())/>
        <BackLink href=back/>
        <ErrorSummary errors/>
        <form class="f-form" novalidate on:submit=submit>
            <Radios name="answer" question caption options selected error on_choose/>
            <button type="submit" class="f-button">{m.continue_}</button>
        </form>
    }
    .into_any()
}
