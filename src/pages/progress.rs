//! "Your progress" (SPEC.md 3.3): the well-being score over time as a chart with a table
//! beside it, the three parts, each of the 13 dimensions' change in words and numbers, ONS4
//! and loneliness when asked, goals, journey steps and activities; and a kind care card when
//! the latest result calls for one.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::Render;

use crate::browser;
use crate::components::{
    row_focus, show_all_button, AfterPaint, CareCardView, PageHeading, PageTitle, Table,
};
use crate::config::ServiceConfig;
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::directory::{count_visits, VisitCount};
use crate::domain::instrument::{Category, MHC_SF, ONS4, UCLA3};
use crate::domain::progress::{
    self, Change, Changes, Direction, Series, Showing, TickUnit, ViewBox,
};
use crate::i18n::{self, fill, use_messages, Messages, ShownLanguage};
use crate::lazy::rehearse;
use crate::router::A;
use crate::routes::Route;
use crate::state::{use_config, use_records, use_things_to_try, Records, ThingsToTry};

/// A change in a score, in words with the number: "Up 3 since last time".
pub fn score_change(words: [&'static str; 3], change: Change) -> String {
    let n = change.delta.unsigned_abs().to_string();
    match change.direction {
        Direction::Up => fill(words[0], &[("n", &n)]),
        Direction::Down => fill(words[1], &[("n", &n)]),
        Direction::Same => words[2].to_string(),
    }
}

/// A change in how often something was felt, in words with the number:
/// "More often than last time (+2)".
pub fn often_change(words: [&'static str; 3], change: Change) -> String {
    let i = match change.direction {
        Direction::Up => 0,
        Direction::Down => 1,
        Direction::Same => 2,
    };
    let n = change.delta.unsigned_abs();
    let signed = match change.direction {
        Direction::Up => format!("+{n}"),
        // A true minus sign, which screen readers say as "minus".
        Direction::Down => format!("\u{2212}{n}"),
        Direction::Same => "0".into(),
    };
    format!("{} ({signed})", words[i])
}

/// One row of a "now, since first, since last" table.
struct ChangeRow {
    name: String,
    now: String,
    since_first: Option<String>,
    since_last: Option<String>,
}

/// "{score} out of {max}".
fn out_of(m: &Messages, score: u32, max: u32) -> String {
    fill(
        m.out_of,
        &[("score", &score.to_string()), ("max", &max.to_string())],
    )
}

impl ChangeRow {
    /// A series' latest point in words, by `now`, and its changes in words, under `name`.
    fn latest(
        m: &Messages,
        name: &str,
        s: &Series,
        now: impl Fn(&progress::Point) -> String,
    ) -> Self {
        Self::scores(m, name, s.latest().map(now).unwrap_or_default(), s.changes)
    }

    fn scores(m: &Messages, name: &str, now: String, changes: Changes) -> Self {
        Self {
            name: name.to_owned(),
            now,
            since_first: changes
                .since_first
                .map(|c| score_change(m.score_since_first, c)),
            since_last: changes
                .since_last
                .map(|c| score_change(m.score_since_last, c)),
        }
    }
}

/// A table of rows with their latest value and changes; without the change columns (and
/// with a line saying why) when there is only one check-in to go on.
fn change_table(
    m: &'static Messages,
    id: &'static str,
    caption: &str,
    rows: Vec<ChangeRow>,
) -> AnyView {
    let compare = rows.iter().any(|r| r.since_first.is_some());
    let mut headings = vec![m.part, m.now];
    if compare {
        headings.extend([m.since_first, m.since_last]);
    }
    let body = rows
        .into_iter()
        .map(|r| {
            view! {
                <tr>
                    <th scope="row">{r.name}</th>
                    <td>{r.now}</td>
                    {compare.then(|| view! {
                        <td>{r.since_first.unwrap_or_default()}</td>
                        <td>{r.since_last.unwrap_or_default()}</td>
                    })}
                </tr>
            }
        })
        .collect_view();
    view! {
        {(!compare).then(|| view! { <p>{m.first_only}</p> })}
        <Table id=id class="f-table--changes" caption=caption caption_hidden=true headings>{body}</Table>
    }
    .into_any()
}

/// The progress page: `/progress`.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let m = use_messages();
    let found = Found::now(use_records(), use_things_to_try());
    view! {
        <PageTitle text=m.progress_title/>
        <PageHeading text=m.progress_title/>
        {match found {
            Some(found) => progress(m, found),
            None => view! {
                <p>{m.progress_none}</p>
                <p><A href=Route::CheckIn(CheckInStep::FIRST).href() class="f-button">{m.start_check_in}</A></p>
            }.into_any(),
        }}
        <p><A href=Route::History.href()>{m.see_past_check_ins}</A></p>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}

/// One row of a table of what happened on which date.
#[derive(Debug, Clone)]
struct DatedRow {
    date: chrono::NaiveDate,
    /// A short line above the words ("Step 3 of 5").
    caption: Option<String>,
    words: String,
}

/// Everything the page shows, worked out once from the check-ins.
struct Found {
    /// Kept with the check-ins until they change ([`crate::state::Records::progress`]).
    overview: Arc<progress::Overview>,
    /// Visits to the service's activities, those kept by check-ins and those still waiting.
    visits: Vec<VisitCount>,
}

impl Found {
    /// What the page shows of the person's records now; `None` when there are no check-ins,
    /// or once this person's state is gone. Worked out where the check-ins are kept (years of
    /// them are not copied to be looked at), and the overview only if they changed since it
    /// was last worked out ([`Records::progress`]).
    fn now(records: Records, things: ThingsToTry) -> Option<Self> {
        let waiting = things.visits().try_get_untracked()?;
        records
            .checkins()
            .try_with_untracked(|checkins| {
                if checkins.is_empty() {
                    return None;
                }
                let visits = count_visits(
                    checkins
                        .iter()
                        .flat_map(|c| &c.follow_up.went_to)
                        .chain(&waiting),
                );
                let overview = records
                    .progress(|checkins| progress::overview(checkins, browser::offset_at))?;
                Some(Self { overview, visits })
            })
            .flatten()
    }
}

/// Gets the page ready for its first opening, in idle time while the person is on another
/// page (the app asks, [`crate::app`]): works out what it shows, kept with the check-ins
/// until they change, and the first time in a page load builds what fills its first screen
/// once, off the page, in the language shown, and throws that away. The browser compiles a
/// page's code only as it first runs, and with years of check-ins the first opening spent
/// more on that compiling and on the working out than on anything else. Nothing when the
/// person's state is gone or there are no check-ins.
pub fn get_ready() {
    use std::sync::atomic::{AtomicBool, Ordering};
    /// Whether the first screen has been built once in this page load: the code is compiled
    /// from then on, and building it again would only spend the person's battery.
    static REHEARSED: AtomicBool = AtomicBool::new(false);

    let (Some(records), Some(things)) = (use_context::<Records>(), use_context::<ThingsToTry>())
    else {
        return;
    };
    let Some(found) = Found::now(records, things) else {
        return;
    };
    if REHEARSED.swap(true, Ordering::Relaxed) {
        return;
    }
    // The language's own code (its dates, its plurals) is compiled too, where its words are
    // here; the language root is below the person's state, so it is provided again here.
    let shown = use_context::<ShownLanguage>()
        .and_then(|s| s.0.try_get_untracked())
        .filter(|l| i18n::has_words(*l));
    rehearse(|| {
        if let Some(language) = shown {
            i18n::provide_language(language);
        }
        drop(progress(use_messages(), found).build());
    });
}

/// The page's sections, from what was found.
fn progress(m: &'static Messages, found: Found) -> AnyView {
    let o = Arc::clone(&found.overview);
    let flourishing = o.flourishing.as_ref().map(|f| {
        let parts = f
            .subscales
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let name = m
                    .instruments
                    .mhc_sf_parts
                    .get(i)
                    .copied()
                    .unwrap_or_default();
                ChangeRow::latest(m, name, s, |p| out_of(m, p.value, s.max))
            })
            .collect();
        let dimensions = f
            .dimensions
            .iter()
            .enumerate()
            .map(|(i, d)| ChangeRow {
                name: m.instruments.dimension(MHC_SF.id, i).to_owned(),
                now: out_of(m, d.latest, d.max),
                since_first: d
                    .changes
                    .since_first
                    .map(|c| often_change(m.often_since_first, c)),
                since_last: d
                    .changes
                    .since_last
                    .map(|c| often_change(m.often_since_last, c)),
            })
            .collect();
        let overall = ChangeRow::latest(m, m.score, &f.total, |p| p.value.to_string());
        let top = view! {
            <h2 class="f-heading-m">{m.progress_overall}</h2>
            {score_history(m, f.total.clone(), change_table(m, "overall-changes", m.progress_overall, vec![overall]))}
        };
        (top, (parts, dimensions))
    });
    let (flourishing, parts) = flourishing.unzip();
    // What fills the first screen is drawn at once, the rest a frame later (see AfterPaint).
    let care = o
        .care
        .as_ref()
        .map(|c| view! { <CareCardView reasons=c.reasons.clone()/> });
    let rest = StoredValue::new(Some(Rest {
        parts,
        overview: o,
        visits: found.visits,
    }));
    view! {
        {care}
        {flourishing}
        <AfterPaint>{move || rest.try_update_value(Option::take).flatten().map(|r| r.view(m))}</AfterPaint>
    }
    .into_any()
}

/// The sections after the overall score, from what was found.
struct Rest {
    /// The MHC-SF's three parts and its dimensions, as rows, when it was asked.
    parts: Option<(Vec<ChangeRow>, Vec<ChangeRow>)>,
    /// The rest of what was worked out: ONS4, loneliness, journey steps and activities.
    overview: Arc<progress::Overview>,
    visits: Vec<VisitCount>,
}

impl Rest {
    fn view(self, m: &'static Messages) -> impl IntoView {
        let parts = self.parts.map(|(parts, dimensions)| {
            view! {
                <h2 class="f-heading-m">{m.the_three_parts}</h2>
                {change_table(m, "part-changes", m.the_three_parts, parts)}
                <h2 class="f-heading-m">{m.progress_dimensions}</h2>
                <p class="f-hint">{m.progress_dimensions_intro}</p>
                {change_table(m, "dimension-changes", m.progress_dimensions, dimensions)}
            }
        });
        let o = &self.overview;
        let ons4 = o.ons4.as_ref().map(|series| {
            let band = |p: &progress::Point| p.band.map(|b| m.band_name(b)).unwrap_or_default();
            let rows = series
                .iter()
                .map(|s| {
                    let item = ONS4.item_index(s.id).map_or(0, |i| ONS4.items[i].dimension);
                    let name = m.instruments.dimension(ONS4.id, item);
                    ChangeRow::latest(m, name, s, |p| {
                        let values = [
                            ("score", p.value.to_string()),
                            ("min", s.min.to_string()),
                            ("max", s.max.to_string()),
                        ];
                        let mut values: Vec<(&str, &str)> =
                            values.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        values.push(("band", band(p)));
                        fill(m.ons_score, &values)
                    })
                })
                .collect();
            view! {
                <h2 class="f-heading-m">{m.ons4_title}</h2>
                <p>{m.anxiety_lower_is_better}</p>
                {change_table(m, "ons4-changes", m.ons4_title, rows)}
            }
        });
        let loneliness = o.loneliness.as_ref().map(|s| {
            let latest = s.latest().map(|p| p.value).unwrap_or_default();
            let range = |score: u32| {
                fill(
                    m.loneliness_score,
                    &[
                        ("score", &score.to_string()),
                        ("min", &s.min.to_string()),
                        ("max", &s.max.to_string()),
                    ],
                )
            };
            let row = ChangeRow::latest(m, m.instruments.loneliness, s, |p| {
                let values = [p.value, s.min, s.max].map(|v| v.to_string());
                fill(
                    m.score_in_range,
                    &[
                        ("score", &values[0]),
                        ("min", &values[1]),
                        ("max", &values[2]),
                    ],
                )
            });
            view! {
                <h2 class="f-heading-m">{m.loneliness_title}</h2>
                <p>{range(latest)}</p>
                {UCLA3.total_band(latest).map(|b| view! { <p>{m.loneliness_meaning(b)}</p> })}
                {change_table(m, "loneliness-changes", m.loneliness_title, vec![row])}
            }
        });
        let goals = untrack(|| use_records().goal_histories());
        let goals = if goals.is_empty() {
            view! { <p>{m.progress_no_goals}</p> }.into_any()
        } else {
            view! {
            <ul class="f-list f-goal-list">
                {goals.into_iter().map(|g| {
                    let history = g.updates.iter()
                        .map(|(d, s)| fill(m.status_on, &[("status", m.goal_status(s)), ("date", &m.date(*d))]))
                        .collect::<Vec<_>>()
                        .join(". ");
                    view! {
                        <li class="f-goal-list__item">
                            <strong>{g.text.unwrap_or_else(|| m.goal_unnamed.into())}</strong>
                            {(!history.is_empty()).then(|| view! { <p class="f-hint">{history}</p> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
        .into_any()
        };
        let steps = crate::domain::checkin::JourneyStep::ALL.len().to_string();
        let journey = o
            .journey
            .iter()
            .map(|p| DatedRow {
                date: p.date,
                caption: p
                    .step
                    .number()
                    .map(|n| fill(m.step_n, &[("n", &n.to_string()), ("total", &steps)])),
                words: m.journey_step(&p.step).to_owned(),
            })
            .collect();
        let journey = dated_table(m, "journey", m.progress_journey, m.step_row, journey);
        let categories = use_config().with(|c| c.activity_categories.clone());
        let label = |id: &str| ServiceConfig::label_in(&categories, id, m.language).to_owned();
        let activities = o
            .activities
            .iter()
            .map(|p| DatedRow {
                date: p.date,
                caption: None,
                words: m.activities_in_words(label, &p.uptake, &p.went_to),
            })
            .collect();
        let activities = dated_table(
            m,
            "activities",
            m.progress_activities,
            m.activities_column,
            activities,
        );
        view! {
            {parts}
            {ons4}
            {loneliness}
            <h2 class="f-heading-m">{m.progress_goals}</h2>
            {goals}
            <h2 class="f-heading-m">{m.progress_journey}</h2>
            {journey}
            <h2 class="f-heading-m">{m.progress_activities}</h2>
            {activities}
            {visit_counts(m, self.visits)}
        }
    }
}

/// The activities from the service's list the person went to, counted by their directory
/// id: those their check-ins kept, and those still waiting for the next check-in.
fn visit_counts(m: &'static Messages, counted: Vec<VisitCount>) -> Option<impl IntoView> {
    let d = &m.directory;
    (!counted.is_empty()).then(|| {
        let rows = counted
            .into_iter()
            .map(|c| {
                view! {
                    <tr><td>{c.name}</td><td>{m.count(&d.times, c.times as u64)}</td><td>{m.date(c.last)}</td></tr>
                }
            })
            .collect_view();
        view! {
            <h3 class="f-heading-s">{d.visits_title}</h3>
            <Table id="visits" caption=d.visits_title caption_hidden=true
                headings=vec![d.visits_activity, d.visits_times, d.visits_last]>{rows}</Table>
        }
    })
}

/// A table of what happened on which date, newest first, or "Nothing yet." Years of
/// check-ins show their newest rows first, with a button for the rest.
fn dated_table(
    m: &'static Messages,
    id: &'static str,
    caption: &'static str,
    column: &'static str,
    rows: Vec<DatedRow>,
) -> AnyView {
    if rows.is_empty() {
        return view! { <p>{m.progress_nothing_yet}</p> }.into_any();
    }
    let total = rows.len();
    let showing = RwSignal::new(Showing::Recent);
    let body = move || {
        let rows = showing.get().of(&rows).iter().rev().enumerate();
        rows.map(|(i, r)| {
            let (row_id, tabindex) = row_focus(id, i);
            let caption = r.caption.clone();
            view! {
                <tr id=row_id tabindex=tabindex>
                    <td>{m.date(r.date)}</td>
                    <td>{caption.map(|c| view! { <span class="f-caption">{c}</span> })}{r.words.clone()}</td>
                </tr>
            }
        })
        .collect_view()
        .into_any()
    };
    view! {
        <Table id=id caption=caption caption_hidden=true headings=vec![m.date, column]>{body}</Table>
        {show_all_button(m, showing, id, &m.progress.show_all_dates, total)}
    }
    .into_any()
}

/// The well-being score over time: a chart, the changes since the first and the last
/// check-in (`changes`), and a table of the chart's scores. The chart and its table show the
/// newest check-ins until the person asks for all of them, and always the same ones.
fn score_history(m: &'static Messages, series: Series, changes: AnyView) -> impl IntoView {
    let total = series.points.len();
    let showing = RwSignal::new(Showing::Recent);
    let series = Arc::new(series);
    let note = move || {
        let hidden = showing.get().hidden(total) > 0;
        hidden
            .then(
                || view! { <p>{m.count(&m.progress.showing_latest, progress::RECENT as u64)}</p> },
            )
            .into_any()
    };
    let chart = {
        let series = Arc::clone(&series);
        move || score_chart(m, &series, showing.get())
    };
    let table = move || score_table(m, &series, showing.get());
    // The table of scores is below the chart, out of the first screen: it follows the paint.
    view! {
        {note}
        {chart}
        {changes}
        <AfterPaint>
            {table.clone()}
            {show_all_button(m, showing, "scores", &m.progress.show_all_check_ins, total)}
        </AfterPaint>
    }
}

/// The shape that marks a category on the chart, so it never depends on colour alone.
fn marker(category: Option<Category>, x: f64, y: f64, r: f64) -> AnyView {
    match category {
        Some(Category::Flourishing) => view! {
            <circle class="f-chart__point f-chart__point--flourishing" cx=progress::tenths(x) cy=progress::tenths(y) r=progress::tenths(r)/>
        }
        .into_any(),
        Some(Category::ModeratelyMentallyHealthy) => view! {
            <rect class="f-chart__point f-chart__point--moderate" x=progress::tenths(x - r) y=progress::tenths(y - r)
                width=progress::tenths(2.0 * r) height=progress::tenths(2.0 * r)/>
        }
        .into_any(),
        Some(Category::Languishing) => view! {
            <path class="f-chart__point f-chart__point--languishing"
                d=format!("M{},{} L{},{} L{},{} Z", progress::tenths(x), progress::tenths(y - r * 1.2),
                    progress::tenths(x + r * 1.2), progress::tenths(y + r), progress::tenths(x - r * 1.2), progress::tenths(y + r))/>
        }
        .into_any(),
        None => view! {
            <circle class="f-chart__point" cx=progress::tenths(x) cy=progress::tenths(y) r=progress::tenths(r / 2.0)/>
        }
        .into_any(),
    }
}

/// The date label of an axis tick: "3 Mar", "Mar" (or the year in January), or "2027".
fn tick_label(m: &Messages, date: chrono::NaiveDate, unit: TickUnit) -> String {
    use chrono::Datelike;
    let month = m.months_short[date.month0() as usize];
    match unit {
        TickUnit::Day => format!("{} {month}", date.day()),
        TickUnit::Month if date.month() == 1 => date.year().to_string(),
        TickUnit::Month => month.to_string(),
        TickUnit::Year => date.year().to_string(),
    }
}

/// The MHC-SF total as an SVG line chart of the points `showing` asks for, each point's
/// category marked by its shape, with a title and description for screen readers (the table
/// after it holds the same numbers).
fn score_chart(m: &'static Messages, series: &Series, showing: Showing) -> AnyView {
    let view_box = ViewBox {
        width: 400.0,
        height: 240.0,
        left: 30.0,
        right: 12.0,
        top: 12.0,
        bottom: 28.0,
    };
    let chart = series.chart(&view_box, showing);
    let shown = series.shown(showing);
    let r = if chart.points.len() > 60 { 2.5 } else { 5.0 };
    let (first, last) = (shown.first(), shown.last());
    let desc = fill(
        &m.count(&m.chart_desc, shown.len() as u64),
        &[
            ("min", &series.min.to_string()),
            ("max", &series.max.to_string()),
            ("from", &first.map(|p| m.date(p.date)).unwrap_or_default()),
            ("to", &last.map(|p| m.date(p.date)).unwrap_or_default()),
            (
                "first",
                &first.map(|p| p.value.to_string()).unwrap_or_default(),
            ),
            (
                "last",
                &last.map(|p| p.value.to_string()).unwrap_or_default(),
            ),
        ],
    );
    let plot = chart.plot;
    let grid = chart
        .y_ticks
        .iter()
        .map(|t| {
            view! {
                <line class="f-chart__grid" x1=progress::tenths(plot.x) x2=progress::tenths(plot.x + plot.width)
                    y1=progress::tenths(t.y) y2=progress::tenths(t.y)/>
                <text class="f-chart__label" x=progress::tenths(plot.x - 6.0) y=progress::tenths(t.y + 4.0) text-anchor="end">{t.value}</text>
            }
        })
        .collect_view();
    let x_labels = chart
        .x_ticks
        .iter()
        .map(|t| {
            view! {
                <text class="f-chart__label" x=progress::tenths(t.x) y=progress::tenths(plot.y + plot.height + 20.0) text-anchor="middle">
                    {tick_label(m, t.date, t.unit)}
                </text>
            }
        })
        .collect_view();
    // line_chart keeps the series' (date) order, so the points pair up with the categories.
    let points = chart
        .points
        .iter()
        .zip(shown)
        .map(|(p, s)| marker(s.category, p.x, p.y, r))
        .collect_view();
    let key = [
        Category::Flourishing,
        Category::ModeratelyMentallyHealthy,
        Category::Languishing,
    ]
    .into_iter()
    .map(|c| {
        view! {
            <li class="f-chart__key-item">
                <svg class="f-chart__key-shape" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    {marker(Some(c), 8.0, 8.5, 5.0)}
                </svg>
                {m.category_name(c)}
            </li>
        }
    })
    .collect_view();
    view! {
        <figure class="f-chart">
            // Time runs left to right in every language: see the README's "Right to left".
            <svg class="f-chart__svg" dir="ltr" viewBox=format!("0 0 {} {}", progress::tenths(view_box.width), progress::tenths(view_box.height))
                role="img" aria-labelledby="chart-title chart-desc" focusable="false">
                <title id="chart-title">{m.chart_title}</title>
                <desc id="chart-desc">{desc}</desc>
                {grid}
                {x_labels}
                <path class="f-chart__line" d=chart.path/>
                {points}
            </svg>
            <figcaption class="f-chart__key">
                <span class="f-chart__key-title">{m.key}</span>
                <ul class="f-chart__key-list">{key}</ul>
            </figcaption>
        </figure>
    }
    .into_any()
}

/// The total and category at each check-in `showing` asks for, newest first: the chart's
/// real content.
fn score_table(m: &'static Messages, series: &Series, showing: Showing) -> AnyView {
    let rows = series
        .shown(showing)
        .iter()
        .rev()
        .enumerate()
        .map(|(i, p)| {
            let (row_id, tabindex) = row_focus("scores", i);
            view! {
                <tr id=row_id tabindex=tabindex>
                    <td>{m.date(p.date)}</td>
                    <td>{p.value}</td>
                    <td>{p.category.map(|c| m.category_name(c)).unwrap_or(m.no_category)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Table id="scores" caption=fill(m.scores_caption, &[("min", &series.min.to_string()), ("max", &series.max.to_string())])
            headings=vec![m.date, m.score, m.result]>{rows}</Table>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::Polarity;
    use crate::i18n::EN;

    #[test]
    fn changes_read_as_words_with_their_numbers() {
        let up = Change::between(3, 5, Polarity::HigherIsBetter);
        let down = Change::between(5, 4, Polarity::HigherIsBetter);
        let same = Change::between(4, 4, Polarity::HigherIsBetter);
        #[rustfmt::skip]
        let said = [
            (often_change(EN.often_since_last, up), "More often than last time (+2)"),
            (often_change(EN.often_since_first, down), "Less often than at first (\u{2212}1)"),
            (often_change(EN.often_since_last, same), "The same as last time (0)"),
            (score_change(EN.score_since_last, up), "Up 2 since last time"),
            (score_change(EN.score_since_first, down), "Down 1 since your first check-in"),
            (score_change(EN.score_since_last, same), "The same as last time"),
        ];
        for (words, expected) in said {
            assert_eq!(words, expected);
        }
    }

    #[test]
    fn tick_labels_name_days_months_and_years() {
        let d = |y, mo, day| chrono::NaiveDate::from_ymd_opt(y, mo, day).unwrap_or_default();
        assert_eq!(tick_label(&EN, d(2026, 3, 3), TickUnit::Day), "3 Mar");
        assert_eq!(tick_label(&EN, d(2026, 3, 1), TickUnit::Month), "Mar");
        assert_eq!(tick_label(&EN, d(2027, 1, 1), TickUnit::Month), "2027");
        assert_eq!(tick_label(&EN, d(2028, 1, 1), TickUnit::Year), "2028");
    }
}
