//! The check-in's later pages got ready before the person opens them: built once, off the
//! page, in idle time, and thrown away ([`crate::lazy::rehearse`]). The browser compiles a
//! page's code only as it first runs, so the first opening of a page in a page load waited
//! for that compiling; getting it ready pays for it while the person is reading. Nothing is
//! shown, kept or sent by it.

use std::sync::atomic::{AtomicU8, Ordering};

use leptos::prelude::*;
use leptos::tachys::view::Render;

use crate::browser;
use crate::lazy::rehearse;
use crate::pages::{question_view, ActivitiesPage, CheckAnswersPage, GoalsPage, JourneyStepPage};
use crate::router::use_location;
use crate::state::CheckInSession;

/// Gets the rest of the check-in ready while the person is on its questions (the app asks
/// when a question page opens, [`crate::app`], in that page's owner; `here` goes with the
/// page): one part on each question, in the idle time after it is painted, while the person
/// reads it, so that a tap waits behind one part at most. First the change from one question
/// to the next, then, once the check-in has begun, each page after the questions, which show
/// it. Each part once a page load.
///
/// Measured at 4x CPU in a newly started browser, tap to paint: the first change of question
/// took 37-50 ms against 25-35 for the others, and the pages after the questions 41-48 ms
/// against 29-39 when opened again in the same page load; got ready, the medians of ten
/// browsers were 35 ms for the first change and 35-39 ms for the pages after.
pub fn get_check_in_ready(here: StoredValue<()>) {
    let (Some(owner), Some(check_in)) = (Owner::current(), use_context::<CheckInSession>()) else {
        return;
    };
    let address = use_location().pathname;
    Effect::new(move |_| {
        address.track();
        leptos::task::spawn_local(next_part(owner.clone(), here, check_in));
    });
}

/// Something built ahead.
struct Part {
    /// Its name in the browser's performance timeline, after `flourish:ready:`.
    name: &'static str,
    build: fn(),
    /// Whether it shows the check-in in progress, and so waits until it has begun.
    shows_check_in: bool,
}

impl Part {
    /// A page after the questions: it shows the check-in in progress.
    const fn page(name: &'static str, build: fn()) -> Self {
        Self {
            name,
            build,
            shows_check_in: true,
        }
    }
}

const PARTS: [Part; 5] = [
    Part {
        name: "next-question",
        build: next_question,
        shows_check_in: false,
    },
    Part::page("activities", || drop(view! { <ActivitiesPage/> }.build())),
    Part::page("goals", || drop(view! { <GoalsPage/> }.build())),
    Part::page("step", || drop(view! { <JourneyStepPage/> }.build())),
    Part::page("check", || drop(view! { <CheckAnswersPage/> }.build())),
];

/// The parts rehearsed in this page load, a bit each in the order of [`PARTS`]: their code is
/// compiled from then on.
static REHEARSED: AtomicU8 = AtomicU8::new(0);

/// Rehearses the first part not yet rehearsed that can be, once the page is painted and the
/// browser idle, if the page is still shown; marks it in the performance timeline, where a
/// profile (and the end-to-end tests) can see it.
async fn next_part(owner: Owner, here: StoredValue<()>, check_in: CheckInSession) {
    browser::after_paint().await;
    browser::when_idle().await;
    if here.try_get_value().is_none() {
        return;
    }
    let begun = check_in
        .draft()
        .try_with_untracked(Option::is_some)
        .unwrap_or(false);
    let done = REHEARSED.load(Ordering::Relaxed);
    let Some((bit, part)) = PARTS
        .iter()
        .enumerate()
        .map(|(i, p)| (1 << i, p))
        .find(|(bit, p)| done & bit == 0 && (begun || !p.shows_check_in))
    else {
        return;
    };
    owner.with(|| rehearse(part.build));
    REHEARSED.fetch_or(bit, Ordering::Relaxed);
    browser::mark(&format!("flourish:ready:{}", part.name));
}

/// The first question, then the second in its place, as Continue does: the page is kept and
/// its words and answers change.
fn next_question() {
    let two = use_context::<CheckInSession>().is_some_and(|c| c.plan().question(2).is_some());
    if !two {
        return;
    }
    let mut shown = question_view(1, false).build();
    question_view(2, false).rebuild(&mut shown);
}
