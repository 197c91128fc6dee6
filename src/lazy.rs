//! Pages whose code is not in the first download.
//!
//! The release build splits the wasm (`tools/wasm-split`, run by `scripts/postbuild.mjs`): a
//! split function moves, with everything only it uses, into a file fetched the first time it
//! is called. [`split_pages!`] declares the pages of one part of the app (the check-in, the
//! referral, ...) as split functions of the same group, so the group arrives as one file plus
//! the few files of code it shares with other groups, rather than one file per page and a
//! file per combination of pages sharing code (which was over a hundred small files, 30-odd
//! requests for the first question alone). Each page is then shown through [`lazy_page`]:
//!
//! ```ignore
//! split_pages!(looking_back {
//!     progress_page: ProgressPage,
//! });
//! progress: || lazy_page(progress_page),
//! ```
//!
//! Without the split (native tests, browser tests) a split function is an ordinary one that is
//! awaited at once. A download that fails is an error, not a panic: the page says so and
//! offers to try again (the loader keeps only successful downloads, so a retry fetches anew).

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;

use crate::browser;
use crate::components::{PageHeading, PageTitle};
use crate::i18n::use_messages;
use crate::routes::PageView;
use crate::state::{Config, SendQueue};

/// Why a page's code could not be had: its file did not download or would not start.
pub use leptos::wasm_split::SplitLoaderError;

/// A page's code on its way: its builder, or the download's failure. Boxed, so that one copy
/// of [`lazy_page`] serves every page: the browser compiles it once, with the first page, and
/// not again as each page is first opened.
pub type PageLoad = Pin<Box<dyn Future<Output = Result<PageView, SplitLoaderError>>>>;

/// Declares pages whose code is split off together into the group `$group`:
/// `split_pages!(group { fn_name: Component, ... })` makes each `fn_name` a function
/// returning the page's builder on its way ([`PageLoad`]).
///
/// Each also reads what [`BeforePage`] names, if it has not been read yet, before its page
/// is built.
#[macro_export]
macro_rules! split_pages {
    ($group:ident { $($name:ident: $page:ident),+ $(,)? }) => {
        $(
            mod $name {
                use super::*;

                #[::leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, fallible)]
                pub fn $name(
                    before: $crate::lazy::BeforePage,
                ) -> Result<$crate::routes::PageView, $crate::lazy::SplitLoaderError> {
                    before.read();
                    Ok(|| ::leptos::prelude::IntoAny::into_any(::leptos::prelude::view! { <$page/> }))
                }
            }

            fn $name(before: $crate::lazy::BeforePage) -> $crate::lazy::PageLoad {
                ::std::boxed::Box::pin($name::$name(before))
            }
        )+
    };
}

/// What a page outside the first download reads before it is built, if it has not been read
/// yet: the device's outbox (pages show where what was sent stands), and the service's
/// settings left for later ([`crate::config::READ_LATER`]: no page shows a built-in list in
/// place of the service's). The code that reads them is in the parts, not the first download.
#[derive(Clone, Copy)]
pub struct BeforePage {
    /// The device's outbox, where there is one.
    pub outbox: Option<SendQueue>,
    /// The service's configuration.
    pub config: Option<Config>,
}

impl BeforePage {
    /// Nothing to read: for fetching a part's code ahead of its pages.
    pub const NOTHING: BeforePage = BeforePage {
        outbox: None,
        config: None,
    };

    /// Reads what is not read yet; called in the parts' own code.
    pub fn read(self) {
        if let Some(outbox) = self.outbox {
            outbox.read();
        }
        if let Some(config) = self.config {
            config.read_later();
        }
    }
}

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

/// Runs `build` in an owner of its own, disposed at once: what it builds is never on the page,
/// its effects never run, and what it leaves for after the paint finds it gone. For building a
/// page once before it is opened, so that the browser has compiled its code by then.
pub fn rehearse(build: impl FnOnce()) {
    let rehearsal = Owner::new();
    rehearsal.with(build);
    rehearsal.cleanup();
}

/// Where a page's code is: on its way, here, or not downloaded.
#[derive(Clone, Copy)]
enum Arrival {
    Waiting,
    Here(PageView),
    Failed,
}

/// A page built once `load` has fetched its code: a quiet loading line until then (shown only
/// if the wait is long enough to notice), then the page, with focus on its heading when the
/// person came from another page. If the download fails, a plain message and a button that
/// tries again.
pub fn lazy_page(load: fn(BeforePage) -> PageLoad) -> AnyView {
    let arrival = RwSignal::new(Arrival::Waiting);
    let changes = use_context::<PageChanges>();
    let before = BeforePage {
        outbox: use_context::<SendQueue>(),
        config: use_context::<Config>(),
    };
    let fetch = move |retry: bool| {
        leptos::task::spawn_local(async move {
            let next = match load(before).await {
                Ok(build) => Arrival::Here(build),
                Err(_) => Arrival::Failed,
            };
            // Nothing to do if the person has already gone on to another page. Asked only
            // now: the record of a page change is made after the new page is first drawn.
            if arrival.try_set(next).is_none()
                && (retry || changes.is_some_and(PageChanges::happened))
            {
                browser::focus_soon("main h1".into());
            }
        });
    };
    fetch(false);
    let m = use_messages();
    (move || match arrival.get() {
        Arrival::Here(build) => build(),
        Arrival::Waiting => {
            view! { <p class="f-hint f-page-loading" role="status">{m.loading.page}</p> }.into_any()
        }
        Arrival::Failed => view! {
            <PageTitle text=m.loading.failed_title/>
            <PageHeading text=m.loading.failed_title/>
            <p>{m.loading.failed_body}</p>
            <button
                type="button"
                class="f-button"
                on:click=move |_| {
                    arrival.set(Arrival::Waiting);
                    fetch(true);
                }
            >
                {m.loading.try_again}
            </button>
        }
        .into_any(),
    })
    .into_any()
}
