//! Pages whose code is not in the first download.
//!
//! The release build splits the wasm (`tools/wasm-split`, run by `scripts/postbuild.mjs`): a
//! function marked `#[lazy]` moves, with everything only it uses, into a chunk that is fetched
//! the first time the function is called. A lazy page is such a function returning the page's
//! builder, shown through [`lazy_page`]:
//!
//! ```ignore
//! progress: || lazy_page(progress_page),
//!
//! #[lazy]
//! fn progress_page() -> PageView {
//!     || view! { <ProgressPage/> }.into_any()
//! }
//! ```
//!
//! Without the split (native tests, browser tests) a `#[lazy]` function is an ordinary one
//! that is awaited at once. If a chunk cannot be fetched, the split's loader panics, and the
//! panic hook shows the shell's plain failure message with the crisis routes.

use std::future::Future;

use leptos::prelude::*;

use crate::browser;
use crate::i18n::use_messages;
use crate::routes::PageView;

/// Whether the person has moved from one page to another since the app started: a page whose
/// code arrives late then takes focus, as every page change does, and a first page does not.
#[derive(Clone, Copy)]
pub struct PageChanges(StoredValue<bool>);

impl PageChanges {
    /// Makes the record available to every page below the caller.
    pub fn provide() {
        provide_context(PageChanges(StoredValue::new(false)));
    }

    /// Notes that the page changed.
    pub fn record(self) {
        self.0.set_value(true);
    }

    fn happened(self) -> bool {
        self.0.try_get_value().unwrap_or(false)
    }
}

/// A page built once `load` has fetched its code: a quiet loading line until then (shown only
/// if the wait is long enough to notice), then the page, with focus on its heading when the
/// person came from another page.
pub fn lazy_page<F>(load: fn() -> F) -> AnyView
where
    F: Future<Output = PageView> + 'static,
{
    let page = RwSignal::new(None::<PageView>);
    let changes = use_context::<PageChanges>();
    leptos::task::spawn_local(async move {
        let build = load().await;
        // Nothing to do if the person has already gone on to another page. Asked only now:
        // the record of a page change is made after the new page is first drawn.
        if page.try_set(Some(build)).is_none() && changes.is_some_and(PageChanges::happened) {
            browser::focus_soon("main h1".into());
        }
    });
    let m = use_messages();
    (move || match page.get() {
        Some(build) => build(),
        None => {
            view! { <p class="f-hint f-page-loading" role="status">{m.loading.page}</p> }.into_any()
        }
    })
    .into_any()
}
