//! The filters a person can put on "Things to try": free, step-free, someone can meet you
//! there, near the district they gave (only when they gave one), a day and a kind of
//! activity. A form with one button, so nothing changes under the person's finger while they
//! choose, and the page does not move when they press it.

use chrono::Weekday;
use leptos::prelude::*;

use super::activity_card::day_name;
use super::choices::{Answer, ChoiceItem, Choices};
use crate::config::Choice;
use crate::domain::directory::Filters;
use crate::i18n::{fill, use_messages};

/// The checkbox values, in the order offered.
const FREE: &str = "free";
const STEP_FREE: &str = "step-free";
const MEET: &str = "meet-you-there";
const NEAR: &str = "near";

/// The day picker's values, Monday first.
const DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The ticked boxes that stand for `filters`.
pub fn ticked(filters: &Filters) -> Vec<String> {
    [
        (filters.free, FREE),
        (filters.step_free, STEP_FREE),
        (filters.meet_you_there, MEET),
        (filters.near, NEAR),
    ]
    .into_iter()
    .filter(|(on, _)| *on)
    .map(|(_, value)| value.to_owned())
    .collect()
}

/// The filters the form's values stand for: ticked boxes, the day's value and the kind's
/// value (empty for "any").
pub fn filters_from(ticked: &[String], day: &str, kind: &str) -> Filters {
    let on = |value: &str| ticked.iter().any(|t| t == value);
    Filters {
        free: on(FREE),
        step_free: on(STEP_FREE),
        meet_you_there: on(MEET),
        near: on(NEAR),
        day: DAYS.iter().find(|(v, _)| *v == day).map(|(_, d)| *d),
        category: (!kind.is_empty()).then(|| kind.to_owned()),
    }
}

/// The day picker's value for a day.
fn day_value(day: Option<Weekday>) -> &'static str {
    DAYS.iter()
        .find(|(_, d)| Some(*d) == day)
        .map_or("", |(v, _)| v)
}

/// A GOV.UK select: a label, then the choices; `value` is the chosen one's value.
fn select(
    id: &'static str,
    label: &'static str,
    choices: Vec<(String, String)>,
    value: RwSignal<String>,
) -> impl IntoView {
    let options = choices
        .into_iter()
        .map(|(v, words)| {
            let chosen = value.get_untracked() == v;
            view! { <option value=v selected=chosen>{words}</option> }
        })
        .collect_view();
    view! {
        <div class="f-form-group f-filters__pick">
            <label class="f-label" for=id>{label}</label>
            <select class="f-select" id=id name=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options}
            </select>
        </div>
    }
}

/// The filter form. `on_apply` hears the chosen filters when the button is pressed.
#[component]
pub fn ActivityFilters(
    /// The filters in force as the page opens.
    initial: Filters,
    /// The person's postcode district, when they gave one.
    district: Option<String>,
    /// The service's activity categories.
    categories: Vec<Choice>,
    /// Called with the chosen filters.
    on_apply: Callback<Filters>,
) -> impl IntoView {
    let m = use_messages();
    let d = &m.directory;
    let boxes = RwSignal::new(ticked(&initial));
    let day = RwSignal::new(day_value(initial.day).to_owned());
    let kind = RwSignal::new(initial.category.clone().unwrap_or_default());
    let mut options = vec![
        ChoiceItem::new(d.free_only, FREE),
        ChoiceItem::new(d.step_free_only, STEP_FREE),
        ChoiceItem::new(d.meet_only, MEET),
    ];
    if let Some(district) = &district {
        options.push(ChoiceItem::new(
            fill(d.near_only, &[("district", district)]),
            NEAR,
        ));
    }
    let days = std::iter::once((String::new(), d.any_day.to_owned()))
        .chain(
            DAYS.iter()
                .map(|(v, w)| ((*v).to_owned(), day_name(m, *w).to_owned())),
        )
        .collect();
    let kinds = std::iter::once((String::new(), d.any_kind.to_owned()))
        .chain(
            categories
                .into_iter()
                .filter(|c| !c.exclusive)
                .map(|c| (c.id, c.label.get(m.language).to_owned())),
        )
        .collect();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_apply.run(filters_from(
            &boxes.get_untracked(),
            &day.get_untracked(),
            &kind.get_untracked(),
        ));
    };
    view! {
        <form class="f-filters" novalidate on:submit=submit>
            <Choices name="filter" question=d.filters_title not_heading=true options
                answer=Answer::many(boxes, Callback::new(move |v| boxes.set(v)))/>
            <div class="f-filters__picks">
                {select("filter-day", d.day_label, days, day)}
                {select("filter-kind", d.kind_label, kinds, kind)}
            </div>
            <button type="submit" class="f-button">{d.apply}</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_and_the_filters_stand_for_each_other() {
        let all = Filters {
            free: true,
            step_free: true,
            meet_you_there: true,
            near: true,
            day: Some(Weekday::Thu),
            category: Some("social".into()),
        };
        let back = filters_from(&ticked(&all), day_value(all.day), "social");
        assert_eq!(back, all);
        let none = Filters::default();
        assert_eq!(filters_from(&ticked(&none), day_value(None), ""), none);
        assert_eq!(day_value(Some(Weekday::Sun)), "sunday");
        assert_eq!(filters_from(&[], "someday", "").day, None);
    }
}
