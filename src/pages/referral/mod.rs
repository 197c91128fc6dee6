//! The self-referral journey: one question per page at `/referral/:step`, then check your
//! answers, confirmation, and the finished referral to print or download.

mod check;
mod done;
mod start_again;
mod steps;
mod summary;
mod view;

pub use check::ReferralCheckPage;
pub use done::ReferralDonePage;
pub use start_again::ReferralStartAgainPage;
pub use view::ReferralViewPage;

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle};
use crate::domain::referral::{self, Problem, Step};
use crate::i18n::{fill, use_messages, Messages};
use crate::pages::NotFoundPage;
use crate::state::use_app;

/// Address of a step; `from_check` keeps the person on their way back to check your answers.
pub fn step_path(step: Step, from_check: bool) -> String {
    let query = if from_check && step != Step::Check {
        "?from=check"
    } else {
        ""
    };
    format!("/referral/{}{query}", step.slug())
}

/// The plain words for a validation problem.
pub fn problem_message(m: &'static Messages, p: Problem) -> String {
    let e = &m.referral.errors;
    match p {
        Problem::NothingChosen(step) => match step {
            Step::Safety => e.safety,
            Step::Reasons => e.reasons,
            Step::Activities => e.activities,
            Step::Barriers => e.barriers,
            Step::Support => e.support,
            Step::Contact => e.contact,
            Step::Baseline => e.baseline,
            _ => e.unfinished,
        }
        .to_string(),
        Problem::OtherEmpty => e.other_empty.to_string(),
        Problem::TooLong { max, .. } => fill(e.too_long, &[("max", &max.to_string())]),
        Problem::NoGoal => e.no_goal.to_string(),
        Problem::NoName => e.no_name.to_string(),
        Problem::NoPhone => e.no_phone.to_string(),
        Problem::BadPhone => e.bad_phone.to_string(),
        Problem::NotMobile => e.not_mobile.to_string(),
        Problem::NoEmail => e.no_email.to_string(),
        Problem::BadEmail => e.bad_email.to_string(),
        Problem::BadPostcode => e.bad_postcode.to_string(),
    }
}

/// One page of the journey, chosen by the address.
#[component]
pub fn ReferralPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // A fresh form for each step, so an error shown on one never carries to the next.
    move || {
        let step = params.read().get("step").and_then(|s| Step::from_slug(&s));
        let from_check = query.read().get("from").as_deref() == Some("check");
        match step {
            Some(Step::Check) => view! { <ReferralCheckPage/> }.into_any(),
            Some(step) if step != Step::Done => view! { <StepForm step from_check/> }.into_any(),
            _ => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

/// Validation state shared by a step's fields.
#[derive(Clone, Copy)]
pub struct StepErrors(RwSignal<Vec<Problem>>);

impl StepErrors {
    /// The message for `field`, if it has a problem.
    pub fn for_field(self, field: &'static str) -> Signal<Option<String>> {
        let m = use_messages();
        Signal::derive(move || {
            self.0
                .read()
                .iter()
                .find(|p| p.field() == field)
                .map(|p| problem_message(m, *p))
        })
    }
}

/// The frame every question step shares: title, back link, error summary, the form and its
/// Continue button. Continue validates the page, then follows the journey's order.
#[component]
fn StepForm(step: Step, from_check: bool) -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    let problems = RwSignal::new(Vec::<Problem>::new());
    let errors = Signal::derive(move || {
        problems
            .get()
            .into_iter()
            .map(|p| FieldError {
                field_id: p.field().into(),
                message: problem_message(m, p),
            })
            .collect::<Vec<_>>()
    });
    let current = app.referral.get_untracked().unwrap_or_default();
    let back = match (from_check, step.previous(&current)) {
        (true, _) => step_path(Step::Check, false),
        (false, Some(previous)) => step_path(previous, false),
        (false, None) => "/".into(),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Starting the journey, or continuing past a page with nothing to answer, still
        // creates the saved referral, so that "carry on" works from the home screen.
        app.update_referral(|_| {});
        let r = app.referral.get_untracked().unwrap_or_default();
        let found = referral::validate(step, &r);
        if !found.is_empty() {
            problems.set(found);
            return;
        }
        problems.set(vec![]);
        let next = if from_check {
            step.next_from_check(&r)
        } else {
            step.next(&r)
        };
        if step == Step::Baseline && r.baseline == referral::Baseline::Started {
            let first = app
                .draft
                .get_untracked()
                .and_then(|d| d.first_unanswered())
                .unwrap_or(1);
            navigate(
                &crate::pages::question::question_path(first),
                Default::default(),
            );
        } else {
            navigate(&step_path(next, from_check), Default::default());
        }
    };
    let button = match step {
        Step::Start => m.referral.start_now,
        Step::UrgentHelp => m.referral.urgent_continue,
        _ => m.continue_,
    };
    view! {
        <PageTitle text=steps::title(m, step, &app) has_error=Signal::derive(move || !problems.read().is_empty())/>
        {(step != Step::Start).then(|| view! { <BackLink href=back/> })}
        <ErrorSummary errors/>
        <form class="f-form" novalidate on:submit=submit>
            {steps::body(step, StepErrors(problems))}
            <button type="submit" class="f-button" class:f-button--start=step == Step::Start>{button}</button>
        </form>
    }
}
