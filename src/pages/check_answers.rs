//! Check your answers, for the check-in in progress.

use std::ops::RangeInclusive;

use leptos::either::Either;
use leptos::prelude::*;

use crate::components::{
    AfterPaint, ChangeLink, FieldError, NothingInProgress, PageHeading, QuestionForm, SummaryRow,
    VolunteerNote,
};
use crate::config::ServiceConfig;
use crate::domain::checkin::{Draft, DraftError};
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::instrument::Wording;
use crate::error::AppError;
use crate::i18n::{fill, use_messages, Messages, EN};
use crate::router::{use_navigate, NavigateOptions};
use crate::routes::Route;
use crate::state::{use_check_in, use_config, use_records, CheckInSession, Config};

/// Every answer of the check-in in progress, each with a "Change" link, then "Save".
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let check_in = use_check_in();
    let m = use_messages();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let Some(draft) = check_in.draft().get_untracked() else {
        return view! { <NothingInProgress title=m.check_answers_title/> }.into_any();
    };
    let config = use_config();
    // One list per instrument, built as a whole, and again as a whole if the check-in changes
    // elsewhere (another tab), rather than with a reactive value for each answer.
    let groups = move || {
        check_in
            .draft()
            .with(|d| d.as_ref().map(|draft| answer_groups(m, config, draft)))
    };
    let back = CheckInStep::Check
        .previous(&draft)
        .map_or(Route::Home, Route::CheckIn)
        .href();

    let save = Callback::new(move |()| match check_in.finish() {
        Ok(id) => {
            errors.set(vec![]);
            navigate(
                &Route::CheckInResult(&id).href(),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
        Err(AppError::Draft(DraftError::Unanswered(n))) => errors.set(vec![FieldError {
            field_id: format!("change-{n}"),
            message: m.answer_every_question.to_string(),
        }]),
        Err(e) => errors.set(vec![FieldError {
            field_id: "save".into(),
            message: fill(m.check_in_not_saved, &[("why", &m.explain(&e))]),
        }]),
    });

    view! {
        <QuestionForm title=m.check_answers_title back=Some(back) errors button=m.save_check_in
            button_id="save" on_submit=save>
            <PageHeading text=m.check_answers_title/>
            <p>{m.check_answers_intro}</p>
            <VolunteerNote shown=draft.with_volunteer/>
            {groups}
            <h2 class="f-heading-m">{m.a_few_more_things}</h2>
            <dl class="f-summary-list">
                <AfterPaint>{move || follow_up_rows(m, check_in)}</AfterPaint>
            </dl>
        </QuestionForm>
    }
    .into_any()
}

/// How many answers fill a phone's first screen: the rest follow a frame later.
const FIRST_SCREEN: usize = 4;

/// Each instrument's answers, headed in plain words; the stem ("During the past month, how
/// often did you feel …") follows as a line where the items complete it.
fn answer_groups(m: &'static Messages, config: Config, draft: &Draft) -> impl IntoView {
    let mut n = 0;
    draft
        .responses
        .iter()
        .filter_map(|r| {
            let instrument = r.instrument()?;
            let wording = config.wording(instrument, m.language);
            let english = wording.lang != m.language.code();
            let lang = english.then_some(EN.lang);
            let (first, last) = (n + 1, n + r.answers.len());
            n = last;
            let stem = (!wording.stem.is_empty()).then(|| format!("{} …", wording.stem));
            let now = answer_rows(m, &wording, lang, draft, first..=last.min(FIRST_SCREEN));
            let later = (last > FIRST_SCREEN).then(|| {
                let draft = StoredValue::new(draft.clone());
                let from = first.max(FIRST_SCREEN + 1);
                view! {
                    <AfterPaint>
                        {move || {
                            let wording = config.wording(instrument, m.language);
                            draft.with_value(|d| answer_rows(m, &wording, lang, d, from..=last))
                        }}
                    </AfterPaint>
                }
            });
            Some(view! {
                <h2 class="f-heading-m">{m.instruments.heading(instrument.id)}</h2>
                {english.then(|| view! { <p class="f-inset f-inset--note">{m.untranslated_note}</p> })}
                {stem.map(|s| view! { <p class="f-hint" lang=lang>{s}</p> })}
                <dl class="f-summary-list">{now}{later}</dl>
            })
        })
        .collect_view()
}

/// The answers to questions `numbers`, each with its "Change" link.
fn answer_rows(
    m: &'static Messages,
    wording: &Wording,
    lang: Option<&'static str>,
    draft: &Draft,
    numbers: RangeInclusive<usize>,
) -> impl IntoView {
    numbers
        .filter_map(|n| {
            let (instrument, item) = draft.question(n)?;
            let text = wording.items.get(item)?;
            let answer = draft
                .answer(n)
                .and_then(|s| instrument.option_index(s))
                .and_then(|i| wording.options.get(i))
                .map(|words| view! { <span lang=lang>{words.clone()}</span> });
            let hidden = if instrument.stem.is_empty() {
                fill(m.your_answer_to_question, &[("question", text)])
            } else {
                fill(m.your_answer_to, &[("question", text)])
            };
            let change = ChangeLink {
                href: Route::CheckInChange(CheckInStep::Question(n)).href(),
                id: format!("change-{n}"),
                hidden,
            };
            Some(view! {
                <SummaryRow key=format!("{n}. {}", capitalise(text)) key_lang=lang change=Some(change)>
                    {match answer {
                        Some(words) => Either::Left(words),
                        None => Either::Right(m.not_answered),
                    }}
                </SummaryRow>
            })
        })
        .collect_view()
}

/// The optional answers (activities, goals, journey step), each with a "Change" link.
fn follow_up_rows(m: &'static Messages, check_in: CheckInSession) -> impl IntoView {
    let follow_up = move || {
        check_in
            .draft()
            .read()
            .as_ref()
            .map(|d| d.follow_up.clone())
            .unwrap_or_default()
    };
    let goal_names = untrack(|| use_records().goal_histories());
    let categories = use_config().with(|c| c.activity_categories.clone());
    let activities = move || {
        let f = follow_up();
        f.activities
            .map(|a| {
                let label =
                    |id: &str| ServiceConfig::label_in(&categories, id, m.language).to_owned();
                m.activities_in_words(label, &a, &f.went_to)
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
                format!("{name}: {}", m.goal_status(&u.status))
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
            .map(|s| m.journey_step(&s).to_owned())
            .unwrap_or_else(|| m.skipped.into())
    };
    let row = |key: &'static str, id: &str, step: CheckInStep, value: AnyView| {
        let change = ChangeLink {
            href: Route::CheckInChange(step).href(),
            id: id.into(),
            hidden: key.to_lowercase(),
        };
        view! { <SummaryRow key change=Some(change)>{value}</SummaryRow> }
    };
    view! {
        {row(m.activities_row, "change-activities", CheckInStep::Activities, activities.into_any())}
        {row(m.goals_row, "change-goals", CheckInStep::Goals, goals.into_any())}
        {row(m.step_row, "change-step", CheckInStep::JourneyStep, step.into_any())}
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
