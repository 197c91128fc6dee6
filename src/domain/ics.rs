//! An iCalendar file (RFC 5545) of the coming check-in dates: reminders that work without a
//! server (SPEC.md 3.2). The person downloads it and their calendar app does the reminding.
//!
//! Pure text building: no clock is read here (the caller passes "now") and no file is
//! written, so the output is fully determined by the inputs and tested natively.

use chrono::{DateTime, NaiveDate, Utc};

/// Identifies this app in the file, as RFC 5545 requires.
pub const PRODID: &str = "-//Flourish//Check-in reminders//EN";

/// The longest line RFC 5545 allows, in octets, not counting the line break.
pub const MAX_LINE_OCTETS: usize = 75;

/// One all-day reminder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// The local date of the check-in.
    pub date: NaiveDate,
    /// The event's title, e.g. "Flourish check-in".
    pub summary: String,
    /// Longer text, e.g. what the check-in is and how to open the app. May hold newlines.
    pub description: String,
}

/// What is the same for every event in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarOptions<'a> {
    /// A stable key for this person's calendar (e.g. a random id kept on the device), so two
    /// people's files never share UIDs while a re-download of one person's file does.
    pub uid_key: &'a str,
    /// When the file is made, written as every event's DTSTAMP.
    pub now: DateTime<Utc>,
    /// The hour of the day (0 to 23, local) for a pop-up reminder, or `None` for no alarm.
    pub reminder_hour: Option<u8>,
}

/// Why a calendar could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IcsError {
    /// The day after this date does not exist, so the event cannot end.
    #[error("{0} is too far in the future for a calendar")]
    DateOutOfRange(NaiveDate),
    /// Two events on one date would share a UID, and calendars would merge them.
    #[error("there are two reminders on {0}")]
    RepeatedDate(NaiveDate),
    /// The reminder hour is not an hour of the day.
    #[error("{0} is not an hour of the day")]
    BadReminderHour(u8),
}

/// Builds the whole `.ics` file: CRLF line ends, lines folded at 75 octets, text escaped.
///
/// Each event's UID is `flourish-checkin-YYYYMMDD-<key>`: the same date and key always give
/// the same UID, so importing a newer file updates events rather than duplicating them.
pub fn calendar(events: &[CalendarEvent], options: &CalendarOptions) -> Result<String, IcsError> {
    if let Some(hour) = options.reminder_hour.filter(|&h| h > 23) {
        return Err(IcsError::BadReminderHour(hour));
    }
    let stamp = super::time::basic_utc(options.now);
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    let mut seen: Vec<NaiveDate> = Vec::with_capacity(events.len());
    for event in events {
        if seen.contains(&event.date) {
            return Err(IcsError::RepeatedDate(event.date));
        }
        seen.push(event.date);
        let end = event
            .date
            .succ_opt()
            .ok_or(IcsError::DateOutOfRange(event.date))?;
        let day = super::time::basic_date;
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!(
                "UID:{}",
                escape_text(&format!(
                    "flourish-checkin-{}-{}",
                    day(event.date),
                    options.uid_key
                ))
            ),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", day(event.date)),
            // DTEND is exclusive: an all-day event on one date ends the next day.
            format!("DTEND;VALUE=DATE:{}", day(end)),
            format!("SUMMARY:{}", escape_text(&event.summary)),
            format!("DESCRIPTION:{}", escape_text(&event.description)),
            // A reminder should not show the person as busy all day.
            "TRANSP:TRANSPARENT".into(),
        ]);
        if let Some(hour) = options.reminder_hour {
            // Relative to the start of an all-day event, i.e. local midnight of the date.
            lines.extend([
                "BEGIN:VALARM".into(),
                "ACTION:DISPLAY".into(),
                format!("DESCRIPTION:{}", escape_text(&event.summary)),
                format!("TRIGGER:PT{hour}H"),
                "END:VALARM".into(),
            ]);
        }
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in &lines {
        out.push_str(&fold_line(line));
        out.push_str("\r\n");
    }
    Ok(out)
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash,
/// a line break becomes `\n`. Carriage returns are dropped so CRLF and LF both become `\n`.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 3.1): no physical line longer than 75 octets, each
/// continuation starting with a space. Splits only between characters, never inside a UTF-8
/// sequence, so a line of emoji or Welsh accents stays valid. Returns the pieces joined by
/// CRLF, without a final line break.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    // The first physical line may hold 75 octets; later ones 74 after their leading space.
    let mut room = MAX_LINE_OCTETS;
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > room {
            out.push_str("\r\n ");
            room = MAX_LINE_OCTETS - 1;
            used = 0;
        }
        out.push(c);
        used += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 10, 15, 30).unwrap()
    }

    fn event(date: NaiveDate) -> CalendarEvent {
        CalendarEvent {
            date,
            summary: "Flourish check-in".into(),
            description: "Time for your check-in. Open Flourish, then choose \"Start\".".into(),
        }
    }

    fn options() -> CalendarOptions<'static> {
        CalendarOptions {
            uid_key: "abc123",
            now: now(),
            reminder_hour: Some(9),
        }
    }

    /// Undoes folding, to read the logical lines back.
    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_file_has_the_expected_structure() {
        let ics = calendar(&[event(d(2026, 3, 30)), event(d(2026, 4, 27))], &options()).unwrap();
        let lines = unfold(&ics);
        assert_eq!(
            &lines[..5],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Flourish//Check-in reminders//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH"
            ]
        );
        assert_eq!(
            &lines[5..19],
            [
                "BEGIN:VEVENT",
                "UID:flourish-checkin-20260330-abc123",
                "DTSTAMP:20260302T101530Z",
                "DTSTART;VALUE=DATE:20260330",
                "DTEND;VALUE=DATE:20260331",
                "SUMMARY:Flourish check-in",
                "DESCRIPTION:Time for your check-in. Open Flourish\\, then choose \"Start\".",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:Flourish check-in",
                "TRIGGER:PT9H",
                "END:VALARM",
                "END:VEVENT",
            ]
        );
        assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 2);
        // Every line ends in CRLF, the file included; no bare LF anywhere.
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
        // The same inputs give the same file: UIDs are stable.
        assert_eq!(
            ics,
            calendar(&[event(d(2026, 3, 30)), event(d(2026, 4, 27))], &options()).unwrap()
        );
    }

    #[test]
    fn events_end_the_next_day_across_month_year_and_leap_day() {
        let ics = calendar(
            &[
                event(d(2026, 12, 31)),
                event(d(2028, 2, 28)),
                event(d(2028, 2, 29)),
            ],
            &CalendarOptions {
                reminder_hour: None,
                ..options()
            },
        )
        .unwrap();
        let ends: Vec<String> = unfold(&ics)
            .into_iter()
            .filter(|l| l.starts_with("DTEND"))
            .collect();
        assert_eq!(
            ends,
            [
                "DTEND;VALUE=DATE:20270101",
                "DTEND;VALUE=DATE:20280229",
                "DTEND;VALUE=DATE:20280301"
            ]
        );
        assert!(!ics.contains("VALARM"));
    }

    #[test]
    fn an_empty_list_is_a_valid_empty_calendar() {
        let ics = calendar(&[], &options()).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(!ics.contains("VEVENT"));
    }

    #[test]
    fn bad_input_is_refused_not_written() {
        assert_eq!(
            calendar(&[event(d(2026, 3, 30)), event(d(2026, 3, 30))], &options()),
            Err(IcsError::RepeatedDate(d(2026, 3, 30)))
        );
        assert_eq!(
            calendar(&[event(NaiveDate::MAX)], &options()),
            Err(IcsError::DateOutOfRange(NaiveDate::MAX))
        );
        let late = CalendarOptions {
            reminder_hour: Some(24),
            ..options()
        };
        assert_eq!(calendar(&[], &late), Err(IcsError::BadReminderHour(24)));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(
            escape_text("line one\r\nline two\nthree"),
            "line one\\nline two\\nthree"
        );
        assert_eq!(escape_text("Café: 10:00"), "Café: 10:00");
        let mut e = event(d(2026, 3, 30));
        e.summary = "Check-in; 10 weeks, well done\\".into();
        let ics = calendar(&[e], &options()).unwrap();
        assert!(unfold(&ics).contains(&"SUMMARY:Check-in\\; 10 weeks\\, well done\\\\".to_string()));
    }

    #[test]
    fn long_lines_fold_at_75_octets() {
        let line = format!("DESCRIPTION:{}", "x".repeat(200));
        let folded = fold_line(&line);
        let physical: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(physical[0].len(), 75);
        assert!(physical[1..]
            .iter()
            .all(|l| l.starts_with(' ') && l.len() <= 75));
        assert_eq!(physical[1].len(), 75);
        assert_eq!(folded.replace("\r\n ", ""), line);
        // Exactly 75 octets stays on one line; 76 folds.
        assert!(!fold_line(&"y".repeat(75)).contains("\r\n"));
        assert_eq!(
            fold_line(&"y".repeat(76)),
            format!("{}\r\n y", "y".repeat(75))
        );
    }

    #[test]
    fn folding_never_splits_a_character() {
        // "é" is 2 octets and "🌱" is 4: put them where a byte count of 75 would cut them.
        for prefix in 70..76 {
            for s in ["é", "🌱", "ŵ"] {
                let line = format!("{}{}", "a".repeat(prefix), s.repeat(40));
                let folded = fold_line(&line);
                for physical in folded.split("\r\n") {
                    assert!(physical.len() <= MAX_LINE_OCTETS, "{physical:?}");
                }
                assert_eq!(folded.replace("\r\n ", ""), line);
            }
        }
        // Text long enough to fold comes back whole after unfolding.
        let mut e = event(d(2026, 3, 30));
        e.description = "Amser am eich gwiriad 🌱, ŵyr a wyres; ".repeat(6);
        let ics = calendar(&[e.clone()], &options()).unwrap();
        assert!(ics.split("\r\n").all(|l| l.len() <= MAX_LINE_OCTETS));
        assert!(unfold(&ics).contains(&format!("DESCRIPTION:{}", escape_text(&e.description))));
    }

    /// Writes a sample file for `scripts/check_ics.py`, which parses it with the Python
    /// `icalendar` package (an independent reader) and checks the events and dates:
    /// `python3 scripts/check_ics.py target/ics/sample.ics --dates 2026-03-30,...`.
    #[test]
    fn writes_a_sample_for_the_python_checker() {
        use crate::domain::schedule::{Schedule, ScheduleSettings};
        let schedule = Schedule::new(ScheduleSettings::default(), [d(2026, 1, 31)]);
        let events: Vec<CalendarEvent> = schedule
            .upcoming(8)
            .into_iter()
            .map(|due| CalendarEvent {
                date: due.date,
                summary: match due.pathway {
                    Some(_) => "Flourish check-in, a milestone".into(),
                    None => "Flourish check-in".into(),
                },
                description: "Time for your check-in; it takes about 5 minutes.\nOpen Flourish, \
                              then choose \"Start\". Not a good day? You can say \"not now\" \u{1F331}."
                    .into(),
            })
            .collect();
        let ics = calendar(&events, &options()).unwrap();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ics");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("sample.ics"), &ics).unwrap();
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 8);
    }
}
