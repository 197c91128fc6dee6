//! What is kept on this device, and the person's controls over it.

use leptos::prelude::*;

use crate::browser;
use crate::components::{
    data_intro_words, BackLink, ConfirmForm, DownloadButton, ErrorSummary, FieldError, FileUpload,
    PageHeading, PageTitle, SharingSection, StillSending, SummaryRow, Undelivered,
    UndeliveredChoice,
};
use crate::domain::export;
use crate::error::AppError;
use crate::i18n::{fill, use_messages};
use crate::router::{use_navigate, A};
use crate::routes::Route;
use crate::state::{use_check_in, use_records, use_referral, Records};

/// How many check-ins, referrals, things in progress and pieces set aside there are (tracked),
/// for the page and for the delete confirmation.
struct Counts {
    checkins: usize,
    referrals: usize,
    in_progress: usize,
    set_aside: Result<usize, AppError>,
}

impl Counts {
    fn now(records: Records) -> Self {
        let in_progress = usize::from(use_check_in().draft().read().is_some())
            + usize::from(use_referral().draft().read().is_some());
        Self {
            checkins: records.checkins().read().len(),
            referrals: records.referrals().read().len(),
            in_progress,
            set_aside: records.set_aside_count(),
        }
    }
}

/// What is kept on this device, how much space it takes, and the person's controls over it:
/// download everything, bring a file back in, delete everything.
#[component]
pub fn YourDataPage() -> impl IntoView {
    let m = use_messages();
    let records = use_records();
    let persisted = crate::task::when_done(browser::request_persistence());
    let import_error = RwSignal::new(None::<String>);
    let imported = RwSignal::new(None::<String>);

    let counts = move || {
        let c = Counts::now(records);
        let known =
            |n: Result<u64, AppError>| n.map_or(m.data.not_known.to_string(), |n| n.to_string());
        let kb = records
            .space_used()
            .map(|bytes| fill(m.data.kb, &[("kb", &bytes.div_ceil(1024).to_string())]));
        view! {
            <dl class="f-summary-list">
                <SummaryRow key=m.data.checkins>{c.checkins}</SummaryRow>
                <SummaryRow key=m.data.referrals>{c.referrals}</SummaryRow>
                <SummaryRow key=m.data.in_progress>{c.in_progress}</SummaryRow>
                <SummaryRow key=m.data.set_aside>{known(c.set_aside.map(|n| n as u64))}</SummaryRow>
                <SummaryRow key=m.data.space>{kb.unwrap_or_else(|_| m.data.not_known.into())}</SummaryRow>
            </dl>
        }
    };
    let kept = move || match persisted.get() {
        Some(Some(true)) => m.data.persisted_yes,
        Some(Some(false)) => m.data.persisted_no,
        Some(None) => m.data.persisted_unknown,
        None => "",
    };
    let choose_file = Callback::new(move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            // A file too big to be an export is refused before it is read.
            let result = match export::check_size(file.size() as u64) {
                Err(e) => Err(e.into()),
                Ok(()) => match browser::read_file(file).await {
                    Ok(text) => records.import(&text),
                    Err(e) => Err(e.into()),
                },
            };
            match result {
                Ok(summary) => {
                    import_error.set(None);
                    let mut said = [
                        m.data.import_done.to_owned(),
                        m.count(&m.data.import_checkins_added, summary.added as u64),
                        m.count(&m.data.import_already_here, summary.already_there as u64),
                        m.count(
                            &m.data.import_referrals_added,
                            summary.referrals_added as u64,
                        ),
                    ]
                    .join(" ");
                    if summary.unreadable > 0 || summary.replaced > 0 {
                        said.push(' ');
                        said.push_str(m.data.import_kept_aside);
                    }
                    imported.set(Some(said));
                }
                Err(e) => {
                    imported.set(None);
                    import_error.set(Some(fill(m.data.import_failed, &[("why", &m.explain(&e))])));
                }
            }
        });
    });
    let errors = FieldError::of_field("import-file", import_error.into());
    view! {
        <PageTitle text=m.data.title has_error=Signal::derive(move || !errors.read().is_empty())/>
        <ErrorSummary errors/>
        <PageHeading text=m.data.title/>
        <p>{data_intro_words()}</p>
        <h2 class="f-heading-m">{m.data.what_title}</h2>
        {counts}
        <p id="persisted">{kept}</p>
        <SharingSection/>
        <h2 class="f-heading-m">{m.data.download_title}</h2>
        <p>{m.data.download_body}</p>
        <div class="f-button-group">
            <DownloadButton label=m.data.download_all id="download-all"
                download=Callback::new(move |()| records.download_everything())/>
            <DownloadButton label=m.data.download_csv id="download-csv"
                download=Callback::new(move |()| records.download_scores())/>
        </div>
        <h2 class="f-heading-m">{m.data.import_title}</h2>
        {move || imported.get().map(|s| view! { <div class="f-notice f-notice--success" role="status"><p>{s}</p></div> })}
        <FileUpload id="import-file" label=m.data.import_label hint=m.data.import_hint
            accept=".json,application/json" error=import_error on_choose=choose_file/>
        <h2 class="f-heading-m">{m.data.delete_title}</h2>
        <p>{m.data.delete_body}</p>
        <p><A href=Route::DeleteData.href() class="f-button f-button--warning">{m.data.delete_button}</A></p>
    }
}

/// "Delete everything?": says exactly what will go, and needs a clear yes.
#[component]
pub fn DeleteDataPage() -> impl IntoView {
    let m = use_messages();
    let records = use_records();
    let navigate = use_navigate();
    let undelivered = Undelivered::new();
    let what = move || {
        let c = Counts::now(records);
        let aside = c
            .set_aside
            .map_or(m.data.delete_set_aside_unknown.to_string(), |n| {
                m.count(&m.data.delete_set_aside, n as u64)
            });
        let line = |words: String| view! { <li>{words}</li> };
        view! {
            <ul class="f-list">
                {line(m.count(&m.data.delete_checkins, c.checkins as u64))}
                {line(m.count(&m.data.delete_referrals, c.referrals as u64))}
                {line(m.count(&m.data.delete_in_progress, c.in_progress as u64))}
                {line(aside)}
            </ul>
        }
    };
    let confirm = Callback::new(move |()| {
        if !undelivered.ready() {
            return None;
        }
        match records.delete_everything() {
            Ok(()) => {
                undelivered.apply();
                navigate(&Route::DataDeleted.href(), Default::default());
                None
            }
            Err(e) => Some(fill(m.data.delete_failed, &[("why", &m.explain(&e))])),
        }
    });
    view! {
        <PageTitle text=m.data.delete_confirm_title/>
        <BackLink href=Route::YourData.href()/>
        <PageHeading text=m.data.delete_confirm_title/>
        <p>{m.data.delete_confirm_body}</p>
        {what}
        <p class="f-inset f-inset--warning">{m.data.delete_cannot_undo}</p>
        <ConfirmForm confirm=m.data.delete_confirm cancel=m.data.delete_cancel
            cancel_href=Route::YourData.href() on_confirm=confirm>
            <UndeliveredChoice decision=undelivered/>
        </ConfirmForm>
    }
}

/// After deleting: nothing of the person's is left on this device.
#[component]
pub fn DataDeletedPage() -> impl IntoView {
    let m = use_messages();
    view! {
        <PageTitle text=m.data.deleted_title/>
        <PageHeading text=m.data.deleted_title/>
        <p>{m.data.deleted_body}</p>
        <StillSending/>
        <p><A href=Route::Home.href()>{m.go_home}</A></p>
    }
}
