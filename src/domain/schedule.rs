//! When check-ins are due (SPEC.md 3.2): a baseline, then every few weeks after the last
//! check-in, with the pathway points of seed 000 (10 weeks and 6 months) marked.
//!
//! Everything here works on local calendar dates ([`NaiveDate`]) that the caller works out
//! with the device's time zone (see [`local_date`]). Dates, not instants, because a person
//! thinks "every four weeks, on a Saturday": adding 28 days to a date can never be moved by a
//! daylight-saving change, whereas adding 28 × 24 hours to an instant can land on the day
//! before.
//!
//! The due date is worked out from the check-ins alone, never from today's date. So a device
//! clock that jumps backwards or forwards cannot move or lose a due date; it can only change
//! how today compares with it, and [`Schedule::clock_behind`] says when that looks wrong.

use chrono::{DateTime, FixedOffset, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::checkin::CheckIn;
use super::time::{add_days, sub_days};

/// Days between check-ins when the service does not say: four weeks (SPEC.md 3.2).
pub const DEFAULT_INTERVAL_DAYS: u32 = 28;
/// Longest interval a service may set: a yearly check-in is already rarely useful.
pub const MAX_INTERVAL_DAYS: u32 = 365;
/// The "remind me in 3 days" the home screen offers first.
pub const DEFAULT_SNOOZE_DAYS: u32 = 3;
/// Longest snooze: beyond this a person is better served by "not now".
pub const MAX_SNOOZE_DAYS: u32 = 28;
/// How long "not now, things are hard" waits before asking again, gently.
pub const DEFAULT_NOT_NOW_DAYS: u32 = 7;
/// How close before a pathway point a check-in may be and still count for it.
pub const DEFAULT_PATHWAY_WINDOW_DAYS: u32 = 7;
/// Widest pathway window: wider would let the first check-ins count for the 10-week point.
pub const MAX_PATHWAY_WINDOW_DAYS: u32 = 21;

/// How check-ins are spaced; part of the service's configuration. Out-of-range values from a
/// configuration file are clamped when used (and reported by [`ScheduleSettings::check`]),
/// so a bad file can never stop the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScheduleSettings {
    /// Days from one check-in to the next (1 to [`MAX_INTERVAL_DAYS`]).
    pub interval_days: u32,
    /// Days "not now, things are hard" waits before asking again (1 to [`MAX_SNOOZE_DAYS`]).
    pub not_now_days: u32,
    /// A check-in up to this many days before a pathway point counts for it
    /// (0 to [`MAX_PATHWAY_WINDOW_DAYS`]), so two check-ins are not asked a few days apart.
    pub pathway_window_days: u32,
}

impl Default for ScheduleSettings {
    fn default() -> Self {
        Self {
            interval_days: DEFAULT_INTERVAL_DAYS,
            not_now_days: DEFAULT_NOT_NOW_DAYS,
            pathway_window_days: DEFAULT_PATHWAY_WINDOW_DAYS,
        }
    }
}

impl ScheduleSettings {
    /// Reports the first value that is out of range; the schedule clamps it either way.
    pub fn check(&self) -> Result<(), ScheduleError> {
        if !(1..=MAX_INTERVAL_DAYS).contains(&self.interval_days) {
            return Err(ScheduleError::BadInterval(self.interval_days));
        }
        if !(1..=MAX_SNOOZE_DAYS).contains(&self.not_now_days) {
            return Err(ScheduleError::BadDeferral(self.not_now_days));
        }
        if self.pathway_window_days > MAX_PATHWAY_WINDOW_DAYS {
            return Err(ScheduleError::BadWindow(self.pathway_window_days));
        }
        Ok(())
    }

    fn interval(&self) -> u32 {
        self.interval_days.clamp(1, MAX_INTERVAL_DAYS)
    }

    fn not_now(&self) -> u32 {
        self.not_now_days.clamp(1, MAX_SNOOZE_DAYS)
    }

    fn window(&self) -> u32 {
        self.pathway_window_days.min(MAX_PATHWAY_WINDOW_DAYS)
    }
}

/// Why a schedule setting or a request to put off a check-in was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// The interval is outside 1 to [`MAX_INTERVAL_DAYS`].
    #[error("the days between check-ins must be from 1 to {MAX_INTERVAL_DAYS}, not {0}")]
    BadInterval(u32),
    /// A snooze or "not now" length is outside 1 to [`MAX_SNOOZE_DAYS`].
    #[error("a check-in can be put off for 1 to {MAX_SNOOZE_DAYS} days, not {0}")]
    BadDeferral(u32),
    /// The pathway window is wider than [`MAX_PATHWAY_WINDOW_DAYS`].
    #[error("the pathway window can be up to {MAX_PATHWAY_WINDOW_DAYS} days, not {0}")]
    BadWindow(u32),
    /// There is no check-in yet, so there is nothing to put off.
    #[error("there is no check-in to put off yet")]
    NotStarted,
    /// The next check-in is not due yet, so there is nothing to put off.
    #[error("the next check-in is not due until {0}")]
    NotDueYet(NaiveDate),
}

/// The points on the six-month pathway of seed 000 where a check-in matters most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PathwayPoint {
    /// The end of the ten weeks the mental health team and link worker work together.
    TenWeeks,
    /// The end of the six-month pathway, when discharge is considered.
    SixMonths,
}

impl PathwayPoint {
    /// Both points, in the order they come.
    pub const ALL: [PathwayPoint; 2] = [PathwayPoint::TenWeeks, PathwayPoint::SixMonths];

    /// The point's date for a pathway that started on `baseline`.
    ///
    /// Ten weeks is exactly 70 days. Six months is six *calendar* months (clamped to the end
    /// of a shorter month), not 182 or 183 days: services and letters say "your six-month
    /// review is on 15 July", and the same day of the month is what a person expects. A
    /// baseline of 31 August gives 28 February (29 in a leap year); 29 February gives
    /// 29 August. Past the end of the calendar the date saturates rather than failing.
    pub fn date_from(self, baseline: NaiveDate) -> NaiveDate {
        match self {
            Self::TenWeeks => add_days(baseline, 70),
            Self::SixMonths => baseline
                .checked_add_months(Months::new(6))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// A date a check-in is due, marked when it is a pathway point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueDate {
    /// The local calendar date.
    pub date: NaiveDate,
    /// The pathway point this check-in stands for, if any; the page highlights these.
    pub pathway: Option<PathwayPoint>,
}

/// Which way a check-in was put off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeferralKind {
    /// "Remind me in a few days".
    Snoozed,
    /// "Not now, things are hard": nothing is recorded against the person; the app simply
    /// asks again, kindly, after a while (tailoring to fluctuating health, seed 002).
    NotNow,
}

/// A check-in put off until a later date. Stored on the device beside the check-ins; it is
/// never part of the person's history and is never sent to a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deferral {
    /// Snoozed or "not now".
    pub kind: DeferralKind,
    /// The due date it puts off. Once a check-in is done the next due date differs, so an old
    /// deferral simply stops applying: nothing has to remember to clear it.
    #[serde(with = "super::time::date")]
    pub for_due: NaiveDate,
    /// The device's date when it was made.
    #[serde(with = "super::time::date")]
    pub made_on: NaiveDate,
    /// The date to ask again.
    #[serde(with = "super::time::date")]
    pub until: NaiveDate,
}

/// Where the person is in the schedule today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// No check-in yet: the first one is the baseline, offered at referral.
    NotStarted,
    /// The next check-in is still to come.
    Upcoming {
        /// When it is due.
        due: DueDate,
        /// Days from today to the due date (at least 1).
        days_to_go: u32,
    },
    /// A check-in is due today or was due earlier.
    DueNow {
        /// When it was due.
        due: DueDate,
        /// Days since it was due (0 on the day).
        days_late: u32,
    },
    /// A check-in is due but the person put it off.
    Deferred {
        /// When it was due.
        due: DueDate,
        /// How and until when.
        deferral: Deferral,
        /// Days from today until it is asked again (at least 1).
        days_to_go: u32,
    },
}

impl Status {
    /// The due date the status is about; `None` only before the first check-in.
    pub fn due(&self) -> Option<DueDate> {
        match *self {
            Self::NotStarted => None,
            Self::Upcoming { due, .. } | Self::DueNow { due, .. } | Self::Deferred { due, .. } => {
                Some(due)
            }
        }
    }
}

/// A person's check-in schedule, worked out from the local dates of their check-ins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    settings: ScheduleSettings,
    baseline: Option<NaiveDate>,
    last: Option<NaiveDate>,
}

impl Schedule {
    /// A schedule from the local dates of finished check-ins, in any order. The earliest is
    /// the baseline and the latest the last check-in, so records restored out of order or
    /// dated by a wrong clock never confuse which is which.
    pub fn new(settings: ScheduleSettings, dates: impl IntoIterator<Item = NaiveDate>) -> Self {
        let (baseline, last) = dates.into_iter().fold(
            (None, None),
            |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
                (
                    Some(lo.map_or(d, |l| l.min(d))),
                    Some(hi.map_or(d, |h| h.max(d))),
                )
            },
        );
        Self {
            settings,
            baseline,
            last,
        }
    }

    /// The settings in use.
    pub fn settings(&self) -> ScheduleSettings {
        self.settings
    }

    /// The baseline: the first check-in's date.
    pub fn baseline(&self) -> Option<NaiveDate> {
        self.baseline
    }

    /// The last check-in's date.
    pub fn last(&self) -> Option<NaiveDate> {
        self.last
    }

    /// The pathway points and their dates, once there is a baseline.
    pub fn pathway_dates(&self) -> Vec<(PathwayPoint, NaiveDate)> {
        self.baseline
            .map(|b| PathwayPoint::ALL.map(|p| (p, p.date_from(b))).to_vec())
            .unwrap_or_default()
    }

    /// The next check-in's due date; `None` before the first check-in.
    pub fn next_due(&self) -> Option<DueDate> {
        self.last.map(|last| self.due_after(last))
    }

    /// The next `n` due dates, for a calendar: the next due date (which may already have
    /// passed), then each following date assuming every check-in is done on its due date.
    pub fn upcoming(&self, n: usize) -> Vec<DueDate> {
        let mut dates = Vec::with_capacity(n);
        let mut last = match self.last {
            Some(l) => l,
            None => return dates,
        };
        while dates.len() < n {
            let due = self.due_after(last);
            if due.date <= last {
                break; // The end of the calendar: no later date exists.
            }
            dates.push(due);
            last = due.date;
        }
        dates
    }

    /// The due date after a check-in on `last`: `interval_days` later, unless a pathway point
    /// not yet covered comes first or would be covered by that check-in anyway. A pathway
    /// point counts as covered by any check-in on or after `point - window` days.
    fn due_after(&self, last: NaiveDate) -> DueDate {
        let regular = add_days(last, self.settings.interval());
        let window = self.settings.window();
        let pending = self
            .pathway_dates()
            .into_iter()
            .find(|&(_, date)| date > add_days(last, window));
        match pending {
            Some((point, date)) if regular >= sub_days(date, window) => DueDate {
                date: regular.min(date),
                pathway: Some(point),
            },
            _ => DueDate {
                date: regular,
                pathway: None,
            },
        }
    }

    /// Where the person is today, taking a stored deferral into account.
    ///
    /// A deferral only applies to the due date it was made for, and only from the day it was
    /// made until the day before `until`. If today is before the day it was made, the clock
    /// has gone back (or was ahead when it was made), so it is ignored: asking again is safer
    /// than hiding a check-in for as long as the clock was wrong.
    pub fn status(&self, today: NaiveDate, deferral: Option<&Deferral>) -> Status {
        let Some(due) = self.next_due() else {
            return Status::NotStarted;
        };
        if today < due.date {
            return Status::Upcoming {
                due,
                days_to_go: days_between(today, due.date),
            };
        }
        match deferral {
            Some(d) if d.for_due == due.date && d.made_on <= today && today < d.until => {
                Status::Deferred {
                    due,
                    deferral: *d,
                    days_to_go: days_between(today, d.until),
                }
            }
            _ => Status::DueNow {
                due,
                days_late: days_between(due.date, today),
            },
        }
    }

    /// Whether today is before the last check-in: impossible with a right clock, so either
    /// the device's date is wrong now or it was wrong then. The due date still stands (it
    /// comes from the check-ins); a page may say the device's date looks wrong.
    pub fn clock_behind(&self, today: NaiveDate) -> bool {
        self.last.is_some_and(|last| today < last)
    }

    /// "Remind me in `days` days": puts off a due check-in until `today + days`.
    pub fn snooze(&self, today: NaiveDate, days: u32) -> Result<Deferral, ScheduleError> {
        if !(1..=MAX_SNOOZE_DAYS).contains(&days) {
            return Err(ScheduleError::BadDeferral(days));
        }
        self.defer(today, days, DeferralKind::Snoozed)
    }

    /// "Not now, things are hard": asks again after the service's `not_now_days`. Records
    /// nothing in the person's history.
    pub fn not_now(&self, today: NaiveDate) -> Result<Deferral, ScheduleError> {
        self.defer(today, self.settings.not_now(), DeferralKind::NotNow)
    }

    fn defer(
        &self,
        today: NaiveDate,
        days: u32,
        kind: DeferralKind,
    ) -> Result<Deferral, ScheduleError> {
        let due = self.next_due().ok_or(ScheduleError::NotStarted)?;
        if today < due.date {
            return Err(ScheduleError::NotDueYet(due.date));
        }
        Ok(Deferral {
            kind,
            for_due: due.date,
            made_on: today,
            until: add_days(today, days),
        })
    }
}

/// The local calendar date of an instant, given the UTC offset in force at that instant
/// (the caller asks the device's time zone, which knows about daylight saving).
pub fn local_date(at: DateTime<Utc>, offset: FixedOffset) -> NaiveDate {
    at.with_timezone(&offset).date_naive()
}

/// The local dates on which check-ins were finished. `offset_at` gives the device's UTC
/// offset at each instant, so a check-in in summer time keeps its summer-time date.
pub fn checkin_dates(
    checkins: &[CheckIn],
    offset_at: impl Fn(DateTime<Utc>) -> FixedOffset,
) -> Vec<NaiveDate> {
    checkins
        .iter()
        .map(|c| local_date(c.finished_at, offset_at(c.finished_at)))
        .collect()
}

/// Whole days from `from` to `to`, which callers guarantee is not earlier.
fn days_between(from: NaiveDate, to: NaiveDate) -> u32 {
    u32::try_from((to - from).num_days()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn schedule(dates: &[NaiveDate]) -> Schedule {
        Schedule::new(ScheduleSettings::default(), dates.iter().copied())
    }

    fn plain(date: NaiveDate) -> DueDate {
        DueDate {
            date,
            pathway: None,
        }
    }

    fn marked(date: NaiveDate, p: PathwayPoint) -> DueDate {
        DueDate {
            date,
            pathway: Some(p),
        }
    }

    #[test]
    fn before_the_first_check_in_nothing_is_due() {
        let s = schedule(&[]);
        assert_eq!(s.status(d(2026, 3, 1), None), Status::NotStarted);
        assert_eq!(s.next_due(), None);
        assert!(s.upcoming(5).is_empty());
        assert!(s.pathway_dates().is_empty());
        assert_eq!(s.snooze(d(2026, 3, 1), 3), Err(ScheduleError::NotStarted));
        assert_eq!(s.not_now(d(2026, 3, 1)), Err(ScheduleError::NotStarted));
    }

    #[test]
    fn the_next_check_in_is_due_four_weeks_after_the_last_one() {
        let s = schedule(&[d(2026, 3, 2)]);
        assert_eq!(s.next_due(), Some(plain(d(2026, 3, 30))));
        assert_eq!(
            s.status(d(2026, 3, 2), None),
            Status::Upcoming {
                due: plain(d(2026, 3, 30)),
                days_to_go: 28
            }
        );
        assert_eq!(
            s.status(d(2026, 3, 30), None),
            Status::DueNow {
                due: plain(d(2026, 3, 30)),
                days_late: 0
            }
        );
        assert_eq!(
            s.status(d(2026, 4, 6), None),
            Status::DueNow {
                due: plain(d(2026, 3, 30)),
                days_late: 7
            }
        );
        // A late check-in moves the rhythm: the next is four weeks after it, in any order
        // given. (4 May is also within a week of the 10-week point, 11 May, so it stands
        // for it.)
        let s = schedule(&[d(2026, 4, 6), d(2026, 3, 2)]);
        assert_eq!(s.baseline(), Some(d(2026, 3, 2)));
        assert_eq!(
            s.next_due(),
            Some(marked(d(2026, 5, 4), PathwayPoint::TenWeeks))
        );
    }

    #[test]
    fn the_interval_is_configurable_and_clamped() {
        let every = |days| ScheduleSettings {
            interval_days: days,
            ..Default::default()
        };
        let s = Schedule::new(every(14), [d(2026, 3, 2)]);
        assert_eq!(s.next_due(), Some(plain(d(2026, 3, 16))));
        assert_eq!(every(0).check(), Err(ScheduleError::BadInterval(0)));
        // A broken configuration still gives a schedule: 0 is treated as 1 day.
        let s = Schedule::new(every(0), [d(2026, 3, 2)]);
        assert_eq!(s.next_due(), Some(plain(d(2026, 3, 3))));
        assert_eq!(ScheduleSettings::default().check(), Ok(()));
        let s: ScheduleSettings = serde_json::from_str(r#"{"interval_days":42}"#).unwrap();
        assert_eq!(
            (s.interval_days, s.not_now_days),
            (42, DEFAULT_NOT_NOW_DAYS)
        );
    }

    /// Worked by hand from a baseline on 31 January 2026 (not a leap year).
    #[test]
    fn upcoming_dates_include_the_pathway_points() {
        use PathwayPoint::*;
        let s = schedule(&[d(2026, 1, 31)]);
        assert_eq!(
            s.pathway_dates(),
            [(TenWeeks, d(2026, 4, 11)), (SixMonths, d(2026, 7, 31))]
        );
        assert_eq!(
            s.upcoming(8),
            [
                plain(d(2026, 2, 28)),
                plain(d(2026, 3, 28)),
                // Four weeks on would be 25 April, after the 10-week point: it comes first.
                marked(d(2026, 4, 11), TenWeeks),
                plain(d(2026, 5, 9)),
                plain(d(2026, 6, 6)),
                plain(d(2026, 7, 4)),
                marked(d(2026, 7, 31), SixMonths),
                plain(d(2026, 8, 28)),
            ]
        );
    }

    #[test]
    fn a_regular_check_in_just_before_a_pathway_point_stands_for_it() {
        // Baseline 5 Jan; 10 weeks = 16 Mar. Check-ins on 30 Jan and 12 Feb: four weeks on is
        // 12 Mar, within the week before the point, so that date is marked, not 16 Mar added.
        let s = schedule(&[d(2026, 1, 5), d(2026, 1, 30), d(2026, 2, 12)]);
        assert_eq!(
            s.next_due(),
            Some(marked(d(2026, 3, 12), PathwayPoint::TenWeeks))
        );
        // And once it is done, the point is covered: the next date is an ordinary one.
        let s = schedule(&[d(2026, 1, 5), d(2026, 2, 12), d(2026, 3, 12)]);
        assert_eq!(s.next_due(), Some(plain(d(2026, 4, 9))));
    }

    #[test]
    fn six_months_is_calendar_months_clamped_to_the_month_end() {
        let six = |b| PathwayPoint::SixMonths.date_from(b);
        assert_eq!(six(d(2026, 1, 31)), d(2026, 7, 31));
        assert_eq!(six(d(2026, 3, 31)), d(2026, 9, 30));
        assert_eq!(six(d(2026, 8, 31)), d(2027, 2, 28));
        assert_eq!(six(d(2027, 8, 31)), d(2028, 2, 29)); // leap year
        assert_eq!(six(d(2028, 2, 29)), d(2028, 8, 29));
        assert_eq!(six(d(2026, 12, 15)), d(2027, 6, 15)); // across a new year
        assert_eq!(
            PathwayPoint::TenWeeks.date_from(d(2028, 2, 1)),
            d(2028, 4, 11)
        );
        assert_eq!(six(NaiveDate::MAX), NaiveDate::MAX);
    }

    #[test]
    fn leap_days_are_ordinary_days() {
        assert_eq!(
            schedule(&[d(2028, 2, 1)]).next_due(),
            Some(plain(d(2028, 2, 29)))
        );
        assert_eq!(
            schedule(&[d(2028, 2, 29)]).next_due(),
            Some(plain(d(2028, 3, 28)))
        );
        assert_eq!(
            schedule(&[d(2027, 2, 1)]).next_due(),
            Some(plain(d(2027, 3, 1)))
        );
    }

    #[test]
    fn daylight_saving_changes_never_shift_a_date() {
        let utc = |y, m, day, h, min| Utc.with_ymd_and_hms(y, m, day, h, min, 0).unwrap();
        let bst = FixedOffset::east_opt(3600).unwrap();
        let gmt = FixedOffset::east_opt(0).unwrap();
        // UK clocks go back at 02:00 BST on 25 October 2026. A check-in finished at 00:30
        // local that night is 23:30 UTC on the 24th: its date is the 25th, not the 24th.
        let autumn = utc(2026, 10, 24, 23, 30);
        assert_eq!(local_date(autumn, bst), d(2026, 10, 25));
        let s = schedule(&[local_date(autumn, bst)]);
        assert_eq!(s.next_due(), Some(plain(d(2026, 11, 22))));
        // Adding 28 × 24 hours to the instant would have landed on the wrong day in GMT.
        let naive = autumn + chrono::Duration::hours(28 * 24);
        assert_eq!(local_date(naive, gmt), d(2026, 11, 21));
        // Clocks go forward at 01:00 GMT on 29 March 2026. 00:30 GMT and 03:00 BST that
        // night are the same date, and four weeks later is 26 April either way.
        let before = local_date(utc(2026, 3, 29, 0, 30), gmt);
        let after = local_date(utc(2026, 3, 29, 2, 0), bst);
        assert_eq!((before, after), (d(2026, 3, 29), d(2026, 3, 29)));
        assert_eq!(schedule(&[after]).next_due(), Some(plain(d(2026, 4, 26))));
    }

    #[test]
    fn check_in_dates_use_the_offset_in_force_at_each_instant() {
        use crate::domain::checkin::FollowUp;
        let mk = |at: DateTime<Utc>| CheckIn {
            id: at.to_rfc3339(),
            started_at: at,
            finished_at: at,
            responses: vec![],
            follow_up: FollowUp::default(),
            with_volunteer: false,
            extra: Default::default(),
        };
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 23, 30, 0).unwrap();
        let winter = Utc.with_ymd_and_hms(2026, 12, 1, 23, 30, 0).unwrap();
        // A UK-like zone: +1 from April to October.
        let uk = |t: DateTime<Utc>| {
            let summer_time = (4..=10).contains(&chrono::Datelike::month(&t));
            FixedOffset::east_opt(if summer_time { 3600 } else { 0 }).unwrap()
        };
        assert_eq!(
            checkin_dates(&[mk(summer), mk(winter)], uk),
            [d(2026, 7, 2), d(2026, 12, 1)]
        );
    }

    #[test]
    fn a_clock_that_jumps_never_moves_or_loses_the_due_date() {
        let s = schedule(&[d(2026, 3, 2)]);
        let due = plain(d(2026, 3, 30));
        // Backwards: today before the last check-in. Still upcoming, same date, flagged.
        let back = d(2025, 12, 31);
        assert_eq!(s.status(back, None).due(), Some(due));
        assert!(matches!(s.status(back, None), Status::Upcoming { .. }));
        assert!(s.clock_behind(back));
        assert!(!s.clock_behind(d(2026, 3, 2)));
        // Forwards by years: due now, same date; when the clock is put right it is upcoming.
        let ahead = d(2030, 1, 1);
        assert!(matches!(s.status(ahead, None), Status::DueNow { due: x, .. } if x == due));
        assert!(
            matches!(s.status(d(2026, 3, 10), None), Status::Upcoming { due: x, .. } if x == due)
        );
    }

    #[test]
    fn a_snooze_made_while_the_clock_was_ahead_does_not_hide_the_check_in() {
        let s = schedule(&[d(2026, 3, 2)]);
        let snooze = s.snooze(d(2030, 1, 1), 3).unwrap();
        assert_eq!(snooze.until, d(2030, 1, 4));
        // The clock is put right: the check-in is due, not hidden until 2030.
        assert!(matches!(
            s.status(d(2026, 4, 1), Some(&snooze)),
            Status::DueNow { .. }
        ));
    }

    #[test]
    fn snoozing_puts_a_due_check_in_off_for_the_days_chosen() {
        let s = schedule(&[d(2026, 3, 2)]);
        let today = d(2026, 3, 31);
        assert_eq!(
            s.snooze(d(2026, 3, 29), 3),
            Err(ScheduleError::NotDueYet(d(2026, 3, 30)))
        );
        assert_eq!(s.snooze(today, 0), Err(ScheduleError::BadDeferral(0)));
        assert_eq!(s.snooze(today, 29), Err(ScheduleError::BadDeferral(29)));
        let snooze = s.snooze(today, DEFAULT_SNOOZE_DAYS).unwrap();
        assert_eq!(
            snooze,
            Deferral {
                kind: DeferralKind::Snoozed,
                for_due: d(2026, 3, 30),
                made_on: today,
                until: d(2026, 4, 3),
            }
        );
        assert_eq!(
            s.status(d(2026, 4, 2), Some(&snooze)),
            Status::Deferred {
                due: plain(d(2026, 3, 30)),
                deferral: snooze,
                days_to_go: 1
            }
        );
        // On the day it ends the check-in is due again, still for the same date.
        assert_eq!(
            s.status(d(2026, 4, 3), Some(&snooze)),
            Status::DueNow {
                due: plain(d(2026, 3, 30)),
                days_late: 4
            }
        );
        // After the next check-in, the old snooze no longer applies to anything.
        let later = schedule(&[d(2026, 3, 2), d(2026, 4, 1)]);
        assert!(matches!(
            later.status(d(2026, 4, 29), Some(&snooze)),
            Status::DueNow { .. }
        ));
        // A snooze round-trips through storage.
        let json = serde_json::to_string(&snooze).unwrap();
        assert_eq!(serde_json::from_str::<Deferral>(&json).unwrap(), snooze);
        assert!(json.contains("\"snoozed\""));
    }

    #[test]
    fn not_now_asks_again_after_a_week_and_records_nothing() {
        let s = schedule(&[d(2026, 3, 2)]);
        let today = d(2026, 3, 30);
        let rest = s.not_now(today).unwrap();
        assert_eq!(rest.kind, DeferralKind::NotNow);
        assert_eq!(rest.until, d(2026, 4, 6));
        assert!(matches!(
            s.status(d(2026, 4, 5), Some(&rest)),
            Status::Deferred { .. }
        ));
        assert!(matches!(
            s.status(d(2026, 4, 6), Some(&rest)),
            Status::DueNow { .. }
        ));
        // Nothing about the schedule changed: the same check-in is due, no gap recorded.
        assert_eq!(s.next_due(), Some(plain(d(2026, 3, 30))));
        let gentle = Schedule::new(
            ScheduleSettings {
                not_now_days: 14,
                ..Default::default()
            },
            [d(2026, 3, 2)],
        );
        assert_eq!(gentle.not_now(today).map(|r| r.until), Ok(d(2026, 4, 13)));
    }

    #[test]
    fn the_calendar_ends_gracefully_at_the_end_of_time() {
        let s = schedule(&[NaiveDate::MAX]);
        assert!(s.upcoming(3).is_empty());
        assert!(matches!(
            s.status(NaiveDate::MAX, None),
            Status::DueNow { .. }
        ));
    }

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        (0u32..20_000).prop_map(|n| add_days(d(2000, 1, 1), n))
    }

    proptest! {
        #[test]
        fn due_dates_come_after_the_last_check_in_and_within_the_interval(
            dates in proptest::collection::vec(any_date(), 1..8),
            interval in 1u32..=120,
        ) {
            let settings = ScheduleSettings { interval_days: interval, ..Default::default() };
            let s = Schedule::new(settings, dates.iter().copied());
            let last = dates.iter().copied().max().unwrap();
            let mut prev = last;
            for due in s.upcoming(12) {
                prop_assert!(due.date > prev);
                prop_assert!((due.date - prev).num_days() <= i64::from(interval));
                prev = due.date;
            }
            prop_assert_eq!(s.upcoming(12).len(), 12);
        }

        #[test]
        fn each_pathway_point_is_marked_once_in_the_calendar(baseline in any_date()) {
            let s = schedule(&[baseline]);
            let marks: Vec<PathwayPoint> = s.upcoming(12).iter().filter_map(|d| d.pathway).collect();
            prop_assert_eq!(marks, PathwayPoint::ALL.to_vec());
        }

        #[test]
        fn every_day_has_a_status_with_the_same_due_date(
            dates in proptest::collection::vec(any_date(), 1..5),
            today in any_date(),
            made in any_date(),
            days in 1u32..=28,
        ) {
            let s = schedule(&dates);
            let due = s.next_due();
            prop_assert!(due.is_some());
            // Whatever the clock says, and whatever deferral is stored, the due date holds.
            let deferral = s.snooze(made, days).ok();
            let status = s.status(today, deferral.as_ref());
            prop_assert_eq!(status.due(), due);
            if let Status::Deferred { deferral: def, days_to_go, .. } = status {
                prop_assert!(days_to_go >= 1 && days_to_go <= days);
                prop_assert!(def.made_on <= today);
            }
        }
    }
}
