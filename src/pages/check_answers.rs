use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle};
use crate::domain::checkin::DraftError;
use crate::i18n::{fill, use_messages, Messages};
use crate::pages::follow_up::{activities_in_words, ACTIVITIES_PATH, GOALS_PATH, STEP_PATH};
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
    // One list per instrument, headed by its stem ("During the past month, how often did you
    // feel …") or, for instruments whose items are whole questions, by its name.
    let mut n = 0;
    let groups = draft
        .responses
        .iter()
        .filter_map(|r| {
            let instrument = r.instrument()?;
            let first = n + 1;
            n += r.answers.len();
            let heading = if instrument.stem.is_empty() {
                instrument.name.to_string()
            } else {
                format!("{} …", instrument.stem)
            };
            let rows = (first..=n)
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
                    let hidden = if instrument.stem.is_empty() {
                        fill(m.your_answer_to_question, &[("question", text)])
                    } else {
                        fill(m.your_answer_to, &[("question", text)])
                    };
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
            Some(view! {
                <h2 class="f-heading-m">{heading}</h2>
                <dl class="f-summary-list">{rows}</dl>
            })
        })
        .collect_view();
    let follow_up = follow_up_rows(m, app);
    let back = if total > 0 { STEP_PATH } else { "/" };

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
        <BackLink href=back/>
        <ErrorSummary errors/>
        <h1 class="f-heading-l" tabindex="-1">{m.check_answers_title}</h1>
        <p>{m.check_answers_intro}</p>
        {groups}
        <h2 class="f-heading-m">{m.a_few_more_things}</h2>
        <dl class="f-summary-list">{follow_up}</dl>
        <form class="f-form" novalidate on:submit=save>
            <button type="submit" id="save" class="f-button">{m.save_check_in}</button>
        </form>
    }
    .into_any()
}

/// The optional answers (activities, goals, journey step), each with a "Change" link.
fn follow_up_rows(m: &'static Messages, app: crate::state::AppState) -> impl IntoView {
    let follow_up = move || {
        app.draft
            .read()
            .as_ref()
            .map(|d| d.follow_up.clone())
            .unwrap_or_default()
    };
    let goal_names = untrack(|| app.goal_histories());
    let activities = move || {
        follow_up()
            .activities
            .map(|a| {
                activities_in_words(
                    m,
                    &app.config.with_value(|c| c.activity_categories.clone()),
                    &a,
                )
            })
            .unwrap_or_else(|| m.skipped.into())
    };
    let goals = move || {
        let f = follow_up();
        let mut lines: Vec<String> = f
            .goal_updates
            .iter()
            .map(|u| {
                let name = goal_names
                    .iter()
                    .find(|g| g.goal_id == u.goal_id)
                    .and_then(|g| g.text.clone())
                    .unwrap_or_else(|| m.goal_unnamed.into());
                format!("{name}: {}", u.status.plain_words())
            })
            .collect();
        lines.extend(
            f.new_goals
                .iter()
                .map(|g| format!("{}: {}", m.new_goal_row, g.text)),
        );
        if lines.is_empty() {
            lines.push(m.skipped.into());
        }
        lines
            .into_iter()
            .map(|l| view! { <span class="f-summary-list__line">{l}</span> })
            .collect_view()
    };
    let step = move || {
        follow_up()
            .journey_step
            .map(|s| s.plain_words().to_owned())
            .unwrap_or_else(|| m.skipped.into())
    };
    let row = |key: &'static str, id: &'static str, path: &'static str, value: AnyView| {
        view! {
            <div class="f-summary-list__row">
                <dt class="f-summary-list__key">{key}</dt>
                <dd class="f-summary-list__value">{value}</dd>
                <dd class="f-summary-list__actions">
                    <A href=format!("{path}?from=check") attr:id=id>
                        {m.change}<span class="f-visually-hidden">" "{key.to_lowercase()}</span>
                    </A>
                </dd>
            </div>
        }
    };
    view! {
        {row(m.activities_row, "change-activities", ACTIVITIES_PATH, activities.into_any())}
        {row(m.goals_row, "change-goals", GOALS_PATH, goals.into_any())}
        {row(m.step_row, "change-step", STEP_PATH, step.into_any())}
    }
}

/// Upper-cases the first letter, for item wording shown on its own.
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
