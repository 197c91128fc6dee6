//! What each question step of the referral shows. Every field saves on every change.

use leptos::prelude::*;
use leptos_router::components::A;

use super::StepErrors;
use crate::components::{CheckboxOption, Checkboxes, RadioOption, Radios, TextInput};
use crate::config::Choice;
use crate::domain::referral::{
    self, Baseline, ContactMethod, Referral, Step, ACCESS_MAX, GOALS_MAX, GOAL_FIELDS, GOAL_MAX,
    NAME_MAX, OTHER, OTHER_MAX, TIMES_MAX,
};
use crate::i18n::{fill, use_messages, Messages};
use crate::pages::CrisisContacts;
use crate::state::{use_app, AppState};

/// The page title of a step: its question.
pub fn title(m: &'static Messages, step: Step, app: &AppState) -> String {
    let r = &m.referral;
    match step {
        Step::Start => fill(
            r.start_title,
            &[(
                "service",
                &app.config.with_value(|c| c.service_name.clone()),
            )],
        ),
        Step::Safety => r.safety_question.into(),
        Step::UrgentHelp => r.urgent_title.into(),
        Step::Reasons => r.reasons_question.into(),
        Step::Activities => r.activities_question.into(),
        Step::Barriers => r.barriers_question.into(),
        Step::Support => r.support_question.into(),
        Step::Goals => r.goals_question.into(),
        Step::ReferredBy => r.referred_by_question.into(),
        Step::Name => r.name_question.into(),
        Step::Contact => r.contact_question.into(),
        Step::ContactDetails => r.details_title.into(),
        Step::AboutYou => r.about_title.into(),
        Step::Access => r.access_title.into(),
        Step::Baseline => r.baseline_question.into(),
        Step::Check => r.check_title.into(),
        Step::Done => r.done_title.into(),
    }
}

/// A read of one part of the referral, for a field's value.
fn field<T: 'static + Send + Sync>(app: AppState, read: fn(&Referral) -> T) -> Signal<T> {
    Signal::derive(move || {
        app.referral
            .with(|r| read(r.as_ref().unwrap_or(&Referral::default())))
    })
}

fn checkbox_options(list: Vec<Choice>) -> Vec<CheckboxOption> {
    list.into_iter()
        .map(|c| CheckboxOption {
            label: c.label,
            value: c.id,
            hint: c.hint,
            exclusive: c.exclusive,
        })
        .collect()
}

fn radio_options(list: Vec<Choice>) -> Vec<RadioOption> {
    list.into_iter()
        .map(|c| RadioOption {
            label: c.label,
            value: c.id,
        })
        .collect()
}

/// The fields of one step.
pub fn body(step: Step, errors: StepErrors) -> AnyView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let config = app.config.get_value();
    match step {
        Step::Start => {
            let service = config.service_name.clone();
            view! {
                <h1 class="f-heading-xl" tabindex="-1">{fill(r.start_title, &[("service", &service)])}</h1>
                <p class="f-body-l">{config.service_description.clone()}</p>
                <p>{r.start_what}</p>
                <div class="f-inset f-inset--warning">
                    <h2 class="f-heading-s">{r.start_not_emergency_title}</h2>
                    <p>{r.start_not_emergency}" "<A href="/get-help">{m.get_help_now}</A></p>
                </div>
                <p>{r.start_privacy}</p>
                <p>{r.start_time}</p>
            }
            .into_any()
        }
        Step::Safety => view! {
            <Radios name=step.slug() question=r.safety_question hint=r.safety_hint
                options=vec![
                    RadioOption { label: r.yes.into(), value: "yes".into() },
                    RadioOption { label: r.no.into(), value: "no".into() },
                ]
                selected=Signal::derive(move || app.referral.with(|x| x.as_ref().and_then(|x| x.safety)).map(|s| if s { "yes".to_string() } else { "no".to_string() }))
                error=errors.for_field(step.slug())
                on_choose=Callback::new(move |v: String| app.update_referral(|x| x.safety = Some(v == "yes")))/>
        }
        .into_any(),
        Step::UrgentHelp => view! {
            <h1 class="f-heading-l" tabindex="-1">{r.urgent_title}</h1>
            <div class="f-care-card f-care-card--urgent">
                <p class="f-care-card__lead">{r.urgent_lead}</p>
                <CrisisContacts/>
            </div>
            <p>{r.urgent_go_on}</p>
        }
        .into_any(),
        Step::Reasons => {
            let selected = field(app, |x| x.reasons.clone());
            let other_ticked = move || selected.read().iter().any(|v| v == OTHER);
            view! {
                <Checkboxes name=step.slug() question=r.reasons_question hint=r.choose_all
                    options=checkbox_options(config.reasons.clone())
                    selected
                    error=errors.for_field(step.slug())
                    on_change=Callback::new(move |v: Vec<String>| app.update_referral(|x| x.reasons = v))/>
                <Show when=other_ticked>
                    <div class="f-conditional">
                        <TextInput id="reason-other" label=r.reason_other_label multiline=true max_chars=OTHER_MAX
                            value=field(app, |x| x.reason_other.clone())
                            error=errors.for_field("reason-other")
                            on_input=Callback::new(move |v: String| app.update_referral(|x| x.reason_other = v))/>
                    </div>
                </Show>
            }
            .into_any()
        }
        Step::Activities => view! {
            <Checkboxes name=step.slug() question=r.activities_question hint=r.choose_all
                options=checkbox_options(config.activity_categories.clone())
                selected=field(app, |x| x.activities.clone())
                error=errors.for_field(step.slug())
                on_change=Callback::new(move |v: Vec<String>| app.update_referral(|x| x.activities = v))/>
        }
        .into_any(),
        Step::Barriers => view! {
            <Checkboxes name=step.slug() question=r.barriers_question hint=r.barriers_hint
                options=checkbox_options(config.barriers.clone())
                selected=field(app, |x| x.barriers.clone())
                error=errors.for_field(step.slug())
                on_change=Callback::new(move |v: Vec<String>| app.update_referral(|x| x.barriers = v))/>
        }
        .into_any(),
        Step::Support => view! {
            <Radios name=step.slug() question=r.support_question hint=r.support_hint
                options=radio_options(config.support_levels.clone())
                selected=field(app, |x| x.support.clone())
                error=errors.for_field(step.slug())
                on_choose=Callback::new(move |v: String| app.update_referral(|x| x.support = Some(v)))/>
        }
        .into_any(),
        Step::Goals => goals(errors),
        Step::ReferredBy => view! {
            <Radios name=step.slug() question=r.referred_by_question hint=r.optional_hint
                options=radio_options(config.referrers.clone())
                selected=field(app, |x| x.referred_by.clone())
                error=errors.for_field(step.slug())
                on_choose=Callback::new(move |v: String| app.update_referral(|x| x.referred_by = Some(v)))/>
        }
        .into_any(),
        Step::Name => view! {
            <TextInput id="name" label=r.name_question label_is_heading=true hint=r.name_hint
                autocomplete="nickname" max_chars=NAME_MAX width="f-input--width-20"
                value=field(app, |x| x.name.clone())
                error=errors.for_field("name")
                on_input=Callback::new(move |v: String| app.update_referral(|x| x.name = v))/>
        }
        .into_any(),
        Step::Contact => view! {
            <Radios name=step.slug() question=r.contact_question
                options=ContactMethod::ALL.iter().zip(r.contact_methods).map(|(c, label)| RadioOption { label: label.into(), value: c.id().into() }).collect()
                selected=field(app, |x| x.contact_method.map(|c| c.id().to_string()))
                error=errors.for_field(step.slug())
                on_choose=Callback::new(move |v: String| app.update_referral(|x| x.contact_method = ContactMethod::from_id(&v)))/>
        }
        .into_any(),
        Step::ContactDetails => contact_details(errors),
        Step::AboutYou => view! {
            <h1 class="f-heading-l" tabindex="-1">{r.about_title}</h1>
            <p>{r.about_intro}</p>
            <Radios name="age-band" question=r.age_question not_heading=true
                options=radio_options(config.age_bands.clone())
                selected=field(app, |x| x.age_band.clone())
                error=Signal::derive(|| None::<String>)
                on_choose=Callback::new(move |v: String| app.update_referral(|x| x.age_band = Some(v)))/>
            <TextInput id="postcode" label=r.postcode_label hint=r.postcode_hint
                autocomplete="off" width="f-input--width-5"
                value=field(app, |x| x.postcode_district.clone())
                error=errors.for_field("postcode")
                on_input=Callback::new(move |v: String| app.update_referral(|x| x.postcode_district = v))/>
        }
        .into_any(),
        Step::Access => view! {
            <h1 class="f-heading-l" tabindex="-1">{r.access_title}</h1>
            <TextInput id="language" label=r.language_label hint=r.language_hint
                autocomplete="language" max_chars=OTHER_MAX width="f-input--width-20"
                value=field(app, |x| x.language.clone())
                error=errors.for_field("language")
                on_input=Callback::new(move |v: String| app.update_referral(|x| x.language = v))/>
            <TextInput id="access-needs" label=r.access_label hint=r.access_hint multiline=true max_chars=ACCESS_MAX
                value=field(app, |x| x.access_needs.clone())
                error=errors.for_field("access-needs")
                on_input=Callback::new(move |v: String| app.update_referral(|x| x.access_needs = v))/>
        }
        .into_any(),
        Step::Baseline => baseline(errors),
        Step::Check | Step::Done => ().into_any(),
    }
}

fn goals(errors: StepErrors) -> AnyView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    // Only the number of boxes re-renders the list, so typing never loses focus.
    let count = Memo::new(move |_| {
        app.referral
            .with(|x| x.as_ref().map_or(0, |x| x.goals.len()).clamp(1, GOALS_MAX))
    });
    let add = move |_| {
        let n = count.get_untracked();
        app.update_referral(|x| {
            x.goals.resize(n, String::new());
            x.goals.push(String::new());
        });
        crate::browser::focus_soon(format!("#{}", GOAL_FIELDS[n.min(GOALS_MAX - 1)]));
    };
    let boxes = move || {
        (0..count.get())
            .map(|i| {
                let label = fill(r.goal_n, &[("n", &(i + 1).to_string())]);
                let remove = move |_| {
                    app.update_referral(|x| {
                        if i < x.goals.len() {
                            x.goals.remove(i);
                        }
                    });
                    crate::browser::focus_soon("#goal-1".into());
                };
                view! {
                    <TextInput id=GOAL_FIELDS[i] label=label.clone() multiline=true max_chars=GOAL_MAX
                        value=Signal::derive(move || app.referral.with(|x| x.as_ref().and_then(|x| x.goals.get(i).cloned()).unwrap_or_default()))
                        error=errors.for_field(GOAL_FIELDS[i])
                        on_input=Callback::new(move |v: String| app.update_referral(|x| {
                            if x.goals.len() <= i {
                                x.goals.resize(i + 1, String::new());
                            }
                            x.goals[i] = v;
                        }))/>
                    {(i > 0).then(|| view! {
                        <button type="button" class="f-button f-button--secondary f-button--small" on:click=remove>
                            {r.remove_goal}<span class="f-visually-hidden">" "{label}</span>
                        </button>
                    })}
                }
            })
            .collect_view()
    };
    view! {
        <h1 class="f-heading-l" tabindex="-1">{r.goals_question}</h1>
        <p class="f-hint" id="goals-hint">{r.goals_hint}</p>
        {boxes}
        <Show when=move || { count.get() < GOALS_MAX }>
            <p><button type="button" class="f-button f-button--secondary" on:click=add>{r.add_goal}</button></p>
        </Show>
    }
    .into_any()
}

fn contact_details(errors: StepErrors) -> AnyView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let method = app
        .referral
        .with_untracked(|x| x.as_ref().and_then(|x| x.contact_method));
    let main = match method {
        Some(ContactMethod::Email) => view! {
            <TextInput id="email" label=r.email_label input_type="email" autocomplete="email"
                value=field(app, |x| x.email.clone())
                error=errors.for_field("email")
                on_input=Callback::new(move |v: String| app.update_referral(|x| x.email = v))/>
        }
        .into_any(),
        Some(m_) if m_.needs_phone() => {
            let label = if m_ == ContactMethod::Text {
                r.mobile_label
            } else {
                r.phone_label
            };
            view! {
                <TextInput id="phone" label=label hint=r.phone_hint input_type="tel" autocomplete="tel"
                    width="f-input--width-20"
                    value=field(app, |x| x.phone.clone())
                    error=errors.for_field("phone")
                    on_input=Callback::new(move |v: String| app.update_referral(|x| x.phone = v))/>
                <TextInput id="best-times" label=r.best_times_label hint=r.best_times_hint max_chars=TIMES_MAX
                    value=field(app, |x| x.best_times.clone())
                    error=errors.for_field("best-times")
                    on_input=Callback::new(move |v: String| app.update_referral(|x| x.best_times = v))/>
            }
            .into_any()
        }
        // Reached only by typing the address: nothing to ask for these methods.
        _ => view! { <p>{r.contact_methods[4]}</p> }.into_any(),
    };
    view! {
        <h1 class="f-heading-l" tabindex="-1">{r.details_title}</h1>
        {main}
    }
    .into_any()
}

fn baseline(errors: StepErrors) -> AnyView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let done = app
        .referral
        .with_untracked(|x| matches!(x.as_ref().map(|x| &x.baseline), Some(Baseline::Done { .. })));
    if done {
        return view! {
            <h1 class="f-heading-l" tabindex="-1">{r.baseline_question}</h1>
            <p>{r.baseline_done}</p>
        }
        .into_any();
    }
    view! {
        <Radios name=Step::Baseline.slug() question=r.baseline_question hint=r.baseline_hint
            options=vec![
                RadioOption { label: r.baseline_yes.into(), value: "yes".into() },
                RadioOption { label: r.baseline_no.into(), value: "no".into() },
            ]
            selected=field(app, |x| match x.baseline {
                Baseline::NotAsked => None,
                Baseline::Skipped => Some("no".to_string()),
                Baseline::Started | Baseline::Done { .. } => Some("yes".to_string()),
            })
            error=errors.for_field(Step::Baseline.slug())
            on_choose=Callback::new(move |v: String| app.update_referral(|x| {
                x.baseline = if v == "yes" { referral::Baseline::Started } else { referral::Baseline::Skipped };
            }))/>
    }
    .into_any()
}
