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

/// The week, Monday first.
const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// Which weekday of the month, in the month's order: first to fifth, then counted from the
/// end, fifth from last to last.
const MONTH_ORDER: [i8; 10] = [1, 2, 3, 4, 5, -5, -4, -3, -2, -1];

impl Schedule {
    /// The pattern this schedule repeats in.
    pub fn repeat(&self) -> Repeat {
        // Lists of at most a week's or a month's days, put in order by walking the order
        // itself: no sort routine in the wasm for seven items.
        let weekdays: Vec<Weekday> = WEEK
            .into_iter()
            .filter(|w| self.days.iter().any(|d| d.weekday == *w))
            .collect();
        match self.freq {
            Freq::Monthly if self.days.iter().any(|d| d.nth.is_some()) => {
                let on = weekdays
                    .into_iter()
                    .map(|w| {
                        let nths: Vec<i8> = MONTH_ORDER
                            .into_iter()
                            .filter(|n| {
                                self.days
                                    .iter()
                                    .any(|d| d.weekday == w && d.nth == Some(*n))
                            })
                            .collect();
                        (w, nths)
                    })
                    .filter(|(_, nths)| !nths.is_empty())
                    .collect();
                Repeat::MonthlyOn(on)
            }
            Freq::Monthly if !self.month_days.is_empty() => {
                Repeat::MonthDays((1..=31).filter(|d| self.month_days.contains(d)).collect())
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

    #[test]
    fn weekly_schedules_list_their_days_monday_first_once_each() {
        let s = Schedule::repeating(
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
        let fortnightly = Schedule::repeating(Freq::Weekly, 2, &[(Weekday::Wed, None)]);
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
        let s = Schedule::repeating(
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
        let mut s = Schedule::repeating(Freq::Monthly, 1, &[]);
        s.month_days = vec![15, 1, 15];
        assert_eq!(s.repeat(), Repeat::MonthDays(vec![1, 15]));
        assert_eq!(
            Schedule::repeating(Freq::NotSaid, 1, &[]).repeat(),
            Repeat::NotSaid
        );
        assert_eq!(
            Schedule::repeating(Freq::Monthly, 1, &[]).repeat(),
            Repeat::NotSaid
        );
        assert_eq!(
            Schedule::repeating(Freq::Weekly, 1, &[]).repeat(),
            Repeat::NotSaid
        );
    }
}
