//! Reading directory files: the shipped sample, the official examples, broken records and
//! broken files; then matching, filtering and ordering as a person would see them.

use chrono::{NaiveDate, Weekday};
use proptest::prelude::*;
use serde_json::{json, Value};

use super::fixture::{default_categories, default_classifier, generated, SAMPLE};
use super::*;
use crate::domain::referral::Referral;
use crate::test_support::default_ids;

fn sample() -> Directory {
    Directory::parse(SAMPLE, &default_classifier()).expect("the sample reads")
}

fn named<'a>(d: &'a Directory, name: &str) -> &'a Activity {
    d.activities
        .iter()
        .find(|a| a.name == format!("Example: {name}"))
        .unwrap_or_else(|| panic!("no {name}"))
}

/// What `quality` says of each activity found, in the order found.
fn of_found<T>(d: &Directory, found: &[Match], quality: impl Fn(&Activity) -> T) -> Vec<T> {
    found
        .iter()
        .map(|m| quality(&d.activities[m.index]))
        .collect()
}

fn names(d: &Directory, found: &[Match]) -> Vec<String> {
    found
        .iter()
        .map(|m| {
            d.activities[m.index]
                .name
                .trim_start_matches("Example: ")
                .to_owned()
        })
        .collect()
}

// ---- the file ----

#[test]
fn the_shipped_sample_is_read_whole_and_covers_what_a_person_can_ask_for() {
    let d = sample();
    assert_eq!(d.skipped, vec![]);
    assert_eq!((d.activities.len(), d.not_active), (18, 0));
    for category in default_categories() {
        assert!(
            d.activities
                .iter()
                .any(|a| a.categories.iter().any(|c| c == category)),
            "nothing in {category}"
        );
    }
    let costs: Vec<Cost> = d.activities.iter().map(|a| a.cost).collect();
    for cost in [Cost::Free, Cost::FreeForSome, Cost::Paid] {
        assert!(costs.contains(&cost), "{cost:?}");
    }
    assert!(d.activities.iter().any(|a| a.step_free));
    assert!(d
        .activities
        .iter()
        .any(|a| !a.step_free && !a.places.is_empty()));
    assert!(d.activities.iter().filter(|a| a.meet_you_there).count() >= 4);
    let days: std::collections::HashSet<Weekday> = d
        .activities
        .iter()
        .flat_map(|a| {
            a.schedules
                .iter()
                .flat_map(|s| s.days.iter().map(|d| d.weekday))
        })
        .collect();
    assert_eq!(days.len(), 6, "Monday to Saturday");
    let districts: std::collections::HashSet<&str> = d
        .activities
        .iter()
        .flat_map(|a| a.places.iter().filter_map(|p| p.postcode.as_ref()))
        .map(Postcode::district)
        .collect();
    assert!(districts.len() >= 5, "{districts:?}");
}

#[test]
fn the_shipped_sample_says_it_is_an_example_and_uses_only_numbers_and_addresses_kept_for_fiction() {
    let d = sample();
    for a in &d.activities {
        assert!(a.name.starts_with("Example: "), "{}", a.name);
        assert!(
            a.description
                .as_deref()
                .unwrap_or_default()
                .contains("example"),
            "{}",
            a.name
        );
        assert!(a
            .organisation
            .as_deref()
            .unwrap_or_default()
            .contains("not a real organisation"));
        // Ofcom's numbers for drama: 01632 960000-960999 and 07700 900000-900999.
        for phone in a
            .phones
            .iter()
            .chain(a.contacts.iter().flat_map(|c| &c.phones))
        {
            let n = phone.number.replace(' ', "");
            assert!(
                n.starts_with("01632960") || n.starts_with("07700900"),
                "{n}"
            );
            assert_eq!(n.len(), 11, "{n}");
        }
        assert!(a
            .email
            .as_deref()
            .is_none_or(|e| e.ends_with("@example.org")));
        assert!(a
            .url
            .as_deref()
            .is_none_or(|u| u.starts_with("https://example.org/")));
        for place in &a.places {
            assert!(place
                .postcode
                .as_ref()
                .is_none_or(|p| ["WX", "WY"].contains(&p.area())));
            assert_eq!(
                place.lat_lon, None,
                "made-up places have no real coordinates"
            );
        }
    }
}

#[test]
fn the_official_open_referral_uk_examples_are_read() {
    let page = include_str!("../../../schemas/open-referral-uk/examples/service_list.json");
    let d = Directory::parse(page, &default_classifier()).unwrap();
    assert_eq!(d.activities.len(), 1);
    assert_eq!(d.total_items, Some(10));
    assert!(d.is_incomplete(), "page 1 of 10 is not the whole directory");
    let full = include_str!("../../../schemas/open-referral-uk/examples/service_full.json");
    assert_eq!(
        Directory::parse(full, &default_classifier()),
        Err(DirectoryError::NotAList),
        "one record on its own is not a directory"
    );
    let d = Directory::parse(&format!("[{full}]"), &default_classifier()).unwrap();
    let a = &d.activities[0];
    assert_eq!(a.name, "Community Counselling");
    assert_eq!(a.organisation.as_deref(), Some("Example Organization Inc."));
    assert_eq!(a.cost, Cost::Paid);
    assert_eq!(a.costs[0].amount_pence, Some(3500));
    let s = &a.schedules[0];
    assert_eq!((s.freq, s.interval, s.days.len()), (Freq::Weekly, 1, 2));
    assert_eq!(s.month_days, [2, 3, 4]);
    assert!(a.runs_on(Weekday::Thu, None) && a.runs_on(Weekday::Fri, None));
    let place = &a.places[0];
    assert_eq!(place.postcode, None, "ABC 1234 is not a UK postcode");
    assert_eq!(place.address, ["1-30 Main Street", "MyCity", "ABC 1234"]);
    assert_eq!(place.lat_lon, None, "latitude 100 is not on Earth");
    assert!(!d.is_incomplete());
}

#[test]
fn a_service_list_page_is_read_with_the_services_own_taxonomy() {
    let page = include_str!("../../../tests/fixtures/directory.page.json");
    let map: TaxonomyMap = [
        ("social".to_string(), vec!["EX-BEF-01".to_string()]),
        ("wellbeing".to_string(), vec!["ex-bef-01".to_string()]),
        (
            MEET_YOU_THERE.to_string(),
            vec!["Accompanied first visit".to_string()],
        ),
    ]
    .into();
    let d = Directory::parse(page, &Classifier::new(&map, &default_categories())).unwrap();
    assert_eq!(
        (d.activities.len(), d.not_active, d.total_items),
        (2, 1, Some(3))
    );
    assert!(!d.is_incomplete());
    let friends = named(&d, "Friendly Faces");
    assert_eq!(
        friends.categories,
        ["wellbeing", "social"],
        "the service's order of categories"
    );
    assert!(friends.meet_you_there);
    assert_eq!(friends.cost, Cost::Free, "from the old fees field");
    let s = &friends.schedules[0];
    assert_eq!(
        (s.freq, s.days.len(), s.month_days.as_slice()),
        (Freq::Monthly, 0, &[1, 15][..])
    );
    assert_eq!(
        s.opens_at.map(|t| t.to_string()).as_deref(),
        Some("10:00:00")
    );
    assert_eq!(s.valid_to, NaiveDate::from_ymd_opt(2027, 12, 31));
    let call = &friends.links(true)[0];
    assert_eq!(
        (call.kind, call.href.as_str()),
        (LinkKind::Phone, "tel:+441632960777")
    );
    let plain = Directory::parse(page, &default_classifier()).unwrap();
    let friends = named(&plain, "Friendly Faces");
    assert_eq!(
        friends.categories,
        ["social"],
        "built in, befriending means social"
    );
    assert!(
        !friends.meet_you_there,
        "the service's own term needs its mapping"
    );

    let boccia = named(&d, "Seated Boccia");
    assert_eq!(
        boccia.categories,
        ["physical"],
        "every OpenActive activity is physical"
    );
    let place = &boccia.places[0];
    assert_eq!(
        place.address_line(),
        "Sports Hall, Field Road, Examplefield, WY1 4AB"
    );
    assert!(place.step_free, "a ramped entrance and a lift");
    assert_eq!(boccia.cost, Cost::Paid);
    assert_eq!(boccia.costs[0].amount_pence, Some(150));
    let links = boccia.links(true);
    assert_eq!(links[0].href, "tel:+441632960778");
    assert_eq!(
        links.last().map(|l| l.href.as_str()),
        Some("https://www.openstreetmap.org/?mlat=53.9&mlon=-5.6#map=17/53.9/-5.6")
    );
}

#[test]
fn one_broken_record_is_skipped_and_reported_and_the_rest_kept() {
    let text = json!([
        {"id": "a", "name": "Example: Kept", "status": "active"},
        {"id": "b", "name": 5},
        42,
        {"name": "No id"},
        {"id": "c", "name": "  "},
        {"id": "a", "name": "Example: Same id again"},
        {"id": "d", "name": "Example: Closed for now", "status": "temporarily closed"},
        {"id": "e", "name": "Example: Also kept", "schedules": "every Tuesday"},
        {"id": "f", "name": "Example: Kept too", "surprise": {"deep": [1, "x", null]}, "languages": 7}
    ])
    .to_string();
    let d = Directory::parse(&text, &default_classifier()).unwrap();
    let kept: Vec<&str> = d.activities.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(kept, ["a", "f"]);
    assert_eq!(d.not_active, 1);
    let skipped: Vec<(usize, Option<&str>, RecordProblem)> = d
        .skipped
        .iter()
        .map(|s| (s.number, s.id.as_deref(), s.problem))
        .collect();
    assert_eq!(
        skipped,
        [
            (2, Some("b"), RecordProblem::Unreadable),
            (3, None, RecordProblem::NotAnObject),
            (4, None, RecordProblem::NoId),
            (5, Some("c"), RecordProblem::NoName),
            (6, Some("a"), RecordProblem::RepeatedId),
            (8, Some("e"), RecordProblem::Unreadable),
        ]
    );
}

#[test]
fn a_file_that_is_not_a_directory_is_a_typed_error() {
    let c = default_classifier();
    for text in ["", "<html>Not found</html>", "[{\"id\": \"a\",", "{"] {
        assert!(
            matches!(
                Directory::parse(text, &c),
                Err(DirectoryError::NotJson { .. })
            ),
            "{text}"
        );
    }
    for text in [
        "\"services\"",
        "12",
        "null",
        "{\"services\": []}",
        "{\"contents\": {}}",
    ] {
        assert_eq!(
            Directory::parse(text, &c),
            Err(DirectoryError::NotAList),
            "{text}"
        );
    }
    assert_eq!(
        Directory::parse("[{\n\"id\": }]", &c),
        Err(DirectoryError::NotJson { line: 2, column: 7 })
    );
}

#[test]
fn an_empty_list_a_byte_order_mark_and_a_page_shape_all_read() {
    let c = default_classifier();
    assert_eq!(
        Directory::parse(" [ ] ", &c).map(|d| d.activities.len()),
        Ok(0)
    );
    let bom = "\u{feff}[{\"id\": \"a\", \"name\": \"Example\"}]";
    assert_eq!(Directory::parse(bom, &c).map(|d| d.activities.len()), Ok(1));
    let page = "{\"contents\": [{\"id\": \"a\", \"name\": \"Example\"}], \"total_items\": 1}";
    let d = Directory::parse(page, &c).unwrap();
    assert_eq!((d.activities.len(), d.is_incomplete()), (1, false));
}

#[test]
fn phones_are_read_from_the_service_and_its_contacts_as_links_that_dial() {
    let d = sample();
    let cafe = named(&d, "Tuesday Social Café");
    let links = cafe.links(false);
    let kinds: Vec<LinkKind> = links.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            LinkKind::Phone,
            LinkKind::Phone,
            LinkKind::Email,
            LinkKind::Web
        ]
    );
    assert_eq!(links[0].href, "tel:+441632960001");
    assert_eq!(links[0].text, "01632 960001");
    assert_eq!(links[2].href, "mailto:social-cafe@example.org");
    assert_eq!(links[3].text, "example.org/wellbrook/social-cafe");
    assert_eq!(cafe.contacts[0].title.as_deref(), Some("Café volunteer"));
}

#[test]
fn a_map_link_is_given_only_when_the_service_allows_it_and_never_for_online_activities() {
    let d = sample();
    let cafe = named(&d, "Tuesday Social Café");
    assert!(cafe.links(false).iter().all(|l| l.kind != LinkKind::Map));
    let map = cafe
        .links(true)
        .into_iter()
        .find(|l| l.kind == LinkKind::Map)
        .unwrap();
    assert_eq!(
        map.href,
        "https://www.openstreetmap.org/search?query=1%20Example%20Street%2C%20Wellbrook%2C%20WX1%202AB"
    );
    assert_eq!(map.text, "1 Example Street, Wellbrook, WX1 2AB");
    let online = named(&d, "Mindfulness for Beginners (online)");
    assert!(online.places[0].online);
    assert!(online.links(true).iter().all(|l| l.kind != LinkKind::Map));
}

#[test]
fn monthly_and_fortnightly_schedules_keep_their_pattern() {
    let d = sample();
    let housing = &named(&d, "Housing Help Drop-in").schedules[0];
    assert_eq!(housing.freq, Freq::Monthly);
    let nths: Vec<Option<i8>> = housing.days.iter().map(|d| d.nth).collect();
    assert_eq!(nths, [Some(1), Some(3)]);
    let peer = &named(&d, "Peer Support Evening").schedules[0];
    assert_eq!(
        peer.days,
        [Day {
            weekday: Weekday::Thu,
            nth: Some(-1)
        }]
    );
    let cooking = &named(&d, "Cooking on a Budget").schedules[0];
    assert_eq!((cooking.freq, cooking.interval), (Freq::Weekly, 2));
    assert_eq!(
        cooking.opens_at.map(|t| t.to_string()).as_deref(),
        Some("17:30:00")
    );
    let phone = &named(&d, "Telephone Befriending").schedules[0];
    assert_eq!((phone.freq, phone.days.len()), (Freq::NotSaid, 0));
    assert!(phone.description.is_some());
}

#[test]
fn step_free_comes_from_the_term_or_plain_words_and_steps_or_stairs_say_no() {
    let d = sample();
    assert!(
        named(&d, "Tuesday Social Café").step_free,
        "the step-free term"
    );
    assert!(
        !named(&d, "Arts and Crafts Club").step_free,
        "six steps, no lift"
    );
    assert!(
        !named(&d, "Volunteer Drivers").step_free,
        "reached by stairs"
    );
    assert!(
        !named(&d, "Community Shed").step_free,
        "the record does not say"
    );
    let text = json!([{"id": "a", "name": "Example", "service_at_locations": [{"location": {
        "location_type": "physical",
        "accessibility": [{"description": "Level access from the car park."}]
    }}]}])
    .to_string();
    let d = Directory::parse(&text, &default_classifier()).unwrap();
    assert!(d.activities[0].step_free, "plain words, no term");
}

#[test]
fn someone_can_meet_you_there_is_read_from_the_flourish_term_or_the_services_own() {
    let d = sample();
    assert!(named(&d, "Tuesday Social Café").meet_you_there);
    assert!(!named(&d, "Chair Yoga").meet_you_there);
    let text = json!([{"id": "a", "name": "Example", "attributes": [
        {"id": "x", "taxonomy_term": {"id": "t1", "name": "Buddy scheme", "description": "…"}}
    ]}])
    .to_string();
    let plain = Directory::parse(&text, &default_classifier()).unwrap();
    assert!(!plain.activities[0].meet_you_there);
    let map: TaxonomyMap = [(MEET_YOU_THERE.to_string(), vec!["buddy scheme".to_string()])].into();
    let mapped = Directory::parse(&text, &Classifier::new(&map, &default_categories())).unwrap();
    assert!(mapped.activities[0].meet_you_there);
}

#[test]
fn an_unmapped_term_id_alone_still_maps_through_the_services_taxonomy() {
    let text = json!([{"id": "a", "name": "Example", "attributes": [
        {"id": "x", "taxonomy_term_id": "LGA-SOC-01"}
    ]}])
    .to_string();
    let map: TaxonomyMap = [("social".to_string(), vec!["LGA-SOC-01".to_string()])].into();
    let d = Directory::parse(&text, &Classifier::new(&map, &default_categories())).unwrap();
    assert_eq!(d.activities[0].categories, ["social"]);
}

#[test]
fn a_directory_is_only_ever_fetched_from_the_apps_own_site() {
    for ok in [
        None,
        Some("directory.json"),
        Some("/directory.json"),
        Some("data/wellbrook.json"),
        Some("directory.json?v=2"),
    ] {
        assert_eq!(check_file_setting(ok), Ok(()), "{ok:?}");
    }
    for bad in [
        "",
        " ",
        "https://elsewhere.example/d.json",
        "//elsewhere.example/d.json",
        "javascript:alert(1)",
        "data:application/json,[]",
        "a b.json",
        "\\\\host\\d.json",
    ] {
        assert_eq!(
            check_file_setting(Some(bad)),
            Err(FileSettingProblem::NotBesideTheApp),
            "{bad}"
        );
    }
}

// ---- matching, filters and order ----

fn referral(activities: &[&str], barriers: &[&str], district: &str) -> Referral {
    Referral {
        activities: activities.iter().map(|s| (*s).to_owned()).collect(),
        barriers: barriers.iter().map(|s| (*s).to_owned()).collect(),
        postcode_district: district.to_owned(),
        ..Referral::default()
    }
}

/// The query for a referral with these answers, over the default activity categories.
fn query_for(activities: &[&str], barriers: &[&str], district: &str) -> Query {
    Query::for_referral(
        &referral(activities, barriers, district),
        &default_categories(),
    )
}

#[test]
fn meeting_people_and_getting_there_puts_social_first_then_near_free_and_step_free() {
    let d = sample();
    let q = query_for(&["social"], &["getting-there"], "wx1");
    assert_eq!(q.district.as_deref(), Some("WX1"));
    let found = find(&d, &q);
    assert_eq!(
        found.len(),
        18,
        "nothing is filtered out unless the person asks"
    );
    let social = of_found(&d, &found, |a| a.categories.iter().any(|c| c == "social"));
    let first_other = social.iter().position(|s| !s).unwrap();
    assert!(
        social[first_other..].iter().all(|s| !s),
        "every social activity comes first"
    );
    let top = names(&d, &found[..3]);
    assert_eq!(
        top[0], "Tuesday Social Café",
        "social, in WX1, free and step-free"
    );
    assert_eq!(
        found[0].badges,
        [
            Badge::Liked,
            Badge::NearYou,
            Badge::Free,
            Badge::StepFree,
            Badge::MeetYouThere
        ]
    );
    // Within the same liking, nearer always comes before further.
    let near = of_found(&d, &found[..first_other], |a| a.proximity(Some("WX1")));
    assert!(near.windows(2).all(|w| w[0] >= w[1]), "{near:?}");
    assert_eq!(
        q.ordering(),
        [
            (Badge::Liked, None),
            (Badge::NearYou, Some("getting-there")),
            (Badge::Free, Some("getting-there")),
            (Badge::StepFree, Some("getting-there")),
        ]
    );
}

#[test]
fn the_latest_referral_decides_the_order_and_no_referral_means_none() {
    use chrono::TimeZone;
    let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let at = |d| chrono::Utc.with_ymd_and_hms(2026, 11, d, 9, 0, 0).single();
    let older = Referral {
        submitted_at: at(20),
        ..referral(&["creative"], &["mobility"], "WY1")
    };
    let newer = Referral {
        submitted_at: at(25),
        ..referral(&["social"], &["getting-there"], "wx1")
    };
    let q = Query::for_person(
        &[newer.clone(), older.clone()],
        &default_categories(),
        today,
    );
    assert_eq!(q.liked, ["social"]);
    assert_eq!(q.district.as_deref(), Some("WX1"));
    assert_eq!(q.today, Some(today));
    assert_eq!(
        Query::for_person(&[older, newer], &default_categories(), today).liked,
        ["social"],
        "the order they are stored in does not matter"
    );
    let nobody = Query::for_person(&[], &default_categories(), today);
    assert!(nobody.liked.is_empty() && nobody.priorities.is_empty() && nobody.district.is_none());
    assert!(nobody.ordering().is_empty());
}

#[test]
fn not_knowing_anyone_puts_someone_can_meet_you_first() {
    let d = sample();
    let q = query_for(&[], &["not-knowing-anyone"], "");
    let found = find(&d, &q);
    let meet = of_found(&d, &found, |a| a.meet_you_there);
    let first_without = meet.iter().position(|m| !m).unwrap();
    assert!(first_without >= 4 && meet[first_without..].iter().all(|m| !m));
    assert_eq!(found[0].badges[0], Badge::MeetYouThere);
    assert_eq!(
        q.ordering(),
        [(Badge::MeetYouThere, Some("not-knowing-anyone"))]
    );
}

#[test]
fn mobility_puts_step_free_before_anything_else_it_asks_for() {
    let p = priorities(
        &[
            "getting-there".into(),
            "mobility".into(),
            "confidence".into(),
        ],
        Some("come-with-me"),
        &["money".into()],
    );
    let order: Vec<(Quality, &str)> = p.iter().map(|p| (p.quality, p.because.as_str())).collect();
    assert_eq!(
        order,
        [
            (Quality::StepFree, "mobility"),
            (Quality::Near, "mobility"),
            (Quality::MeetYouThere, "confidence"),
            (Quality::Free, "getting-there"),
        ]
    );
    let d = sample();
    let q = Query {
        priorities: priorities(&["mobility".into()], None, &[]),
        ..Query::default()
    };
    let found = find(&d, &q);
    let step_free = of_found(&d, &found, |a| a.step_free);
    let first_not = step_free.iter().position(|s| !s).unwrap();
    assert!(step_free[first_not..].iter().all(|s| !s));
}

#[test]
fn no_answers_means_a_to_z_and_not_sure_is_not_a_liking() {
    let d = sample();
    let q = query_for(&["not-sure"], &["none"], "");
    assert_eq!(q, Query::default());
    let all = names(&d, &find(&d, &q));
    let mut sorted = all.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(all, sorted);
    assert!(q.ordering().is_empty());
}

#[test]
fn each_filter_leaves_out_only_what_it_says() {
    let d = sample();
    let with = |filters: Filters| {
        let q = Query {
            district: Some("WX1".into()),
            filters,
            ..Query::default()
        };
        find(&d, &q)
            .into_iter()
            .map(|m| &d.activities[m.index])
            .collect::<Vec<_>>()
    };
    let free = with(Filters {
        free: true,
        ..Filters::default()
    });
    assert!(free.iter().all(|a| a.cost == Cost::Free));
    assert_eq!(
        free.len(),
        d.activities.iter().filter(|a| a.cost == Cost::Free).count()
    );
    let step_free = with(Filters {
        step_free: true,
        ..Filters::default()
    });
    assert!(!step_free.is_empty() && step_free.iter().all(|a| a.step_free));
    let meet = with(Filters {
        meet_you_there: true,
        ..Filters::default()
    });
    assert!(!meet.is_empty() && meet.iter().all(|a| a.meet_you_there));
    let tuesday = with(Filters {
        day: Some(Weekday::Tue),
        ..Filters::default()
    });
    let mut on_tuesday: Vec<&str> = tuesday.iter().map(|a| a.name.as_str()).collect();
    on_tuesday.sort_unstable();
    assert_eq!(
        on_tuesday,
        [
            "Example: Cooking on a Budget",
            "Example: Tuesday Social Café",
            "Example: Volunteer Drivers"
        ]
    );
    let near = with(Filters {
        near: true,
        ..Filters::default()
    });
    assert!(near
        .iter()
        .all(|a| a.proximity(Some("WX1")) > Proximity::Unknown));
    assert!(
        near.len() < d.activities.len(),
        "the WY1 one and the online ones are left out"
    );
    let creative = with(Filters {
        category: Some("creative".into()),
        ..Filters::default()
    });
    assert!(creative
        .iter()
        .all(|a| a.categories.iter().any(|c| c == "creative")));
    let together = with(Filters {
        free: true,
        step_free: true,
        day: Some(Weekday::Sat),
        ..Filters::default()
    });
    let names: Vec<&str> = together.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Example: Repair Café Volunteers"]);
}

#[test]
fn near_without_a_district_leaves_nothing_out() {
    let d = sample();
    let q = Query {
        filters: Filters {
            near: true,
            ..Filters::default()
        },
        ..Query::default()
    };
    assert_eq!(find(&d, &q).len(), 18);
}

#[test]
fn a_schedule_that_has_ended_does_not_count_for_its_day() {
    let text = json!([{"id": "a", "name": "Example", "schedules": [
        {"id": "s", "freq": "WEEKLY", "byday": "TU", "valid_to": "2026-06-30"}
    ]}])
    .to_string();
    let d = Directory::parse(&text, &default_classifier()).unwrap();
    let on = |today: &str| Query {
        today: NaiveDate::parse_from_str(today, "%Y-%m-%d").ok(),
        filters: Filters {
            day: Some(Weekday::Tue),
            ..Filters::default()
        },
        ..Query::default()
    };
    assert_eq!(find(&d, &on("2026-06-01")).len(), 1);
    assert_eq!(find(&d, &on("2026-07-01")).len(), 0);
}

// ---- properties ----

fn barrier_ids() -> impl Strategy<Value = Vec<String>> {
    prop::sample::subsequence(default_ids(|c| &c.barriers), 0..4)
        .prop_map(|v| v.into_iter().map(String::from).collect())
}

fn query() -> impl Strategy<Value = Query> {
    let categories = default_categories();
    (
        prop::sample::subsequence(categories.clone(), 0..3),
        barrier_ids(),
        prop::option::of(prop::sample::select(vec![
            "welcome",
            "come-with-me",
            "information",
        ])),
        prop::option::of(prop::sample::select(vec![
            "WX1", "WX2", "WX10", "WY1", "AB1",
        ])),
        (
            any::<[bool; 4]>(),
            prop::option::of(0u8..7),
            prop::option::of(prop::sample::select(categories)),
        ),
    )
        .prop_map(
            |(liked, barriers, support, district, (flags, day, category))| Query {
                liked: liked.into_iter().map(String::from).collect(),
                priorities: priorities(&barriers, support, &[]),
                district: district.map(String::from),
                filters: Filters {
                    free: flags[0],
                    step_free: flags[1],
                    meet_you_there: flags[2],
                    near: flags[3],
                    day: day.and_then(|d| Weekday::try_from(d).ok()),
                    category: category.map(String::from),
                },
                today: None,
            },
        )
}

/// 90 services made from the sample, read once for every generated case.
fn generated_directory() -> &'static Directory {
    static DIRECTORY: std::sync::OnceLock<Directory> = std::sync::OnceLock::new();
    DIRECTORY.get_or_init(|| Directory::parse(&generated(90), &default_classifier()).unwrap())
}

fn passes(a: &Activity, q: &Query) -> bool {
    let f = &q.filters;
    let district = q.district.as_deref();
    (!f.free || a.cost == Cost::Free)
        && (!f.step_free || a.step_free)
        && (!f.meet_you_there || a.meet_you_there)
        && (!f.near || district.is_none() || a.proximity(district) != Proximity::Unknown)
        && f.day.is_none_or(|d| {
            a.schedules
                .iter()
                .any(|s| s.days.iter().any(|x| x.weekday == d))
        })
        && f.category.as_ref().is_none_or(|c| a.categories.contains(c))
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_activity_that_passes_the_filters_is_listed_once_liked_first_in_key_order(q in query()) {
        let d = generated_directory();
        let found = find(d, &q);
        let mut listed: Vec<usize> = found.iter().map(|m| m.index).collect();
        listed.sort_unstable();
        let expected: Vec<usize> = (0..d.activities.len()).filter(|i| passes(&d.activities[*i], &q)).collect();
        prop_assert_eq!(listed, expected);
        prop_assert!(found.windows(2).all(|w| w[0].key >= w[1].key));
        let liked: Vec<bool> = found.iter().map(|m| m.badges.first() == Some(&Badge::Liked)).collect();
        prop_assert!(liked.windows(2).all(|w| w[0] >= w[1]), "liked first");
        for m in &found {
            let a = &d.activities[m.index];
            prop_assert_eq!(m.badges.contains(&Badge::Free), a.cost == Cost::Free);
            prop_assert_eq!(m.badges.contains(&Badge::StepFree), a.step_free);
            prop_assert_eq!(m.badges.contains(&Badge::MeetYouThere), a.meet_you_there);
        }
    }

    #[test]
    fn the_order_does_not_depend_on_the_order_of_the_file(q in query(), seed in any::<u64>()) {
        let d = generated_directory();
        let mut shuffled = d.clone();
        // A cheap deterministic shuffle of the records, as if the file listed them so.
        let mut s = seed | 1;
        for i in (1..shuffled.activities.len()).rev() {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            shuffled.activities.swap(i, (s % (i as u64 + 1)) as usize);
        }
        let ids = |d: &Directory| {
            find(d, &q).into_iter().map(|m| d.activities[m.index].id.clone()).collect::<Vec<_>>()
        };
        prop_assert_eq!(ids(d), ids(&shuffled));
    }

    #[test]
    fn any_json_is_read_or_refused_without_a_panic_and_every_record_is_accounted_for(
        records in prop::collection::vec(record(), 0..12),
        as_page in any::<bool>(),
    ) {
        let list = Value::Array(records.clone());
        let text = if as_page { json!({"contents": list, "page_number": 1}) } else { list }.to_string();
        let d = Directory::parse(&text, &default_classifier()).unwrap();
        prop_assert_eq!(d.activities.len() + d.skipped.len() + d.not_active, records.len());
        let numbers: Vec<usize> = d.skipped.iter().map(|s| s.number).collect();
        prop_assert!(numbers.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(numbers.iter().all(|n| (1..=records.len()).contains(n)));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,40}", bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        let _ = Directory::parse(&text, &default_classifier());
        let _ = Directory::parse(&String::from_utf8_lossy(&bytes), &default_classifier());
    }
}

/// A record that may be good, broken in a field this app reads, or not a record at all.
fn record() -> impl Strategy<Value = Value> {
    let good = (0u32..6, prop::bool::ANY).prop_map(|(n, active)| {
        json!({"id": format!("id-{n}"), "name": format!("Example {n}"),
               "status": if active { "active" } else { "inactive" },
               "cost_options": [{"id": "c", "amount": n}],
               "schedules": [{"id": "s", "byday": "MO,1TU,XX"}]})
    });
    let broken = prop_oneof![
        Just(json!({"id": "x", "name": ["a list"]})),
        Just(json!({"id": "y", "name": "Example", "cost_options": [{"amount": "£3"}]})),
        Just(json!({"id": "z", "name": "Example", "service_at_locations": {"location": 1}})),
        Just(json!({"name": "Example"})),
        Just(json!(null)),
        Just(json!("text")),
        Just(json!([1, 2])),
    ];
    prop_oneof![3 => good, 2 => broken]
}
