//! How often a schedule repeats, in a shape the page can say in a sentence ("Every Tuesday",
//! "The first and third Tuesday of the month"), without words in the core.

use chrono::Weekday;

use super::model::{Freq, Schedule};

/// A schedule's pattern, ready to be put into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Repeat {
    /// Every `weeks` weeks (1 for every week) on these days, Monday first.
    Weekly {
        /// Every how many weeks.
        weeks: u32,
        /// Which days.
        days: Vec<Weekday>,
    },
    /// On these weekdays of the month, each with which ones (1 to 5 from the start, -1 to
    /// -5 from the end), in the month's order: first, second, …, then second to last, last.
    MonthlyOn(Vec<(Weekday, Vec<i8>)>),
    /// On these days of the month (1 to 31), in order.
    MonthDays(Vec<u8>),
    /// The record does not say in a form the app can read: show its description.
    NotSaid,
}

impl Schedule {
    /// The pattern this schedule repeats in.
    pub fn repeat(&self) -> Repeat {
        let mut weekdays: Vec<Weekday> = Vec::new();
        for d in &self.days {
            if !weekdays.contains(&d.weekday) {
                weekdays.push(d.weekday);
            }
        }
        weekdays.sort_by_key(|d| d.num_days_from_monday());
        match self.freq {
            Freq::Monthly if self.days.iter().any(|d| d.nth.is_some()) => {
                let on = weekdays
                    .into_iter()
                    .map(|w| {
                        let mut nths: Vec<i8> = self
                            .days
                            .iter()
                            .filter(|d| d.weekday == w)
                            .filter_map(|d| d.nth)
                            .collect();
                        // First, second, … then counted from the end: -5 before -1.
                        nths.sort_by_key(|n| {
                            if *n > 0 {
                                i16::from(*n)
                            } else {
                                10 + i16::from(*n)
                            }
                        });
                        nths.dedup();
                        (w, nths)
                    })
                    .filter(|(_, nths)| !nths.is_empty())
                    .collect();
                Repeat::MonthlyOn(on)
            }
            Freq::Monthly if !self.month_days.is_empty() => {
                let mut days = self.month_days.clone();
                days.sort_unstable();
                days.dedup();
                Repeat::MonthDays(days)
            }
            Freq::Weekly if !weekdays.is_empty() => Repeat::Weekly {
                weeks: self.interval.max(1),
                days: weekdays,
            },
            _ => Repeat::NotSaid,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Day;

    fn schedule(freq: Freq, interval: u32, days: &[(Weekday, Option<i8>)]) -> Schedule {
        Schedule {
            freq,
            interval,
            days: days
                .iter()
                .map(|&(weekday, nth)| Day { weekday, nth })
                .collect(),
            month_days: vec![],
            opens_at: None,
            closes_at: None,
            description: None,
            valid_from: None,
            valid_to: None,
        }
    }

    #[test]
    fn weekly_schedules_list_their_days_monday_first_once_each() {
        let s = schedule(
            Freq::Weekly,
            1,
            &[
                (Weekday::Fri, None),
                (Weekday::Tue, None),
                (Weekday::Fri, None),
            ],
        );
        assert_eq!(
            s.repeat(),
            Repeat::Weekly {
                weeks: 1,
                days: vec![Weekday::Tue, Weekday::Fri]
            }
        );
        let fortnightly = schedule(Freq::Weekly, 2, &[(Weekday::Wed, None)]);
        assert_eq!(
            fortnightly.repeat(),
            Repeat::Weekly {
                weeks: 2,
                days: vec![Weekday::Wed]
            }
        );
    }

    #[test]
    fn monthly_weekdays_keep_which_ones_first_to_last() {
        let s = schedule(
            Freq::Monthly,
            1,
            &[
                (Weekday::Tue, Some(-1)),
                (Weekday::Tue, Some(3)),
                (Weekday::Tue, Some(1)),
            ],
        );
        assert_eq!(
            s.repeat(),
            Repeat::MonthlyOn(vec![(Weekday::Tue, vec![1, 3, -1])])
        );
    }

    #[test]
    fn days_of_the_month_are_sorted_and_anything_else_is_not_said() {
        let mut s = schedule(Freq::Monthly, 1, &[]);
        s.month_days = vec![15, 1, 15];
        assert_eq!(s.repeat(), Repeat::MonthDays(vec![1, 15]));
        assert_eq!(schedule(Freq::NotSaid, 1, &[]).repeat(), Repeat::NotSaid);
        assert_eq!(schedule(Freq::Monthly, 1, &[]).repeat(), Repeat::NotSaid);
        assert_eq!(schedule(Freq::Weekly, 1, &[]).repeat(), Repeat::NotSaid);
    }
}
