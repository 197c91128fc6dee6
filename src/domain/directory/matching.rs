//! Which activities to show a person, and in what order, with the reasons in a form the page
//! can say in words ("Free", "Step-free", "Near you", "Someone can meet you").
//!
//! # The order
//!
//! 1. Activities in a category the person said they might like come first.
//! 2. Then the qualities their answers ask for, most pressing first ([`priorities`]):
//!
//!    | their answer (default ids) | puts first | why (seed 003) |
//!    |---|---|---|
//!    | barrier `mobility` | step-free, then near | they cannot go where they cannot get in |
//!    | barrier `not-knowing-anyone`, `confidence` | someone can meet you | fear of the unknown; a supported welcome |
//!    | barrier `panic` | someone can meet you, then near | panic when going out: a familiar face, a short trip |
//!    | support `welcome`, `come-with-me` | someone can meet you | the support level they asked for |
//!    | barrier `getting-there` | near, then free, then step-free | no money, no car, buses |
//!    | reason `money` | free | money worries |
//!    | barrier `where` | near, then someone can meet you | not knowing where a group is held |
//!
//!    When several apply, the table's order decides which comes first.
//! 3. Then nearness to the district they gave: the same district, then the same area.
//! 4. Then the name (A to Z), then the id, so the order never flickers.
//!
//! Filters are the person's own choices and simply leave things out.

use chrono::{NaiveDate, Weekday};

use super::model::{Activity, Cost};
use super::postcode::{person_district, Proximity};
use crate::domain::referral::Referral;

/// Something about an activity that a person's answers can make matter more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Quality {
    /// Someone can meet them there.
    MeetYouThere,
    /// Step-free access.
    StepFree,
    /// Near the district they gave.
    Near,
    /// Free.
    Free,
}

/// A quality put first, and the answer id that asked for it (a barrier, support level or
/// reason id, so the page can say "because you said getting there can be hard").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priority {
    /// What is put first.
    pub quality: Quality,
    /// The answer id that asked for it.
    pub because: String,
}

/// Where an answer id comes from in the referral.
#[derive(Clone, Copy)]
enum Source {
    Barrier,
    Support,
    Reason,
}

/// The table in the module's docs.
const RULES: &[(Source, &str, &[Quality])] = {
    use Quality::*;
    &[
        (Source::Barrier, "mobility", &[StepFree, Near]),
        (Source::Barrier, "not-knowing-anyone", &[MeetYouThere]),
        (Source::Barrier, "confidence", &[MeetYouThere]),
        (Source::Barrier, "panic", &[MeetYouThere, Near]),
        (Source::Support, "come-with-me", &[MeetYouThere]),
        (Source::Support, "welcome", &[MeetYouThere]),
        (Source::Barrier, "getting-there", &[Near, Free, StepFree]),
        (Source::Reason, "money", &[Free]),
        (Source::Barrier, "where", &[Near, MeetYouThere]),
    ]
};

/// The qualities a person's answers put first, most pressing first, each once.
pub fn priorities(barriers: &[String], support: Option<&str>, reasons: &[String]) -> Vec<Priority> {
    let mut out: Vec<Priority> = Vec::new();
    for (from, id, qualities) in RULES {
        let said = match from {
            Source::Barrier => barriers.iter().any(|b| b == id),
            Source::Support => support == Some(*id),
            Source::Reason => reasons.iter().any(|r| r == id),
        };
        for quality in qualities.iter().filter(|_| said) {
            if !out.iter().any(|p| p.quality == *quality) {
                out.push(Priority {
                    quality: *quality,
                    because: (*id).to_owned(),
                });
            }
        }
    }
    out
}

/// The filters a person can turn on. Each one only ever leaves things out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only free activities.
    pub free: bool,
    /// Only activities with a step-free place.
    pub step_free: bool,
    /// Only activities where someone can meet them.
    pub meet_you_there: bool,
    /// Only activities in their district or area (ignored when they gave no district).
    pub near: bool,
    /// Only activities on this day of the week.
    pub day: Option<Weekday>,
    /// Only activities in this category.
    pub category: Option<String>,
}

/// What a person is looking for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Category ids they said they might like.
    pub liked: Vec<String>,
    /// Qualities their answers put first.
    pub priorities: Vec<Priority>,
    /// Their postcode district, tidied (`WX1`).
    pub district: Option<String>,
    /// The filters they turned on.
    pub filters: Filters,
    /// Today, so schedules that have ended or not yet begun do not count for a day.
    pub today: Option<NaiveDate>,
}

impl Query {
    /// The query a referral's answers make, with no filters on. `categories` are the
    /// service's activity category ids, so "I'm not sure yet" is not taken for a liking.
    pub fn for_referral(r: &Referral, categories: &[&str]) -> Self {
        Self {
            liked: r
                .activities
                .iter()
                .filter(|a| categories.contains(&a.as_str()))
                .cloned()
                .collect(),
            priorities: priorities(&r.barriers, r.support.as_deref(), &r.reasons),
            district: person_district(&r.postcode_district),
            ..Self::default()
        }
    }

    /// The query for a person from their finished referrals: the latest one's answers (the
    /// last submitted), or no likings and no priorities when they have made none.
    pub fn for_person(referrals: &[Referral], categories: &[&str], today: NaiveDate) -> Self {
        let latest = referrals.iter().max_by_key(|r| r.submitted_at);
        Self {
            today: Some(today),
            ..latest.map_or_else(Self::default, |r| Self::for_referral(r, categories))
        }
    }

    /// What comes first and why, in order, for the page to say before the list: the
    /// person's likings, each priority with the answer that asked for it, then nearness.
    pub fn ordering(&self) -> Vec<(Badge, Option<&str>)> {
        let mut out: Vec<(Badge, Option<&str>)> = Vec::new();
        if !self.liked.is_empty() {
            out.push((Badge::Liked, None));
        }
        for p in &self.priorities {
            out.push((badge(p.quality), Some(p.because.as_str())));
        }
        if self.district.is_some() && !out.iter().any(|(b, _)| *b == Badge::NearYou) {
            out.push((Badge::NearYou, None));
        }
        out
    }
}

/// A short reason shown on an activity, and said in the ordering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Badge {
    /// In a category they said they might like.
    Liked,
    /// Free.
    Free,
    /// Step-free.
    StepFree,
    /// In their district.
    NearYou,
    /// In their area, another district.
    InYourArea,
    /// Someone can meet them there.
    MeetYouThere,
}

fn badge(q: Quality) -> Badge {
    match q {
        Quality::MeetYouThere => Badge::MeetYouThere,
        Quality::StepFree => Badge::StepFree,
        Quality::Near => Badge::NearYou,
        Quality::Free => Badge::Free,
    }
}

/// One activity in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Its index in the list searched ([`super::Directory::activities`]).
    pub index: usize,
    /// Why it is where it is, most important first.
    pub badges: Vec<Badge>,
    /// The sort key: higher comes first (likings, then each priority, then nearness).
    pub key: u32,
}

/// How much of a quality an activity has: 0 none, 1 some, 2 all.
fn amount(a: &Activity, q: Quality, proximity: Proximity) -> u32 {
    match q {
        Quality::MeetYouThere => u32::from(a.meet_you_there),
        Quality::StepFree => u32::from(a.step_free),
        Quality::Near => proximity as u32,
        Quality::Free => match a.cost {
            Cost::Free => 2,
            Cost::FreeForSome => 1,
            Cost::Paid | Cost::NotSaid => 0,
        },
    }
}

/// Every quality, in the order badges are shown when no answer ranks them.
const ALL: [Quality; 4] = [
    Quality::Free,
    Quality::StepFree,
    Quality::Near,
    Quality::MeetYouThere,
];

/// The activities that pass the filters, in the order described in the module's docs.
pub fn find(all: &[Activity], query: &Query) -> Vec<Match> {
    let district = query.district.as_deref();
    let f = &query.filters;
    let mut found: Vec<Match> = Vec::new();
    for (index, a) in all.iter().enumerate() {
        let proximity = a.proximity(district);
        let keep = (!f.free || a.cost == Cost::Free)
            && (!f.step_free || a.step_free)
            && (!f.meet_you_there || a.meet_you_there)
            && (!f.near || district.is_none() || proximity > Proximity::Unknown)
            && f.day.is_none_or(|d| a.runs_on(d, query.today))
            && f.category.as_ref().is_none_or(|c| a.categories.contains(c));
        if !keep {
            continue;
        }
        let liked = a.categories.iter().any(|c| query.liked.contains(c));
        let mut key = u32::from(liked) << 20;
        let mut badges = Vec::with_capacity(4);
        if liked {
            badges.push(Badge::Liked);
        }
        let ranked = query.priorities.iter().map(|p| p.quality).take(4);
        for (slot, quality) in ranked.enumerate() {
            key |= amount(a, quality, proximity) << (16 - 4 * slot);
        }
        key |= proximity as u32;
        let order = query.priorities.iter().map(|p| p.quality).chain(ALL);
        for quality in order {
            let b = match (quality, amount(a, quality, proximity)) {
                (Quality::Near, 1) => Badge::InYourArea,
                (Quality::Free, 1) | (_, 0) => continue,
                (q, _) => badge(q),
            };
            if !badges.contains(&b) {
                badges.push(b);
            }
        }
        found.push(Match { index, badges, key });
    }
    found.sort_unstable_by(|x, y| {
        let (a, b) = (&all[x.index], &all[y.index]);
        y.key
            .cmp(&x.key)
            .then_with(|| a.sort_name.cmp(&b.sort_name))
            .then_with(|| a.id.cmp(&b.id))
    });
    found
}
