use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::components::{ErrorSummary, FieldError, PageTitle};
use crate::domain::{export, scores_csv};
use crate::i18n::{fill, use_messages};
use crate::state::use_app;

/// What is kept on this device, how much space it takes, and the person's controls over it:
/// download everything, bring a file back in, delete everything.
#[component]
pub fn YourDataPage() -> impl IntoView {
    let m = use_messages();
    let d = &m.data;
    let app = use_app();
    let persisted = LocalResource::new(browser::request_persistence);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let imported = RwSignal::new(None::<String>);

    let counts = move || {
        let checkins = app.checkins.read().len();
        let referrals = app.referrals.read().len();
        let in_progress =
            usize::from(app.draft.read().is_some()) + usize::from(app.referral.read().is_some());
        let aside = app.store().set_aside().map(|a| a.len()).unwrap_or(0);
        let kb = app
            .store()
            .usage()
            .map(|u| u.total())
            .unwrap_or(0)
            .div_ceil(1024);
        view! {
            <dl class="f-summary-list">
                <div class="f-summary-list__row"><dt class="f-summary-list__key">{d.checkins}</dt><dd class="f-summary-list__value">{checkins}</dd></div>
                <div class="f-summary-list__row"><dt class="f-summary-list__key">{d.referrals}</dt><dd class="f-summary-list__value">{referrals}</dd></div>
                <div class="f-summary-list__row"><dt class="f-summary-list__key">{d.in_progress}</dt><dd class="f-summary-list__value">{in_progress}</dd></div>
                <div class="f-summary-list__row"><dt class="f-summary-list__key">{d.set_aside}</dt><dd class="f-summary-list__value">{aside}</dd></div>
                <div class="f-summary-list__row"><dt class="f-summary-list__key">{d.space}</dt><dd class="f-summary-list__value">{fill(d.kb, &[("kb", &kb.to_string())])}</dd></div>
            </dl>
        }
    };
    let kept = move || match persisted.get() {
        Some(Some(true)) => d.persisted_yes,
        Some(Some(false)) => d.persisted_no,
        Some(None) => d.persisted_unknown,
        None => "",
    };
    let download_all = move |_| {
        let text = app
            .store()
            .export(browser::now())
            .map_err(|e| e.to_string())
            .and_then(|doc| {
                doc.to_json()
                    .map(|t| (doc.file_name(), t))
                    .map_err(|e| e.to_string())
            });
        let done = text.and_then(|(name, t)| browser::download(&name, "application/json", &t));
        if let Err(e) = done {
            errors.set(vec![FieldError {
                field_id: "download-all".into(),
                message: e,
            }]);
        }
    };
    let download_csv = move |_| {
        let csv = scores_csv::checkins_csv(&app.checkins.get_untracked());
        if let Err(e) = browser::download("flourish-check-in-scores.csv", "text/csv", &csv) {
            errors.set(vec![FieldError {
                field_id: "download-csv".into(),
                message: e,
            }]);
        }
    };
    let choose_file = move |ev: leptos::ev::Event| {
        let input = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
        let Some(file) = input
            .as_ref()
            .and_then(|i| i.files())
            .and_then(|f| f.get(0))
        else {
            return;
        };
        // Clear the choice, so that choosing the same file again (a second try) still works.
        if let Some(i) = &input {
            i.set_value("");
        }
        leptos::task::spawn_local(async move {
            let result = match browser::read_file(file).await {
                Err(e) => Err(e),
                Ok(text) => export::parse(&text)
                    .map_err(|e| e.to_string())
                    .and_then(|parsed| app.store().import(&parsed).map_err(|e| e.to_string())),
            };
            match result {
                Ok(summary) => {
                    app.reload();
                    errors.set(vec![]);
                    let mut said = fill(
                        d.import_done,
                        &[
                            ("added", &summary.added.to_string()),
                            ("same", &summary.already_there.to_string()),
                            ("referrals", &summary.referrals_added.to_string()),
                        ],
                    );
                    if summary.unreadable > 0 || summary.replaced > 0 {
                        said.push(' ');
                        said.push_str(d.import_kept_aside);
                    }
                    imported.set(Some(said));
                }
                Err(message) => {
                    imported.set(None);
                    errors.set(vec![FieldError {
                        field_id: "import-file".into(),
                        message: fill(d.import_failed, &[("why", &message)]),
                    }]);
                }
            }
        });
    };
    view! {
        <PageTitle text=d.title has_error=Signal::derive(move || !errors.read().is_empty())/>
        <ErrorSummary errors/>
        <h1 class="f-heading-l" tabindex="-1">{d.title}</h1>
        <p>{d.intro}</p>
        <h2 class="f-heading-m">{d.what_title}</h2>
        {counts}
        <p id="persisted">{kept}</p>
        <h2 class="f-heading-m">{d.download_title}</h2>
        <p>{d.download_body}</p>
        <div class="f-button-group">
            <button type="button" id="download-all" class="f-button f-button--secondary" on:click=download_all>{d.download_all}</button>
            <button type="button" id="download-csv" class="f-button f-button--secondary" on:click=download_csv>{d.download_csv}</button>
        </div>
        <h2 class="f-heading-m">{d.import_title}</h2>
        {move || imported.get().map(|s| view! { <div class="f-notice f-notice--success" role="status"><p>{s}</p></div> })}
        <div class="f-form-group" class:f-form-group--error=move || !errors.read().is_empty()>
            <label class="f-label" for="import-file">{d.import_label}</label>
            <div class="f-hint" id="import-file-hint">{d.import_hint}</div>
            <input class="f-file-upload" type="file" id="import-file" accept=".json,application/json" aria-describedby="import-file-hint" on:change=choose_file/>
        </div>
        <h2 class="f-heading-m">{d.delete_title}</h2>
        <p>{d.delete_body}</p>
        <p><A href="/your-data/delete" attr:class="f-button f-button--warning">{d.delete_button}</A></p>
    }
}

/// "Delete everything?": says exactly what will go, and needs a clear yes.
#[component]
pub fn DeleteDataPage() -> impl IntoView {
    let m = use_messages();
    let d = &m.data;
    let app = use_app();
    let navigate = leptos_router::hooks::use_navigate();
    let failed = RwSignal::new(None::<String>);
    let what = move || {
        let checkins = app.checkins.read().len();
        let referrals = app.referrals.read().len();
        let in_progress =
            usize::from(app.draft.read().is_some()) + usize::from(app.referral.read().is_some());
        let aside = app.store().set_aside().map(|a| a.len()).unwrap_or(0);
        view! {
            <ul class="f-list">
                <li>{fill(d.delete_checkins, &[("n", &checkins.to_string())])}</li>
                <li>{fill(d.delete_referrals, &[("n", &referrals.to_string())])}</li>
                <li>{fill(d.delete_in_progress, &[("n", &in_progress.to_string())])}</li>
                <li>{fill(d.delete_set_aside, &[("n", &aside.to_string())])}</li>
            </ul>
        }
    };
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match app.store().delete_everything() {
            Ok(_) => {
                app.reload();
                navigate("/your-data/deleted", Default::default());
            }
            Err(e) => failed.set(Some(e.to_string())),
        }
    };
    view! {
        <PageTitle text=d.delete_confirm_title/>
        <crate::components::BackLink href="/your-data"/>
        <h1 class="f-heading-l" tabindex="-1">{d.delete_confirm_title}</h1>
        <p>{d.delete_confirm_body}</p>
        {what}
        <p class="f-inset f-inset--warning">{d.delete_cannot_undo}</p>
        {move || failed.get().map(|e| view! { <p class="f-error-message" role="alert">{e}</p> })}
        <form class="f-form" novalidate on:submit=confirm>
            <div class="f-button-group">
                <button type="submit" class="f-button f-button--warning">{d.delete_confirm}</button>
                <A href="/your-data">{d.delete_cancel}</A>
            </div>
        </form>
    }
}

/// After deleting: nothing of the person's is left on this device.
#[component]
pub fn DataDeletedPage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.data.deleted_title/>
        <h1 class="f-heading-l" tabindex="-1">{m.data.deleted_title}</h1>
        <p>{m.data.deleted_body}</p>
        <p><A href="/">{m.go_home}</A></p>
    }
}
