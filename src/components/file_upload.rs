//! Choosing a file to bring in.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::field::{described_by, ErrorMessage, FormGroup, Hint};

/// A labelled file picker (GOV.UK file upload). The chosen file goes to `on_choose`, and the
/// choice is cleared so that choosing the same file again (a second try) works too.
#[component]
pub fn FileUpload(
    /// The input's id.
    #[prop(into)]
    id: String,
    /// The label text.
    #[prop(into)]
    label: String,
    /// Help under the label.
    #[prop(into)]
    hint: String,
    /// The file types offered, e.g. `.json,application/json`.
    accept: &'static str,
    /// The error to show, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Called with the chosen file.
    on_choose: Callback<web_sys::File>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = described_by([hint_id.clone()], error_id.clone(), error);
    let chosen = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let file = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0));
        if let Some(i) = &input {
            i.set_value("");
        }
        if let Some(file) = file {
            on_choose.run(file);
        }
    };
    view! {
        <FormGroup error>
            <label class="f-label" for=id.clone()>{label}</label>
            <Hint id=hint_id text=Some(hint)/>
            <ErrorMessage id=error_id error/>
            <input class="f-file-upload" type="file" id=id accept=accept aria-describedby=described_by on:change=chosen/>
        </FormGroup>
    }
}
