use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::{
    CareCardView, CheckInSendStatus, HandBack, NotFound, PageHeading, PageTitle, SummaryRow, Table,
    TakeAway, VolunteerNote,
};
use crate::domain::checkin::CheckIn;
use crate::domain::instrument::{Scores, MHC_SF, ONS4, UCLA3};
use crate::domain::progress::care_card_for;
use crate::domain::referral::{Baseline, Step};
use crate::domain::take_away::Carried;
use crate::i18n::{fill, use_messages};
use crate::routes::Route;
use crate::state::{current_setup, use_records, use_referral};

/// One finished check-in: its result, the three parts, and every answer.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let params = use_params_map();
    let records = use_records();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        match records.checkin(&id) {
            Some(checkin) => view! { <CheckInResult checkin/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn CheckInResult(checkin: CheckIn) -> impl IntoView {
    let m = use_messages();
    let date = m.date(
        checkin
            .finished_at
            .with_timezone(&chrono::Local)
            .date_naive(),
    );
    let scores = checkin.flourishing();
    let responses = checkin.responses.clone();
    let care = use_records()
        .checkins()
        .with_untracked(|all| care_card_for(all, &checkin.id));
    let ons4 = checkin.response(ONS4.id).and_then(|r| r.scores()).map(|s| {
        let rows = ONS4
            .items
            .iter()
            .zip(s.items)
            .filter_map(|(item, score)| {
                let value = fill(
                    m.ons_score,
                    &[
                        ("score", &score.score?.to_string()),
                        (
                            "band",
                            score.band.map(|b| m.band_name(b)).unwrap_or_default(),
                        ),
                    ],
                );
                let name = ONS4
                    .dimensions
                    .get(item.dimension)
                    .map_or(item.id, |d| d.name);
                Some(view! { <SummaryRow key=name>{value}</SummaryRow> })
            })
            .collect_view();
        view! {
            <h2 class="f-heading-m">{m.ons4_title}</h2>
            <dl class="f-summary-list">{rows}</dl>
        }
    });
    let loneliness = checkin
        .response(UCLA3.id)
        .and_then(|r| r.scores())
        .and_then(|s| s.total.map(|t| (t, s.total_max)))
        .map(|(total, max)| {
            view! {
                <h2 class="f-heading-m">{m.loneliness_title}</h2>
                <p class="f-body-l">{fill(m.out_of, &[("score", &total.to_string()), ("max", &max.to_string())])}</p>
                <p>{m.loneliness_meaning(total)}</p>
            }
        });
    view! {
        <PageTitle text=m.result_title/>
        <span class="f-caption">{fill(m.checked_in_on, &[("date", &date)])}</span>
        <PageHeading text=m.result_title/>
        {scores.map(|s| view! { <ResultSummary scores=s/> })}
        <CheckInSendStatus checkin_id=checkin.id.clone()/>
        {care.map(|c| view! { <CareCardView reasons=c.reasons/> })}
        {ons4}
        {loneliness}
        <h2 class="f-heading-m">{m.your_answers}</h2>
        {responses.into_iter().filter_map(|r| {
            let instrument = r.instrument()?;
            let caption = if instrument.stem.is_empty() {
                instrument.name.to_string()
            } else {
                format!("{} …", instrument.stem)
            };
            let rows = instrument.items.iter().enumerate().map(|(i, item)| {
                let answer = r.answers.get(i).copied().flatten()
                    .and_then(|s| instrument.option_for(s))
                    .map(|o| o.label)
                    .unwrap_or(m.not_answered);
                view! { <tr><td>{format!("{}. {}", i + 1, item.text)}</td><td>{answer}</td></tr> }
            }).collect_view();
            Some(view! { <Table caption headings=vec![m.question, m.answer]>{rows}</Table> })
        }).collect_view()}
        <VolunteerNote shown=checkin.with_volunteer/>
        <BackToReferral checkin_id=checkin.id.clone()/>
        {if current_setup().keeps_on_device() {
            view! {
                <h2 class="f-heading-m">{m.what_next}</h2>
                <p>{m.what_next_body}</p>
                <p><A href=Route::Progress.href()>{m.see_progress}</A></p>
                <p><A href=Route::History.href()>{m.see_past_check_ins}</A></p>
                <p><A href=Route::Home.href()>{m.go_home}</A></p>
            }
            .into_any()
        } else {
            view! { <TakeAwayCheckIn checkin/> }.into_any()
        }}
    }
}

/// On a shared device, a check-in done on its own leaves with the person (a referral's first
/// check-in leaves with the referral instead), then the device is handed back.
#[component]
fn TakeAwayCheckIn(checkin: CheckIn) -> impl IntoView {
    let done = Baseline::Done {
        checkin_id: checkin.id.clone(),
    };
    let for_referral = use_referral()
        .draft()
        .with_untracked(|r| r.as_ref().is_some_and(|r| r.baseline == done));
    (!for_referral).then(|| {
        let carried = Carried {
            referral: None,
            checkins: vec![checkin],
        };
        view! {
            <TakeAway carried/>
            <HandBack/>
        }
    })
}

/// After the first check-in taken within the referral journey: the way back to it.
#[component]
fn BackToReferral(checkin_id: String) -> impl IntoView {
    let m = use_messages();
    let linked = use_referral().draft().with_untracked(|r| {
        r.as_ref().is_some_and(|r| {
            r.baseline
                == Baseline::Done {
                    checkin_id: checkin_id.clone(),
                }
        })
    });
    linked.then(|| {
        view! {
            <p><A href=Route::Referral(Step::Check).href() attr:class="f-button">{m.referral.back_to_referral}</A></p>
        }
    })
}

/// The total, the category in kind words, and the three subscales.
#[component]
fn ResultSummary(scores: Scores) -> impl IntoView {
    let m = use_messages();
    let total = scores.total.map(|t| t.to_string()).unwrap_or_default();
    let names = |id: &str| {
        MHC_SF
            .subscales
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name)
            .unwrap_or_default()
    };
    view! {
        <div class="f-panel">
            {match scores.category {
                Some(c) => view! {
                    <h2 class="f-panel__title">{m.category_name(c)}</h2>
                    <p class="f-panel__body">{fill(m.you_scored, &[("total", &total), ("max", &scores.total_max.to_string())])}</p>
                    <p>{m.category_meaning(c)}</p>
                }.into_any(),
                None => view! { <p>{m.no_category}</p> }.into_any(),
            }}
        </div>
        <p class="f-inset">{m.not_a_diagnosis}</p>
        <h2 class="f-heading-m">{m.the_three_parts}</h2>
        <dl class="f-summary-list">
            {scores.subscales.iter().map(|s| {
                let value = s.score.map(|v| fill(m.out_of, &[("score", &v.to_string()), ("max", &s.max.to_string())]))
                    .unwrap_or_else(|| m.not_answered.to_string());
                view! { <SummaryRow key=names(s.id)>{value}</SummaryRow> }
            }).collect_view()}
        </dl>
    }
}
