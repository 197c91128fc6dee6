//! "Things to try near you" (`/things-to-try`): the service's activity directory, with what
//! the person said they might like first and what their answers ask for next (said in plain
//! words), filters they can put on, and "I went" on each activity.
//!
//! The directory is fetched the first time this page opens, never at start-up. A large one
//! stays quick: the order is worked out once per choice of filters, and only the first
//! [`PAGE`] activities are drawn until the person asks for more.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser;
use crate::components::{ActivityCard, ActivityFilters, PageHeading, PageTitle};
use crate::config::Choice;
use crate::domain::directory::{
    find, latest_visit, Directory, DirectoryError, Filters, Match, Query, RecordProblem, Skipped,
    Visit,
};
use crate::i18n::{fill, use_messages, Messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::{use_config, use_things_to_try, DirectoryFailure, DirectoryLoad};
use crate::sync::NetError;

/// How many activities are drawn at first, and added by each "Show more".
pub const PAGE: usize = 20;

/// Why the directory could not be used, in words for the service (shown under "Details").
pub fn failure_words(m: &Messages, failure: &DirectoryFailure) -> String {
    let d = &m.directory;
    match failure {
        DirectoryFailure::Fetch(NetError::NotFound) => d.not_found.into(),
        DirectoryFailure::Fetch(NetError::Status(status)) => {
            fill(d.server_error, &[("status", &status.to_string())])
        }
        DirectoryFailure::Fetch(NetError::Unreachable(why)) => fill(d.unreachable, &[("why", why)]),
        DirectoryFailure::Fetch(NetError::TimedOut) => d.timed_out.into(),
        DirectoryFailure::Read(DirectoryError::NotJson { line, column }) => fill(
            d.not_json,
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        DirectoryFailure::Read(DirectoryError::NotAList) => d.not_a_list.into(),
    }
}

/// One skipped record, in words for the service: its place in the file, its id, and why.
pub fn skipped_words(m: &Messages, s: &Skipped) -> String {
    let d = &m.directory;
    let why = d.record_problems[match s.problem {
        RecordProblem::NotAnObject => 0,
        RecordProblem::Unreadable => 1,
        RecordProblem::NoId => 2,
        RecordProblem::NoName => 3,
        RecordProblem::RepeatedId => 4,
    }];
    let id =
        s.id.as_ref()
            .map(|id| format!(" ({id})"))
            .unwrap_or_default();
    fill(
        d.skipped_record,
        &[("number", &s.number.to_string()), ("id", &id), ("why", why)],
    )
}

/// The person's own words for an answer id from their referral (a barrier, a support level
/// or a reason), from the service's lists.
fn answer_label(m: &Messages, lists: &[&[Choice]], id: &str) -> String {
    lists
        .iter()
        .find_map(|list| list.iter().find(|c| c.id == id))
        .map_or_else(|| id.to_owned(), |c| c.label.get(m.language).to_owned())
}

/// What comes first and why, one line each: "Near you, because you said: Getting there".
pub fn ordering_lines(m: &Messages, query: &Query, lists: &[&[Choice]]) -> Vec<String> {
    use crate::components::badge_words;
    query
        .ordering()
        .into_iter()
        .map(|(badge, because)| {
            let what = badge_words(m, badge);
            match because {
                None => what.to_owned(),
                Some(id) => fill(
                    m.directory.because,
                    &[("what", what), ("answer", &answer_label(m, lists, id))],
                ),
            }
        })
        .collect()
}

/// The page.
#[component]
pub fn ThingsToTryPage() -> impl IntoView {
    let m = use_messages();
    let d = &m.directory;
    let things = use_things_to_try();
    things.fetch();
    let service = use_config().with(|c| c.service_name.get(m.language).to_owned());
    let body = move || match things.directory() {
        DirectoryLoad::NotConfigured => view! { <p>{d.not_configured}</p> }.into_any(),
        DirectoryLoad::Loading => {
            view! { <p class="f-hint" role="status">{d.loading}</p> }.into_any()
        }
        DirectoryLoad::Failed(failure) => view! {
            <div class="f-inset f-inset--warning" id="directory-problem">
                <p>{d.broken}</p>
                <details class="f-details">
                    <summary class="f-details__summary">{d.details}</summary>
                    <p>{failure_words(m, &failure)}</p>
                </details>
            </div>
        }
        .into_any(),
        DirectoryLoad::Ready(directory) => view! { <Listing directory/> }.into_any(),
    };
    view! {
        <PageTitle text=d.title/>
        <PageHeading text=d.title/>
        {things.configured().then(|| view! { <p>{fill(d.intro, &[("service", &service)])}</p> })}
        {body}
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}

/// What the file could not give: records skipped, and a list that says it is only part.
fn problems(m: &'static Messages, directory: &Directory) -> impl IntoView {
    let d = &m.directory;
    let skipped = (!directory.skipped.is_empty()).then(|| {
        let lines = directory
            .skipped
            .iter()
            .map(|s| view! { <li>{skipped_words(m, s)}</li> })
            .collect_view();
        view! {
            <div class="f-inset" id="directory-skipped">
                <p>{m.count(&d.skipped, directory.skipped.len() as u64)}</p>
                <details class="f-details">
                    <summary class="f-details__summary">{d.details}</summary>
                    <ul class="f-list">{lines}</ul>
                </details>
            </div>
        }
    });
    let incomplete = directory
        .is_incomplete()
        .then(|| view! { <p class="f-inset" id="directory-incomplete">{d.incomplete}</p> });
    (skipped, incomplete)
}

/// The directory, ordered for the person, with its filters.
#[component]
fn Listing(directory: Arc<Directory>) -> impl IntoView {
    let m = use_messages();
    let d = &m.directory;
    let things = use_things_to_try();
    let (categories, barriers, supports, reasons, map_links) = use_config().with(|c| {
        (
            c.activity_categories.clone(),
            c.barriers.clone(),
            c.support_levels.clone(),
            c.reasons.clone(),
            c.directory_map_links,
        )
    });
    let base = things.query();
    let today = base.today.unwrap_or_else(browser::today);
    let first = ordering_lines(m, &base, &[&barriers, &supports, &reasons]);
    let shown_first = (!first.is_empty()).then(|| {
        let items = first
            .into_iter()
            .map(|l| view! { <li>{l}</li> })
            .collect_view();
        view! {
            <div class="f-inset" id="shown-first">
                <p class="f-shown-first__lead">{d.shown_first}</p>
                <ul class="f-list f-list--bullet">{items}</ul>
            </div>
        }
    });
    let found = {
        let (directory, base) = (directory.clone(), base.clone());
        Memo::new(move |_| {
            let query = Query {
                filters: things.filters(),
                ..base.clone()
            };
            find(&directory, &query)
        })
    };
    let shown = RwSignal::new(PAGE);
    let apply = Callback::new(move |filters: Filters| {
        shown.set(PAGE);
        things.set_filters(filters);
    });
    let everything = directory.activities.len();
    let status = move || match found.with(Vec::len) {
        0 if everything == 0 => d.empty.to_owned(),
        0 => d.nothing_matches.to_owned(),
        n => m.count(&d.count, n as u64),
    };
    let visible =
        move || found.with(|f| f.iter().take(shown.get()).cloned().collect::<Vec<Match>>());
    let visits = things.visits();
    let card = {
        let directory = directory.clone();
        move |item: Match| {
            let activity = directory.activities[item.index].clone();
            let (id, name) = (activity.id.clone(), activity.name.clone());
            let went = {
                let id = id.clone();
                Signal::derive(move || visits.with(|v| latest_visit(v, &id).cloned()))
            };
            let on_went = Callback::new(move |()| things.went(&id, &name));
            let on_undo = Callback::new(move |v: Visit| things.undo(&v));
            view! {
                <ActivityCard index=item.index activity badges=item.badges map_links today
                    went on_went on_undo/>
            }
        }
    };
    let more = move || {
        let (total, now) = (found.with(Vec::len), shown.get());
        (total > now).then(|| {
            let next = (total - now).min(PAGE) as u64;
            let show_more = move |_| {
                let first_new = found.with_untracked(|f| f.get(now).map(|x| x.index));
                shown.set(now + PAGE);
                // Keyboard and screen reader users carry on from the first new activity.
                if let Some(i) = first_new {
                    browser::focus_soon(format!("#activity-{i} h2"));
                }
            };
            view! {
                <button type="button" class="f-button f-button--secondary" id="show-more" on:click=show_more>
                    {m.count(&d.show_more, next)}
                </button>
            }
        })
    };
    let initial = untrack(|| things.filters());
    view! {
        {problems(m, &directory)}
        {shown_first}
        <ActivityFilters initial district=base.district.clone() categories on_apply=apply/>
        <p class="f-heading-s f-activity-count" role="status" id="activity-count">{status}</p>
        <ul class="f-activity-list" id="activities">
            <For each=visible key=|x: &Match| x.index children=card/>
        </ul>
        {more}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ServiceConfig;
    use crate::domain::referral::Referral;
    use crate::i18n::EN;

    #[test]
    fn the_reasons_for_the_order_are_said_in_the_persons_own_answers() {
        let config = ServiceConfig::default();
        let referral = Referral {
            activities: vec!["social".into()],
            barriers: vec!["getting-there".into()],
            postcode_district: "WX1".into(),
            ..Referral::default()
        };
        let query = Query::for_referral(&referral, &["social", "physical"]);
        let lines = ordering_lines(
            &EN,
            &query,
            &[&config.barriers, &config.support_levels, &config.reasons],
        );
        assert_eq!(
            lines,
            [
                "Things you said you might like",
                "Near you, because you said: Getting there",
                "Free, because you said: Getting there",
                "Step-free, because you said: Getting there",
            ]
        );
        assert!(ordering_lines(&EN, &Query::default(), &[]).is_empty());
    }

    #[test]
    fn a_broken_file_and_skipped_records_are_put_plainly_for_the_service() {
        assert_eq!(
            failure_words(
                &EN,
                &DirectoryFailure::Read(DirectoryError::NotJson { line: 3, column: 7 })
            ),
            "The file is not JSON (line 3, column 7)."
        );
        assert_eq!(
            failure_words(&EN, &DirectoryFailure::Fetch(NetError::NotFound)),
            "The file of activities was not found."
        );
        let skipped = Skipped {
            number: 4,
            id: Some("walk-1".into()),
            problem: RecordProblem::RepeatedId,
        };
        assert_eq!(
            skipped_words(&EN, &skipped),
            "Record 4 (walk-1): an earlier record has the same id"
        );
        let no_id = Skipped {
            id: None,
            problem: RecordProblem::NoId,
            ..skipped
        };
        assert_eq!(skipped_words(&EN, &no_id), "Record 4: it has no id");
        assert_eq!(
            EN.count(&EN.directory.skipped, 1),
            "1 activity could not be shown."
        );
        assert_eq!(EN.count(&EN.directory.count, 18), "18 activities");
    }
}
