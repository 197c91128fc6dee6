use leptos::prelude::*;

use crate::i18n::use_messages;

/// One validation error, linked to the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The id of the input the error is about (the first radio of a group).
    pub field_id: String,
    /// What to do, e.g. "Choose how often you felt this".
    pub message: String,
}

impl FieldError {
    /// The errors of a page with one field in error at a time: `error`, linked to `field_id`.
    pub fn of_field(field_id: &'static str, error: Signal<Option<String>>) -> Signal<Vec<Self>> {
        Signal::derive(move || {
            error
                .get()
                .map(|message| {
                    vec![FieldError {
                        field_id: field_id.into(),
                        message,
                    }]
                })
                .unwrap_or_default()
        })
    }
}

/// The GOV.UK error summary: shown above the form after Continue, it takes focus so that
/// screen reader users hear what is wrong, and each message links to its field.
#[component]
pub fn ErrorSummary(
    /// The errors to list; nothing is shown while empty.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let m = use_messages();
    let summary = NodeRef::<leptos::html::Div>::new();
    // Moving focus is a side effect on the DOM, so it belongs in an effect.
    Effect::new(move |_| {
        if !errors.read().is_empty() {
            if let Some(el) = summary.get() {
                let _ = el.focus();
            }
        }
    });
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div class="f-error-summary" node_ref=summary tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                <h2 class="f-error-summary__title" id="error-summary-title">{m.there_is_a_problem}</h2>
                <ul class="f-error-summary__list">
                    <For each=move || errors.get() key=|e| (e.field_id.clone(), e.message.clone()) let:e>
                        <li>
                            <a
                                href=format!("#{}", e.field_id)
                                on:click={
                                    let id = e.field_id.clone();
                                    // Focus the field itself, not just scroll to it, and keep
                                    // the router from treating the fragment as navigation.
                                    move |ev: leptos::ev::MouseEvent| {
                                        ev.prevent_default();
                                        crate::browser::focus(&format!("#{id}"));
                                    }
                                }
                            >
                                {e.message}
                            </a>
                        </li>
                    </For>
                </ul>
            </div>
        </Show>
    }
}
