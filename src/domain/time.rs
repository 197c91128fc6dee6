//! Instants and dates as the app stores and writes them, read and written without chrono's
//! format interpreter.
//!
//! chrono's `FromStr` and `format` run a format description at run time; that interpreter is
//! about 20 KB of the wasm a person downloads, and the app only ever needs a few fixed
//! shapes. So stored instants (RFC 3339) and dates (`2026-11-21`) are read here, accepting
//! exactly what chrono's `FromStr` accepts (a property test holds the two together), and the
//! calendar and export files' dates are written with plain integer formatting. Writing RFC
//! 3339 stays with chrono's `Serialize`, which does not use the interpreter.
//!
//! The serde modules are for `#[serde(with = "...")]` on stored fields.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};

/// `date + days`, saturating at the end of the calendar rather than failing.
pub fn add_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// `date - days`, saturating at the start of the calendar.
pub fn sub_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(chrono::Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

/// Reads an RFC 3339 instant, e.g. `2026-11-21T09:30:00.250Z` or `2026-11-21T10:30:00+01:00`,
/// with the same leniency as chrono's `DateTime::<FixedOffset>::from_str` (unpadded numbers,
/// spaces between parts, `UTC` for `Z`, a leap second as `:60`).
pub fn parse_instant(text: &str) -> Option<DateTime<Utc>> {
    let (rest, date) = date_part(text)?;
    let rest = match rest.as_bytes().first()? {
        b'T' | b't' | b' ' => &rest[1..],
        _ => return None,
    };
    let (rest, hour) = number(rest.trim_start(), 2)?;
    let rest = rest.trim_start().strip_prefix(':')?;
    let (rest, minute) = number(rest.trim_start(), 2)?;
    let rest = rest.trim_start().strip_prefix(':')?;
    let (rest, second) = number(rest.trim_start(), 2)?;
    let (rest, nano) = match rest.strip_prefix('.') {
        Some(digits) => fraction(digits)?,
        None => (rest, 0),
    };
    let rest = rest.trim_start();
    let (rest, offset) = if rest.len() >= 3 && rest.as_bytes()[..3].eq_ignore_ascii_case(b"UTC") {
        (&rest[3..], 0)
    } else {
        utc_offset(rest)?
    };
    if !rest.trim_start().is_empty() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    // chrono keeps a leap second as the 59th second plus a whole second of nanoseconds.
    let (second, nano) = if second == 60 {
        (59, 1_000_000_000 + nano)
    } else {
        (second as u32, nano)
    };
    let time = NaiveTime::from_hms_nano_opt(hour as u32, minute as u32, second, nano)?;
    FixedOffset::east_opt(offset)?
        .from_local_datetime(&date.and_time(time))
        .single()
        .map(|t| t.with_timezone(&Utc))
}

/// Reads a calendar date, e.g. `2026-11-21`, with the same leniency as chrono's
/// `NaiveDate::from_str`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let (rest, date) = date_part(text)?;
    rest.trim_start().is_empty().then_some(date)
}

/// A date as `YYYYMMDD`, as calendar files write it.
pub fn basic_date(date: NaiveDate) -> String {
    format!("{}{:02}{:02}", year(date.year()), date.month(), date.day())
}

/// An instant in UTC as `YYYYMMDDTHHMMSSZ`, as calendar files write it.
pub fn basic_utc(at: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        basic_date(at.date_naive()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// A year as chrono's `%Y` writes it: four digits, with a sign outside 0 to 9999.
fn year(year: i32) -> String {
    if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else {
        format!("{year:+05}")
    }
}

/// `year-month-day` at the start of `text`, and what follows it.
fn date_part(text: &str) -> Option<(&str, NaiveDate)> {
    let text = text.trim_start();
    let (rest, year) = match text.as_bytes().first() {
        Some(b'-') => number(&text[1..], usize::MAX).map(|(r, y)| (r, -y))?,
        Some(b'+') => number(&text[1..], usize::MAX)?,
        _ => number(text, 4)?,
    };
    let rest = rest.trim_start().strip_prefix('-')?;
    let (rest, month) = number(rest.trim_start(), 2)?;
    let rest = rest.trim_start().strip_prefix('-')?;
    let (rest, day) = number(rest.trim_start(), 2)?;
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    )?;
    Some((rest, date))
}

/// One to `max` ASCII digits at the start of `text`.
fn number(text: &str, max: usize) -> Option<(&str, i64)> {
    let digits = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: i64 = 0;
    for b in text[..digits].bytes() {
        value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some((&text[digits..], value))
}

/// The digits after a decimal point as nanoseconds: the first nine count, the rest are skipped.
fn fraction(text: &str) -> Option<(&str, u32)> {
    let (rest, value) = number(text, 9)?;
    let scale = 10_i64.pow(9 - (text.len() - rest.len()) as u32);
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    Some((rest, (value * scale) as u32))
}

/// `Z`, or a signed `hh:mm` offset (the colon optional, or any run of colons and spaces), in
/// seconds east of UTC.
fn utc_offset(text: &str) -> Option<(&str, i32)> {
    let mut chars = text.chars();
    let sign = match chars.next()? {
        'Z' | 'z' => return Some((chars.as_str(), 0)),
        '+' => 1,
        // chrono also takes the Unicode minus sign here.
        '-' | '\u{2212}' => -1,
        _ => return None,
    };
    let rest = chars.as_str();
    let two = |t: &str, first: std::ops::RangeInclusive<u8>| match t.as_bytes() {
        [a, b, ..] if first.contains(a) && b.is_ascii_digit() => {
            Some(i32::from((a - b'0') * 10 + (b - b'0')))
        }
        _ => None,
    };
    let hours = two(rest, b'0'..=b'9')?;
    let rest = rest[2..].trim_start_matches(|c: char| c == ':' || c.is_whitespace());
    let minutes = two(rest, b'0'..=b'5')?;
    Some((&rest[2..], sign * (hours * 3600 + minutes * 60)))
}

/// `#[serde(with = "...")]` for a stored `DateTime<Utc>`: written by chrono, read by
/// [`parse_instant`].
pub mod instant {
    use chrono::{DateTime, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the instant as chrono does (RFC 3339, `Z`).
    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        at.serialize(serializer)
    }

    /// Reads an RFC 3339 instant.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_instant(&text).ok_or_else(|| D::Error::custom(NOT_AN_INSTANT))
    }

    pub(super) const NOT_AN_INSTANT: &str = "not a date and time in RFC 3339 form";
}

/// `#[serde(with = "...")]` for a stored `Option<DateTime<Utc>>` (`null` when absent).
pub mod optional_instant {
    use chrono::{DateTime, Utc};
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the instant as chrono does, or `null`.
    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        at.serialize(serializer)
    }

    /// Reads an RFC 3339 instant or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(text) => super::parse_instant(&text)
                .map(Some)
                .ok_or_else(|| D::Error::custom(super::instant::NOT_AN_INSTANT)),
        }
    }
}

/// `#[serde(with = "...")]` for a stored `NaiveDate`: written by chrono, read by
/// [`parse_date`].
pub mod date {
    use chrono::NaiveDate;
    use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};

    /// Writes the date as chrono does (`2026-11-21`).
    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        date.serialize(serializer)
    }

    /// Reads a `year-month-day` date.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date(&text)
            .ok_or_else(|| D::Error::custom("not a date in year-month-day form"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chrono_instant(text: &str) -> Option<DateTime<Utc>> {
        text.parse::<DateTime<FixedOffset>>()
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    #[test]
    fn what_the_app_writes_reads_back_to_the_same_instant() {
        let at = Utc.with_ymd_and_hms(2026, 11, 21, 9, 30, 5).unwrap()
            + chrono::Duration::milliseconds(250);
        let written = serde_json::to_string(&at).unwrap();
        assert_eq!(written, "\"2026-11-21T09:30:05.250Z\"");
        assert_eq!(parse_instant(written.trim_matches('"')), Some(at));
    }

    #[test]
    fn an_offset_is_turned_into_utc() {
        assert_eq!(
            parse_instant("2026-03-29T01:30:00+01:00"),
            Utc.with_ymd_and_hms(2026, 3, 29, 0, 30, 0).single()
        );
    }

    #[test]
    fn impossible_dates_and_times_are_refused() {
        for text in [
            "2026-02-30T00:00:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T10:00:00",
            "2026-11-21T10:00:00+24:00",
            "2026-11-21",
            "",
        ] {
            assert_eq!(parse_instant(text), None, "{text}");
        }
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(
            parse_date("2028-02-29"),
            NaiveDate::from_ymd_opt(2028, 2, 29)
        );
    }

    #[test]
    fn calendar_file_dates_are_written_like_chronos_strftime() {
        let at = Utc.with_ymd_and_hms(2026, 1, 2, 3, 4, 5).unwrap();
        assert_eq!(basic_utc(at), at.format("%Y%m%dT%H%M%SZ").to_string());
        for d in [
            NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(),
            NaiveDate::from_ymd_opt(12, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(-3, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(10_000, 1, 1).unwrap(),
        ] {
            assert_eq!(basic_date(d), d.format("%Y%m%d").to_string());
            assert_eq!(d.to_string(), d.format("%Y-%m-%d").to_string());
        }
    }

    /// Text near the RFC 3339 shape: each part may be padded or not, spaced or not, or wrong.
    fn near_instant() -> impl Strategy<Value = String> {
        let year = prop_oneof![
            4 => (0u32..10_000).prop_map(|y| format!("{y:04}")),
            1 => (0u32..3000).prop_map(|y| y.to_string()),
            1 => (-300_000i64..300_000).prop_map(|y| format!("{y:+}")),
            1 => "[0-9+-]{0,6}",
        ];
        let two = |hi: u32| {
            prop_oneof![
                4 => (0..hi).prop_map(|n| format!("{n:02}")),
                1 => (0..hi + 40).prop_map(|n| n.to_string()),
                1 => "[0-9]{0,3}",
            ]
        };
        let space = prop_oneof![8 => Just(""), 1 => Just(" "), 1 => Just("\t ")];
        let sep = prop_oneof![6 => Just("T"), 1 => Just("t"), 1 => Just(" "), 1 => Just("x")];
        let fraction = prop_oneof![3 => Just(String::new()), 2 => "\\.[0-9]{0,12}"];
        let offset = prop_oneof![
            4 => Just("Z".to_string()),
            1 => Just("z".to_string()),
            1 => Just("UTC".to_string()),
            1 => Just("utc".to_string()),
            3 => "[+\u{2212}-][0-9]{2}[: ]{0,2}[0-9]{0,3}",
            1 => "[A-Za-z0-9+: -]{0,5}",
        ];
        (
            (year, space.clone(), two(13), space.clone(), two(32)),
            (sep, two(25), space.clone(), two(61), space.clone(), two(62)),
            (fraction, space.clone(), offset, space),
        )
            .prop_map(
                |((y, s1, mo, s2, d), (t, h, s3, mi, s4, se), (f, s5, o, s6))| {
                    format!("{y}{s1}-{mo}{s2}-{d}{t}{h}{s3}:{mi}{s4}:{se}{f}{s5}{o}{s6}")
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn instants_are_read_exactly_as_chrono_reads_them(text in near_instant()) {
            prop_assert_eq!(parse_instant(&text), chrono_instant(&text), "{:?}", text);
        }

        #[test]
        fn dates_are_read_exactly_as_chrono_reads_them(
            text in "[ ]?[+-]?[0-9]{1,6}[ ]?-[ ]?[0-9]{1,3}[ ]?-[ ]?[0-9]{1,3}[ \t]?[0-9x]?"
        ) {
            prop_assert_eq!(parse_date(&text), text.parse::<NaiveDate>().ok(), "{:?}", text);
        }

        #[test]
        fn any_instant_chrono_writes_is_read_back(secs in -50_000_000_000i64..250_000_000_000, nanos in 0u32..1_000_000_000) {
            let at = DateTime::from_timestamp(secs, nanos).unwrap();
            prop_assert_eq!(parse_instant(&at.to_rfc3339()), Some(at));
            let json = serde_json::to_string(&at).unwrap();
            prop_assert_eq!(parse_instant(json.trim_matches('"')), Some(at));
        }
    }
}
