//! The shared form components' accessibility wiring, rendered in a real browser.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use flourish::components::{
    Answer, ChoiceItem, Choices, ErrorSummary, FieldError, Reveal, TextInput,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;
use common::sleep;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A fresh element to render into.
fn container() -> web_sys::HtmlElement {
    let el = document().create_element("div").expect("div");
    document()
        .body()
        .expect("body")
        .append_child(&el)
        .expect("append");
    el.unchecked_into()
}

/// The element `selector` finds under `root`; the test fails if there is none.
fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

fn exists(root: &web_sys::Element, selector: &str) -> bool {
    root.query_selector(selector).ok().flatten().is_some()
}

fn attr(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    find(root, selector).get_attribute(name)
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn click(root: &web_sys::Element, selector: &str) {
    find(root, selector).click();
}

fn options() -> Vec<ChoiceItem> {
    ["Never", "Sometimes", "Always"]
        .iter()
        .enumerate()
        .map(|(i, l)| ChoiceItem::new(*l, i.to_string()))
        .collect()
}

#[wasm_bindgen_test]
async fn radios_tie_question_hint_error_and_labels_together() {
    let root = container();
    let error = RwSignal::new(None::<String>);
    let chosen = RwSignal::new(None::<String>);
    let on_choose = Callback::new(move |v: String| chosen.set(Some(v)));
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Choices name="answer" question="How often?" caption="Question 1 of 3" hint="Think about last month."
                options=options() error answer=Answer::one(Signal::derive(move || chosen.get()), on_choose)/>
        }
    })
    .forget();
    leptos::task::tick().await;

    // The question is the page heading, inside the legend.
    assert_eq!(text(&root, "fieldset > legend h1"), "How often?");
    // Every radio has a label that names it.
    let inputs = root
        .query_selector_all("input[type=radio]")
        .expect("inputs");
    assert_eq!(inputs.length(), 3);
    for i in 0..inputs.length() {
        let input: web_sys::Element = inputs.item(i).expect("input").unchecked_into();
        let id = input.id();
        assert!(
            exists(&root, &format!("label[for='{id}']")),
            "radio {id} has a label"
        );
    }
    // The first radio carries the group's name as id, so error links land on it.
    assert!(exists(&root, "#answer[type=radio]"));
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("answer-hint")
    );

    error.set(Some("Choose how often".into()));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("answer-hint answer-error")
    );
    assert_eq!(text(&root, "#answer-error"), "Error: Choose how often");
    assert!(find(&root, ".f-form-group")
        .class_list()
        .contains("f-form-group--error"));

    // Choosing an answer reports it and checks that radio.
    click(&root, "#answer-2");
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("1"));
    let second: web_sys::HtmlInputElement = find(&root, "#answer-2").unchecked_into();
    assert!(second.checked());
    root.remove();
}

#[wasm_bindgen_test]
async fn an_answer_can_carry_its_own_hint_and_reveal_a_question_while_chosen() {
    let root = container();
    let chosen = RwSignal::new(None::<String>);
    let mut items = options();
    items[2].hint = Some("Every single day".into());
    let reveal = Reveal {
        value: "2".into(),
        content: ViewFn::from(|| view! { <p id="more">"Tell us more"</p> }),
    };
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Choices name="often" question="How often?" options=items.clone() reveal=Some(reveal.clone())
                answer=Answer::one(Signal::derive(move || chosen.get()),
                    Callback::new(move |v: String| chosen.set(Some(v))))/>
        }
    })
    .forget();
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "#often-3", "aria-describedby").as_deref(),
        Some("often-3-item-hint")
    );
    assert_eq!(text(&root, "#often-3-item-hint"), "Every single day");
    assert!(!exists(&root, "#more"), "hidden until its answer is chosen");
    click(&root, "#often-3");
    leptos::task::tick().await;
    assert_eq!(text(&root, "#more"), "Tell us more");
    click(&root, "#often");
    leptos::task::tick().await;
    assert!(
        !exists(&root, "#more"),
        "hidden again when another is chosen"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn the_error_summary_takes_focus_and_links_to_the_field() {
    let root = container();
    let errors = RwSignal::new(Vec::<FieldError>::new());
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <ErrorSummary errors/>
            <input id="field" type="text"/>
        }
    })
    .forget();
    leptos::task::tick().await;
    assert!(!exists(&root, ".f-error-summary"), "hidden while no errors");

    errors.set(vec![FieldError {
        field_id: "field".into(),
        message: "Enter something".into(),
    }]);
    leptos::task::tick().await;
    leptos::task::tick().await;
    let summary = find(&root, ".f-error-summary");
    let active = document().active_element().expect("focus");
    assert_eq!(active, *summary, "the summary has focus");
    assert_eq!(
        attr(&root, ".f-error-summary a", "href").as_deref(),
        Some("#field")
    );
    click(&root, ".f-error-summary a");
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("field")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn checkboxes_wire_hints_and_errors_and_keep_none_exclusive() {
    let root = container();
    let error = RwSignal::new(None::<String>);
    let ticked = RwSignal::new(Vec::<String>::new());
    let options: Vec<ChoiceItem> = [
        ("walk", Some("Outdoors"), false),
        ("cafe", None, false),
        ("none", None, true),
    ]
    .iter()
    .map(|(v, hint, exclusive)| ChoiceItem {
        hint: hint.map(str::to_string),
        exclusive: *exclusive,
        ..ChoiceItem::new(*v, *v)
    })
    .collect();
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Choices name="went" question="Where did you go?" hint="Choose all that apply."
                options=options.clone() error
                answer=Answer::many(Signal::derive(move || ticked.get()), Callback::new(move |v| ticked.set(v)))/>
        }
    })
    .forget();
    leptos::task::tick().await;

    assert_eq!(text(&root, "fieldset > legend h1"), "Where did you go?");
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("went-hint")
    );
    // The first checkbox carries the group's name as id; an option's hint describes it.
    assert_eq!(
        attr(&root, "#went[type=checkbox]", "aria-describedby").as_deref(),
        Some("went-item-hint")
    );
    assert!(exists(&root, "label[for='went-3']"));
    assert!(exists(&root, ".f-checkboxes__divider"));

    error.set(Some("Choose one".into()));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("went-hint went-error")
    );

    click(&root, "#went");
    leptos::task::tick().await;
    click(&root, "#went-2");
    leptos::task::tick().await;
    assert_eq!(ticked.get_untracked(), ["walk", "cafe"]);
    click(&root, "#went-3");
    leptos::task::tick().await;
    assert_eq!(ticked.get_untracked(), ["none"]);
    let walk: web_sys::HtmlInputElement = find(&root, "#went").unchecked_into();
    assert!(
        !walk.checked(),
        "ticking None yet unticks the others on screen"
    );
    root.remove();
}

/// Types `value` into the box as a person would: the value changes, then an input event.
fn type_into(root: &web_sys::Element, selector: &str, value: &str) {
    let input = find(root, selector);
    js_sys::Reflect::set(&input, &"value".into(), &value.into()).expect("value set");
    let event = web_sys::Event::new("input").expect("event");
    input.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn the_character_count_is_spoken_only_once_typing_pauses_in_plural_correct_words() {
    let root = container();
    let value = RwSignal::new(String::new());
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <TextInput id="goal" label="Your goal" multiline=true max_chars=5
                announce_after=Duration::from_millis(100)
                value on_input=Callback::new(move |v| value.set(v))/>
        }
    })
    .forget();
    leptos::task::tick().await;
    // The box is described by its limit, which screen readers hear with the label.
    assert_eq!(
        attr(&root, "#goal", "aria-describedby").as_deref(),
        Some("goal-info")
    );
    assert_eq!(
        text(&root, "#goal-info"),
        "You can enter up to 5 characters"
    );
    let visible = ".f-character-count";
    let spoken = "[aria-live=polite]";
    assert_eq!(attr(&root, visible, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(text(&root, visible), "You have 5 characters remaining");

    type_into(&root, "#goal", "abcd");
    leptos::task::tick().await;
    assert_eq!(text(&root, visible), "You have 1 character remaining");
    assert_eq!(text(&root, spoken), "", "nothing is spoken while typing");
    sleep(250).await;
    assert_eq!(text(&root, spoken), "You have 1 character remaining");

    type_into(&root, "#goal", "abcdef");
    type_into(&root, "#goal", "abcdefg");
    leptos::task::tick().await;
    assert_eq!(text(&root, visible), "You have 2 characters too many");
    assert_eq!(text(&root, spoken), "You have 1 character remaining");
    sleep(250).await;
    assert_eq!(text(&root, spoken), "You have 2 characters too many");
    type_into(&root, "#goal", "abcdef");
    sleep(250).await;
    assert_eq!(text(&root, spoken), "You have 1 character too many");
    root.remove();
}
