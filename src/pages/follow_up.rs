//! The brief, optional questions after the questionnaire (SPEC.md 3.2): activities since last
//! time, how goals are going, and which of the five steps feels most like now. Each can be
//! left out by pressing Continue.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::browser;
use crate::components::{
    BackLink, CheckboxOption, Checkboxes, ErrorSummary, FieldError, PageTitle, RadioOption, Radios,
};
use crate::config::{Choice, ServiceConfig};
use crate::domain::checkin::{ActivityUptake, FollowUpError, GoalStatus, JourneyStep};
use crate::domain::progress;
use crate::i18n::{fill, use_messages, Messages};
use crate::pages::question::question_path;
use crate::state::{use_app, ActionError};

/// Which activities they went to.
pub const ACTIVITIES_PATH: &str = "/check-in/activities";
/// How their goals are going.
pub const GOALS_PATH: &str = "/check-in/goals";
/// Which step feels most like now.
pub const STEP_PATH: &str = "/check-in/step";
/// Check your answers.
const CHECK_PATH: &str = "/check-in/check";
/// The value of "something else".
pub const SOMETHING_ELSE: &str = "something-else";
/// The value of "none yet".
pub const NONE_YET: &str = "none-yet";

/// Whether the page was opened from a "Change" link on check your answers.
fn from_check() -> bool {
    use_query_map().read_untracked().get("from").as_deref() == Some("check")
}

/// Where Continue goes: back to check your answers when changing, else `next`.
fn next_or_check(from_check: bool, next: &str) -> String {
    if from_check { CHECK_PATH } else { next }.to_string()
}

/// The page shown when a follow-up page is opened with no check-in in progress.
fn nothing_in_progress(m: &'static Messages, title: &'static str) -> AnyView {
    view! {
        <PageTitle text=title/>
        <h1 class="f-heading-l" tabindex="-1">{title}</h1>
        <p>{m.nothing_in_progress}</p>
        <A href="/" attr:class="f-button">{m.go_home}</A>
    }
    .into_any()
}

/// The activity options: the service's categories (the same list the referral offers,
/// without its "not sure yet"), "something else", then "none yet".
pub fn activity_options(m: &Messages, categories: &[Choice]) -> Vec<CheckboxOption> {
    categories
        .iter()
        .filter(|c| !c.exclusive)
        .map(|c| CheckboxOption {
            label: c.label.clone(),
            value: c.id.clone(),
            hint: c.hint.clone(),
            exclusive: false,
        })
        .chain([
            CheckboxOption {
                label: m.something_else.into(),
                value: SOMETHING_ELSE.into(),
                hint: None,
                exclusive: false,
            },
            CheckboxOption {
                label: m.none_yet.into(),
                value: NONE_YET.into(),
                hint: Some(m.none_yet_hint.into()),
                exclusive: true,
            },
        ])
        .collect()
}

/// The ticked values that stand for a stored answer.
pub fn ticked(uptake: Option<&ActivityUptake>) -> (Vec<String>, String) {
    match uptake {
        None => (vec![], String::new()),
        Some(ActivityUptake::NoneYet) => (vec![NONE_YET.into()], String::new()),
        Some(ActivityUptake::Went {
            activity_ids,
            something_else,
        }) => {
            let mut values = activity_ids.clone();
            if something_else.is_some() {
                values.push(SOMETHING_ELSE.into());
            }
            (values, something_else.clone().unwrap_or_default())
        }
    }
}

/// The answer that the ticked values stand for; `None` when nothing is ticked (left out).
pub fn uptake_from(values: &[String], something_else: &str) -> Option<ActivityUptake> {
    if values.is_empty() {
        None
    } else if values.iter().any(|v| v == NONE_YET) {
        Some(ActivityUptake::NoneYet)
    } else {
        Some(ActivityUptake::Went {
            activity_ids: values
                .iter()
                .filter(|v| *v != SOMETHING_ELSE)
                .cloned()
                .collect(),
            something_else: values
                .iter()
                .any(|v| v == SOMETHING_ELSE)
                .then(|| something_else.to_owned()),
        })
    }
}

/// The activities they went to since last time, in words.
pub fn activities_in_words(m: &Messages, categories: &[Choice], uptake: &ActivityUptake) -> String {
    match uptake {
        ActivityUptake::NoneYet => m.none_yet.into(),
        ActivityUptake::Went {
            activity_ids,
            something_else,
        } => activity_ids
            .iter()
            .map(|id| ServiceConfig::label(categories, id).to_owned())
            .chain(something_else.clone())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// "Which activities have you been to since your last check-in?"
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    let from_check = from_check();
    let Some(draft) = app.draft.get_untracked() else {
        return nothing_in_progress(m, m.activities_title);
    };
    let (values, text) = ticked(draft.follow_up.activities.as_ref());
    let selected = RwSignal::new(values);
    let something_else = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let errors = Signal::derive(move || {
        error
            .get()
            .map(|message| {
                vec![FieldError {
                    field_id: "something-else-text".into(),
                    message,
                }]
            })
            .unwrap_or_default()
    });
    let back = if from_check {
        CHECK_PATH.to_string()
    } else {
        question_path(draft.question_count())
    };
    let next = next_or_check(from_check, GOALS_PATH);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let uptake = uptake_from(&selected.get_untracked(), &something_else.get_untracked());
        let result = app.follow_up(|f| match uptake {
            None => {
                f.activities = None;
                Ok(())
            }
            Some(u) => f.set_activities(u),
        });
        match result {
            Ok(()) => {
                error.set(None);
                navigate(&next, Default::default());
            }
            Err(ActionError::FollowUp(FollowUpError::EmptySomethingElse)) => {
                error.set(Some(m.something_else_empty.into()))
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    let show_text = move || selected.read().iter().any(|v| v == SOMETHING_ELSE);
    view! {
        <PageTitle text=m.activities_title has_error=Signal::derive(move || error.read().is_some())/>
        <BackLink href=back/>
        <ErrorSummary errors/>
        <form class="f-form" novalidate on:submit=submit>
            <Checkboxes name="activities" question=m.activities_title caption=m.optional
                hint=format!("{} {}", m.activities_hint, m.can_skip)
                options=activity_options(m, &use_app().config.with_value(|c| c.activity_categories.clone())) selected
                error=Signal::derive(|| None::<String>)
                on_change=Callback::new(move |v| selected.set(v))/>
            <Show when=show_text>
                <div class="f-form-group f-checkboxes__conditional" class:f-form-group--error=move || error.read().is_some()>
                    <label class="f-label" for="something-else-text">{m.something_else_label}</label>
                    {move || error.get().map(|e| view! {
                        <p id="something-else-error" class="f-error-message">
                            <span class="f-visually-hidden">{m.error_prefix}" "</span>{e}
                        </p>
                    })}
                    <input class="f-input" type="text" id="something-else-text" name="something-else-text"
                        aria-describedby=move || error.read().is_some().then_some("something-else-error")
                        prop:value=move || something_else.get()
                        on:input=move |ev| something_else.set(event_target_value(&ev))/>
                </div>
            </Show>
            <button type="submit" class="f-button">{m.continue_}</button>
        </form>
    }
    .into_any()
}

/// "How are your goals going?": each goal from earlier check-ins still in play, and one new
/// goal in their own words.
#[component]
pub fn GoalsPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    let from_check = from_check();
    let Some(draft) = app.draft.get_untracked() else {
        return nothing_in_progress(m, m.goals_title);
    };
    // Goals finished or let go of are not asked about again.
    let goals: Vec<progress::GoalHistory> = untrack(|| app.goal_histories())
        .into_iter()
        .filter(|g| {
            !matches!(
                g.updates.last().map(|(_, s)| s),
                Some(GoalStatus::Done | GoalStatus::ChangedMyMind)
            )
        })
        .collect();
    let new_goal = RwSignal::new(
        draft
            .follow_up
            .new_goals
            .first()
            .map(|g| g.text.clone())
            .unwrap_or_default(),
    );
    let options: Vec<RadioOption> = GoalStatus::ALL
        .iter()
        .map(|s| RadioOption {
            label: s.plain_words().into(),
            value: s.as_str().into(),
        })
        .collect();
    let has_goals = !goals.is_empty();
    let questions = goals
        .into_iter()
        .enumerate()
        .map(|(i, goal)| {
            let id = goal.goal_id.clone();
            let selected = {
                let id = id.clone();
                Signal::derive(move || {
                    app.draft.read().as_ref().and_then(|d| {
                        d.follow_up
                            .goal_updates
                            .iter()
                            .find(|u| u.goal_id == id)
                            .map(|u| u.status.as_str().to_owned())
                    })
                })
            };
            let hint = goal
                .updates
                .last()
                .map(|(_, s)| fill(m.goal_last_time, &[("status", s.plain_words())]));
            let on_choose = Callback::new(move |value: String| {
                let _ = app.follow_up(|f| {
                    f.set_goal_status(&id, GoalStatus::parse(&value));
                    Ok(())
                });
            });
            view! {
                <Radios name=format!("goal-{}", i + 1) question=goal.text.unwrap_or_else(|| m.goal_unnamed.into())
                    hint=hint.unwrap_or_default() options=options.clone() selected
                    error=Signal::derive(|| None::<String>) on_choose not_heading=true/>
            }
        })
        .collect_view();
    let back = if from_check {
        CHECK_PATH
    } else {
        ACTIVITIES_PATH
    }
    .to_string();
    let next = next_or_check(from_check, STEP_PATH);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = new_goal.get_untracked();
        let saved = app.follow_up(|f| {
            let text = text.trim();
            match f.new_goals.first_mut() {
                _ if text.is_empty() => f.new_goals.clear(),
                Some(g) => g.text = text.to_owned(),
                None => f.add_goal(browser::new_id(), text)?,
            }
            Ok(())
        });
        if saved.is_ok() {
            navigate(&next, Default::default());
        }
    };
    view! {
        <PageTitle text=m.goals_title/>
        <BackLink href=back/>
        <span class="f-caption">{m.optional}</span>
        <h1 class="f-heading-l" tabindex="-1">{m.goals_title}</h1>
        <p class="f-hint">{m.can_skip}</p>
        {(!has_goals).then(|| view! { <p>{m.goals_none_yet}</p> })}
        <form class="f-form" novalidate on:submit=submit>
            {questions}
            <div class="f-form-group">
                <label class="f-label f-label--m" for="new-goal">{m.new_goal_label}</label>
                <div id="new-goal-hint" class="f-hint">{m.new_goal_hint}</div>
                <textarea class="f-textarea" id="new-goal" name="new-goal" rows="3" aria-describedby="new-goal-hint"
                    prop:value=move || new_goal.get()
                    on:input=move |ev| new_goal.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="f-button">{m.continue_}</button>
        </form>
    }
    .into_any()
}

/// "Which of these feels most like where you are now?" (the five steps, seed 001).
#[component]
pub fn JourneyStepPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    let from_check = from_check();
    if app.draft.get_untracked().is_none() {
        return nothing_in_progress(m, m.step_title);
    }
    let options = JourneyStep::ALL
        .iter()
        .map(|s| RadioOption {
            label: s.plain_words().into(),
            value: s.as_str().into(),
        })
        .collect();
    let selected = Signal::derive(move || {
        app.draft.read().as_ref().and_then(|d| {
            d.follow_up
                .journey_step
                .as_ref()
                .map(|s| s.as_str().to_owned())
        })
    });
    let on_choose = Callback::new(move |value: String| {
        let _ = app.follow_up(|f| {
            f.journey_step = Some(JourneyStep::parse(&value));
            Ok(())
        });
    });
    let back = if from_check { CHECK_PATH } else { GOALS_PATH }.to_string();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(CHECK_PATH, Default::default());
    };
    view! {
        <PageTitle text=m.step_title/>
        <BackLink href=back/>
        <form class="f-form" novalidate on:submit=submit>
            <Radios name="step" question=m.step_title caption=m.optional
                hint=format!("{} {}", m.step_hint, m.can_skip) options selected
                error=Signal::derive(|| None::<String>) on_choose/>
            <button type="submit" class="f-button">{m.continue_}</button>
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn ticked_values_and_stored_answers_round_trip() {
        let went = ActivityUptake::Went {
            activity_ids: vec!["social".into(), "creative".into()],
            something_else: Some("Choir".into()),
        };
        for uptake in [None, Some(ActivityUptake::NoneYet), Some(went.clone())] {
            let (values, text) = ticked(uptake.as_ref());
            assert_eq!(uptake_from(&values, &text), uptake);
        }
        assert_eq!(
            activities_in_words(&EN, &ServiceConfig::default().activity_categories, &went),
            "Meeting people, Making things, Choir"
        );
        assert_eq!(
            activities_in_words(&EN, &[], &ActivityUptake::NoneYet),
            "None yet"
        );
    }

    #[test]
    fn the_options_are_the_six_categories_then_something_else_then_none_yet() {
        let options = activity_options(&EN, &ServiceConfig::default().activity_categories);
        assert_eq!(options.len(), 8);
        assert_eq!(options[6].value, SOMETHING_ELSE);
        assert!(options[7].exclusive && options.iter().filter(|o| o.exclusive).count() == 1);
    }
}
