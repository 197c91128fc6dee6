use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::domain::checkin::newest_first;
use crate::domain::referral::{first_unfinished, Step};
use crate::i18n::{fill, use_messages};
use crate::pages::question::question_path;
use crate::pages::referral::step_path;
use crate::state::use_app;

/// Asking for support: start or carry on the referral, and the ones already made.
#[component]
fn ReferralCard() -> impl IntoView {
    let m = use_messages();
    let r = &m.referral;
    let app = use_app();
    let link = move || match app.referral.get() {
        Some(draft) => {
            // Resume at the first page still to answer, or at check your answers.
            let step = first_unfinished(&draft).unwrap_or(Step::Check);
            view! { <A href=step_path(step, false) attr:class="f-button">{r.carry_on}</A> }
                .into_any()
        }
        None => view! { <A href=step_path(Step::Start, false) attr:class="f-button">{r.start}</A> }
            .into_any(),
    };
    let made = move || {
        app.referrals
            .get()
            .into_iter()
            .rev()
            .map(|x| {
                let date = x.submitted_at.map(|d| m.date(d.with_timezone(&chrono::Local).date_naive())).unwrap_or_default();
                view! { <li><A href=format!("/referrals/{}", x.id)>{fill(r.your_referral_of, &[("date", &date)])}</A></li> }
            })
            .collect_view()
    };
    view! {
        <div class="f-card">
            <h2 class="f-heading-m">{r.home_title}</h2>
            <p>{r.home_intro}</p>
            {link}
            <ul class="f-list">{made}</ul>
        </div>
    }
}

/// The start: begin or carry on a check-in, and the last result.
#[component]
pub fn HomePage() -> impl IntoView {
    let m = use_messages();
    let app = use_app();
    let in_progress = move || {
        app.draft.read().as_ref().map(|d| {
            let total = d.question_count();
            let answered = total - (1..=total).filter(|&n| d.answer(n).is_none()).count();
            let href = d
                .first_unanswered()
                .map(question_path)
                .unwrap_or_else(|| "/check-in/check".into());
            (answered, total, href)
        })
    };
    let start = move || {
        match in_progress() {
        Some((answered, total, href)) => view! {
            <A href=href attr:class="f-button f-button--start">{m.continue_check_in}</A>
            <p class="f-hint">
                {fill(m.answered_of, &[("answered", &answered.to_string()), ("total", &total.to_string())])}
            </p>
        }
        .into_any(),
        None => view! {
            <A href=question_path(1) attr:class="f-button f-button--start">{m.start_check_in}</A>
        }
        .into_any(),
    }
    };
    let last = move || {
        let all = app.checkins.get();
        let last = newest_first(&all).first().map(|c| (*c).clone());
        match last {
            None => view! { <p>{m.no_check_ins_yet}</p> }.into_any(),
            Some(c) => {
                let date = m.date(c.finished_at.with_timezone(&chrono::Local).date_naive());
                let scores = c.flourishing();
                let summary = scores.as_ref().map(|s| {
                    let total = s.total.map(|t| t.to_string()).unwrap_or_default();
                    let category = s
                        .category
                        .map(|k| m.category_name(k))
                        .unwrap_or(m.no_category);
                    format!(
                        "{} {category}.",
                        fill(
                            m.you_scored,
                            &[("total", &total), ("max", &s.total_max.to_string())]
                        )
                    )
                });
                view! {
                    <div class="f-card">
                        <h2 class="f-heading-m">{m.last_result}</h2>
                        <p>{fill(m.last_checked_in_on, &[("date", &date)])}</p>
                        <p>{summary}</p>
                        <p><A href=format!("/check-ins/{}", c.id)>{m.view_last_result}</A></p>
                    </div>
                    <p><A href="/check-ins">{m.see_past_check_ins}</A></p>
                }
                .into_any()
            }
        }
    };
    view! {
        <PageTitle text=m.home_title/>
        <h1 class="f-heading-xl" tabindex="-1">{m.home_title}</h1>
        <p class="f-body-l">{m.home_intro}</p>
        {start}
        {last}
        <ReferralCard/>
    }
}
