use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser;
use crate::i18n::use_messages;
use crate::state::{use_app, Notice};

/// The top of every page: skip link, the service's name, and "Get help now".
#[component]
pub fn Header() -> impl IntoView {
    let m = use_messages();
    let name = use_app().config.with_value(|c| c.service_name.clone());
    view! {
        <a href="#main" class="f-skip-link" on:click=|ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            browser::focus("#main");
        }>{m.skip_to_content}</a>
        <header class="f-header">
            <div class="f-width-container f-header__inner">
                <A href="/" attr:class="f-header__name">{name}</A>
                <A href="/get-help" attr:class="f-header__help">{m.get_help_now}</A>
            </div>
        </header>
    }
}

/// The bottom of every page: where answers are kept and that no one watches in real time.
#[component]
pub fn Footer() -> impl IntoView {
    let m = use_messages();
    view! {
        <footer class="f-footer">
            <div class="f-width-container">
                <p>{m.kept_on_device}" "<A href="/your-data">{m.your_data}</A></p>
                <p>{m.not_monitored}</p>
            </div>
        </footer>
    }
}

/// Notices about the person's data: something set aside, or a save that failed.
#[component]
pub fn Notices() -> impl IntoView {
    let m = use_messages();
    let app = use_app();
    let download = move |_| {
        let text = match app.store().set_aside() {
            Ok(items) => {
                let entries: Vec<serde_json::Value> = items
                    .into_iter()
                    .map(|(key, text)| serde_json::json!({ "key": key, "text": text }))
                    .collect();
                serde_json::json!({ "format": "flourish-set-aside", "version": 1, "items": entries }).to_string()
            }
            Err(e) => serde_json::json!({ "format": "flourish-set-aside", "version": 1, "error": e.to_string() }).to_string(),
        };
        if let Err(e) =
            browser::download("flourish-unreadable-data.json", "application/json", &text)
        {
            leptos::logging::warn!("download failed: {e}");
        }
    };
    view! {
        <For each=move || app.notices.get() key=|n| format!("{n:?}") let:notice>
            {match notice {
                Notice::SetAside => view! {
                    <div class="f-notice" role="region" aria-labelledby="notice-set-aside">
                        <h2 class="f-notice__title" id="notice-set-aside">{m.data_set_aside_title}</h2>
                        <p>{m.data_set_aside_body}</p>
                        <button type="button" class="f-button f-button--secondary" on:click=download>
                            {m.download_set_aside}
                        </button>
                    </div>
                }.into_any(),
                Notice::Config(problems) => view! {
                    <div class="f-notice" role="region" aria-labelledby="notice-config">
                        <h2 class="f-notice__title" id="notice-config">{m.config_problem_title}</h2>
                        <p>{m.config_problem_body}</p>
                        <details class="f-details">
                            <summary class="f-details__summary">{m.config_problem_details}</summary>
                            <ul class="f-list">
                                {problems.into_iter().map(|p| view! {
                                    <li><code>{p.field}</code>": "{p.message}</li>
                                }).collect_view()}
                            </ul>
                        </details>
                    </div>
                }.into_any(),
                Notice::ChangedElsewhere => view! {
                    <div class="f-notice" role="status">
                        <p>{m.changed_elsewhere}</p>
                    </div>
                }.into_any(),
                Notice::SaveFailed(e) => view! {
                    <div class="f-notice f-notice--warning" role="alert">
                        <h2 class="f-notice__title">{m.save_failed_title}</h2>
                        <p>{m.save_failed_body}</p>
                        <p class="f-hint">{e.to_string()}</p>
                    </div>
                }.into_any(),
            }}
        </For>
    }
}
