use leptos::prelude::*;

use crate::browser;
use crate::components::{
    AssistedSwitch, CareCardView, DownloadButton, PageHeading, PageTitle, ResultLines,
    SendingSummary, ThingsToTryLink,
};
use crate::domain::checkin::newest_first;
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::ics::{self, CalendarEvent, CalendarOptions};
use crate::domain::mode::Setup;
use crate::domain::progress::latest_care_card;
use crate::domain::referral::{first_unfinished, Step};
use crate::domain::schedule::{DeferralKind, DueDate, PathwayPoint, Status, DEFAULT_SNOOZE_DAYS};
use crate::error::AppError;
use crate::i18n::{fill, use_messages, Messages};
use crate::router::{use_navigate, A};
use crate::routes::Route;
use crate::state::{
    current_setup, use_check_in, use_config, use_records, use_referral, Config, Records,
};

/// Asking for support: start or carry on the referral, and the ones already made.
#[component]
fn ReferralCard() -> impl IntoView {
    let m = use_messages();
    let draft = use_referral().draft();
    let referrals = use_records().referrals();
    let link = move || {
        match draft.get() {
        Some(draft) => {
            // Resume at the first page still to answer, or at check your answers.
            let step = first_unfinished(&draft).unwrap_or(Step::Check);
            view! { <A href=Route::Referral(step).href() class="f-button">{m.referral.carry_on}</A> }
                .into_any()
        }
        None => view! { <A href=Route::Referral(Step::Start).href() class="f-button">{m.referral.start}</A> }
            .into_any(),
    }
    };
    let made = move || {
        referrals
            .get()
            .into_iter()
            .rev()
            .map(|x| {
                let date = x.submitted_at.map(|d| m.date(d.with_timezone(&chrono::Local).date_naive())).unwrap_or_default();
                view! { <li><A href=Route::ReferralView(&x.id).href()>{fill(m.referral.your_referral_of, &[("date", &date)])}</A></li> }
            })
            .collect_view()
    };
    view! {
        <div class="f-card">
            <h2 class="f-heading-m">{m.referral.home_title}</h2>
            <p>{m.referral.home_intro}</p>
            {link}
            <ul class="f-list">{made}</ul>
        </div>
    }
}

/// How many coming check-ins the calendar file holds: about six months at the usual pace.
pub const CALENDAR_EVENTS: usize = 6;

/// The kind words for a due date that is a pathway point, if it is one.
fn pathway_note(m: &Messages, due: DueDate) -> Option<&'static str> {
    due.pathway.map(|p| match p {
        PathwayPoint::TenWeeks => m.pathway_notes[0],
        PathwayPoint::SixMonths => m.pathway_notes[1],
    })
}

/// The calendar reminders for the coming due dates.
pub fn calendar_events(m: &Messages, service: &str, dues: &[DueDate]) -> Vec<CalendarEvent> {
    dues.iter()
        .map(|due| {
            let mut description = fill(m.calendar_description, &[("service", service)]);
            if let Some(note) = pathway_note(m, *due) {
                description = format!("{description}\n{note}");
            }
            CalendarEvent {
                date: due.date,
                summary: fill(m.calendar_summary, &[("service", service)]),
                description,
            }
        })
        .collect()
}

/// Offers the coming check-in dates as an `.ics` file. The UIDs are keyed on the first
/// check-in's id, so downloading again updates the same events rather than adding more.
fn download_calendar(
    records: Records,
    config: Config,
    m: &'static Messages,
) -> Result<(), AppError> {
    let service = config.with(|c| c.service_name.get(m.language).to_owned());
    let dues = untrack(|| records.schedule()).upcoming(CALENDAR_EVENTS);
    let key = records
        .checkins()
        .with_untracked(|all| {
            all.iter()
                .min_by_key(|c| c.finished_at)
                .map(|c| c.id.clone())
        })
        .unwrap_or_default();
    let text = ics::calendar(
        &calendar_events(m, &service, &dues),
        &CalendarOptions {
            uid_key: &key,
            now: browser::now(),
            reminder_hour: Some(10),
        },
    )?;
    browser::download("check-ins.ics", "text/calendar", &text)?;
    Ok(())
}

/// The start: begin or carry on a check-in, when the next one is due, and the last result.
#[component]
pub fn HomePage() -> impl IntoView {
    let m = use_messages();
    let records = use_records();
    let config = use_config();
    let draft = use_check_in().draft();
    let navigate = use_navigate();
    let count = draft
        .with_untracked(|d| d.as_ref().map(|d| d.question_count()))
        .unwrap_or_else(|| {
            use_config()
                .instruments()
                .iter()
                .map(|i| i.items.len())
                .sum()
        });
    let in_progress = move || {
        draft.read().as_ref().map(|d| {
            let total = d.question_count();
            let answered = total - (1..=total).filter(|&n| d.answer(n).is_none()).count();
            let href = Route::CheckIn(CheckInStep::resume(Some(d))).href();
            (answered, total, href)
        })
    };
    let start = move || {
        match in_progress() {
        Some((answered, total, href)) => view! {
            <A href=href class="f-button f-button--start">{m.continue_check_in}</A>
            <p class="f-hint">
                {fill(&m.count(&m.answered_of, total as u64), &[("answered", &answered.to_string())])}
            </p>
        }
        .into_any(),
        None => view! {
            <A href=Route::CheckIn(CheckInStep::FIRST).href() class="f-button f-button--start">{m.start_check_in}</A>
        }
        .into_any(),
    }
    };
    let status = Memo::new(move |_| {
        let deferral = records.deferral().get();
        records
            .schedule()
            .status(browser::today(), deferral.as_ref())
    });

    // Where the person is in the schedule, said before the start button.
    let due_notice = move || match status.get() {
        Status::NotStarted => ().into_any(),
        Status::Upcoming { due, .. } => view! {
            <div class="f-inset" id="schedule-status" tabindex="-1">
                <p>{fill(m.next_check_in_on, &[("date", &m.date(due.date))])}</p>
                {pathway_note(m, due).map(|n| view! { <p>{n}</p> })}
            </div>
        }
        .into_any(),
        Status::DueNow { due, .. } => view! {
            <div class="f-card f-card--due" id="schedule-status" tabindex="-1">
                <h2 class="f-heading-m">{m.due_now_title}</h2>
                <p>{m.due_now_body}</p>
                {pathway_note(m, due).map(|n| view! { <p>{n}</p> })}
            </div>
        }
        .into_any(),
        Status::Deferred { deferral, .. } => {
            let words = match deferral.kind {
                DeferralKind::Snoozed => m.snoozed_until,
                DeferralKind::NotNow => m.not_now_until,
            };
            view! {
                <div class="f-inset" id="schedule-status" tabindex="-1">
                    <p>{fill(words, &[("date", &m.date(deferral.until))])}</p>
                    <p>{m.you_can_still}</p>
                </div>
            }
            .into_any()
        }
    };
    let snooze = move |_| {
        let today = browser::today();
        if let Ok(d) = untrack(|| records.schedule()).snooze(today, DEFAULT_SNOOZE_DAYS) {
            if records.defer(d).is_ok() {
                // Say what happened: focus moves to the new words about the schedule.
                browser::focus_soon("#schedule-status".into());
            }
        }
    };
    let not_now = move |_| {
        let today = browser::today();
        if let Ok(d) = untrack(|| records.schedule()).not_now(today) {
            if records.defer(d).is_ok() {
                navigate(&Route::NotNow.href(), Default::default());
            }
        }
    };
    let due_actions = move || {
        matches!(status.get(), Status::DueNow { .. }).then(|| {
            view! {
                <div class="f-button-group">
                    <button type="button" class="f-button f-button--secondary" on:click=snooze>
                        {m.count(&m.snooze, u64::from(DEFAULT_SNOOZE_DAYS))}
                    </button>
                    <button type="button" class="f-button f-button--secondary" on:click=not_now.clone()>
                        {m.not_now}
                    </button>
                </div>
            }
        })
    };
    let calendar = move || {
        (status.get() != Status::NotStarted).then(|| {
            view! {
                <div class="f-calendar">
                    <DownloadButton label=m.add_to_calendar id="add-to-calendar" described_by="calendar-hint"
                        download=Callback::new(move |()| download_calendar(records, config, m))/>
                    <p class="f-hint" id="calendar-hint">
                        {m.count(&m.calendar_hint, CALENDAR_EVENTS as u64)}
                    </p>
                </div>
            }
        })
    };
    let last = move || {
        let all = records.checkins().get();
        let care = latest_care_card(&all);
        let last = newest_first(&all).first().map(|c| (*c).clone());
        match last {
            None => view! { <p>{m.no_check_ins_yet}</p> }.into_any(),
            Some(c) => {
                let date = m.date(c.finished_at.with_timezone(&chrono::Local).date_naive());
                // The MHC-SF's result and total can point different ways: say why.
                let how = c
                    .flourishing()
                    .is_some_and(|s| s.category.is_some())
                    .then(|| view! { <p class="f-hint">{m.result_from_how_often}</p> });
                let id = c.id.clone();
                view! {
                    <div class="f-card">
                        <h2 class="f-heading-m">{m.last_result}</h2>
                        <p>{fill(m.last_checked_in_on, &[("date", &date)])}</p>
                        <ResultLines checkin=c/>
                        {how}
                        <p><A href=Route::CheckInResult(&id).href()>{m.view_last_result}</A></p>
                    </div>
                    {care.map(|card| view! { <CareCardView reasons=card.reasons/> })}
                    <p><A href=Route::Progress.href()>{m.see_progress}</A></p>
                    <p><A href=Route::History.href()>{m.see_past_check_ins}</A></p>
                }
                .into_any()
            }
        }
    };
    view! {
        <PageTitle text=m.home_title/>
        <PageHeading text=m.home_title class="f-heading-xl"/>
        <p class="f-body-l">{m.count(&m.home_intro, count as u64)}</p>
        <SendingSummary/>
        {due_notice}
        {start}
        {due_actions}
        {calendar}
        {last}
        <ThingsToTryLink/>
        <ReferralCard/>
        {(current_setup() == Setup::Personal).then(|| view! { <AssistedSwitch/> })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;
    use chrono::NaiveDate;

    #[test]
    fn calendar_events_name_the_service_and_mark_pathway_points() {
        let d = |m, day| NaiveDate::from_ymd_opt(2026, m, day).unwrap_or_default();
        let dues = [
            DueDate {
                date: d(3, 1),
                pathway: None,
            },
            DueDate {
                date: d(3, 15),
                pathway: Some(PathwayPoint::TenWeeks),
            },
        ];
        let events = calendar_events(&EN, "Town Link", &dues);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].summary, "Town Link check-in");
        assert!(events[0].description.contains("Open Town Link"));
        assert!(events[1].description.ends_with(EN.pathway_notes[0]));
    }
}
