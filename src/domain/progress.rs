//! "My progress" (SPEC.md 3.3): a person's check-ins turned into series over time, changes
//! in words, chart geometry, and when to show a kind care card.
//!
//! Every function takes the whole list of check-ins in any order and sorts a copy oldest
//! first, so callers never have to remember the order. A check-in that did not ask an
//! instrument (or answered a version this build does not know) is simply not a point in that
//! instrument's series; "since last time" therefore means since the last check-in that asked
//! the same questions.

use chrono::{DateTime, Datelike, FixedOffset, Months, NaiveDate, Utc};

use super::checkin::{ActivityUptake, CheckIn, GoalStatus, JourneyStep};
use super::directory::Visit;
use super::instrument::{BandLevel, Category, Instrument, Polarity, Scores, MHC_SF, ONS4, UCLA3};

/// ONS4's anxiety question, whose "high" band (6 to 10) shows the care card.
const ONS4_ANXIETY: &str = "anxiety";
/// ONS4's life satisfaction question, whose "low" band (0 to 4) shows the care card.
const ONS4_LIFE_SATISFACTION: &str = "life-satisfaction";
use super::schedule::local_date;
use super::time::{add_days, sub_days};

/// A fall in the MHC-SF total of this much or more since the previous check-in shows the
/// care card. Ten points of 70 is two answers dropping by most of the scale, or every answer
/// by about one step: a change worth a kind word, not an alarm.
pub const CARE_DROP: u32 = 10;

/// One value at one check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Point {
    /// The check-in it comes from, for linking to its result page.
    pub checkin_id: String,
    /// When the check-in was finished.
    pub at: DateTime<Utc>,
    /// The local date it was finished on.
    pub date: NaiveDate,
    /// The score.
    pub value: u32,
    /// The score's band, for banded items (ONS4).
    pub band: Option<BandLevel>,
    /// The category, for the MHC-SF total.
    pub category: Option<Category>,
}

/// Which way a number moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// It went up.
    Up,
    /// It went down.
    Down,
    /// It stayed the same.
    Same,
}

/// Whether a change is good news, given which way is better for that score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// A change for the better.
    Better,
    /// A change for the worse.
    Worse,
    /// No change.
    Same,
}

/// How an MHC-SF answer changed, in the questionnaire's own terms (it asks "how often"), so
/// the page can say "more often than last time" rather than "+2".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Frequency {
    /// Felt more often.
    MoreOften,
    /// Felt less often.
    LessOften,
    /// About as often.
    Same,
}

/// A change between two scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The later score minus the earlier one.
    pub delta: i64,
    /// Which way the number moved.
    pub direction: Direction,
    /// Whether that is better or worse for the person.
    pub verdict: Verdict,
}

impl Change {
    /// The change from `from` to `to` on a score where `polarity` says which way is better.
    pub fn between(from: u32, to: u32, polarity: Polarity) -> Self {
        let delta = i64::from(to) - i64::from(from);
        let direction = match delta {
            d if d > 0 => Direction::Up,
            d if d < 0 => Direction::Down,
            _ => Direction::Same,
        };
        let verdict = match (direction, polarity) {
            (Direction::Same, _) => Verdict::Same,
            (Direction::Up, Polarity::HigherIsBetter)
            | (Direction::Down, Polarity::LowerIsBetter) => Verdict::Better,
            _ => Verdict::Worse,
        };
        Self {
            delta,
            direction,
            verdict,
        }
    }

    /// The change as "more often / less often / the same", for frequency questions.
    pub fn frequency(&self) -> Frequency {
        match self.direction {
            Direction::Up => Frequency::MoreOften,
            Direction::Down => Frequency::LessOften,
            Direction::Same => Frequency::Same,
        }
    }
}

/// The change since the first point and since the one before the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Changes {
    /// Latest compared with the first; `None` with fewer than two points.
    pub since_first: Option<Change>,
    /// Latest compared with the previous; `None` with fewer than two points.
    pub since_last: Option<Change>,
}

impl Changes {
    /// The changes across `values`, oldest first.
    pub fn of(values: &[u32], polarity: Polarity) -> Self {
        match values {
            [first, .., previous, latest] => Self {
                since_first: Some(Change::between(*first, *latest, polarity)),
                since_last: Some(Change::between(*previous, *latest, polarity)),
            },
            [first, latest] => Self {
                since_first: Some(Change::between(*first, *latest, polarity)),
                since_last: Some(Change::between(*first, *latest, polarity)),
            },
            _ => Self::default(),
        }
    }
}

/// One score over time: a total, a subscale or a single question. Its plain name is the
/// catalogue's, by `id` and place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// Stable id: the subscale or item id, or `total`.
    pub id: &'static str,
    /// Lowest possible score, the bottom of the chart.
    pub min: u32,
    /// Highest possible score, the top of the chart.
    pub max: u32,
    /// Which way is better.
    pub polarity: Polarity,
    /// The points, oldest first.
    pub points: Vec<Point>,
    /// The latest point compared with the first and the previous.
    pub changes: Changes,
}

impl Series {
    fn new(
        id: &'static str,
        (min, max): (u32, u32),
        polarity: Polarity,
        points: Vec<Point>,
    ) -> Self {
        let values: Vec<u32> = points.iter().map(|p| p.value).collect();
        Self {
            id,
            min,
            max,
            polarity,
            changes: Changes::of(&values, polarity),
            points,
        }
    }

    /// The latest point, if any.
    pub fn latest(&self) -> Option<&Point> {
        self.points.last()
    }

    /// The points `showing` asks for, oldest first.
    pub fn shown(&self, showing: Showing) -> &[Point] {
        showing.of(&self.points)
    }

    /// The line chart of the points `showing` asks for in `view`, scaled to the score's full
    /// range whatever the points, so a short stretch of history reads on the same scale.
    pub fn chart(&self, view: &ViewBox, showing: Showing) -> Chart {
        let values: Vec<(NaiveDate, u32)> = self
            .shown(showing)
            .iter()
            .map(|p| (p.date, p.value))
            .collect();
        line_chart(&values, self.min, self.max, view)
    }
}

/// How many rows of a list that grows with every check-in a page shows at first: about a
/// year of four-weekly check-ins. Years of weekly check-ins would otherwise make the page
/// slow to open on a cheap phone, and long to scroll past for anyone.
pub const RECENT: usize = 12;

/// How much of a list that grows with every check-in to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Showing {
    /// The newest [`RECENT`] items, until the person asks for the rest.
    #[default]
    Recent,
    /// Every item.
    All,
}

impl Showing {
    /// The items to show of `items`, which are oldest first: the newest ones, still oldest
    /// first.
    pub fn of<T>(self, items: &[T]) -> &[T] {
        match self {
            Self::All => items,
            Self::Recent => &items[items.len().saturating_sub(RECENT)..],
        }
    }

    /// How many of `total` items are not shown.
    pub fn hidden(self, total: usize) -> usize {
        match self {
            Self::All => 0,
            Self::Recent => total.saturating_sub(RECENT),
        }
    }
}

/// One MHC-SF dimension (seed 000, Table I): its latest score and how it changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DimensionChange {
    /// The dimension's id.
    pub id: &'static str,
    /// The latest score (the sum of its items).
    pub latest: u32,
    /// The highest possible score (5 per item).
    pub max: u32,
    /// Changes since the first and the last check-in; use [`Change::frequency`] for words.
    pub changes: Changes,
}

/// Everything the progress page shows about the MHC-SF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlourishingProgress {
    /// The total (0 to 70), each point with its category.
    pub total: Series,
    /// Emotional, social and psychological well-being, in that order.
    pub subscales: Vec<Series>,
    /// The 13 dimensions, in Table I order.
    pub dimensions: Vec<DimensionChange>,
}

/// The check-ins oldest first (ties by id, so the order is stable).
fn oldest_first(checkins: &[CheckIn]) -> Vec<&CheckIn> {
    let mut sorted: Vec<&CheckIn> = checkins.iter().collect();
    super::sort::stable_by(&mut sorted, |a, b| {
        (a.finished_at, &a.id) < (b.finished_at, &b.id)
    });
    sorted
}

/// A check-in with the local date it was finished on.
#[derive(Clone, Copy)]
struct Dated<'a> {
    checkin: &'a CheckIn,
    date: NaiveDate,
}

/// The check-ins oldest first, each with its local date: sorted and dated once, however many
/// series are drawn from them (asking the device for a date's UTC offset is not free).
fn dated(checkins: &[CheckIn], offset_at: impl Fn(DateTime<Utc>) -> FixedOffset) -> Vec<Dated<'_>> {
    oldest_first(checkins)
        .into_iter()
        .map(|c| Dated {
            checkin: c,
            date: local_date(c.finished_at, offset_at(c.finished_at)),
        })
        .collect()
}

/// One check-in's complete answers to one instrument, with their scores.
struct Scored<'a> {
    at: Dated<'a>,
    answers: Vec<u8>,
    scores: Scores,
}

/// Each check-in's complete answers to `instrument_id` with their scores, oldest first.
/// Incomplete responses are left out: a finished check-in is always complete, so only a
/// damaged record could be partial, and half a total would mislead.
fn scored<'a>(dated: &[Dated<'a>], instrument_id: &str) -> Vec<Scored<'a>> {
    dated
        .iter()
        .filter_map(|&at| {
            let r = at.checkin.response(instrument_id)?;
            let instrument = r.instrument()?;
            let answers: Option<Vec<u8>> = (0..instrument.items.len())
                .map(|i| r.answers.get(i).copied().flatten())
                .collect();
            Some(Scored {
                at,
                answers: answers?,
                scores: instrument.score(&r.answers),
            })
        })
        .collect()
}

fn point(at: Dated, value: u32) -> Point {
    Point {
        checkin_id: at.checkin.id.clone(),
        at: at.checkin.finished_at,
        date: at.date,
        value,
        band: None,
        category: None,
    }
}

/// Everything "Your progress" draws from the check-ins, worked out together: sorted, dated
/// and scored once for all its series rather than once for each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    /// The care card for the latest check-in, if its results call for one.
    pub care: Option<CareCard>,
    /// The MHC-SF over time, as [`flourishing`] gives it.
    pub flourishing: Option<FlourishingProgress>,
    /// The ONS4 questions over time, as [`ons4`] gives them.
    pub ons4: Option<Vec<Series>>,
    /// Loneliness over time, as [`loneliness`] gives it.
    pub loneliness: Option<Series>,
    /// The journey steps over time, as [`journey`] gives them.
    pub journey: Vec<JourneyPoint>,
    /// The activities gone to over time, oldest first, from the check-ins that asked.
    pub activities: Vec<ActivityPoint>,
}

/// What a person said at one check-in about the activities they went to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityPoint {
    /// The check-in.
    pub checkin_id: String,
    /// Its local date.
    pub date: NaiveDate,
    /// Their answer.
    pub uptake: ActivityUptake,
    /// The service's activities they went to, by directory id.
    pub went_to: Vec<Visit>,
}

/// Everything "Your progress" draws from `checkins`, in any order. `offset_at` gives the
/// device's UTC offset at an instant, for local dates.
pub fn overview(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Overview {
    let dated = dated(checkins, offset_at);
    let mhc = scored(&dated, MHC_SF.id);
    Overview {
        care: dated
            .last()
            .and_then(|latest| care_card_in(latest.checkin, &mhc)),
        flourishing: flourishing_from(&mhc),
        ons4: ons4_from(&scored(&dated, ONS4.id)),
        loneliness: loneliness_from(&scored(&dated, UCLA3.id)),
        journey: journey_from(&dated),
        activities: dated
            .iter()
            .filter_map(|at| {
                let f = &at.checkin.follow_up;
                Some(ActivityPoint {
                    checkin_id: at.checkin.id.clone(),
                    date: at.date,
                    uptake: f.activities.clone()?,
                    went_to: f.went_to.clone(),
                })
            })
            .collect(),
    }
}

/// The MHC-SF over time, or `None` if no check-in has a complete MHC-SF response.
/// `offset_at` gives the device's UTC offset at an instant, for local dates.
pub fn flourishing(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Option<FlourishingProgress> {
    flourishing_from(&scored(&dated(checkins, offset_at), MHC_SF.id))
}

fn flourishing_from(rows: &[Scored]) -> Option<FlourishingProgress> {
    if rows.is_empty() {
        return None;
    }
    let range = MHC_SF.total_range().unwrap_or((0, 70));
    let total = rows
        .iter()
        .filter_map(|r| {
            Some(Point {
                category: r.scores.category,
                ..point(r.at, r.scores.total?)
            })
        })
        .collect();
    let total = Series::new("total", range, Polarity::HigherIsBetter, total);
    let subscales = MHC_SF
        .subscales
        .iter()
        .enumerate()
        .map(|(k, sub)| {
            let points = rows
                .iter()
                .filter_map(|r| Some(point(r.at, r.scores.subscales.get(k)?.score?)))
                .collect();
            let max = u32::from(MHC_SF.max_option_score()) * sub.items.len() as u32;
            Series::new(sub.id, (0, max), Polarity::HigherIsBetter, points)
        })
        .collect();
    let dimensions = MHC_SF
        .dimensions
        .iter()
        .enumerate()
        .map(|(k, dim)| {
            let items: Vec<usize> = (0..MHC_SF.items.len())
                .filter(|&i| MHC_SF.items[i].dimension == k)
                .collect();
            let values: Vec<u32> = rows
                .iter()
                .map(|r| items.iter().map(|&i| u32::from(r.answers[i])).sum())
                .collect();
            DimensionChange {
                id: dim.id,
                latest: values.last().copied().unwrap_or(0),
                max: u32::from(MHC_SF.max_option_score()) * items.len() as u32,
                changes: Changes::of(&values, Polarity::HigherIsBetter),
            }
        })
        .collect();
    Some(FlourishingProgress {
        total,
        subscales,
        dimensions,
    })
}

/// The four ONS4 questions over time, each point with its band, or `None` if no check-in
/// has a complete ONS4 response. The series follow the questions' order; anxiety's changes
/// are judged with lower as better.
pub fn ons4(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Option<Vec<Series>> {
    ons4_from(&scored(&dated(checkins, offset_at), ONS4.id))
}

fn ons4_from(rows: &[Scored]) -> Option<Vec<Series>> {
    if rows.is_empty() {
        return None;
    }
    let range = (
        u32::from(ONS4.min_option_score()),
        u32::from(ONS4.max_option_score()),
    );
    let series = ONS4
        .items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let points = rows
                .iter()
                .map(|r| Point {
                    band: item.band(r.answers[i]),
                    ..point(r.at, u32::from(r.answers[i]))
                })
                .collect();
            Series::new(item.id, range, item.polarity, points)
        })
        .collect();
    Some(series)
}

/// UCLA-3 loneliness totals over time (3 to 9, lower is better), or `None` if no check-in
/// has a complete UCLA-3 response.
pub fn loneliness(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Option<Series> {
    loneliness_from(&scored(&dated(checkins, offset_at), UCLA3.id))
}

fn loneliness_from(rows: &[Scored]) -> Option<Series> {
    if rows.is_empty() {
        return None;
    }
    let points = rows
        .iter()
        .filter_map(|r| Some(point(r.at, r.scores.total?)))
        .collect();
    Some(Series::new(
        "total",
        UCLA3.total_range().unwrap_or((3, 9)),
        Polarity::LowerIsBetter,
        points,
    ))
}

/// The step of the journey a person chose at one check-in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JourneyPoint {
    /// The check-in.
    pub checkin_id: String,
    /// Its local date.
    pub date: NaiveDate,
    /// The step chosen.
    pub step: JourneyStep,
}

/// The journey steps over time, oldest first, from the check-ins that asked.
pub fn journey(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Vec<JourneyPoint> {
    journey_from(&dated(checkins, offset_at))
}

fn journey_from(dated: &[Dated]) -> Vec<JourneyPoint> {
    dated
        .iter()
        .filter_map(|at| {
            Some(JourneyPoint {
                checkin_id: at.checkin.id.clone(),
                date: at.date,
                step: at.checkin.follow_up.journey_step.clone()?,
            })
        })
        .collect()
}

/// One goal's story across check-ins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoalHistory {
    /// The goal's id.
    pub goal_id: String,
    /// The person's words, when the goal was added at a check-in (goals from the referral
    /// carry their text there).
    pub text: Option<String>,
    /// Each status given, oldest first, with its local date.
    pub updates: Vec<(NaiveDate, GoalStatus)>,
}

/// Every goal mentioned in any check-in, in the order first mentioned, with its updates.
pub fn goals(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Vec<GoalHistory> {
    goals_from(&[], checkins, offset_at)
}

/// [`goals`], starting from goals set elsewhere (the person's referral), given as
/// (id, text) in order: they come first, and check-ins' updates to them are added.
pub fn goals_from(
    seed: &[(String, String)],
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Vec<GoalHistory> {
    let mut out: Vec<GoalHistory> = seed
        .iter()
        .map(|(id, text)| GoalHistory {
            goal_id: id.clone(),
            text: Some(text.clone()),
            updates: Vec::new(),
        })
        .collect();
    fn entry<'a>(out: &'a mut Vec<GoalHistory>, id: &str) -> &'a mut GoalHistory {
        let at = match out.iter().position(|g| g.goal_id == id) {
            Some(at) => at,
            None => {
                out.push(GoalHistory {
                    goal_id: id.to_owned(),
                    text: None,
                    updates: Vec::new(),
                });
                out.len() - 1
            }
        };
        &mut out[at]
    }
    for c in oldest_first(checkins) {
        let f = &c.follow_up;
        // Most check-ins say nothing about goals; only those that do need a local date.
        if f.new_goals.is_empty() && f.goal_updates.is_empty() {
            continue;
        }
        let date = local_date(c.finished_at, offset_at(c.finished_at));
        for g in &c.follow_up.new_goals {
            entry(&mut out, &g.id).text = Some(g.text.clone());
        }
        for u in &c.follow_up.goal_updates {
            entry(&mut out, &u.goal_id)
                .updates
                .push((date, u.status.clone()));
        }
    }
    out
}

/// Why a kind, non-urgent care card is shown. Every instrument a service uses can show one,
/// so a service without the MHC-SF still signposts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CareReason {
    /// The MHC-SF result was languishing.
    Languishing,
    /// The MHC-SF total fell by [`CARE_DROP`] or more since the previous check-in.
    Drop {
        /// The previous total.
        from: u32,
        /// This total.
        to: u32,
    },
    /// The UCLA-3 total was in its higher band (6 to 9).
    Lonely,
    /// ONS4 anxiety was in its high band (6 to 10).
    Anxious,
    /// ONS4 life satisfaction was in its low band (0 to 4).
    LowSatisfaction,
}

/// A care card to show beside a result: the service's contact, offered kindly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CareCard {
    /// The check-in it is about.
    pub checkin_id: String,
    /// Every reason that applies, in [`CareReason`]'s order; never empty.
    pub reasons: Vec<CareReason>,
}

/// The band of item `item_id` in `checkin`'s complete answers to `instrument`, if asked.
fn item_band(checkin: &CheckIn, instrument: &Instrument, item_id: &str) -> Option<BandLevel> {
    let scores = checkin.response(instrument.id)?.scores()?;
    scores.items.iter().find(|i| i.id == item_id)?.band
}

/// The care card for check-in `checkin_id`, if its results call for one: a languishing
/// MHC-SF result or a fall of [`CARE_DROP`] or more since the previous MHC-SF result; a
/// UCLA-3 total in its higher band; ONS4 anxiety in its high band or life satisfaction in
/// its low band.
pub fn care_card_for(checkins: &[CheckIn], checkin_id: &str) -> Option<CareCard> {
    let checkin = checkins.iter().find(|c| c.id == checkin_id)?;
    // Dates play no part in the rule.
    let dated: Vec<Dated> = oldest_first(checkins)
        .into_iter()
        .map(|c| Dated {
            checkin: c,
            date: NaiveDate::MIN,
        })
        .collect();
    care_card_in(checkin, &scored(&dated, MHC_SF.id))
}

/// [`care_card_for`] `checkin`, given every check-in's MHC-SF scores oldest first (`mhc`).
fn care_card_in(checkin: &CheckIn, mhc: &[Scored]) -> Option<CareCard> {
    let checkin_id = checkin.id.as_str();
    let mut reasons = Vec::new();
    if let Some(at) = mhc.iter().position(|r| r.at.checkin.id == checkin_id) {
        let scores = &mhc[at].scores;
        if scores.category == Some(Category::Languishing) {
            reasons.push(CareReason::Languishing);
        }
        let previous = at.checked_sub(1).and_then(|p| mhc[p].scores.total);
        if let (Some(from), Some(to)) = (previous, scores.total) {
            if from >= to + CARE_DROP {
                reasons.push(CareReason::Drop { from, to });
            }
        }
    }
    let lonely = checkin
        .response(UCLA3.id)
        .and_then(|r| r.scores())
        .and_then(|s| s.total)
        .and_then(|t| UCLA3.total_band(t));
    if lonely == Some(BandLevel::High) {
        reasons.push(CareReason::Lonely);
    }
    if item_band(checkin, &ONS4, ONS4_ANXIETY) == Some(BandLevel::High) {
        reasons.push(CareReason::Anxious);
    }
    if item_band(checkin, &ONS4, ONS4_LIFE_SATISFACTION) == Some(BandLevel::Low) {
        reasons.push(CareReason::LowSatisfaction);
    }
    (!reasons.is_empty()).then(|| CareCard {
        checkin_id: checkin_id.to_owned(),
        reasons,
    })
}

/// The care card for the latest check-in, for the home and progress pages. An old result
/// never raises a card once a newer one is fine.
pub fn latest_care_card(checkins: &[CheckIn]) -> Option<CareCard> {
    let latest = oldest_first(checkins).pop()?;
    care_card_for(checkins, &latest.id)
}

/// The drawing area of a chart: an SVG viewBox and the margins left for axis labels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewBox {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Space on the left, for the value labels.
    pub left: f64,
    /// Space on the right, so the last point is not cut off.
    pub right: f64,
    /// Space at the top.
    pub top: f64,
    /// Space at the bottom, for the date labels.
    pub bottom: f64,
}

impl Default for ViewBox {
    fn default() -> Self {
        Self {
            width: 640.0,
            height: 320.0,
            left: 40.0,
            right: 16.0,
            top: 16.0,
            bottom: 32.0,
        }
    }
}

/// One plotted point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotPoint {
    /// x in viewBox units.
    pub x: f64,
    /// y in viewBox units (down is larger, as in SVG).
    pub y: f64,
    /// The date it stands for.
    pub date: NaiveDate,
    /// The value it stands for.
    pub value: u32,
}

/// How far apart the date ticks are, so the page can format their labels (a day and month,
/// a month, or a year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickUnit {
    /// Ticks are days apart: label with day and month.
    Day,
    /// Ticks fall on the first of a month: label with the month.
    Month,
    /// Ticks fall on 1 January: label with the year.
    Year,
}

/// A tick on the date axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct XTick {
    /// x in viewBox units.
    pub x: f64,
    /// The date at the tick.
    pub date: NaiveDate,
    /// How to label it.
    pub unit: TickUnit,
}

/// A tick on the value axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct YTick {
    /// y in viewBox units.
    pub y: f64,
    /// The value at the tick.
    pub value: u32,
}

/// The plotting rectangle inside the margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Everything needed to draw a line chart in SVG; no drawing is done here.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// The plotting area, for the axes and grid lines.
    pub plot: Rect,
    /// The points, in date order.
    pub points: Vec<PlotPoint>,
    /// The line through the points as SVG path data ("M x,y L x,y …"); empty with no points.
    pub path: String,
    /// Date ticks, left to right.
    pub x_ticks: Vec<XTick>,
    /// Value ticks, bottom to top.
    pub y_ticks: Vec<YTick>,
}

/// At most this many ticks on either axis, so labels never crowd on a small phone.
const MAX_TICKS: usize = 8;

/// A chart coordinate with one decimal, e.g. `12.3` (`-0.04` gives `0.0`), written with
/// integer formatting: core's float printing costs about 10 KB of wasm and a coordinate on a
/// few hundred pixels never needs it. Halves round away from zero.
pub fn tenths(x: f64) -> String {
    let scaled = (x * 10.0).round();
    // Anything not a plain coordinate (NaN, infinities, absurd sizes) draws at 0.
    let scaled = if scaled.abs() < 1e15 {
        scaled as i64
    } else {
        0
    };
    let sign = if scaled < 0 { "-" } else { "" };
    let scaled = scaled.unsigned_abs();
    format!("{sign}{}.{}", scaled / 10, scaled % 10)
}

/// Maps `(date, value)` pairs to a line chart in `view`, with values from `min` to `max`.
///
/// Points are placed by date, not by index, so a gap of three months looks like one. A
/// single point (or several on one date) sits in the middle of a two-week span. Values
/// outside `min..=max` (only a damaged record could hold one) are drawn at the edge.
pub fn line_chart(values: &[(NaiveDate, u32)], min: u32, max: u32, view: &ViewBox) -> Chart {
    let plot = Rect {
        x: view.left,
        y: view.top,
        width: (view.width - view.left - view.right).max(0.0),
        height: (view.height - view.top - view.bottom).max(0.0),
    };
    let mut sorted = values.to_vec();
    super::sort::stable_by(&mut sorted, |a, b| a.0 < b.0);
    let (start, end) = match (sorted.first(), sorted.last()) {
        (Some(&(a, _)), Some(&(b, _))) if b > a => (a, b),
        (Some(&(a, _)), _) => (sub_days(a, 7), add_days(a, 7)),
        _ => (NaiveDate::MIN, NaiveDate::MIN),
    };
    let span = (end - start).num_days().max(1) as f64;
    let x_of = |d: NaiveDate| plot.x + (d - start).num_days() as f64 / span * plot.width;
    let (lo, hi) = (min.min(max), max.max(min));
    let y_of = |v: u32| {
        if hi == lo {
            return plot.y + plot.height / 2.0;
        }
        let v = v.clamp(lo, hi);
        plot.y + plot.height - f64::from(v - lo) / f64::from(hi - lo) * plot.height
    };
    let points: Vec<PlotPoint> = sorted
        .iter()
        .map(|&(date, value)| PlotPoint {
            x: x_of(date),
            y: y_of(value),
            date,
            value,
        })
        .collect();
    let path = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let command = if i == 0 { "M" } else { "L" };
            format!("{command}{},{}", tenths(p.x), tenths(p.y))
        })
        .collect::<Vec<_>>()
        .join(" ");
    let x_ticks = if points.is_empty() {
        Vec::new()
    } else {
        date_ticks(start, end)
            .into_iter()
            .map(|(date, unit)| XTick {
                x: x_of(date),
                date,
                unit,
            })
            .collect()
    };
    let y_ticks = value_ticks(lo, hi)
        .into_iter()
        .map(|value| YTick {
            y: y_of(value),
            value,
        })
        .collect();
    Chart {
        plot,
        points,
        path,
        x_ticks,
        y_ticks,
    }
}

/// Values from `lo` upwards, at most [`MAX_TICKS`] of them, on a "nice" step (1, 2, 5, 10,
/// 20, 25, 50, …). A step that ends exactly on `hi` is preferred, so the top of the scale
/// (70, 15, 9) is always labelled; otherwise the smallest step that fits.
fn value_ticks(lo: u32, hi: u32) -> Vec<u32> {
    let range = hi - lo;
    let nice = [1u32, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
    let fits = |s: &u32| ((range / s) as usize) < MAX_TICKS;
    let step = nice
        .into_iter()
        .find(|s| fits(s) && range.is_multiple_of(*s))
        .or_else(|| nice.into_iter().find(fits))
        .unwrap_or_else(|| range.div_ceil(MAX_TICKS as u32 - 1).max(1));
    (0..)
        .map_while(|k: u32| k.checked_mul(step).and_then(|o| lo.checked_add(o)))
        .take_while(|&v| v <= hi)
        .take(MAX_TICKS)
        .collect()
}

/// Date ticks between `start` and `end` on calendar boundaries: days for a span of up to
/// about two months, the first of months up to two years, then 1 January of years.
fn date_ticks(start: NaiveDate, end: NaiveDate) -> Vec<(NaiveDate, TickUnit)> {
    let days = (end - start).num_days();
    let fits = |count: i64| count < MAX_TICKS as i64;
    if days <= 62 {
        let step = [1u32, 2, 7, 14]
            .into_iter()
            .find(|&s| fits(days / i64::from(s)))
            .unwrap_or(14);
        return (0..)
            .map(|k| add_days(start, k * step))
            .take_while(|&d| d <= end)
            .take(MAX_TICKS)
            .map(|d| (d, TickUnit::Day))
            .collect();
    }
    let months = i64::from(end.year() - start.year()) * 12 + i64::from(end.month())
        - i64::from(start.month());
    if months <= 24 {
        let step = [1u32, 2, 3, 6]
            .into_iter()
            .find(|&s| fits(months / i64::from(s)))
            .unwrap_or(6);
        // The first "nice" month on or after the start: a multiple of the step from January.
        let first = first_of_month_on_or_after(start);
        let offset = (step - (first.month0() % step)) % step;
        let first = first
            .checked_add_months(Months::new(offset))
            .unwrap_or(first);
        return (0..)
            .map_while(|k| first.checked_add_months(Months::new(k * step)))
            .take_while(|&d| d <= end)
            .take(MAX_TICKS)
            .map(|d| (d, TickUnit::Month))
            .collect();
    }
    let years = i64::from(end.year() - start.year());
    let step = [1i32, 2, 5, 10, 20, 50, 100, 1000]
        .into_iter()
        .find(|&s| fits(years / i64::from(s)))
        .unwrap_or(1000);
    // The first 1 January on or after the start whose year is a multiple of the step.
    let from = if start.ordinal() == 1 {
        start.year()
    } else {
        start.year() + 1
    };
    let first_year = (from + step - 1).div_euclid(step) * step;
    (0..)
        .map_while(|k: i32| NaiveDate::from_ymd_opt(first_year + k * step, 1, 1))
        .take_while(|&d| d <= end)
        .take(MAX_TICKS)
        .map(|d| (d, TickUnit::Year))
        .collect()
}

fn first_of_month_on_or_after(d: NaiveDate) -> NaiveDate {
    let first = d.with_day(1).unwrap_or(d);
    if first == d {
        d
    } else {
        first.checked_add_months(Months::new(1)).unwrap_or(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::{GoalUpdate, NewGoal, Response};
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn utc(_: DateTime<Utc>) -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn response(instrument: &Instrument, answers: &[u8]) -> Response {
        Response {
            answers: answers.iter().map(|&a| Some(a)).collect(),
            ..Response::blank(instrument)
        }
    }

    /// A check-in finished at noon UTC on `date` with the given responses.
    fn checkin(id: &str, date: NaiveDate, responses: Vec<Response>) -> CheckIn {
        let at = Utc.from_utc_datetime(&date.and_hms_opt(12, 0, 0).unwrap());
        CheckIn::sample(id, at, responses)
    }

    fn mhc(id: &str, date: NaiveDate, answers: [u8; 14]) -> CheckIn {
        checkin(id, date, vec![response(&MHC_SF, &answers)])
    }

    fn values(s: &Series) -> Vec<u32> {
        s.points.iter().map(|p| p.value).collect()
    }

    #[test]
    fn coordinates_are_written_with_one_decimal_like_the_float_formatter() {
        for x in [
            0.0, 0.04, 1.26, 12.34, 99.96, 400.0, -3.21, 239.99, 1234.5678,
        ] {
            assert_eq!(tenths(x), format!("{x:.1}"), "{x}");
        }
        // Exact halves round away from zero, where the formatter rounds to even.
        assert_eq!(tenths(1.25), "1.3");
        assert_eq!(tenths(-0.04), "0.0");
        assert_eq!(tenths(f64::NAN), "0.0");
    }

    #[test]
    fn the_mhc_sf_total_and_subscales_over_time() {
        // Given out of order; the series come back oldest first.
        let list = vec![
            mhc(
                "b",
                d(2026, 2, 1),
                [5, 4, 4, 4, 4, 4, 4, 4, 4, 2, 2, 2, 2, 2],
            ),
            mhc("a", d(2026, 1, 4), [3; 14]),
            mhc(
                "c",
                d(2026, 3, 1),
                [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0],
            ),
        ];
        let p = flourishing(&list, utc).unwrap();
        assert_eq!(values(&p.total), [42, 47, 8]);
        let cats: Vec<Option<Category>> = p.total.points.iter().map(|x| x.category).collect();
        use Category::*;
        assert_eq!(
            cats,
            [
                Some(ModeratelyMentallyHealthy),
                Some(Flourishing),
                Some(Languishing)
            ]
        );
        let ids: Vec<&str> = p
            .total
            .points
            .iter()
            .map(|x| x.checkin_id.as_str())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!((p.total.min, p.total.max), (0, 70));
        let sub: Vec<(&str, Vec<u32>, u32)> = p
            .subscales
            .iter()
            .map(|s| (s.id, values(s), s.max))
            .collect();
        assert_eq!(
            sub,
            [
                ("emotional", vec![9, 13, 3], 15),
                ("social", vec![15, 20, 5], 25),
                ("psychological", vec![18, 14, 0], 30),
            ]
        );
        let total = p.total.changes;
        assert_eq!(total.since_first.map(|c| c.delta), Some(-34));
        assert_eq!(total.since_last.map(|c| c.verdict), Some(Verdict::Worse));
    }

    #[test]
    fn each_dimension_changes_since_the_first_and_the_last_check_in() {
        let list = vec![
            mhc("a", d(2026, 1, 4), [3; 14]),
            mhc(
                "b",
                d(2026, 2, 1),
                [4, 4, 3, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
            ),
            mhc(
                "c",
                d(2026, 3, 1),
                [5, 4, 3, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3],
            ),
        ];
        let p = flourishing(&list, utc).unwrap();
        assert_eq!(p.dimensions.len(), 13);
        let affect = &p.dimensions[0];
        assert_eq!(affect.id, "positive-affect");
        // Items 1 and 2 together: 6, then 8, then 9 of 10.
        assert_eq!((affect.latest, affect.max), (9, 10));
        let first = affect.changes.since_first.unwrap();
        let last = affect.changes.since_last.unwrap();
        assert_eq!((first.delta, first.frequency()), (3, Frequency::MoreOften));
        assert_eq!((last.delta, last.frequency()), (1, Frequency::MoreOften));
        let contribution = &p.dimensions[2];
        assert_eq!(contribution.id, "social-contribution");
        // 3, then 2, then 4: more often than the first time and than last time.
        assert_eq!(contribution.changes.since_first.map(|c| c.delta), Some(1));
        assert_eq!(contribution.changes.since_last.map(|c| c.delta), Some(2));
        let quality = &p.dimensions[1];
        assert_eq!(
            quality.changes.since_first.map(|c| c.frequency()),
            Some(Frequency::Same)
        );
        // With one check-in there is nothing to compare.
        let one = flourishing(&list[..1], utc).unwrap();
        assert_eq!(one.dimensions[0].changes, Changes::default());
    }

    #[test]
    fn ons4_items_come_with_bands_and_anxiety_rising_is_worse() {
        let list = vec![
            checkin("a", d(2026, 1, 4), vec![response(&ONS4, &[4, 5, 6, 7])]),
            checkin("b", d(2026, 2, 1), vec![response(&ONS4, &[7, 5, 9, 3])]),
            // A check-in without ONS4 is not a point.
            mhc("c", d(2026, 3, 1), [3; 14]),
        ];
        let items = ons4(&list, utc).unwrap();
        let ids: Vec<&str> = items.iter().map(|s| s.id).collect();
        assert_eq!(
            ids,
            ["life-satisfaction", "worthwhile", "happiness", "anxiety"]
        );
        use BandLevel::*;
        let bands = |s: &Series| s.points.iter().map(|p| p.band).collect::<Vec<_>>();
        assert_eq!(bands(&items[0]), [Some(Low), Some(High)]);
        assert_eq!(bands(&items[3]), [Some(High), Some(Low)]);
        assert_eq!(
            items[0].changes.since_last.map(|c| c.verdict),
            Some(Verdict::Better)
        );
        assert_eq!(
            items[1].changes.since_last.map(|c| c.verdict),
            Some(Verdict::Same)
        );
        // Anxiety fell from 7 to 3: the number went down, which is better.
        let anxiety = items[3].changes.since_last.unwrap();
        assert_eq!(
            (anxiety.direction, anxiety.verdict),
            (Direction::Down, Verdict::Better)
        );
        assert_eq!((items[3].min, items[3].max), (0, 10));
        assert_eq!(ons4(&list[2..], utc), None);
    }

    #[test]
    fn loneliness_totals_rising_is_worse() {
        let list = vec![
            checkin("a", d(2026, 1, 4), vec![response(&UCLA3, &[1, 2, 1])]),
            checkin(
                "b",
                d(2026, 2, 1),
                vec![response(&MHC_SF, &[3; 14]), response(&UCLA3, &[3, 2, 3])],
            ),
        ];
        let s = loneliness(&list, utc).unwrap();
        assert_eq!(values(&s), [4, 8]);
        assert_eq!((s.min, s.max), (3, 9));
        let c = s.changes.since_first.unwrap();
        assert_eq!(
            (c.delta, c.direction, c.verdict),
            (4, Direction::Up, Verdict::Worse)
        );
        assert_eq!(loneliness(&list[..0], utc), None);
        assert_eq!(flourishing(&list[..1], utc), None);
    }

    #[test]
    fn incomplete_or_unknown_responses_are_not_points() {
        let mut partial = response(&MHC_SF, &[3; 14]);
        partial.answers[5] = None;
        let mut unknown = response(&MHC_SF, &[3; 14]);
        unknown.instrument_version = "99".into();
        let list = vec![
            checkin("a", d(2026, 1, 4), vec![partial]),
            checkin("b", d(2026, 1, 5), vec![unknown]),
            mhc("c", d(2026, 2, 1), [2; 14]),
        ];
        let p = flourishing(&list, utc).unwrap();
        assert_eq!(values(&p.total), [28]);
    }

    #[test]
    fn points_carry_the_local_date() {
        // 23:30 UTC on 24 October is 25 October in summer time (+1).
        let at = Utc.with_ymd_and_hms(2026, 10, 24, 23, 30, 0).unwrap();
        let mut c = mhc("a", d(2026, 10, 24), [3; 14]);
        c.finished_at = at;
        let bst = |_| FixedOffset::east_opt(3600).unwrap();
        let p = flourishing(&[c], bst).unwrap();
        assert_eq!(p.total.points[0].date, d(2026, 10, 25));
    }

    #[test]
    fn a_languishing_result_or_a_big_drop_shows_a_care_card() {
        let fine = [3; 14];
        let low = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 3, 3]; // languishing, total 20
        assert_eq!(
            MHC_SF.score(&low.map(Some)).category,
            Some(Category::Languishing)
        );
        // 42 → 32 is a fall of exactly 10; 42 → 33 is 9.
        let ten_less = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 1, 1];
        let nine_less = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 1, 1, 1];
        assert_eq!(MHC_SF.score(&ten_less.map(Some)).total, Some(32));
        assert_eq!(MHC_SF.score(&nine_less.map(Some)).total, Some(33));

        let a = mhc("a", d(2026, 1, 4), fine);
        let list = vec![a.clone(), mhc("b", d(2026, 2, 1), ten_less)];
        assert_eq!(
            latest_care_card(&list),
            Some(CareCard {
                checkin_id: "b".into(),
                reasons: vec![CareReason::Drop { from: 42, to: 32 }]
            })
        );
        let list = vec![a.clone(), mhc("b", d(2026, 2, 1), nine_less)];
        assert_eq!(latest_care_card(&list), None);

        let list = vec![a.clone(), mhc("b", d(2026, 2, 1), low)];
        assert_eq!(
            latest_care_card(&list).map(|c| c.reasons),
            Some(vec![
                CareReason::Languishing,
                CareReason::Drop { from: 42, to: 20 }
            ])
        );
        // The first check-in alone: languishing is enough.
        let first = vec![mhc("a", d(2026, 1, 4), low)];
        assert_eq!(
            latest_care_card(&first).map(|c| c.reasons),
            Some(vec![CareReason::Languishing])
        );
        // An old low result does not raise a card once the latest is fine; its own page still can.
        let list = vec![mhc("a", d(2026, 1, 4), low), mhc("b", d(2026, 2, 1), fine)];
        assert_eq!(latest_care_card(&list), None);
        assert!(care_card_for(&list, "a").is_some());
        assert_eq!(care_card_for(&list, "nope"), None);
        assert_eq!(latest_care_card(&[]), None);
    }

    #[test]
    fn loneliness_from_six_anxiety_from_six_and_life_satisfaction_to_four_show_the_care_card() {
        let ucla = |id: &str, answers: [u8; 3]| {
            checkin(id, d(2026, 1, 4), vec![response(&UCLA3, &answers)])
        };
        // 5 is the top of "not often lonely"; 6 the bottom of "lonely more often".
        assert_eq!(latest_care_card(&[ucla("a", [2, 2, 1])]), None);
        assert_eq!(
            latest_care_card(&[ucla("a", [2, 2, 2])]).map(|c| c.reasons),
            Some(vec![CareReason::Lonely])
        );
        let ons =
            |answers: [u8; 4]| vec![checkin("o", d(2026, 1, 4), vec![response(&ONS4, &answers)])];
        // Anxiety 5 is medium, 6 high; life satisfaction 5 is medium, 4 low.
        assert_eq!(latest_care_card(&ons([5, 7, 7, 5])), None);
        assert_eq!(
            latest_care_card(&ons([5, 7, 7, 6])).map(|c| c.reasons),
            Some(vec![CareReason::Anxious])
        );
        assert_eq!(
            latest_care_card(&ons([4, 7, 7, 10])).map(|c| c.reasons),
            Some(vec![CareReason::Anxious, CareReason::LowSatisfaction])
        );
        assert_eq!(
            latest_care_card(&ons([0, 0, 0, 0])).map(|c| c.reasons),
            Some(vec![CareReason::LowSatisfaction])
        );
    }

    #[test]
    fn a_service_without_the_mhc_sf_still_signposts_and_every_reason_is_given() {
        let both = checkin(
            "b",
            d(2026, 2, 1),
            vec![response(&ONS4, &[2, 5, 5, 8]), response(&UCLA3, &[3, 3, 3])],
        );
        assert_eq!(
            care_card_for(std::slice::from_ref(&both), "b").map(|c| c.reasons),
            Some(vec![
                CareReason::Lonely,
                CareReason::Anxious,
                CareReason::LowSatisfaction
            ])
        );
        // With the MHC-SF too, languishing comes first.
        let mut all = both;
        all.responses.push(response(&MHC_SF, &[0; 14]));
        assert_eq!(
            care_card_for(&[all], "b").map(|c| c.reasons),
            Some(vec![
                CareReason::Languishing,
                CareReason::Lonely,
                CareReason::Anxious,
                CareReason::LowSatisfaction
            ])
        );
        // The latest check-in decides, whatever it asked.
        let old = checkin("a", d(2026, 1, 4), vec![response(&UCLA3, &[3, 3, 3])]);
        let fine = checkin("c", d(2026, 3, 1), vec![response(&ONS4, &[8, 8, 8, 1])]);
        assert_eq!(latest_care_card(&[old.clone(), fine]), None);
        assert!(latest_care_card(&[old]).is_some());
    }

    #[test]
    fn the_journey_and_goals_over_time() {
        let mut a = mhc("a", d(2026, 1, 4), [3; 14]);
        a.follow_up.journey_step = Some(JourneyStep::ProfessionalSupport);
        a.follow_up.new_goals.push(NewGoal {
            id: "g1".into(),
            text: "Join the walking group".into(),
        });
        let mut b = mhc("b", d(2026, 2, 1), [3; 14]);
        b.follow_up.journey_step = Some(JourneyStep::EngagingWithOthers);
        b.follow_up.goal_updates = vec![
            GoalUpdate {
                goal_id: "g1".into(),
                status: GoalStatus::Started,
            },
            GoalUpdate {
                goal_id: "referral-1".into(),
                status: GoalStatus::Done,
            },
        ];
        let c = mhc("c", d(2026, 3, 1), [3; 14]);
        let list = vec![c, b, a];
        let steps: Vec<(NaiveDate, Option<u8>)> = journey(&list, utc)
            .iter()
            .map(|j| (j.date, j.step.number()))
            .collect();
        assert_eq!(steps, [(d(2026, 1, 4), Some(1)), (d(2026, 2, 1), Some(2))]);
        let g = goals(&list, utc);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].goal_id, "g1");
        assert_eq!(g[0].text.as_deref(), Some("Join the walking group"));
        assert_eq!(g[0].updates, [(d(2026, 2, 1), GoalStatus::Started)]);
        assert_eq!(g[1].text, None);
    }

    #[test]
    fn the_overview_says_what_each_part_says_alone_from_one_pass() {
        // Out of order, with every instrument, a step, activities and a fall at the end.
        let mut a = checkin(
            "a",
            d(2026, 1, 4),
            vec![
                response(&MHC_SF, &[4; 14]),
                response(&ONS4, &[7, 8, 6, 2]),
                response(&UCLA3, &[1, 1, 2]),
            ],
        );
        a.follow_up.journey_step = Some(JourneyStep::ProfessionalSupport);
        a.follow_up.activities = Some(ActivityUptake::NoneYet);
        let mut b = checkin(
            "b",
            d(2026, 2, 1),
            vec![response(&MHC_SF, &[2; 14]), response(&UCLA3, &[3, 3, 2])],
        );
        b.follow_up.activities = Some(ActivityUptake::Went {
            activity_ids: vec!["social".into()],
            something_else: Some("Choir".into()),
        });
        let c = checkin("c", d(2026, 1, 18), vec![response(&ONS4, &[5, 5, 5, 7])]);
        let list = vec![b, c, a];
        // A device an hour ahead of UTC, asked each check-in's offset once for all the series.
        let asked = std::cell::Cell::new(0);
        let ahead = |_: DateTime<Utc>| {
            asked.set(asked.get() + 1);
            FixedOffset::east_opt(3600).unwrap()
        };
        let o = overview(&list, ahead);
        assert_eq!(asked.get(), 3);
        assert_eq!(o.flourishing, flourishing(&list, ahead));
        assert_eq!(o.ons4, ons4(&list, ahead));
        assert_eq!(o.loneliness, loneliness(&list, ahead));
        assert_eq!(o.journey, journey(&list, ahead));
        assert_eq!(o.care, latest_care_card(&list));
        assert_eq!(
            o.care.map(|c| c.reasons),
            Some(vec![
                CareReason::Drop { from: 56, to: 28 },
                CareReason::Lonely
            ])
        );
        let went: Vec<(&str, NaiveDate)> = o
            .activities
            .iter()
            .map(|p| (p.checkin_id.as_str(), p.date))
            .collect();
        assert_eq!(went, [("a", d(2026, 1, 4)), ("b", d(2026, 2, 1))]);
        assert_eq!(o.activities[0].uptake, ActivityUptake::NoneYet);
    }

    #[test]
    fn no_check_ins_make_an_empty_overview() {
        let o = overview(&[], utc);
        assert_eq!(
            (o.care, o.flourishing, o.ons4, o.loneliness),
            (None, None, None, None)
        );
        assert!(o.journey.is_empty() && o.activities.is_empty());
    }

    fn view() -> ViewBox {
        ViewBox::default()
    }

    #[test]
    fn a_single_point_sits_in_the_middle() {
        let c = line_chart(&[(d(2026, 3, 1), 35)], 0, 70, &view());
        assert_eq!(
            c.plot,
            Rect {
                x: 40.0,
                y: 16.0,
                width: 584.0,
                height: 272.0
            }
        );
        assert_eq!(c.points.len(), 1);
        assert!((c.points[0].x - (40.0 + 292.0)).abs() < 1e-9);
        assert!((c.points[0].y - (16.0 + 136.0)).abs() < 1e-9);
        assert_eq!(c.path, "M332.0,152.0");
        assert!(!c.x_ticks.is_empty());
        assert!(c.x_ticks.iter().all(|t| t.unit == TickUnit::Day));
    }

    #[test]
    fn points_are_spaced_by_time_not_by_index() {
        // Gaps of 28 days then 84 days: the second gap is three times as wide.
        let c = line_chart(
            &[
                (d(2026, 1, 1), 0),
                (d(2026, 1, 29), 70),
                (d(2026, 4, 23), 35),
            ],
            0,
            70,
            &view(),
        );
        let xs: Vec<f64> = c.points.iter().map(|p| p.x).collect();
        assert!((xs[0] - 40.0).abs() < 1e-9);
        assert!((xs[2] - 624.0).abs() < 1e-9);
        assert!(((xs[2] - xs[1]) - 3.0 * (xs[1] - xs[0])).abs() < 1e-9);
        // 0 at the bottom of the plot, 70 at the top.
        assert!((c.points[0].y - 288.0).abs() < 1e-9);
        assert!((c.points[1].y - 16.0).abs() < 1e-9);
        assert!(c.path.starts_with("M40.0,288.0 L"));
    }

    #[test]
    fn value_ticks_are_round_numbers_in_range() {
        let ticks = |lo, hi| value_ticks(lo, hi);
        assert_eq!(ticks(0, 70), [0, 10, 20, 30, 40, 50, 60, 70]);
        assert_eq!(ticks(3, 9), [3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(ticks(0, 10), [0, 2, 4, 6, 8, 10]);
        assert_eq!(ticks(0, 15), [0, 5, 10, 15]);
        assert_eq!(ticks(0, 30), [0, 5, 10, 15, 20, 25, 30]);
        assert_eq!(ticks(4, 4), [4]);
        // 0 to 13: no nice step ends on 13, so the smallest that fits.
        assert_eq!(ticks(0, 13), [0, 2, 4, 6, 8, 10, 12]);
        let c = line_chart(&[(d(2026, 1, 1), 5)], 3, 9, &view());
        assert_eq!(c.y_ticks.first().map(|t| (t.value, t.y)), Some((3, 288.0)));
        assert_eq!(c.y_ticks.last().map(|t| (t.value, t.y)), Some((9, 16.0)));
    }

    #[test]
    fn date_ticks_fall_on_calendar_boundaries() {
        let months = date_ticks(d(2026, 1, 15), d(2026, 7, 10));
        assert_eq!(
            months.iter().map(|t| t.0).collect::<Vec<_>>(),
            [
                d(2026, 2, 1),
                d(2026, 3, 1),
                d(2026, 4, 1),
                d(2026, 5, 1),
                d(2026, 6, 1),
                d(2026, 7, 1)
            ]
        );
        assert!(months.iter().all(|t| t.1 == TickUnit::Month));
        let quarters = date_ticks(d(2026, 1, 15), d(2027, 9, 1));
        assert_eq!(
            quarters.iter().map(|t| t.0).collect::<Vec<_>>(),
            [
                d(2026, 4, 1),
                d(2026, 7, 1),
                d(2026, 10, 1),
                d(2027, 1, 1),
                d(2027, 4, 1),
                d(2027, 7, 1)
            ]
        );
        let years = date_ticks(d(2026, 3, 1), d(2066, 3, 1));
        assert_eq!(
            years.iter().map(|t| t.0).collect::<Vec<_>>(),
            [d(2030, 1, 1), d(2040, 1, 1), d(2050, 1, 1), d(2060, 1, 1)]
        );
        assert!(years.iter().all(|t| t.1 == TickUnit::Year));
    }

    #[test]
    fn ten_years_of_four_weekly_check_ins_fit() {
        let mut date = d(2026, 1, 1);
        let mut values = Vec::new();
        for i in 0..520u32 {
            values.push((date, (i * 7) % 71));
            date = add_days(date, 28);
        }
        let c = line_chart(&values, 0, 70, &view());
        assert_eq!(c.points.len(), 520);
        assert!(c.points.windows(2).all(|w| w[1].x > w[0].x));
        assert_eq!(c.path.matches('L').count(), 519);
        assert!(c.x_ticks.len() <= MAX_TICKS && c.x_ticks.len() >= 2);
        assert!(c.x_ticks.iter().all(|t| t.unit == TickUnit::Year));
    }

    #[test]
    fn a_long_history_shows_its_newest_twelve_until_all_are_asked_for() {
        let items: Vec<u32> = (0..520).collect();
        assert_eq!(Showing::Recent.of(&items), &items[508..]);
        assert_eq!(Showing::Recent.hidden(520), 508);
        assert_eq!(Showing::All.of(&items), &items[..]);
        assert_eq!(Showing::All.hidden(520), 0);
        // A history of twelve or fewer is never cut.
        let year: Vec<u32> = (0..12).collect();
        assert_eq!(Showing::Recent.of(&year), &year[..]);
        assert_eq!(Showing::Recent.hidden(12), 0);
        assert!(Showing::Recent.of::<u32>(&[]).is_empty());
    }

    #[test]
    fn the_recent_chart_spans_the_newest_check_ins_on_the_full_scale() {
        // Ten years of weekly check-ins, the newest at 70.
        let checkins: Vec<CheckIn> = (0..520u32)
            .map(|k| {
                let answer = if k == 519 { 5 } else { (k % 5) as u8 };
                mhc(
                    &format!("c{k}"),
                    add_days(d(2016, 1, 4), 7 * k),
                    [answer; 14],
                )
            })
            .collect();
        let f = flourishing(&checkins, utc).unwrap();
        let recent = f.total.chart(&view(), Showing::Recent);
        assert_eq!(recent.points.len(), 12);
        assert_eq!(recent.points[0].date, add_days(d(2016, 1, 4), 7 * 508));
        // The newest twelve fill the plot from edge to edge.
        assert!((recent.points[0].x - recent.plot.x).abs() < 1e-9);
        assert!((recent.points[11].x - (recent.plot.x + recent.plot.width)).abs() < 1e-9);
        // On the score's whole scale, 0 to 70, with 70 at the top.
        let scale: Vec<u32> = recent.y_ticks.iter().map(|t| t.value).collect();
        assert_eq!(scale, [0, 10, 20, 30, 40, 50, 60, 70]);
        assert!((recent.points[11].y - recent.plot.y).abs() < 1e-9);
        // The changes still count from the very first check-in.
        assert_eq!(f.total.changes.since_first.map(|c| c.delta), Some(70));
        assert_eq!(f.total.chart(&view(), Showing::All).points.len(), 520);
    }

    #[test]
    fn an_empty_series_draws_nothing() {
        let c = line_chart(&[], 0, 70, &view());
        assert!(c.points.is_empty() && c.path.is_empty() && c.x_ticks.is_empty());
        assert_eq!(c.y_ticks.len(), 8);
    }

    proptest! {
        #[test]
        fn every_point_and_tick_is_inside_the_plot(
            raw in proptest::collection::vec((0u32..20_000, 0u32..=80), 1..60),
            width in 100.0f64..2000.0,
            height in 100.0f64..1000.0,
        ) {
            let values: Vec<(NaiveDate, u32)> =
                raw.iter().map(|&(n, v)| (add_days(d(2000, 1, 1), n), v)).collect();
            let v = ViewBox { width, height, ..ViewBox::default() };
            let c = line_chart(&values, 0, 70, &v);
            let inside_x = |x: f64| x >= c.plot.x - 1e-9 && x <= c.plot.x + c.plot.width + 1e-9;
            let inside_y = |y: f64| y >= c.plot.y - 1e-9 && y <= c.plot.y + c.plot.height + 1e-9;
            prop_assert_eq!(c.points.len(), values.len());
            for p in &c.points {
                prop_assert!(inside_x(p.x) && inside_y(p.y));
            }
            prop_assert!(c.points.windows(2).all(|w| w[1].x >= w[0].x));
            prop_assert!(c.x_ticks.len() <= MAX_TICKS && c.y_ticks.len() <= MAX_TICKS);
            for t in &c.x_ticks { prop_assert!(inside_x(t.x)); }
            for t in &c.y_ticks { prop_assert!(inside_y(t.y)); }
            prop_assert!(c.x_ticks.windows(2).all(|w| w[1].date > w[0].date));
        }

        #[test]
        fn the_recent_items_are_the_newest_and_with_the_hidden_make_the_whole(total in 0usize..600) {
            let items: Vec<usize> = (0..total).collect();
            let shown = Showing::Recent.of(&items);
            prop_assert_eq!(shown.len(), total.min(RECENT));
            prop_assert_eq!(shown.len() + Showing::Recent.hidden(total), total);
            prop_assert!(shown.iter().copied().eq(total - shown.len()..total));
        }

        #[test]
        fn changes_agree_with_the_values(vals in proptest::collection::vec(0u32..=70, 0..10)) {
            let c = Changes::of(&vals, Polarity::HigherIsBetter);
            if vals.len() < 2 {
                prop_assert_eq!(c, Changes::default());
            } else {
                let n = vals.len();
                let latest = i64::from(vals[n - 1]);
                prop_assert_eq!(c.since_first.map(|x| x.delta), Some(latest - i64::from(vals[0])));
                prop_assert_eq!(c.since_last.map(|x| x.delta), Some(latest - i64::from(vals[n - 2])));
                let worse = Changes::of(&vals, Polarity::LowerIsBetter);
                prop_assert_eq!(
                    c.since_first.map(|x| x.verdict == Verdict::Better),
                    worse.since_first.map(|x| x.verdict == Verdict::Worse)
                );
            }
        }
    }
}
