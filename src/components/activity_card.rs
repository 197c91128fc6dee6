//! One activity from the service's directory, as a card: what it is, when, where, what it
//! costs, how to get there and how to get in touch (links that work on a phone), and "I went".
//!
//! Numbers, addresses and web addresses are data in a left-to-right script whatever the
//! page's language, so each sits in its own `<bdi dir="ltr">` and keeps its order on a
//! right-to-left page.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use leptos::prelude::*;

use super::field::FailureAlert;
use crate::domain::directory::{
    pounds, Activity, Badge, Cost, CostOption, Link, LinkKind, Repeat, Schedule, Visit,
};
use crate::error::AppError;
use crate::i18n::{fill, use_messages, Messages};

/// The words of a badge.
pub fn badge_words(m: &Messages, badge: Badge) -> &'static str {
    let i = match badge {
        Badge::Liked => 0,
        Badge::Free => 1,
        Badge::StepFree => 2,
        Badge::NearYou => 3,
        Badge::InYourArea => 4,
        Badge::MeetYouThere => 5,
    };
    m.directory.badges[i]
}

/// A day's name.
pub fn day_name(m: &Messages, day: Weekday) -> &'static str {
    m.directory.days[day.num_days_from_monday() as usize]
}

/// A list in words: "a", "a and b", "a, b and c".
pub fn list_words(m: &Messages, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => fill(
            m.directory.and,
            &[("first", &first.join(", ")), ("last", last)],
        ),
    }
}

/// A time of day: "10am", "5:30pm", "midday".
pub fn clock(m: &Messages, t: NaiveTime) -> String {
    let (hour, minute) = (t.hour(), t.minute());
    if (hour, minute) == (12, 0) {
        return m.directory.midday.into();
    }
    let h = match hour % 12 {
        0 => 12,
        h => h,
    };
    let mm = if minute == 0 {
        String::new()
    } else {
        format!(":{minute:02}")
    };
    let template = if hour < 12 {
        m.directory.time_am
    } else {
        m.directory.time_pm
    };
    fill(template, &[("h", &h.to_string()), ("mm", &mm)])
}

/// How often a schedule repeats, in words, when the record says in a form the app reads.
pub fn repeat_words(m: &Messages, repeat: &Repeat) -> Option<String> {
    let d = &m.directory;
    let days = |days: &[Weekday]| {
        let names: Vec<String> = days.iter().map(|w| day_name(m, *w).to_owned()).collect();
        list_words(m, &names)
    };
    Some(match repeat {
        Repeat::Weekly { weeks: 1, days: w } => fill(d.every, &[("day", &days(w))]),
        Repeat::Weekly { weeks: 2, days: w } => fill(d.every_other, &[("day", &days(w))]),
        Repeat::Weekly { weeks, days: w } => fill(
            d.every_n_weeks,
            &[("n", &weeks.to_string()), ("day", &days(w))],
        ),
        Repeat::MonthlyOn(on) => {
            let each: Vec<String> = on
                .iter()
                .map(|(day, nths)| {
                    let which: Vec<String> = nths
                        .iter()
                        .filter_map(|n| {
                            let i = usize::from(n.unsigned_abs()).checked_sub(1)?;
                            let words = if *n > 0 { d.nth } else { d.nth_last };
                            words.get(i).map(|w| (*w).to_owned())
                        })
                        .collect();
                    fill(
                        d.of_the_month,
                        &[
                            ("which", &list_words(m, &which)),
                            ("day", day_name(m, *day)),
                        ],
                    )
                })
                .collect();
            list_words(m, &each)
        }
        Repeat::MonthDays(days) => {
            let numbers: Vec<String> = days.iter().map(u8::to_string).collect();
            fill(d.month_days, &[("list", &list_words(m, &numbers))])
        }
        Repeat::NotSaid => return None,
    })
}

/// When a schedule happens: the pattern and the times together ("Every Tuesday, 10am to
/// midday"); the publisher's own words only when the pattern cannot be read, because most
/// publishers write the same thing again there and saying it twice is harder to read.
pub fn schedule_words(m: &Messages, s: &Schedule) -> Vec<String> {
    let d = &m.directory;
    let times = match (s.opens_at, s.closes_at) {
        (Some(o), Some(c)) => Some(fill(
            d.opens_to_closes,
            &[("opens", &clock(m, o)), ("closes", &clock(m, c))],
        )),
        (Some(o), None) => Some(fill(d.from_time, &[("opens", &clock(m, o))])),
        _ => None,
    };
    let pattern = repeat_words(m, &s.repeat());
    let said = pattern.is_some();
    let first: Vec<String> = pattern.into_iter().chain(times).collect();
    let mut lines: Vec<String> = (!first.is_empty())
        .then(|| first.join(", "))
        .into_iter()
        .collect();
    if !said {
        lines.extend(s.description.clone());
    }
    lines
}

/// One published price in words: "Over 60s: £2 per session", "Free".
fn price_words(m: &Messages, c: &CostOption) -> Option<String> {
    let d = &m.directory;
    let price = if c.is_free() {
        d.free.to_owned()
    } else if let Some(pence) = c.amount_pence {
        let description = c.amount_description.as_deref().unwrap_or_default();
        fill(
            d.price,
            &[("amount", &pounds(pence)), ("description", description)],
        )
        .trim()
        .to_owned()
    } else {
        c.amount_description.clone()?
    };
    Some(match &c.option {
        Some(option) if !c.is_free() || c.amount_pence.is_some() => format!("{option}: {price}"),
        _ => price,
    })
}

/// What going costs, as lines.
pub fn cost_lines(m: &Messages, a: &Activity) -> Vec<String> {
    let d = &m.directory;
    let prices: Vec<String> = a.costs.iter().filter_map(|c| price_words(m, c)).collect();
    match a.cost {
        Cost::Free => vec![d.free.to_owned()],
        Cost::FreeForSome => std::iter::once(d.free_for_some.to_owned())
            .chain(prices)
            .collect(),
        Cost::Paid if !prices.is_empty() => prices,
        Cost::Paid | Cost::NotSaid => match &a.fees {
            Some(fees) => vec![fees.clone()],
            None => vec![d.ask_about_cost.to_owned()],
        },
    }
}

/// The schedules to show: those that apply today, or all of them when none does (so an
/// activity is never shown without its times).
fn current_schedules(a: &Activity, today: NaiveDate) -> Vec<&Schedule> {
    let current: Vec<&Schedule> = a
        .schedules
        .iter()
        .filter(|s| s.is_current(Some(today)))
        .collect();
    if current.is_empty() {
        a.schedules.iter().collect()
    } else {
        current
    }
}

/// The words around a placeholder: "Call {number}" is ("Call ", "").
fn around<'a>(template: &'a str, name: &str) -> (&'a str, &'a str) {
    let mark = format!("{{{name}}}");
    template.split_once(&mark).unwrap_or((template, ""))
}

/// A line of a fact: words, with the part that is data (a number, an address) kept left to
/// right; a link when it has an address.
struct Line {
    before: String,
    data: String,
    after: String,
    href: Option<String>,
}

impl Line {
    fn words(text: impl Into<String>) -> Self {
        Self {
            before: text.into(),
            data: String::new(),
            after: String::new(),
            href: None,
        }
    }

    fn data(text: impl Into<String>) -> Self {
        Self {
            data: text.into(),
            ..Self::words("")
        }
    }
}

/// A link in words: "Call {number}" around the number as published, "Website" beside its
/// address, "Show on a map (opens OpenStreetMap)" alone.
fn link_line(m: &Messages, link: Link) -> Line {
    let d = &m.directory;
    let ((before, after), data) = match link.kind {
        LinkKind::Phone => (around(d.call, "number"), link.text),
        LinkKind::Email => (around(d.email, "address"), link.text),
        LinkKind::Web => ((d.website, ""), String::new()),
        LinkKind::Map => ((d.map, ""), String::new()),
    };
    Line {
        before: before.to_owned(),
        data,
        after: after.to_owned(),
        href: Some(link.href),
    }
}

/// One fact (when, where, …) and its lines; nothing when there are none. Every line is drawn
/// the same way, which keeps the card's code small.
fn fact(label: &'static str, lines: Vec<Line>) -> Option<impl IntoView> {
    (!lines.is_empty()).then(|| {
        let lines = lines
            .into_iter()
            .map(|l| {
                let data = (!l.data.is_empty()).then(|| view! { <bdi dir="ltr">{l.data}</bdi> });
                let words = view! { {l.before}{data}{l.after} };
                match l.href {
                    Some(href) => view! {
                        <span class="f-activity__line"><a href=href class="f-activity__link">{words}</a></span>
                    }
                    .into_any(),
                    None => view! { <span class="f-activity__line">{words}</span> }.into_any(),
                }
            })
            .collect_view();
        view! { <dt class="f-activity__key">{label}</dt><dd class="f-activity__value">{lines}</dd> }
    })
}

/// One activity, as a card in the list. `index` names it in the page (`activity-{index}`),
/// so focus can be moved to its heading.
#[component]
pub fn ActivityCard(
    /// Its place in the directory, unique on the page.
    index: usize,
    /// The activity.
    activity: Activity,
    /// Why it is where it is in the list, most important first.
    badges: Vec<Badge>,
    /// Whether map links are allowed (`directory_map_links`).
    map_links: bool,
    /// Today, so only the schedules that apply now are shown.
    today: NaiveDate,
    /// The latest "I went" for it still waiting for a check-in.
    #[prop(into)]
    went: Signal<Option<Visit>>,
    /// Records "I went" today.
    on_went: Callback<(), Result<(), AppError>>,
    /// Takes an "I went" back.
    on_undo: Callback<Visit, Result<(), AppError>>,
) -> impl IntoView {
    let m = use_messages();
    let d = &m.directory;
    let badges = (!badges.is_empty()).then(|| {
        let items = badges
            .into_iter()
            .map(|b| view! { <li class="f-tag">{badge_words(m, b)}</li> })
            .collect_view();
        view! { <ul class="f-tags">{items}</ul> }
    });
    let when: Vec<Line> = current_schedules(&activity, today)
        .into_iter()
        .flat_map(|s| schedule_words(m, s))
        .map(Line::words)
        .collect();
    let mut places = Vec::new();
    for p in &activity.places {
        if p.online {
            places.push(Line::words(d.online));
        }
        // An online place is often named just "Online": say it once.
        if let Some(name) = p
            .name
            .as_ref()
            .filter(|n| !(p.online && n.eq_ignore_ascii_case(d.online)))
        {
            places.push(Line::words(name.clone()));
        }
        let address = p.address_line();
        if !address.is_empty() {
            places.push(Line::data(address));
        }
    }
    let access: Vec<Line> = activity
        .places
        .iter()
        .flat_map(|p| p.accessibility.iter().cloned())
        .map(Line::words)
        .collect();
    let costs: Vec<Line> = cost_lines(m, &activity)
        .into_iter()
        .map(Line::words)
        .collect();
    let contact: Vec<Line> = activity
        .contacts
        .iter()
        .filter_map(|c| {
            let who: Vec<&str> = [&c.name, &c.title]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            (!who.is_empty()).then(|| Line::words(fill(d.ask_for, &[("name", &who.join(", "))])))
        })
        .chain(
            activity
                .links(map_links)
                .into_iter()
                .map(|l| link_line(m, l)),
        )
        .collect();
    let error = RwSignal::new(None::<String>);
    // One button that says "I went" or "Undo": focus stays on it either way.
    let press = move |_| {
        let result = match went.get_untracked() {
            None => on_went.run(()),
            Some(visit) => on_undo.run(visit),
        };
        error.set(
            result
                .err()
                .map(|e| fill(d.not_saved, &[("why", &m.explain(&e))])),
        );
    };
    let name = activity.name;
    let hidden = (
        fill(d.i_went_hidden, &[("name", &name)]),
        fill(d.undo_hidden, &[("name", &name)]),
    );
    let gone = move || went.with(Option::is_some);
    let went_words = move || {
        went.get()
            .map(|v| fill(d.you_went_on, &[("date", &m.date(v.on))]))
    };
    let button_words = move || if gone() { d.undo } else { d.i_went };
    let hidden_words = move || {
        if gone() {
            hidden.1.clone()
        } else {
            hidden.0.clone()
        }
    };
    view! {
        <li class="f-activity" id=format!("activity-{index}")>
            <h2 class="f-heading-m f-activity__name" tabindex="-1">{name}</h2>
            {badges}
            {activity.description.map(|t| view! { <p class="f-activity__description">{t}</p> })}
            {activity.organisation.map(|o| view! { <p class="f-hint">{fill(d.organised_by, &[("organisation", &o)])}</p> })}
            <dl class="f-activity__facts">
                {fact(d.facts[0], when)}
                {fact(d.facts[1], places)}
                {fact(d.facts[2], costs)}
                {fact(d.facts[3], access)}
                {fact(d.facts[4], contact)}
            </dl>
            <div class="f-activity__visit">
                <p class="f-activity__went-on" role="status">{went_words}</p>
                <button type="button" class="f-button f-button--secondary f-activity__went"
                    id=format!("activity-{index}-went") on:click=press>
                    {button_words}<span class="f-visually-hidden">" "{hidden_words}</span>
                </button>
                <FailureAlert message=error/>
            </div>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::Freq;
    use crate::i18n::EN;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn times_read_the_way_people_say_them() {
        assert_eq!(clock(&EN, at(10, 0)), "10am");
        assert_eq!(clock(&EN, at(17, 30)), "5:30pm");
        assert_eq!(clock(&EN, at(12, 0)), "midday");
        assert_eq!(clock(&EN, at(12, 15)), "12:15pm");
        assert_eq!(clock(&EN, at(0, 5)), "12:05am");
    }

    #[test]
    fn lists_join_with_and() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        assert_eq!(list_words(&EN, &s(&[])), "");
        assert_eq!(list_words(&EN, &s(&["Monday"])), "Monday");
        assert_eq!(
            list_words(&EN, &s(&["Monday", "Friday"])),
            "Monday and Friday"
        );
        assert_eq!(list_words(&EN, &s(&["1", "8", "15"])), "1, 8 and 15");
    }

    /// A schedule from ten till midday.
    fn schedule(freq: Freq, interval: u32, days: &[(Weekday, Option<i8>)]) -> Schedule {
        Schedule {
            opens_at: Some(at(10, 0)),
            closes_at: Some(at(12, 0)),
            ..Schedule::repeating(freq, interval, days)
        }
    }

    #[test]
    fn each_kind_of_repeat_is_said_in_a_sentence() {
        use Weekday::*;
        let said = |s: Schedule| schedule_words(&EN, &s).join(" / ");
        assert_eq!(
            said(schedule(Freq::Weekly, 1, &[(Tue, None)])),
            "Every Tuesday, 10am to midday"
        );
        assert_eq!(
            said(schedule(Freq::Weekly, 1, &[(Fri, None), (Mon, None)])),
            "Every Monday and Friday, 10am to midday"
        );
        assert_eq!(
            said(schedule(Freq::Weekly, 2, &[(Wed, None)])),
            "Every other Wednesday, 10am to midday"
        );
        assert_eq!(
            said(schedule(Freq::Weekly, 3, &[(Wed, None)])),
            "Every 3 weeks on Wednesday, 10am to midday"
        );
        assert_eq!(
            said(schedule(
                Freq::Monthly,
                1,
                &[(Tue, Some(1)), (Tue, Some(3))]
            )),
            "The first and third Tuesday of the month, 10am to midday"
        );
        assert_eq!(
            said(schedule(Freq::Monthly, 1, &[(Thu, Some(-1))])),
            "The last Thursday of the month, 10am to midday"
        );
        let mut days = schedule(Freq::Monthly, 1, &[]);
        days.month_days = vec![15, 1];
        days.closes_at = None;
        assert_eq!(
            said(days),
            "On these days of the month: 1 and 15, From 10am"
        );
        let mut words = schedule(Freq::NotSaid, 1, &[]);
        words.description = Some("Ring to arrange a time".into());
        assert_eq!(
            said(words.clone()),
            "10am to midday / Ring to arrange a time"
        );
        let mut both = schedule(Freq::Weekly, 1, &[(Tue, None)]);
        both.description = Some("Every Tuesday, 10am to 12 noon".into());
        assert_eq!(said(both), "Every Tuesday, 10am to midday", "said once");
        words.description = None;
        assert_eq!(said(words), "10am to midday");
    }

    fn activity(cost: Cost, costs: Vec<CostOption>, fees: Option<&str>) -> Activity {
        use crate::domain::directory::{Classifier, Directory};
        let read = Directory::parse(r#"[{"id": "a", "name": "A"}]"#, &Classifier::default());
        let mut a = read.unwrap().activities.remove(0);
        a.cost = cost;
        a.costs = costs;
        a.fees = fees.map(str::to_owned);
        a
    }

    #[test]
    fn costs_say_free_a_price_or_to_ask() {
        let price = |option: Option<&str>, pence: Option<u64>, what: Option<&str>| CostOption {
            option: option.map(str::to_owned),
            amount_pence: pence,
            amount_description: what.map(str::to_owned),
        };
        assert_eq!(
            cost_lines(
                &EN,
                &activity(Cost::Free, vec![price(None, Some(0), None)], None)
            ),
            ["Free"]
        );
        assert_eq!(
            cost_lines(
                &EN,
                &activity(
                    Cost::FreeForSome,
                    vec![
                        price(None, Some(250), Some("per session")),
                        price(Some("Carers"), Some(0), None)
                    ],
                    None
                )
            ),
            ["Free for some people", "£2.50 per session", "Carers: Free"]
        );
        assert_eq!(
            cost_lines(
                &EN,
                &activity(
                    Cost::Paid,
                    vec![price(Some("Over 60s"), Some(300), None)],
                    None
                )
            ),
            ["Over 60s: £3"]
        );
        assert_eq!(
            cost_lines(&EN, &activity(Cost::NotSaid, vec![], None)),
            ["Ask about the cost"]
        );
        assert_eq!(
            cost_lines(
                &EN,
                &activity(Cost::NotSaid, vec![], Some("Donations welcome"))
            ),
            ["Donations welcome"]
        );
    }

    #[test]
    fn every_badge_has_its_own_words() {
        let all = [
            Badge::Liked,
            Badge::Free,
            Badge::StepFree,
            Badge::NearYou,
            Badge::InYourArea,
            Badge::MeetYouThere,
        ];
        let words: std::collections::BTreeSet<&str> =
            all.iter().map(|b| badge_words(&EN, *b)).collect();
        assert_eq!(words.len(), all.len());
        assert_eq!(
            badge_words(&EN, Badge::MeetYouThere),
            "Someone can meet you"
        );
        assert_eq!(around(EN.directory.call, "number"), ("Call ", ""));
        let link = link_line(
            &EN,
            Link {
                kind: LinkKind::Phone,
                href: "tel:+441632960001".into(),
                text: "01632 960001".into(),
            },
        );
        assert_eq!(
            (
                link.before.as_str(),
                link.data.as_str(),
                link.after.as_str()
            ),
            ("Call ", "01632 960001", "")
        );
    }
}
