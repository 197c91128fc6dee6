use leptos::prelude::*;

use crate::components::{FieldError, PageHeading, PageTitle, QuestionForm, ReferralSummary};
use crate::domain::referral::Step;
use crate::i18n::{fill, use_messages};
use crate::router::{use_navigate, NavigateOptions, A};
use crate::routes::Route;
use crate::state::{use_config, use_referral, use_sending, SubmitError};

/// Every answer of the referral with a "Change" link, then "Save".
#[component]
pub fn ReferralCheckPage() -> impl IntoView {
    let session = use_referral();
    let m = use_messages();
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let Some(referral) = session.draft().get_untracked() else {
        return view! {
            <PageTitle text=m.referral.check_title/>
            <PageHeading text=m.referral.check_title/>
            <p><A href=Route::Referral(Step::Start).href()>{m.referral.start}</A></p>
        }
        .into_any();
    };
    let back = Step::Check
        .previous(&referral)
        .map_or(Route::Home, Route::Referral)
        .href();
    let config = use_config().get();
    // With a service to send to, the person is asked next whether to send it.
    let sending = use_sending().is_some();
    let save = Callback::new(move |()| match session.submit() {
        Ok(id) => navigate(
            &if sending {
                Route::ReferralSend(&id)
            } else {
                Route::ReferralDone(&id)
            }
            .href(),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        ),
        Err(SubmitError::Unfinished(step)) => errors.set(vec![FieldError {
            field_id: format!("change-{}", step.slug()),
            message: format!("{}: {}", m.referral_key(step), m.referral.errors.unfinished),
        }]),
        Err(SubmitError::Failed(e)) => errors.set(vec![FieldError {
            field_id: "save".into(),
            message: fill(m.referral.not_saved, &[("why", &m.explain(&e))]),
        }]),
    });
    view! {
        <QuestionForm title=m.referral.check_title back=Some(back) errors button=m.referral.save
            button_id="save" on_submit=save>
            <PageHeading text=m.referral.check_title/>
            <p>{m.referral.check_intro}</p>
            <dl class="f-summary-list">
                <ReferralSummary referral config change_links=true/>
            </dl>
        </QuestionForm>
        <p><A href=Route::ReferralStartAgain.href()>{m.referral.start_again}</A></p>
    }
    .into_any()
}
