//! The frame around every page: header, footer, and the notices about the person's data.

use leptos::prelude::*;

use super::download_button::DownloadButton;
use super::language::LanguageControl;
use super::send_status::{kept_words, not_kept_words};
use crate::browser;
use crate::i18n::{fill, use_messages};
use crate::router::A;
use crate::routes::Route;
use crate::state::{current_setup, use_config, use_notices, use_records, Notice};

/// The top of every page: skip link, the service's name, the language control and "Get help
/// now".
#[component]
pub fn Header() -> impl IntoView {
    let m = use_messages();
    let name = use_config().with(|c| c.service_name.get(m.language).to_owned());
    view! {
        <a href="#main" class="f-skip-link" on:click=|ev: leptos::ev::MouseEvent| {
            ev.prevent_default();
            browser::focus("#main");
        }>{m.skip_to_content}</a>
        <header class="f-header">
            <LanguageControl/>
            <div class="f-width-container f-header__inner">
                <A href=Route::Home.href() class="f-header__name">{name}</A>
                <A href=Route::GetHelp.href() class="f-header__help">{m.get_help_now}</A>
            </div>
        </header>
    }
}

/// The bottom of every page: where answers are kept and that no one watches in real time.
#[component]
pub fn Footer() -> impl IntoView {
    let m = use_messages();
    let kept = if current_setup().keeps_on_device() {
        view! { {kept_words()}" "<A href=Route::YourData.href()>{m.your_data}</A> }.into_any()
    } else {
        not_kept_words().into_any()
    };
    view! {
        <footer class="f-footer">
            <div class="f-width-container">
                <p>{kept}</p>
                <p>{m.not_monitored}</p>
            </div>
        </footer>
    }
}

/// Notices about the person's data and the service's settings, until they no longer apply.
#[component]
pub fn Notices() -> impl IntoView {
    let notices = use_notices();
    view! {
        <For each=move || notices.list().get() key=Notice::clone let:notice>
            <NoticeView notice/>
        </For>
    }
}

/// One notice.
#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let m = use_messages();
    match notice {
        Notice::SetAside => view! { <SetAsideNotice/> }.into_any(),
        Notice::Config(problems) => view! {
            <div class="f-notice" role="region" aria-labelledby="notice-config">
                <h2 class="f-notice__title" id="notice-config">{m.config_problem_title}</h2>
                <p>{m.config_problem_body}</p>
                <details class="f-details">
                    <summary class="f-details__summary">{m.config_problem_details}</summary>
                    // For the service's staff, who configure it in English.
                    <ul class="f-list" lang="en" dir="ltr">
                        {problems.into_iter().map(|p| view! {
                            <li><code>{p.field}</code>": "{p.message}</li>
                        }).collect_view()}
                    </ul>
                </details>
            </div>
        }
        .into_any(),
        Notice::ChangedElsewhere => view! {
            <div class="f-notice" role="status">
                <p>{m.changed_elsewhere}</p>
            </div>
        }
        .into_any(),
        Notice::LanguageNotLoaded(language) => view! {
            <div class="f-notice f-notice--warning" role="alert">
                <p>{fill(m.language_not_loaded, &[("language", language.own_name())])}</p>
            </div>
        }
        .into_any(),
        Notice::LoadFailed(e) => storage_warning(
            m.load_failed_title,
            m.load_failed_body,
            m.explain(&e.into()),
        ),
        Notice::SaveFailed(e) => storage_warning(
            m.save_failed_title,
            m.save_failed_body,
            m.explain(&e.into()),
        ),
    }
}

/// A read or a write of the person's data failed: what happened, and why in plain words.
fn storage_warning(title: &'static str, body: &'static str, why: String) -> AnyView {
    view! {
        <div class="f-notice f-notice--warning" role="alert">
            <h2 class="f-notice__title">{title}</h2>
            <p>{body}</p>
            <p class="f-hint">{why}</p>
        </div>
    }
    .into_any()
}

/// Something could not be read and was kept aside: the person can download it for the service.
#[component]
fn SetAsideNotice() -> impl IntoView {
    let m = use_messages();
    let records = use_records();
    view! {
        <div class="f-notice" role="region" aria-labelledby="notice-set-aside">
            <h2 class="f-notice__title" id="notice-set-aside">{m.data_set_aside_title}</h2>
            <p>{m.data_set_aside_body}</p>
            <DownloadButton label=m.download_set_aside
                download=Callback::new(move |()| records.download_set_aside())/>
        </div>
    }
}
