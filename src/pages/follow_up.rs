//! The brief, optional questions after the questionnaire (SPEC.md 3.2): activities since last
//! time, how goals are going, and which of the five steps feels most like now. Each can be
//! left out by pressing Continue.

use leptos::prelude::*;

use crate::components::{
    Answer, ChoiceItem, Choices, FieldError, NothingInProgress, PageHeading, QuestionForm, Reveal,
    TextInput, ThingsToTryLink,
};
use crate::config::Choice;
use crate::domain::checkin::{
    ActivityUptake, Draft, GoalStatus, JourneyStep, NONE_YET, SOMETHING_ELSE,
};
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::directory::Visit;
use crate::i18n::{fill, use_messages, Messages};
use crate::router::use_navigate;
use crate::routes::{use_from_check, Route};
use crate::speech::Spoken;
use crate::state::{use_check_in, use_config, use_records, use_things_to_try};

/// Where one of these pages sits in the journey, from the check-in in progress.
struct Place {
    back: String,
    next: String,
}

impl Place {
    /// Where Back and Continue go from `step`, or `None` with nothing in progress.
    fn of(step: CheckInStep) -> Option<(Draft, Place)> {
        let draft = use_check_in().draft().get_untracked()?;
        let from_check = use_from_check().get_untracked();
        let place = Place {
            back: step
                .back(&draft, from_check)
                .map_or(Route::Home, Route::CheckIn)
                .href(),
            next: Route::check_in(step.forward(&draft, from_check), from_check).href(),
        };
        Some((draft, place))
    }
}

/// The activity answers: the service's categories (the same list the referral offers,
/// without its "not sure yet"), "something else", then "none yet".
pub fn activity_options(m: &Messages, categories: &[Choice]) -> Vec<ChoiceItem> {
    categories
        .iter()
        .filter(|c| !c.exclusive)
        .cloned()
        .map(|c| ChoiceItem::from_choice(c, m.language))
        .chain([
            ChoiceItem::new(m.something_else, SOMETHING_ELSE),
            ChoiceItem {
                hint: Some(m.none_yet_hint.into()),
                exclusive: true,
                ..ChoiceItem::new(m.none_yet, NONE_YET)
            },
        ])
        .collect()
}

/// What "Listen" reads on a question in the page's language: the question, then each answer.
pub fn spoken_choices(m: &Messages, question: &str, options: &[ChoiceItem]) -> Vec<Spoken> {
    let answers = options
        .iter()
        .map(|o| o.label.as_str())
        .collect::<Vec<_>>()
        .join(". ");
    vec![Spoken::new(question, m.lang), Spoken::new(answers, m.lang)]
}

/// The value of an "I went" checkbox: the activity and the day, which together make a visit.
fn visit_value(v: &Visit) -> String {
    format!("{}@{}", v.directory_id, v.on)
}

/// "Which activities have you been to since your last check-in?" When the person said "I
/// went" to activities from the service's list, those come first, ticked: "You said you went
/// to:", then the categories as "Did you go to anything else?".
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    let m = use_messages();
    let check_in = use_check_in();
    let navigate = use_navigate();
    let Some((draft, place)) = Place::of(CheckInStep::Activities) else {
        return view! { <NothingInProgress title=m.activities_title/> }.into_any();
    };
    let (values, text) = ActivityUptake::ticked(draft.follow_up.activities.as_ref());
    let selected = RwSignal::new(values);
    let something_else = RwSignal::new(text);
    let error = RwSignal::new(None::<String>);
    let asked = StoredValue::new(use_things_to_try().asked_in(&draft));
    // Ticked until the person unticks them; as they left them when they come back.
    let went = RwSignal::new(match draft.follow_up.activities {
        Some(_) => draft.follow_up.went_to.iter().map(visit_value).collect(),
        None => asked.with_value(|a| a.iter().map(visit_value).collect::<Vec<_>>()),
    });
    let went_to = move || {
        let ticked = went.get_untracked();
        asked.with_value(|a| {
            a.iter()
                .filter(|v| ticked.contains(&visit_value(v)))
                .cloned()
                .collect::<Vec<Visit>>()
        })
    };
    // Each tick and each word is kept as it is given, as the person gave it (Continue checks
    // it), so nothing is lost by closing the tab or changing the language.
    let keep = move || {
        let uptake =
            ActivityUptake::from_ticked(&selected.get_untracked(), &something_else.get_untracked());
        let went_to = went_to();
        let _ = check_in.follow_up(|f| {
            f.activities = uptake;
            f.went_to = went_to;
            Ok(())
        });
    };
    let submit = Callback::new(move |()| {
        let went_to = went_to();
        let result = check_in.follow_up(|f| {
            f.answer_uptake(
                &selected.get_untracked(),
                &something_else.get_untracked(),
                went_to,
            )
        });
        error.set(result.as_ref().err().map(|e| m.explain(e)));
        if result.is_ok() {
            navigate(&place.next, Default::default());
        }
    });
    // "None yet" stands alone across both lists.
    let choose_categories = Callback::new(move |v: Vec<String>| {
        if v.iter().any(|x| x == NONE_YET) {
            went.set(vec![]);
        }
        selected.set(v);
        keep();
    });
    let choose_visits = Callback::new(move |v: Vec<String>| {
        if !v.is_empty() {
            selected.update(|s| s.retain(|x| x != NONE_YET));
        }
        went.set(v);
        keep();
    });
    let reveal = Reveal {
        value: SOMETHING_ELSE.into(),
        content: ViewFn::from(move || {
            view! {
                <TextInput id="something-else-text" label=m.something_else_label
                    value=something_else error on_input=Callback::new(move |v| {
                        something_else.set(v);
                        keep();
                    })/>
            }
        }),
    };
    let categories = use_config().with(|c| c.activity_categories.clone());
    let options = activity_options(m, &categories);
    let listen = spoken_choices(m, m.activities_title, &options);
    let hint = format!("{} {}", m.activities_hint, m.can_skip);
    let d = &m.directory;
    let questions = if asked.with_value(Vec::is_empty) {
        view! {
            <Choices name="activities" question=m.activities_title caption=m.optional hint
                options reveal=Some(reveal)
                answer=Answer::many(selected, choose_categories)/>
        }
        .into_any()
    } else {
        let visits: Vec<ChoiceItem> = asked.with_value(|a| {
            a.iter()
                .map(|v| ChoiceItem {
                    hint: Some(fill(d.went_on_hint, &[("date", &m.date(v.on))])),
                    ..ChoiceItem::new(v.name.clone(), visit_value(v))
                })
                .collect()
        });
        view! {
            <PageHeading text=m.activities_title caption=m.optional/>
            <p class="f-hint">{hint}</p>
            <Choices name="went-to" question=d.you_went_to hint=d.you_went_to_hint not_heading=true
                options=visits answer=Answer::many(went, choose_visits)/>
            <Choices name="activities" question=d.anything_else not_heading=true
                options reveal=Some(reveal)
                answer=Answer::many(selected, choose_categories)/>
        }
        .into_any()
    };
    view! {
        <QuestionForm title=m.activities_title back=Some(place.back) button=m.continue_ on_submit=submit
            errors=FieldError::of_field("something-else-text", error.into()) listen>
            {questions}
        </QuestionForm>
        <ThingsToTryLink/>
    }
    .into_any()
}

/// "How are your goals going?": each goal from earlier check-ins still in play, and one new
/// goal in their own words.
#[component]
pub fn GoalsPage() -> impl IntoView {
    let m = use_messages();
    let check_in = use_check_in();
    let navigate = use_navigate();
    let Some((draft, place)) = Place::of(CheckInStep::Goals) else {
        return view! { <NothingInProgress title=m.goals_title/> }.into_any();
    };
    // Goals finished or let go of are not asked about again.
    let goals: Vec<_> = untrack(|| use_records().goal_histories())
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
    let options: Vec<ChoiceItem> = GoalStatus::ALL
        .iter()
        .map(|s| ChoiceItem::new(m.goal_status(s), s.as_str()))
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
                    check_in.draft().read().as_ref().and_then(|d| {
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
                .map(|(_, s)| fill(m.goal_last_time, &[("status", m.goal_status(s))]));
            let on_choose = Callback::new(move |value: String| {
                let _ = check_in.follow_up(|f| {
                    f.set_goal_status(&id, GoalStatus::parse(&value));
                    Ok(())
                });
            });
            view! {
                <Choices name=format!("goal-{}", i + 1) question=goal.text.unwrap_or_else(|| m.goal_unnamed.into())
                    hint=hint.unwrap_or_default() options=options.clone() answer=Answer::one(selected, on_choose)
                    not_heading=true/>
            }
        })
        .collect_view();
    let submit = Callback::new(move |()| {
        if check_in.set_new_goal(&new_goal.get_untracked()).is_ok() {
            navigate(&place.next, Default::default());
        }
    });
    view! {
        <QuestionForm title=m.goals_title back=Some(place.back) button=m.continue_ on_submit=submit>
            <PageHeading text=m.goals_title caption=m.optional/>
            <p class="f-hint">{m.can_skip}</p>
            {(!has_goals).then(|| view! { <p>{m.goals_none_yet}</p> })}
            {questions}
            <TextInput id="new-goal" label=m.new_goal_label label_m=true hint=m.new_goal_hint multiline=true
                value=new_goal on_input=Callback::new(move |v: String| {
                    // Kept as it is typed, like every answer.
                    let _ = check_in.set_new_goal(&v);
                    new_goal.set(v);
                })/>
        </QuestionForm>
    }
    .into_any()
}

/// "Which of these feels most like where you are now?" (the five steps, seed 001).
#[component]
pub fn JourneyStepPage() -> impl IntoView {
    let m = use_messages();
    let check_in = use_check_in();
    let navigate = use_navigate();
    let Some((_, place)) = Place::of(CheckInStep::JourneyStep) else {
        return view! { <NothingInProgress title=m.step_title/> }.into_any();
    };
    let options: Vec<ChoiceItem> = JourneyStep::ALL
        .iter()
        .map(|s| ChoiceItem::new(m.journey_step(s), s.as_str()))
        .collect();
    let listen = spoken_choices(m, m.step_title, &options);
    let selected = Signal::derive(move || {
        check_in.draft().read().as_ref().and_then(|d| {
            d.follow_up
                .journey_step
                .as_ref()
                .map(|s| s.as_str().to_owned())
        })
    });
    let on_choose = Callback::new(move |value: String| {
        let _ = check_in.follow_up(|f| {
            f.journey_step = Some(JourneyStep::parse(&value));
            Ok(())
        });
    });
    let submit = Callback::new(move |()| navigate(&place.next, Default::default()));
    view! {
        <QuestionForm title=m.step_title back=Some(place.back) button=m.continue_ on_submit=submit listen>
            <Choices name="step" question=m.step_title caption=m.optional
                hint=format!("{} {}", m.step_hint, m.can_skip) options answer=Answer::one(selected, on_choose)/>
        </QuestionForm>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ServiceConfig;
    use crate::i18n::EN;

    #[test]
    fn the_options_are_the_six_categories_then_something_else_then_none_yet() {
        let options = activity_options(&EN, &ServiceConfig::default().activity_categories);
        assert_eq!(options.len(), 8);
        assert_eq!(options[6].value, SOMETHING_ELSE);
        assert!(options[7].exclusive && options.iter().filter(|o| o.exclusive).count() == 1);
    }
}
