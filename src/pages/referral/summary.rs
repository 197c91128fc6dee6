//! The referral's answers as a GOV.UK summary list, for check your answers and the copy the
//! person keeps.

use leptos::prelude::*;
use leptos_router::components::A;

use super::step_path;
use crate::config::ServiceConfig;
use crate::domain::referral::{Baseline, ContactMethod, Referral, Step};
use crate::i18n::{use_messages, Messages};

/// The answers to one step, as lines of text; empty when nothing was given.
fn answers(m: &'static Messages, c: &ServiceConfig, r: &Referral, step: Step) -> Vec<String> {
    let t = &m.referral;
    let labels = |list: &[crate::config::Choice], ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| ServiceConfig::label(list, id).to_string())
            .collect()
    };
    let nonempty = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
    match step {
        Step::Safety => r
            .safety
            .map(|s| if s { t.yes } else { t.no }.to_string())
            .into_iter()
            .collect(),
        Step::Reasons => {
            let mut lines: Vec<String> = r
                .reasons
                .iter()
                .filter(|id| id.as_str() != crate::domain::referral::OTHER)
                .map(|id| ServiceConfig::label(&c.reasons, id).to_string())
                .collect();
            lines.extend(nonempty(&r.reason_other));
            lines
        }
        Step::Activities => labels(&c.activity_categories, &r.activities),
        Step::Barriers => labels(&c.barriers, &r.barriers),
        Step::Support => r
            .support
            .iter()
            .map(|s| ServiceConfig::label(&c.support_levels, s).to_string())
            .collect(),
        Step::Goals => r.goals.iter().filter_map(|g| nonempty(g)).collect(),
        Step::ReferredBy => r
            .referred_by
            .iter()
            .map(|s| ServiceConfig::label(&c.referrers, s).to_string())
            .collect(),
        Step::Name => nonempty(&r.name).into_iter().collect(),
        Step::Contact => r
            .contact_method
            .and_then(|cm| ContactMethod::ALL.iter().position(|x| *x == cm))
            .map(|i| t.contact_methods[i].to_string())
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
            .map(|a| ServiceConfig::label(&c.age_bands, a).to_string())
            .chain(nonempty(&r.postcode_district).map(|p| p.to_uppercase()))
            .collect(),
        Step::Access => nonempty(&r.language)
            .into_iter()
            .chain(nonempty(&r.access_needs))
            .collect(),
        Step::Baseline => match &r.baseline {
            Baseline::NotAsked => vec![],
            Baseline::Skipped => vec![t.baseline_no.to_string()],
            Baseline::Started => vec![m.continue_check_in.to_string()],
            Baseline::Done { .. } => vec![t.baseline_done.to_string()],
        },
        Step::Start | Step::UrgentHelp | Step::Check | Step::Done => vec![],
    }
}

/// The short name of a step's answer.
pub fn key(m: &'static Messages, step: Step) -> &'static str {
    let k = &m.referral.keys;
    match step {
        Step::Safety => k.safety,
        Step::Reasons => k.reasons,
        Step::Activities => k.activities,
        Step::Barriers => k.barriers,
        Step::Support => k.support,
        Step::Goals => k.goals,
        Step::ReferredBy => k.referred_by,
        Step::Name => k.name,
        Step::Contact => k.contact,
        Step::ContactDetails => k.details,
        Step::AboutYou => k.about,
        Step::Access => k.access,
        Step::Baseline => k.baseline,
        _ => "",
    }
}

/// Every answered (or skippable) question of `referral`, with "Change" links when asked.
#[component]
pub fn ReferralSummary(
    referral: Referral,
    config: ServiceConfig,
    #[prop(optional)] change_links: bool,
) -> impl IntoView {
    let m = use_messages();
    Step::ALL
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
            let name = key(m, step);
            view! {
                <div class="f-summary-list__row">
                    <dt class="f-summary-list__key">{name}</dt>
                    <dd class="f-summary-list__value">{value}</dd>
                    {change_links.then(|| view! {
                        <dd class="f-summary-list__actions">
                            <A href=step_path(step, true) attr:id=format!("change-{}", step.slug())>
                                {m.change}<span class="f-visually-hidden">" "{name.to_lowercase()}</span>
                            </A>
                        </dd>
                    })}
                </div>
            }
        })
        .collect_view()
}
