//! The referral's answers as a GOV.UK summary list, for check your answers and the copy the
//! person keeps.

use leptos::prelude::*;

use super::summary_list::{ChangeLink, SummaryRow};
use crate::config::{Choice, ServiceConfig};
use crate::domain::referral::{Baseline, ContactMethod, Referral, Step, OTHER};
use crate::i18n::{use_messages, Messages};
use crate::routes::Route;

/// The answers to one step, as lines of text; empty when nothing was given.
fn answers(m: &'static Messages, c: &ServiceConfig, r: &Referral, step: Step) -> Vec<String> {
    let label =
        |list: &[Choice], id: &str| ServiceConfig::label_in(list, id, m.language).to_string();
    let labels = |list: &[Choice], ids: &[String]| -> Vec<String> {
        ids.iter().map(|id| label(list, id)).collect()
    };
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    match step {
        Step::Safety => r
            .safety
            .map(|s| if s { m.referral.yes } else { m.referral.no }.to_string())
            .into_iter()
            .collect(),
        Step::Reasons => {
            let mut lines: Vec<String> = r
                .reasons
                .iter()
                .filter(|id| id.as_str() != OTHER)
                .map(|id| label(&c.reasons, id))
                .collect();
            lines.extend(nonempty(&r.reason_other));
            lines
        }
        Step::Activities => labels(&c.activity_categories, &r.activities),
        Step::Barriers => labels(&c.barriers, &r.barriers),
        Step::Support => r
            .support
            .iter()
            .map(|s| label(&c.support_levels, s))
            .collect(),
        Step::Goals => r.goals.iter().filter_map(|g| nonempty(g)).collect(),
        Step::ReferredBy => r
            .referred_by
            .iter()
            .map(|s| label(&c.referrers, s))
            .collect(),
        Step::Name => nonempty(&r.name).into_iter().collect(),
        Step::Contact => r
            .contact_method
            .and_then(|cm| ContactMethod::ALL.iter().position(|x| *x == cm))
            .map(|i| m.referral.contact_methods[i].to_string())
            .into_iter()
            .collect(),
        Step::ContactDetails => match r.contact_method {
            Some(ContactMethod::Email) => nonempty(&r.email).into_iter().collect(),
            Some(cm) if cm.needs_phone() => nonempty(&r.phone)
                .into_iter()
                .chain(nonempty(&r.best_times))
                .collect(),
            _ => vec![],
        },
        Step::AboutYou => r
            .age_band
            .iter()
            .map(|a| label(&c.age_bands, a))
            .chain(nonempty(&r.postcode_district).map(|p| p.to_uppercase()))
            .collect(),
        Step::Access => nonempty(&r.language)
            .into_iter()
            .chain(nonempty(&r.access_needs))
            .collect(),
        Step::Baseline => match &r.baseline {
            Baseline::NotAsked => vec![],
            Baseline::Skipped => vec![m.referral.baseline_no.to_string()],
            Baseline::Started => vec![m.continue_check_in.to_string()],
            Baseline::Done { .. } => vec![m.referral.baseline_done.to_string()],
        },
        Step::Start | Step::UrgentHelp | Step::Check | Step::Done => vec![],
    }
}

/// Every question of `referral` that applies to it, with its answer, and "Change" links when
/// asked.
#[component]
pub fn ReferralSummary(
    /// The referral.
    referral: Referral,
    /// The service's configuration, for the words of each chosen answer.
    config: ServiceConfig,
    /// Whether each row links to its page to change the answer.
    #[prop(optional)]
    change_links: bool,
) -> impl IntoView {
    let m = use_messages();
    let helped = referral.with_volunteer.then(|| {
        view! { <SummaryRow key=m.modes.help_key>{m.modes.with_volunteer}</SummaryRow> }
    });
    let rows = Step::ALL
        .into_iter()
        .filter(|s| s.is_question() && s.applies(&referral))
        .map(|step| {
            let lines = answers(m, &config, &referral, step);
            let value = if lines.is_empty() {
                view! { <span class="f-hint">{m.referral.not_provided}</span> }.into_any()
            } else if lines.len() == 1 {
                lines.into_iter().collect_view().into_any()
            } else {
                view! { <ul class="f-list">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
            };
            let name = m.referral_key(step);
            let change = change_links.then(|| ChangeLink {
                href: Route::ReferralChange(step).href(),
                id: format!("change-{}", step.slug()),
                hidden: name.to_lowercase(),
            });
            view! { <SummaryRow key=name change>{value}</SummaryRow> }
        })
        .collect_view();
    view! { {rows}{helped} }
}
