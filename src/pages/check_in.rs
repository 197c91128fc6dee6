use leptos::prelude::*;

use crate::components::{
    CareCardView, CheckInSendStatus, HandBack, ListenButton, NotFound, PageHeading, PageTitle,
    SummaryRow, Table, TakeAway, VolunteerNote,
};
use crate::domain::checkin::CheckIn;
use crate::domain::instrument::{Scores, MHC_SF, ONS4, UCLA3};
use crate::domain::progress::care_card_for;
use crate::domain::referral::{Baseline, Step};
use crate::domain::take_away::Carried;
use crate::i18n::{fill, use_messages, Messages, EN};
use crate::router::A;
use crate::routes::{use_record_id, Route};
use crate::speech::Spoken;
use crate::state::{current_setup, use_config, use_records, use_referral};

/// One finished check-in: its result, the three parts, and every answer.
#[component]
pub fn CheckInPage() -> impl IntoView {
    let id = use_record_id();
    let records = use_records();
    move || match records.checkin(&id.get()) {
        Some(checkin) => view! { <CheckInResult checkin/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// "{score} … Scores go from {min} to {max}" and the like: a template with a score and its
/// range filled in.
fn with_range(template: &str, score: &str, min: u32, max: u32) -> String {
    fill(
        template,
        &[
            ("score", score),
            ("total", score),
            ("min", &min.to_string()),
            ("max", &max.to_string()),
        ],
    )
}

/// The loneliness result: the score with its range, what its band suggests, and a next step
/// after a higher score.
fn loneliness_view(m: &'static Messages, total: u32) -> Option<(AnyView, Spoken)> {
    let band = UCLA3.total_band(total)?;
    let (min, max) = UCLA3.total_range()?;
    let meaning = m.loneliness_meaning(band);
    let higher = band >= crate::domain::instrument::BandLevel::High;
    let view = view! {
        <h2 class="f-heading-m">{m.loneliness_title}</h2>
        <p class="f-body-l">{with_range(m.loneliness_score, &total.to_string(), min, max)}</p>
        <p>{meaning}</p>
        {higher.then(|| view! {
            <p>{m.loneliness_next_step}" "
                <A href=Route::Referral(Step::Start).href()>{m.loneliness_next_step_link}</A>
            </p>
        })}
    }
    .into_any();
    Some((
        view,
        Spoken::new(format!("{}. {meaning}", m.loneliness_title), m.lang),
    ))
}

#[component]
fn CheckInResult(checkin: CheckIn) -> impl IntoView {
    let m = use_messages();
    let config = use_config();
    let date = m.date(
        checkin
            .finished_at
            .with_timezone(&chrono::Local)
            .date_naive(),
    );
    let scores = checkin.flourishing();
    let responses = checkin.responses.clone();
    let records = use_records();
    let care = records
        .checkins()
        .with_untracked(|all| care_card_for(all, &checkin.id));
    let next = untrack(|| records.schedule()).next_due();
    let mut spoken = vec![Spoken::new(m.result_title, m.lang)];
    if let Some(c) = scores.as_ref().and_then(|s| s.category) {
        spoken.push(Spoken::new(
            format!("{}. {}", m.category_name(c), m.category_meaning(c)),
            m.lang,
        ));
    }
    let ons4 = checkin.response(ONS4.id).and_then(|r| r.scores()).map(|s| {
        let (min, max) = (
            u32::from(ONS4.min_option_score()),
            u32::from(ONS4.max_option_score()),
        );
        let rows = ONS4
            .items
            .iter()
            .zip(s.items)
            .filter_map(|(item, score)| {
                let band = score.band.map(|b| m.band_name(b)).unwrap_or_default();
                let value = fill(
                    &with_range(m.ons_score, &score.score?.to_string(), min, max),
                    &[("band", band)],
                );
                let name = m.instruments.dimension(ONS4.id, item.dimension);
                Some(view! { <SummaryRow key=name>{value}</SummaryRow> })
            })
            .collect_view();
        view! {
            <h2 class="f-heading-m">{m.ons4_title}</h2>
            <dl class="f-summary-list">{rows}</dl>
            <p>{m.anxiety_lower_is_better}</p>
        }
    });
    let loneliness = checkin
        .response(UCLA3.id)
        .and_then(|r| r.scores())
        .and_then(|s| s.total)
        .and_then(|t| loneliness_view(m, t))
        .map(|(view, said)| {
            spoken.push(said);
            view
        });
    view! {
        <PageTitle text=m.result_title/>
        <span class="f-caption">{fill(m.checked_in_on, &[("date", &date)])}</span>
        <PageHeading text=m.result_title/>
        <ListenButton parts=spoken/>
        {scores.map(|s| view! { <ResultSummary scores=s/> })}
        <CheckInSendStatus checkin_id=checkin.id.clone()/>
        {care.map(|c| view! { <CareCardView reasons=c.reasons/> })}
        {ons4}
        {loneliness}
        <h2 class="f-heading-m">{m.your_answers}</h2>
        {responses.into_iter().filter_map(|r| {
            let instrument = r.instrument()?;
            let wording = config.wording(instrument, m.language);
            let lang = (wording.lang != m.language.code()).then_some(EN.lang);
            let heading = m.instruments.heading(instrument.id);
            let caption = if wording.stem.is_empty() {
                heading.to_owned()
            } else {
                format!("{heading}: {} …", wording.stem)
            };
            let rows = wording.items.iter().enumerate().map(|(i, item)| {
                let answer = r.answers.get(i).copied().flatten()
                    .and_then(|s| instrument.option_index(s))
                    .and_then(|k| wording.options.get(k).cloned());
                let answered = answer.is_some();
                view! {
                    <tr>
                        <td lang=lang>{format!("{}. {item}", i + 1)}</td>
                        <td lang=lang.filter(|_| answered)>{answer.unwrap_or_else(|| m.not_answered.into())}</td>
                    </tr>
                }
            }).collect_view();
            Some(view! {
                {lang.is_some().then(|| view! { <p class="f-inset f-inset--note">{m.untranslated_note}</p> })}
                <Table caption headings=vec![m.question, m.answer]>{rows}</Table>
            })
        }).collect_view()}
        <VolunteerNote shown=checkin.with_volunteer/>
        <BackToReferral checkin_id=checkin.id.clone()/>
        {if current_setup().keeps_on_device() {
            view! {
                <h2 class="f-heading-m">{m.what_next}</h2>
                {next.map(|due| view! { <p>{fill(m.next_check_in_on, &[("date", &m.date(due.date))])}</p> })}
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
            <p><A href=Route::Referral(Step::Check).href() class="f-button">{m.referral.back_to_referral}</A></p>
        }
    })
}

/// The category in kind words, the total with its range and why the two can differ, and the
/// three parts.
#[component]
fn ResultSummary(scores: Scores) -> impl IntoView {
    let m = use_messages();
    let total = scores.total.map(|t| t.to_string()).unwrap_or_default();
    let (min, max) = MHC_SF.total_range().unwrap_or((0, scores.total_max));
    view! {
        <div class="f-panel">
            {match scores.category {
                Some(c) => view! {
                    <h2 class="f-panel__title">{m.category_name(c)}</h2>
                    <p>{m.category_meaning(c)}</p>
                    <p class="f-panel__body">{with_range(m.total_score, &total, min, max)}</p>
                    <p>{m.result_from_how_often}</p>
                }.into_any(),
                None => view! { <p>{m.no_category}</p> }.into_any(),
            }}
        </div>
        <p class="f-inset">{m.not_a_diagnosis}</p>
        <h2 class="f-heading-m">{m.the_three_parts}</h2>
        <dl class="f-summary-list">
            {scores.subscales.iter().enumerate().map(|(i, s)| {
                let value = s.score.map(|v| fill(m.out_of, &[("score", &v.to_string()), ("max", &s.max.to_string())]))
                    .unwrap_or_else(|| m.not_answered.to_string());
                let name = m.instruments.mhc_sf_parts.get(i).copied().unwrap_or_default();
                view! { <SummaryRow key=name>{value}</SummaryRow> }
            }).collect_view()}
        </dl>
    }
}
