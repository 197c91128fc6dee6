//! The app's own lean picture of a directory entry, read from an Open Referral UK record.

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::links::{self, Link, LinkKind};
use super::postcode::{Postcode, Proximity};
use super::raw;
use super::taxonomy::{self, Classifier, Tag, Term};

/// One service from the directory: something a person could go to.
#[derive(Debug, Clone, PartialEq)]
pub struct Activity {
    /// The record's `id`: what "I went" records and the uptake question counts.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is, in the publisher's words.
    pub description: Option<String>,
    /// Who runs it.
    pub organisation: Option<String>,
    /// The service's activity category ids it belongs to, in the service's order.
    pub categories: Vec<String>,
    /// Whether the record says someone can meet the person there (see the module's docs).
    pub meet_you_there: bool,
    /// Whether some place it is held at has step-free access.
    pub step_free: bool,
    /// What it costs, in one word.
    pub cost: Cost,
    /// When it happens.
    pub schedules: Vec<Schedule>,
    /// Where it happens.
    pub places: Vec<Place>,
    /// Prices, as published.
    pub costs: Vec<CostOption>,
    /// The older free-text `fees` field, when the record has one.
    pub fees: Option<String>,
    /// Named people to ask for.
    pub contacts: Vec<Contact>,
    /// The service's phone numbers.
    pub phones: Vec<Phone>,
    /// The service's email address, as published.
    pub email: Option<String>,
    /// The service's web page, as published.
    pub url: Option<String>,
    /// Every taxonomy term the service is linked to.
    pub terms: Vec<Term>,
    /// The name folded for sorting.
    pub(super) sort_name: String,
}

/// What going costs, in one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cost {
    /// Free for everyone.
    Free,
    /// Free for some people (one option is free, another is not).
    FreeForSome,
    /// Everyone pays something.
    Paid,
    /// The record does not say.
    NotSaid,
}

/// One price, as published.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CostOption {
    /// Who or what the price is for, e.g. "Over 60s".
    pub option: Option<String>,
    /// The price in pence.
    pub amount_pence: Option<u64>,
    /// What the price covers, e.g. "per session".
    pub amount_description: Option<String>,
}

impl CostOption {
    /// An amount of 0, or no amount and words starting "Free".
    pub fn is_free(&self) -> bool {
        match self.amount_pence {
            Some(pence) => pence == 0,
            None => [&self.option, &self.amount_description]
                .into_iter()
                .flatten()
                .any(|t| taxonomy::slug(t).starts_with("free")),
        }
    }
}

/// An amount of money without the pound sign: `3` for 300 pence, `3.50` for 350.
pub fn pounds(pence: u64) -> String {
    match pence % 100 {
        0 => (pence / 100).to_string(),
        p => format!("{}.{p:02}", pence / 100),
    }
}

/// How often a schedule repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Freq {
    /// Every week, or every few weeks (see [`Schedule::interval`]).
    Weekly,
    /// Every month, on a weekday of the month (`1MO`) or a day of the month.
    Monthly,
    /// The record does not say; its description may.
    NotSaid,
}

/// A weekday a schedule names, with its place in the month for monthly ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Day {
    /// The weekday.
    pub weekday: Weekday,
    /// Which one in the month: 1 to 5 from the start, -1 to -5 from the end (`-1FR` is the
    /// last Friday). `None` for every week.
    pub nth: Option<i8>,
}

/// When something happens (a `schedules` entry, iCalendar-style).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    /// How often it repeats.
    pub freq: Freq,
    /// Every how many weeks or months (1 unless the record says otherwise).
    pub interval: u32,
    /// Which weekdays.
    pub days: Vec<Day>,
    /// Which days of the month, for monthly schedules without weekdays.
    pub month_days: Vec<u8>,
    /// When it starts on the day.
    pub opens_at: Option<NaiveTime>,
    /// When it ends on the day.
    pub closes_at: Option<NaiveTime>,
    /// When it happens, in the publisher's words.
    pub description: Option<String>,
    /// The first date it applies to.
    pub valid_from: Option<NaiveDate>,
    /// The last date it applies to.
    pub valid_to: Option<NaiveDate>,
}

#[cfg(test)]
impl Schedule {
    /// A schedule repeating every `interval` of `freq` on `days` (weekday, and which one of
    /// the month), with nothing else said.
    pub(crate) fn repeating(freq: Freq, interval: u32, days: &[(Weekday, Option<i8>)]) -> Self {
        Self {
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
}

impl Schedule {
    /// Whether the schedule applies on `today` (always, when no date is given).
    pub fn is_current(&self, today: Option<NaiveDate>) -> bool {
        let Some(today) = today else { return true };
        self.valid_from.is_none_or(|from| from <= today)
            && self.valid_to.is_none_or(|to| today <= to)
    }
}

/// Where something happens.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Place {
    /// The place's name, e.g. "Example Community Hall".
    pub name: Option<String>,
    /// Street and town lines, as published.
    pub address: Vec<String>,
    /// Its postcode, when it is a UK one.
    pub postcode: Option<Postcode>,
    /// What the record says about access, as published.
    pub accessibility: Vec<String>,
    /// Whether it has step-free access (a `step-free` term, or words that plainly say so).
    pub step_free: bool,
    /// An online place (`location_type: virtual`).
    pub online: bool,
    /// Believable coordinates, for a map link.
    pub lat_lon: Option<(f64, f64)>,
}

impl Place {
    /// Address lines and postcode on one line, e.g. `1 Example Street, Wellbrook, WX1 2AB`.
    pub fn address_line(&self) -> String {
        let postcode = self.postcode.as_ref().map(Postcode::as_str);
        let parts: Vec<&str> = self
            .address
            .iter()
            .map(String::as_str)
            .chain(postcode)
            .collect();
        parts.join(", ")
    }
}

/// A named person to ask for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// Their name.
    pub name: Option<String>,
    /// Their role, e.g. "Volunteer organiser".
    pub title: Option<String>,
    /// Their phone numbers.
    pub phones: Vec<Phone>,
}

/// A phone number as published.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Phone {
    /// The number as written, e.g. `01632 960123`.
    pub number: String,
    /// What it is for, e.g. "Text or call".
    pub description: Option<String>,
}

impl Activity {
    /// How near its nearest place is to someone in `district` (see
    /// [`super::person_district`]); [`Proximity::Unknown`] without a district.
    pub fn proximity(&self, district: Option<&str>) -> Proximity {
        let Some(district) = district else {
            return Proximity::Unknown;
        };
        self.places
            .iter()
            .filter_map(|p| p.postcode.as_ref())
            .map(|p| Proximity::of(p, district))
            .max()
            .unwrap_or(Proximity::Unknown)
    }

    /// Whether a schedule that applies on `today` names `weekday`.
    pub fn runs_on(&self, weekday: Weekday, today: Option<NaiveDate>) -> bool {
        self.schedules
            .iter()
            .filter(|s| s.is_current(today))
            .any(|s| s.days.iter().any(|d| d.weekday == weekday))
    }

    /// Every way to get in touch or find it that works as a link, in the order a page shows
    /// them: phones (the service's, then each contact's), email, web page, then a map link
    /// for each place when the service allows map links (`directory_map_links`).
    pub fn links(&self, map_links: bool) -> Vec<Link> {
        let mut out: Vec<Link> = Vec::new();
        let mut add = |kind: LinkKind, href: Option<String>, text: String| {
            if let Some(href) = href {
                if !out.iter().any(|l| l.href == href) {
                    out.push(Link { kind, href, text });
                }
            }
        };
        let phones = self
            .phones
            .iter()
            .chain(self.contacts.iter().flat_map(|c| &c.phones));
        for phone in phones {
            add(
                LinkKind::Phone,
                links::tel_href(&phone.number),
                phone.number.clone(),
            );
        }
        if let Some(email) = &self.email {
            add(
                LinkKind::Email,
                links::mailto_href(email),
                email.trim().to_owned(),
            );
        }
        if let Some(url) = &self.url {
            add(LinkKind::Web, links::web_href(url), links::web_text(url));
        }
        if map_links {
            for place in &self.places {
                let address = place.address_line();
                add(
                    LinkKind::Map,
                    links::map_href(place.online, place.lat_lon, &address),
                    address,
                );
            }
        }
        out
    }
}

/// Trimmed text, or `None` when blank.
fn text(value: Option<String>) -> Option<String> {
    let value = value?;
    let trimmed = value.trim();
    match trimmed.len() {
        0 => None,
        n if n == value.len() => Some(value),
        _ => Some(trimmed.to_owned()),
    }
}

fn term(attribute: raw::Attribute) -> Option<Term> {
    let t = match attribute.term {
        Some(t) => Term {
            id: text(t.id).or_else(|| text(attribute.taxonomy_term_id)),
            name: text(t.name),
            term: text(t.term),
            taxonomy: text(t.taxonomy),
            term_uri: text(t.term_uri),
        },
        None => Term {
            id: text(attribute.taxonomy_term_id),
            ..Term::default()
        },
    };
    (t != Term::default()).then_some(t)
}

fn weekday(code: &str) -> Option<Weekday> {
    Some(match code {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

/// `MO`, `1MO`, `-1FR`, `+2TU`: a weekday with its place in the month. An unreadable part
/// of `byday` is left out rather than losing the whole schedule.
fn day(token: &str) -> Option<Day> {
    let token = token.trim().to_ascii_uppercase();
    let split = token.len().checked_sub(2)?;
    let weekday = weekday(token.get(split..)?)?;
    let nth = match token.get(..split)? {
        "" => None,
        n => {
            let n: i8 = n.parse().ok()?;
            ((1..=5).contains(&n.abs())).then_some(n)?;
            Some(n)
        }
    };
    Some(Day { weekday, nth })
}

/// The number in `text[range]` when it is all ASCII digits.
fn digits(text: &str, range: std::ops::Range<usize>) -> Option<u32> {
    let part = text.get(range)?;
    part.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| part.parse().ok())?
}

/// `10:00`, `10:00:00`, `10:00:00Z`, `10:00:00+01:00`: the local time of day. Read by hand:
/// chrono's format-string parser would add its weight to the wasm for this one use.
fn time(value: Option<String>) -> Option<NaiveTime> {
    let value = value?;
    let t = value.trim();
    if t.get(2..3) != Some(":") {
        return None;
    }
    let seconds = match t.get(5..6) {
        Some(":") => digits(t, 6..8)?,
        _ => 0,
    };
    NaiveTime::from_hms_opt(digits(t, 0..2)?, digits(t, 3..5)?, seconds)
}

/// `2026-12-31` (anything after the date is ignored).
fn date(value: Option<String>) -> Option<NaiveDate> {
    let value = value?;
    let d = value.trim();
    if d.get(4..5) != Some("-") || d.get(7..8) != Some("-") {
        return None;
    }
    let year = i32::try_from(digits(d, 0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(d, 5..7)?, digits(d, 8..10)?)
}

fn schedule(s: raw::Schedule) -> Schedule {
    let days: Vec<Day> = s
        .byday
        .as_deref()
        .unwrap_or_default()
        .split(',')
        .filter_map(day)
        .collect();
    let freq = match s.freq.as_deref().map(str::trim) {
        Some(f) if f.eq_ignore_ascii_case("WEEKLY") => Freq::Weekly,
        Some(f) if f.eq_ignore_ascii_case("MONTHLY") => Freq::Monthly,
        _ if !days.is_empty() => Freq::Weekly,
        _ => Freq::NotSaid,
    };
    let interval = match s.interval {
        Some(i) if i.is_finite() && (1.0..=52.0).contains(&i) => i as u32,
        _ => 1,
    };
    Schedule {
        freq,
        interval,
        days,
        month_days: s
            .bymonthday
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .filter_map(|d| d.trim().parse::<u8>().ok())
            .filter(|d| (1..=31).contains(d))
            .collect(),
        opens_at: time(s.opens_at),
        closes_at: time(s.closes_at),
        description: text(s.description),
        valid_from: date(s.valid_from),
        valid_to: date(s.valid_to),
    }
}

fn phone(p: raw::Phone) -> Option<Phone> {
    Some(Phone {
        number: text(p.number)?,
        description: text(p.description),
    })
}

fn place(location: raw::Location, classifier: &Classifier) -> Place {
    let online = location
        .location_type
        .as_deref()
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("virtual"));
    let mut addresses = location.addresses;
    // A location may list its postal address too; the one to go to is the physical one.
    let physical = addresses
        .iter()
        .position(|a| a.address_type.as_deref().map(str::trim) == Some("physical"))
        .unwrap_or(0);
    let (mut lines, mut postcode) = (Vec::new(), None);
    if physical < addresses.len() {
        let a = addresses.swap_remove(physical);
        lines.extend(text(a.address_1));
        lines.extend(text(a.city));
        if let Some(code) = text(a.postal_code) {
            postcode = Postcode::parse(&code);
            if postcode.is_none() {
                lines.push(code);
            }
        }
    }
    let mut step_free = false;
    let mut accessibility = Vec::new();
    let mut said = String::new();
    for a in location.accessibility {
        for t in a.attributes.into_iter().filter_map(term) {
            step_free |= classifier.tags(&t).contains(&Tag::StepFree);
        }
        for words in a.texts.into_iter().filter_map(|t| text(Some(t))) {
            said.push_str(&words);
            said.push('\n');
            if !accessibility.contains(&words) {
                accessibility.push(words);
            }
        }
    }
    for t in location.attributes.into_iter().filter_map(term) {
        step_free |= classifier.tags(&t).contains(&Tag::StepFree);
    }
    step_free = !online && (step_free || taxonomy::text_says_step_free(&said));
    let lat_lon = match (location.latitude, location.longitude) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat)
                && (-180.0..=180.0).contains(&lon)
                && (lat, lon) != (0.0, 0.0) =>
        {
            Some((lat, lon))
        }
        _ => None,
    };
    Place {
        name: text(location.name),
        address: lines,
        postcode,
        accessibility,
        step_free,
        online,
        lat_lon,
    }
}

fn cost_option(c: raw::CostOption) -> CostOption {
    CostOption {
        option: text(c.option),
        amount_pence: c
            .amount
            .filter(|a| a.is_finite() && *a >= 0.0 && *a < 1e9)
            .map(|a| (a * 100.0).round() as u64),
        amount_description: text(c.amount_description),
    }
}

fn cost(costs: &[CostOption], fees: Option<&str>) -> Cost {
    let free = costs.iter().filter(|c| c.is_free()).count();
    match (costs.len(), free) {
        (0, _) if fees.is_some_and(|f| taxonomy::slug(f).starts_with("free")) => Cost::Free,
        (0, _) => Cost::NotSaid,
        (n, f) if f == n => Cost::Free,
        (_, f) if f > 0 => Cost::FreeForSome,
        _ if costs.iter().any(|c| c.amount_pence.is_some()) => Cost::Paid,
        _ => Cost::NotSaid,
    }
}

/// Builds an activity from a record already known to have an id and a name.
pub(super) fn activity(
    id: String,
    name: String,
    s: raw::Service,
    classifier: &Classifier,
) -> Activity {
    let terms: Vec<Term> = s.attributes.into_iter().filter_map(term).collect();
    let (mut found, mut meet_you_there) = (Vec::new(), false);
    for tag in terms.iter().flat_map(|t| classifier.tags(t)) {
        match tag {
            Tag::Category(c) => found.push(c),
            Tag::MeetYouThere => meet_you_there = true,
            Tag::StepFree => {}
        }
    }
    let categories = classifier.in_order(&found);
    let places: Vec<Place> = s
        .locations
        .into_iter()
        .map(|l| place(l, classifier))
        .collect();
    let costs: Vec<CostOption> = s.cost_options.into_iter().map(cost_option).collect();
    let fees = text(s.fees);
    Activity {
        sort_name: name.to_lowercase(),
        id,
        name,
        description: text(s.description),
        organisation: text(s.organisation_name),
        categories,
        meet_you_there,
        step_free: places.iter().any(|p| p.step_free),
        cost: cost(&costs, fees.as_deref()),
        schedules: s.schedules.into_iter().map(schedule).collect(),
        places,
        costs,
        fees,
        contacts: s
            .contacts
            .into_iter()
            .map(|c| Contact {
                name: text(c.name),
                title: text(c.title),
                phones: c.phones.into_iter().filter_map(phone).collect(),
            })
            .filter(|c| c != &Contact::default())
            .collect(),
        phones: s.phones.into_iter().filter_map(phone).collect(),
        email: text(s.email),
        url: text(s.url),
        terms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_read_as_pounds_and_pence() {
        assert_eq!(pounds(0), "0");
        assert_eq!(pounds(300), "3");
        assert_eq!(pounds(350), "3.50");
        assert_eq!(pounds(5), "0.05");
        assert_eq!(pounds(123_456), "1234.56");
    }

    #[test]
    fn byday_reads_every_week_and_nth_weekday_forms() {
        assert_eq!(
            day("MO"),
            Some(Day {
                weekday: Weekday::Mon,
                nth: None
            })
        );
        assert_eq!(
            day(" 1tu"),
            Some(Day {
                weekday: Weekday::Tue,
                nth: Some(1)
            })
        );
        assert_eq!(
            day("-1FR"),
            Some(Day {
                weekday: Weekday::Fri,
                nth: Some(-1)
            })
        );
        assert_eq!(
            day("+2SU"),
            Some(Day {
                weekday: Weekday::Sun,
                nth: Some(2)
            })
        );
        for bad in ["", "M", "XX", "6MO", "0MO", "MON", "1"] {
            assert_eq!(day(bad), None, "{bad}");
        }
    }

    #[test]
    fn times_read_with_or_without_seconds_and_zone() {
        let ten = NaiveTime::from_hms_opt(10, 0, 0);
        for t in [
            "10:00",
            "10:00:00",
            "10:00:00Z",
            "10:00:00+01:00",
            " 10:00 ",
        ] {
            assert_eq!(time(Some(t.into())), ten, "{t}");
        }
        assert_eq!(time(Some("09:05".into())), NaiveTime::from_hms_opt(9, 5, 0));
        for bad in ["ten", "25:00", "9:00", "10:0", "10:60", "+1:00", "10:00:6"] {
            assert_eq!(time(Some(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn dates_read_as_iso_dates_only() {
        assert_eq!(
            date(Some("2026-12-31".into())),
            NaiveDate::from_ymd_opt(2026, 12, 31)
        );
        assert_eq!(
            date(Some("2026-02-01T00:00:00Z".into())),
            NaiveDate::from_ymd_opt(2026, 2, 1)
        );
        for bad in [
            "2026-02-30",
            "26-12-31",
            "2026/12/31",
            "2026-1-31",
            "+026-12-31",
        ] {
            assert_eq!(date(Some(bad.into())), None, "{bad}");
        }
    }

    fn priced(amounts: &[Option<f64>]) -> Vec<CostOption> {
        amounts
            .iter()
            .map(|a| {
                cost_option(raw::CostOption {
                    option: None,
                    amount: *a,
                    amount_description: None,
                })
            })
            .collect()
    }

    #[test]
    fn free_means_free_for_everyone() {
        assert_eq!(cost(&priced(&[Some(0.0)]), None), Cost::Free);
        assert_eq!(
            cost(&priced(&[Some(0.0), Some(3.5)]), None),
            Cost::FreeForSome
        );
        assert_eq!(cost(&priced(&[Some(3.5)]), None), Cost::Paid);
        assert_eq!(cost(&priced(&[]), None), Cost::NotSaid);
        assert_eq!(cost(&priced(&[]), Some("Free to all")), Cost::Free);
        assert_eq!(cost(&priced(&[None]), None), Cost::NotSaid);
        let words = CostOption {
            option: Some("Free".into()),
            ..CostOption::default()
        };
        assert_eq!(cost(&[words], None), Cost::Free);
        assert_eq!(priced(&[Some(3.499)])[0].amount_pence, Some(350));
        assert_eq!(priced(&[Some(-1.0)])[0].amount_pence, None);
    }
}
