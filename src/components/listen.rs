//! "Listen": the page's question (or result) read aloud on request.

use leptos::prelude::*;

use crate::i18n::use_messages;
use crate::speech::{self, Spoken};

/// A button that reads `parts` aloud in their own languages, and stops when pressed again.
/// It never reads by itself, and is not shown while the browser has no voice for every
/// language it would read (Welsh is never read with an English voice).
#[component]
pub fn ListenButton(
    /// What to read, in order.
    parts: Vec<Spoken>,
) -> impl IntoView {
    let m = use_messages();
    let parts = StoredValue::new(parts);
    let available = RwSignal::new(parts.with_value(|p| speech::can_read(p)));
    let reading = RwSignal::new(false);
    let stop_listening = StoredValue::new_local(Some(speech::on_voices_changed(move || {
        available.try_set(
            parts
                .try_with_value(|p| speech::can_read(p))
                .unwrap_or(false),
        );
    })));
    on_cleanup(move || {
        if reading.try_get_untracked() == Some(true) {
            speech::stop();
        }
        if let Some(Some(stop)) = stop_listening.try_update_value(Option::take) {
            stop();
        }
    });
    let press = move |_| {
        if reading.get_untracked() {
            speech::stop();
            reading.set(false);
        } else {
            let started = parts.with_value(|p| {
                speech::read(p, move || {
                    reading.try_set(false);
                })
            });
            reading.set(started);
        }
    };
    view! {
        <Show when=move || available.get()>
            <p class="f-listen">
                <button type="button" class="f-button f-button--secondary f-button--small f-listen__button" on:click=press>
                    {move || if reading.get() { m.stop_listening } else { m.listen }}
                </button>
            </p>
        </Show>
    }
}
