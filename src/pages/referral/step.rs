//! One page of the self-referral journey, at `/referral/:step`: its question, and Continue
//! that checks the answer and follows the journey's order. Every field saves on every change.

use leptos::prelude::*;

use crate::components::{
    start_privacy_words, Answer, ChoiceItem, Choices, CrisisContacts, FieldError, ListenButton,
    NotFound, PageHeading, QuestionForm, Reveal, TextInput, UrgentNotTold, VolunteerSafetyGuide,
};
use crate::config::Choice;
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::referral::{
    self, Baseline, ContactMethod, Problem, Referral, Step, ACCESS_MAX, GOALS_MAX, GOAL_FIELDS,
    GOAL_MAX, NAME_MAX, OTHER, OTHER_MAX, TIMES_MAX,
};
use crate::i18n::{fill, use_messages, Messages};
use crate::router::{use_navigate, use_params_map, A};
use crate::routes::{use_from_check, Route};
use crate::speech::Spoken;
use crate::state::{use_check_in, use_config, use_referral};

/// One page of the journey, chosen by the address.
#[component]
pub fn ReferralPage() -> impl IntoView {
    let params = use_params_map();
    let from_check = use_from_check();
    // A fresh form for each step, so an error shown on one never carries to the next.
    move || {
        let step = params.read().get("step").and_then(|s| Step::from_slug(&s));
        let from_check = from_check.get();
        match step {
            Some(step) if !matches!(step, Step::Check | Step::Done) => {
                view! { <StepForm step from_check/> }.into_any()
            }
            _ => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Validation state shared by a step's fields.
#[derive(Clone, Copy)]
struct StepErrors(RwSignal<Vec<Problem>>);

impl StepErrors {
    /// The message for `field`, if it has a problem.
    fn for_field(self, field: &'static str) -> Signal<Option<String>> {
        let m = use_messages();
        Signal::derive(move || {
            self.0
                .read()
                .iter()
                .find(|p| p.field() == field)
                .map(|p| m.problem(*p))
        })
    }
}

/// The answers of a configured list, for radios or checkboxes, in the page's language.
fn choice_items(list: Vec<Choice>) -> Vec<ChoiceItem> {
    let language = use_messages().language;
    list.into_iter()
        .map(|c| ChoiceItem::from_choice(c, language))
        .collect()
}

/// What "Listen" reads on a step: its question and hint, then each answer.
fn spoken(question: &str, hint: Option<&str>, answers: &[ChoiceItem]) -> Vec<Spoken> {
    let m = use_messages();
    let mut parts = vec![Spoken::new(question, m.lang)];
    parts.extend(hint.map(|h| Spoken::new(h, m.lang)));
    if !answers.is_empty() {
        let words = answers
            .iter()
            .map(|a| a.label.as_str())
            .collect::<Vec<_>>()
            .join(". ");
        parts.push(Spoken::new(words, m.lang));
    }
    parts
}

/// A step answered by choosing one answer, kept by `set` and shown by `get`.
#[allow(clippy::too_many_arguments)]
fn choose_one(
    step: Step,
    question: &'static str,
    hint: Option<String>,
    answers: Vec<ChoiceItem>,
    get: fn(&Referral) -> Option<String>,
    set: fn(&mut Referral, String),
    errors: StepErrors,
) -> AnyView {
    let referral = use_referral();
    let listen = spoken(question, hint.as_deref(), &answers);
    view! {
        <ListenButton parts=listen/>
        <Choices name=step.slug() question hint=hint.unwrap_or_default() options=answers
            error=errors.for_field(step.slug())
            answer=Answer::one(referral.field(get), Callback::new(move |v: String| referral.update(|x| set(x, v))))/>
    }
    .into_any()
}

/// A step answered by ticking any answers, kept by `set` and shown by `get`; `reveal` asks
/// more under one answer while it is ticked.
#[allow(clippy::too_many_arguments)]
fn tick_any(
    step: Step,
    question: &'static str,
    hint: &'static str,
    answers: Vec<ChoiceItem>,
    reveal: Option<Reveal>,
    get: fn(&Referral) -> Vec<String>,
    set: fn(&mut Referral, Vec<String>),
    errors: StepErrors,
) -> AnyView {
    let referral = use_referral();
    let listen = spoken(question, Some(hint), &answers);
    view! {
        <ListenButton parts=listen/>
        <Choices name=step.slug() question hint options=answers reveal
            error=errors.for_field(step.slug())
            answer=Answer::many(referral.field(get), Callback::new(move |v: Vec<String>| referral.update(|x| set(x, v))))/>
    }
    .into_any()
}

/// The frame every question step shares, around the step's fields. Continue validates the
/// page, then follows the journey's order.
#[component]
fn StepForm(step: Step, from_check: bool) -> impl IntoView {
    let referral = use_referral();
    let check_in = use_check_in();
    let m = use_messages();
    let navigate = use_navigate();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let errors = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|p| FieldError {
                field_id: p.field().into(),
                message: m.problem(p),
            })
            .collect::<Vec<_>>()
    });
    let current = referral.draft().get_untracked().unwrap_or_default();
    let back = (step != Step::Start).then(|| match (from_check, step.previous(&current)) {
        (true, _) => Route::Referral(Step::Check).href(),
        (false, Some(previous)) => Route::Referral(previous).href(),
        (false, None) => Route::Home.href(),
    });
    let submit = Callback::new(move |()| {
        // Starting the journey, or continuing past a page with nothing to answer, still
        // creates the saved referral, so that "carry on" works from the home screen.
        referral.update(|_| {});
        let r = referral.draft().get_untracked().unwrap_or_default();
        let found = referral::validate(step, &r);
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(vec![]);
        let next = if step == Step::Baseline && r.baseline == Baseline::Started {
            let draft = check_in.draft().get_untracked();
            Route::CheckIn(CheckInStep::resume(draft.as_ref()))
        } else if from_check {
            Route::ReferralChange(step.next_from_check(&r))
        } else {
            Route::Referral(step.next(&r))
        };
        navigate(&next.href(), Default::default());
    });
    let button = match step {
        Step::Start => m.referral.start_now,
        Step::UrgentHelp => m.referral.urgent_continue,
        _ => m.continue_,
    };
    view! {
        <QuestionForm title=title(m, step) back errors button start=step == Step::Start on_submit=submit>
            {body(step, StepErrors(problems))}
        </QuestionForm>
    }
}

/// The page title of a step: its question.
fn title(m: &'static Messages, step: Step) -> String {
    match step {
        Step::Start => fill(
            m.referral.start_title,
            &[(
                "service",
                &use_config().with(|c| c.service_name.get(m.language).to_owned()),
            )],
        ),
        Step::Safety => m.referral.safety_question.into(),
        Step::UrgentHelp => m.referral.urgent_title.into(),
        Step::Reasons => m.referral.reasons_question.into(),
        Step::Activities => m.referral.activities_question.into(),
        Step::Barriers => m.referral.barriers_question.into(),
        Step::Support => m.referral.support_question.into(),
        Step::Goals => m.referral.goals_question.into(),
        Step::ReferredBy => m.referral.referred_by_question.into(),
        Step::Name => m.referral.name_question.into(),
        Step::Contact => m.referral.contact_question.into(),
        Step::ContactDetails => m.referral.details_title.into(),
        Step::AboutYou => m.referral.about_title.into(),
        Step::Access => m.referral.access_title.into(),
        Step::Baseline => m.referral.baseline_question.into(),
        Step::Check => m.referral.check_title.into(),
        Step::Done => m.referral.done_title.into(),
    }
}

/// The fields of one step.
fn body(step: Step, errors: StepErrors) -> AnyView {
    let referral = use_referral();
    let m = use_messages();
    let config = use_config().get();
    match step {
        Step::Start => {
            let service = config.service_name.get(m.language).to_owned();
            view! {
                <PageHeading text=fill(m.referral.start_title, &[("service", &service)]) class="f-heading-xl"/>
                <p class="f-body-l">{config.service_description.get(m.language).to_owned()}</p>
                <p>{m.referral.start_what}</p>
                <div class="f-inset f-inset--warning">
                    <h2 class="f-heading-s">{m.referral.start_not_emergency_title}</h2>
                    <p>{m.referral.start_not_emergency}" "<A href=Route::GetHelp.href()>{m.get_help_now}</A></p>
                </div>
                <p>{start_privacy_words()}</p>
                <p>{m.referral.start_time}</p>
            }
            .into_any()
        }
        Step::Safety => choose_one(
            step,
            m.referral.safety_question,
            Some(m.referral.safety_hint.into()),
            vec![
                ChoiceItem::new(m.referral.yes, "yes"),
                ChoiceItem::new(m.referral.no, "no"),
            ],
            |x| x.safety.map(|s| if s { "yes" } else { "no" }.to_string()),
            |x, v| x.safety = Some(v == "yes"),
            errors,
        ),
        Step::UrgentHelp => view! {
            <PageHeading text=m.referral.urgent_title/>
            <div class="f-care-card f-care-card--urgent">
                <p class="f-care-card__lead">{m.referral.urgent_lead}</p>
                <UrgentNotTold/>
                <CrisisContacts/>
            </div>
            <VolunteerSafetyGuide/>
            <p>{m.referral.urgent_go_on}</p>
        }
        .into_any(),
        Step::Reasons => {
            let reveal = Reveal {
                value: OTHER.into(),
                content: ViewFn::from(move || view! {
                    <TextInput id="reason-other" label=m.referral.reason_other_label multiline=true max_chars=OTHER_MAX
                        value=referral.field(|x| x.reason_other.clone())
                        error=errors.for_field("reason-other")
                        on_input=Callback::new(move |v: String| referral.update(|x| x.reason_other = v))/>
                }),
            };
            let (question, hint) = (m.referral.reasons_question, m.referral.choose_all);
            let answers = choice_items(config.reasons);
            tick_any(step, question, hint, answers, Some(reveal), |x| x.reasons.clone(), |x, v| x.reasons = v, errors)
        }
        Step::Activities => {
            let (question, hint) = (m.referral.activities_question, m.referral.choose_all);
            let answers = choice_items(config.activity_categories);
            tick_any(step, question, hint, answers, None, |x| x.activities.clone(), |x, v| x.activities = v, errors)
        }
        Step::Barriers => {
            let (question, hint) = (m.referral.barriers_question, m.referral.barriers_hint);
            let answers = choice_items(config.barriers);
            tick_any(step, question, hint, answers, None, |x| x.barriers.clone(), |x, v| x.barriers = v, errors)
        }
        Step::Support => choose_one(
            step,
            m.referral.support_question,
            Some(m.referral.support_hint.into()),
            choice_items(config.support_levels),
            |x| x.support.clone(),
            |x, v| x.support = Some(v),
            errors,
        ),
        Step::Goals => goals(errors),
        Step::ReferredBy => choose_one(
            step,
            m.referral.referred_by_question,
            Some(m.referral.optional_hint.into()),
            choice_items(config.referrers),
            |x| x.referred_by.clone(),
            |x, v| x.referred_by = Some(v),
            errors,
        ),
        Step::Name => view! {
            <TextInput id="name" label=m.referral.name_question label_is_heading=true hint=m.referral.name_hint
                autocomplete="nickname" max_chars=NAME_MAX width="f-input--width-20"
                value=referral.field(|x| x.name.clone())
                error=errors.for_field("name")
                on_input=Callback::new(move |v: String| referral.update(|x| x.name = v))/>
        }
        .into_any(),
        Step::Contact => choose_one(
            step,
            m.referral.contact_question,
            None,
            ContactMethod::ALL
                .iter()
                .zip(m.referral.contact_methods)
                .map(|(c, label)| ChoiceItem::new(label, c.id()))
                .collect(),
            |x| x.contact_method.map(|c| c.id().to_string()),
            |x, v| x.contact_method = ContactMethod::from_id(&v),
            errors,
        ),
        Step::ContactDetails => contact_details(errors),
        Step::AboutYou => view! {
            <PageHeading text=m.referral.about_title/>
            <p>{m.referral.about_intro}</p>
            <Choices name="age-band" question=m.referral.age_question not_heading=true
                options=choice_items(config.age_bands.clone())
                answer=Answer::one(referral.field(|x| x.age_band.clone()),
                    Callback::new(move |v: String| referral.update(|x| x.age_band = Some(v))))/>
            <TextInput id="postcode" label=m.referral.postcode_label hint=m.referral.postcode_hint
                autocomplete="off" width="f-input--width-5"
                value=referral.field(|x| x.postcode_district.clone())
                error=errors.for_field("postcode")
                on_input=Callback::new(move |v: String| referral.update(|x| x.postcode_district = v))/>
        }
        .into_any(),
        Step::Access => view! {
            <PageHeading text=m.referral.access_title/>
            <TextInput id="language" label=m.referral.language_label hint=m.referral.language_hint
                autocomplete="language" max_chars=OTHER_MAX width="f-input--width-20"
                value=referral.field(|x| x.language.clone())
                error=errors.for_field("language")
                on_input=Callback::new(move |v: String| referral.update(|x| x.language = v))/>
            <TextInput id="access-needs" label=m.referral.access_label hint=m.referral.access_hint multiline=true max_chars=ACCESS_MAX
                value=referral.field(|x| x.access_needs.clone())
                error=errors.for_field("access-needs")
                on_input=Callback::new(move |v: String| referral.update(|x| x.access_needs = v))/>
        }
        .into_any(),
        Step::Baseline => baseline(errors),
        Step::Check | Step::Done => ().into_any(),
    }
}

fn goals(errors: StepErrors) -> AnyView {
    let referral = use_referral();
    let m = use_messages();
    // Only the number of boxes re-renders the list, so typing never loses focus.
    let count = Memo::new(move |_| {
        referral
            .draft()
            .with(|x| x.as_ref().map_or(0, |x| x.goals.len()).clamp(1, GOALS_MAX))
    });
    let add = move |_| {
        let n = count.get_untracked();
        referral.update(|x| {
            x.goals.resize(n, String::new());
            x.goals.push(String::new());
        });
        crate::browser::focus_soon(format!("#{}", GOAL_FIELDS[n.min(GOALS_MAX - 1)]));
    };
    let boxes = move || {
        (0..count.get())
            .map(|i| {
                let label = fill(m.referral.goal_n, &[("n", &(i + 1).to_string())]);
                let remove = move |_| {
                    referral.update(|x| {
                        if i < x.goals.len() {
                            x.goals.remove(i);
                        }
                    });
                    crate::browser::focus_soon("#goal-1".into());
                };
                view! {
                    <TextInput id=GOAL_FIELDS[i] label=label.clone() multiline=true max_chars=GOAL_MAX
                        value=Signal::derive(move || referral.draft().with(|x| x.as_ref().and_then(|x| x.goals.get(i).cloned()).unwrap_or_default()))
                        error=errors.for_field(GOAL_FIELDS[i])
                        on_input=Callback::new(move |v: String| referral.update(|x| {
                            if x.goals.len() <= i {
                                x.goals.resize(i + 1, String::new());
                            }
                            x.goals[i] = v;
                        }))/>
                    {(i > 0).then(|| view! {
                        <button type="button" class="f-button f-button--secondary f-button--small" on:click=remove>
                            {m.referral.remove_goal}<span class="f-visually-hidden">" "{label}</span>
                        </button>
                    })}
                }
            })
            .collect_view()
    };
    view! {
        <PageHeading text=m.referral.goals_question/>
        <p class="f-hint" id="goals-hint">{m.referral.goals_hint}</p>
        {boxes}
        <Show when=move || { count.get() < GOALS_MAX }>
            <p><button type="button" class="f-button f-button--secondary" on:click=add>{m.referral.add_goal}</button></p>
        </Show>
    }
    .into_any()
}

fn contact_details(errors: StepErrors) -> AnyView {
    let referral = use_referral();
    let m = use_messages();
    let method = referral
        .draft()
        .with_untracked(|x| x.as_ref().and_then(|x| x.contact_method));
    let main = match method {
        Some(ContactMethod::Email) => view! {
            <TextInput id="email" label=m.referral.email_label input_type="email" autocomplete="email"
                value=referral.field(|x| x.email.clone())
                error=errors.for_field("email")
                on_input=Callback::new(move |v: String| referral.update(|x| x.email = v))/>
        }
        .into_any(),
        Some(method) if method.needs_phone() => {
            let label = if method == ContactMethod::Text {
                m.referral.mobile_label
            } else {
                m.referral.phone_label
            };
            view! {
                <TextInput id="phone" label=label hint=m.referral.phone_hint input_type="tel" autocomplete="tel"
                    width="f-input--width-20"
                    value=referral.field(|x| x.phone.clone())
                    error=errors.for_field("phone")
                    on_input=Callback::new(move |v: String| referral.update(|x| x.phone = v))/>
                <TextInput id="best-times" label=m.referral.best_times_label hint=m.referral.best_times_hint max_chars=TIMES_MAX
                    value=referral.field(|x| x.best_times.clone())
                    error=errors.for_field("best-times")
                    on_input=Callback::new(move |v: String| referral.update(|x| x.best_times = v))/>
            }
            .into_any()
        }
        // Reached only by typing the address: nothing to ask for these methods.
        _ => view! { <p>{m.referral.contact_methods[4]}</p> }.into_any(),
    };
    view! {
        <PageHeading text=m.referral.details_title/>
        {main}
    }
    .into_any()
}

fn baseline(errors: StepErrors) -> AnyView {
    let referral = use_referral();
    let m = use_messages();
    let done = referral
        .draft()
        .with_untracked(|x| matches!(x.as_ref().map(|x| &x.baseline), Some(Baseline::Done { .. })));
    if done {
        return view! {
            <PageHeading text=m.referral.baseline_question/>
            <p>{m.referral.baseline_done}</p>
        }
        .into_any();
    }
    choose_one(
        Step::Baseline,
        m.referral.baseline_question,
        {
            let questions: usize = use_config()
                .instruments()
                .iter()
                .map(|i| i.items.len())
                .sum();
            Some(m.count(&m.referral.baseline_hint, questions as u64))
        },
        vec![
            ChoiceItem::new(m.referral.baseline_yes, "yes"),
            ChoiceItem::new(m.referral.baseline_no, "no"),
        ],
        |x| match x.baseline {
            Baseline::NotAsked => None,
            Baseline::Skipped => Some("no".to_string()),
            Baseline::Started | Baseline::Done { .. } => Some("yes".to_string()),
        },
        |x, v| {
            x.baseline = if v == "yes" {
                Baseline::Started
            } else {
                Baseline::Skipped
            }
        },
        errors,
    )
}
