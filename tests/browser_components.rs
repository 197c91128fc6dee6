//! The shared form components' accessibility wiring, rendered in a real browser.
#![cfg(target_arch = "wasm32")]

use flourish::components::{
    CheckboxOption, Checkboxes, ErrorSummary, FieldError, RadioOption, Radios,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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

fn attr(root: &web_sys::Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute(name))
}

fn options() -> Vec<RadioOption> {
    ["Never", "Sometimes", "Always"]
        .iter()
        .enumerate()
        .map(|(i, l)| RadioOption {
            label: l.to_string(),
            value: i.to_string(),
        })
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
            <Radios name="answer" question="How often?" caption="Question 1 of 3" hint="Think about last month."
                options=options() selected=Signal::derive(move || chosen.get()) error on_choose/>
        }
    })
    .forget();
    leptos::task::tick().await;

    // The question is the page heading, inside the legend.
    let h1 = root
        .query_selector("fieldset > legend h1")
        .ok()
        .flatten()
        .expect("legend h1");
    assert_eq!(h1.text_content().as_deref(), Some("How often?"));
    // Every radio has a label that names it.
    let inputs = root
        .query_selector_all("input[type=radio]")
        .expect("inputs");
    assert_eq!(inputs.length(), 3);
    for i in 0..inputs.length() {
        let input: web_sys::Element = inputs.item(i).expect("input").unchecked_into();
        let id = input.id();
        let label = root
            .query_selector(&format!("label[for='{id}']"))
            .ok()
            .flatten();
        assert!(label.is_some(), "radio {id} has a label");
    }
    // The first radio carries the group's name as id, so error links land on it.
    assert!(root
        .query_selector("#answer[type=radio]")
        .ok()
        .flatten()
        .is_some());
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
    let message = root
        .query_selector("#answer-error")
        .ok()
        .flatten()
        .expect("error message");
    assert_eq!(
        message.text_content().as_deref(),
        Some("Error: Choose how often")
    );
    let group = root
        .query_selector(".f-form-group")
        .ok()
        .flatten()
        .expect("group");
    assert!(group.class_list().contains("f-form-group--error"));

    // Choosing an answer reports it and checks that radio.
    let second: web_sys::HtmlInputElement = root
        .query_selector("#answer-2")
        .ok()
        .flatten()
        .expect("second")
        .unchecked_into();
    second.click();
    leptos::task::tick().await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("1"));
    assert!(second.checked());
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
    assert!(
        root.query_selector(".f-error-summary")
            .ok()
            .flatten()
            .is_none(),
        "hidden while no errors"
    );

    errors.set(vec![FieldError {
        field_id: "field".into(),
        message: "Enter something".into(),
    }]);
    leptos::task::tick().await;
    leptos::task::tick().await;
    let summary = root
        .query_selector(".f-error-summary")
        .ok()
        .flatten()
        .expect("summary");
    let active = document().active_element().expect("focus");
    assert_eq!(active, summary, "the summary has focus");
    let link: web_sys::HtmlElement = root
        .query_selector(".f-error-summary a")
        .ok()
        .flatten()
        .expect("link")
        .unchecked_into();
    assert_eq!(link.get_attribute("href").as_deref(), Some("#field"));
    link.click();
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
    let options: Vec<CheckboxOption> = [
        ("walk", Some("Outdoors"), false),
        ("cafe", None, false),
        ("none", None, true),
    ]
    .iter()
    .map(|(v, hint, exclusive)| CheckboxOption {
        label: v.to_string(),
        value: v.to_string(),
        hint: hint.map(str::to_string),
        exclusive: *exclusive,
    })
    .collect();
    leptos::mount::mount_to(root.clone(), move || {
        view! {
            <Checkboxes name="went" question="Where did you go?" hint="Choose all that apply."
                options=options.clone() selected=Signal::derive(move || ticked.get()) error
                on_change=Callback::new(move |v| ticked.set(v))/>
        }
    })
    .forget();
    leptos::task::tick().await;

    let h1 = root
        .query_selector("fieldset > legend h1")
        .ok()
        .flatten()
        .expect("legend h1");
    assert_eq!(h1.text_content().as_deref(), Some("Where did you go?"));
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("went-hint")
    );
    // The first checkbox carries the group's name as id; an option's hint describes it.
    assert_eq!(
        attr(&root, "#went[type=checkbox]", "aria-describedby").as_deref(),
        Some("went-item-hint")
    );
    assert!(root
        .query_selector("label[for='went-3']")
        .ok()
        .flatten()
        .is_some());
    assert!(root
        .query_selector(".f-checkboxes__divider")
        .ok()
        .flatten()
        .is_some());

    error.set(Some("Choose one".into()));
    leptos::task::tick().await;
    assert_eq!(
        attr(&root, "fieldset", "aria-describedby").as_deref(),
        Some("went-hint went-error")
    );

    let click = |id: &str| {
        let input: web_sys::HtmlInputElement = root
            .query_selector(id)
            .ok()
            .flatten()
            .expect("checkbox")
            .unchecked_into();
        input.click();
    };
    click("#went");
    leptos::task::tick().await;
    click("#went-2");
    leptos::task::tick().await;
    assert_eq!(ticked.get_untracked(), ["walk", "cafe"]);
    click("#went-3");
    leptos::task::tick().await;
    assert_eq!(ticked.get_untracked(), ["none"]);
    let walk: web_sys::HtmlInputElement = root
        .query_selector("#went")
        .ok()
        .flatten()
        .expect("walk")
        .unchecked_into();
    assert!(
        !walk.checked(),
        "ticking None yet unticks the others on screen"
    );
    root.remove();
}
