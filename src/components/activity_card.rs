//! One activity from the service's directory, as a card: what it is, when, where, what it
//! costs, how to get there and how to get in touch (links that work on a phone), and "I went".
//!
//! Numbers, addresses and web addresses are data in a left-to-right script whatever the
//! page's language, so each sits in its own `<bdi dir="ltr">` and keeps its order on a
//! right-to-left page.

use chrono::{NaiveDate, NaiveTime, Timelike, Weekday};
use leptos::prelude::*;

use super::field::FailureAlert;
use crate::browser;
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

/// A link as the card shows it.
fn link_view(m: &'static Messages, link: Link) -> AnyView {
    let d = &m.directory;
    let (template, key) = match link.kind {
        LinkKind::Phone => (d.call, "number"),
        LinkKind::Email => (d.email, "address"),
        LinkKind::Web => (d.website, ""),
        LinkKind::Map => (d.map, ""),
    };
    match link.kind {
        LinkKind::Phone | LinkKind::Email => {
            let (before, after) = around(template, key);
            view! {
                <li><a href=link.href class="f-activity__link">
                    {before}<bdi dir="ltr">{link.text}</bdi>{after}
                </a></li>
            }
            .into_any()
        }
        LinkKind::Web => view! {
            <li><a href=link.href class="f-activity__link">{template}</a>
                " "<bdi dir="ltr" class="f-hint">{link.text}</bdi></li>
        }
        .into_any(),
        LinkKind::Map => view! {
            <li><a href=link.href class="f-activity__link">{template}</a></li>
        }
        .into_any(),
    }
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
    let id = format!("activity-{index}");
    let (went_id, undo_id) = (format!("{id}-went"), format!("{id}-undo"));
    let name = activity.name.clone();
    let badges = (!badges.is_empty()).then(|| {
        let items = badges
            .into_iter()
            .map(|b| view! { <li class="f-tag">{badge_words(m, b)}</li> })
            .collect_view();
        view! { <ul class="f-tags">{items}</ul> }
    });
    let when: Vec<String> = current_schedules(&activity, today)
        .into_iter()
        .flat_map(|s| schedule_words(m, s))
        .collect();
    let fact = |label: &'static str, lines: Vec<AnyView>| {
        (!lines.is_empty()).then(|| {
            let lines = lines
                .into_iter()
                .map(|l| view! { <span class="f-activity__line">{l}</span> })
                .collect_view();
            view! { <dt class="f-activity__key">{label}</dt><dd class="f-activity__value">{lines}</dd> }
        })
    };
    let places: Vec<AnyView> = activity
        .places
        .iter()
        .flat_map(|p| {
            let online = p.online.then(|| d.online.into_any());
            // An online place is often named just "Online": say it once.
            let name = p
                .name
                .clone()
                .filter(|n| !(p.online && n.eq_ignore_ascii_case(d.online)))
                .map(IntoAny::into_any);
            let address = p.address_line();
            let address =
                (!address.is_empty()).then(|| view! { <bdi dir="ltr">{address}</bdi> }.into_any());
            [online, name, address].into_iter().flatten()
        })
        .collect();
    let access: Vec<AnyView> = activity
        .places
        .iter()
        .flat_map(|p| p.accessibility.clone())
        .map(IntoAny::into_any)
        .collect();
    let costs: Vec<AnyView> = cost_lines(m, &activity)
        .into_iter()
        .map(IntoAny::into_any)
        .collect();
    let people = activity.contacts.iter().filter_map(|c| {
        let who: Vec<&str> = [&c.name, &c.title]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        (!who.is_empty()).then(|| fill(d.ask_for, &[("name", &who.join(", "))]).into_any())
    });
    let links = activity.links(map_links);
    let links = (!links.is_empty()).then(|| {
        let items = links.into_iter().map(|l| link_view(m, l)).collect_view();
        view! { <ul class="f-activity__links">{items}</ul> }.into_any()
    });
    let contact: Vec<AnyView> = people.chain(links).collect();
    let error = RwSignal::new(None::<String>);
    let press_went = move |_| match on_went.run(()) {
        Ok(()) => {
            error.set(None);
            browser::focus_soon(format!("#{}", undo_id_for(index)));
        }
        Err(e) => error.set(Some(fill(d.not_saved, &[("why", &m.explain(&e))]))),
    };
    let went_words = move || {
        went.get()
            .map(|v| fill(d.you_went_on, &[("date", &m.date(v.on))]))
    };
    let hidden_name = name.clone();
    let button = move || {
        match went.get() {
        None => view! {
            <button type="button" class="f-button f-button--secondary f-activity__went" id=went_id.clone() on:click=press_went>
                {d.i_went}<span class="f-visually-hidden">" "{fill(d.i_went_hidden, &[("name", &hidden_name)])}</span>
            </button>
        }
        .into_any(),
        Some(visit) => {
            let undo = move |_| match on_undo.run(visit.clone()) {
                Ok(()) => {
                    error.set(None);
                    browser::focus_soon(format!("#{}", went_id_for(index)));
                }
                Err(e) => error.set(Some(fill(d.not_saved, &[("why", &m.explain(&e))]))),
            };
            view! {
                <button type="button" class="f-button f-button--secondary f-button--small" id=undo_id.clone() on:click=undo>
                    {d.undo}<span class="f-visually-hidden">" "{fill(d.undo_hidden, &[("name", &hidden_name)])}</span>
                </button>
            }
            .into_any()
        }
    }
    };
    view! {
        <li class="f-activity" id=id>
            <h2 class="f-heading-m f-activity__name" tabindex="-1">{name}</h2>
            {badges}
            {activity.description.map(|t| view! { <p class="f-activity__description">{t}</p> })}
            {activity.organisation.map(|o| view! { <p class="f-hint">{fill(d.organised_by, &[("organisation", &o)])}</p> })}
            <dl class="f-activity__facts">
                {fact(d.facts[0], when.into_iter().map(IntoAny::into_any).collect())}
                {fact(d.facts[1], places)}
                {fact(d.facts[2], costs)}
                {fact(d.facts[3], access)}
                {fact(d.facts[4], contact)}
            </dl>
            <div class="f-activity__visit">
                <p class="f-activity__went-on" role="status">{went_words}</p>
                {button}
                <FailureAlert message=error/>
            </div>
        </li>
    }
}

fn went_id_for(index: usize) -> String {
    format!("activity-{index}-went")
}

fn undo_id_for(index: usize) -> String {
    format!("activity-{index}-undo")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::directory::{Day, Freq};
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

    fn schedule(freq: Freq, interval: u32, days: &[(Weekday, Option<i8>)]) -> Schedule {
        Schedule {
            freq,
            interval,
            days: days
                .iter()
                .map(|&(weekday, nth)| Day { weekday, nth })
                .collect(),
            month_days: vec![],
            opens_at: Some(at(10, 0)),
            closes_at: Some(at(12, 0)),
            description: None,
            valid_from: None,
            valid_to: None,
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
    }
}
