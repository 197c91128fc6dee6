use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::summary::ReferralSummary;
use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle};
use crate::domain::referral::Step;
use crate::i18n::use_messages;
use crate::state::{use_app, SubmitError};

/// Every answer of the referral with a "Change" link, then "Save".
#[component]
pub fn ReferralCheckPage() -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let r = &m.referral;
    let navigate = use_navigate();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let Some(referral) = app.referral.get_untracked() else {
        return view! {
            <PageTitle text=r.check_title/>
            <h1 class="f-heading-l" tabindex="-1">{r.check_title}</h1>
            <p><A href="/referral/start">{r.start}</A></p>
        }
        .into_any();
    };
    let back = Step::Check
        .previous(&referral)
        .map(|s| super::step_path(s, false))
        .unwrap_or_else(|| "/".into());
    let config = app.config.get_value();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.submit_referral() {
            Ok(id) => navigate(
                &format!("/referral/done/{id}"),
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            ),
            Err(SubmitError::Unfinished(step)) => errors.set(vec![FieldError {
                field_id: format!("change-{}", step.slug()),
                message: format!("{}: {}", super::summary::key(m, step), r.errors.unfinished),
            }]),
            Err(e) => errors.set(vec![FieldError {
                field_id: "save".into(),
                message: e.to_string(),
            }]),
        }
    };
    view! {
        <PageTitle text=r.check_title has_error=Signal::derive(move || !errors.read().is_empty())/>
        <BackLink href=back/>
        <ErrorSummary errors/>
        <h1 class="f-heading-l" tabindex="-1">{r.check_title}</h1>
        <p>{r.check_intro}</p>
        <dl class="f-summary-list">
            <ReferralSummary referral config change_links=true/>
        </dl>
        <form class="f-form" novalidate on:submit=save>
            <button type="submit" id="save" class="f-button">{r.save}</button>
        </form>
        <p><A href="/referral/start-again">{r.start_again}</A></p>
    }
    .into_any()
}
