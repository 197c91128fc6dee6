//! The app's own router: which page an address shows, and moving between addresses without
//! reloading the app.
//!
//! It does for this app what Leptos's general router did, and nothing more: that one, with
//! the code it pulled in, was 44 KB gzip of the first download (docs/size-notes.md, "A router
//! of our own"); this is about 6 KB raw. The address lives in one signal ([`Address`]);
//! [`Router`] reads it from the browser at the start and again on Back and Forward
//! (`popstate`), and one click listener on the window follows same-origin links (`<a href>`,
//! [`A`]) by changing it, and the browser's history (`pushState`) once the new page is
//! painted, instead of loading a new document. Links the browser must follow itself are left
//! alone: another origin or scheme (`tel:`, `sms:`, `mailto:`, `blob:`), a `target`,
//! `download` or `rel="external"`, a modifier key or another button, a fragment of the page
//! shown (`#main`), and a click some other handler already took (`preventDefault`).
//! [`routes`] shows the page of the pattern that matches the path
//! ([`match_path`], pure), and builds it again only when another pattern matches: a page
//! whose parameters or query change follows them through [`use_params_map`] and
//! [`use_query`]. A new page starts scrolled to the top, or at the element its `#fragment`
//! names; focus and the title are the app's own business (`app::FocusOnNavigation`,
//! `PageTitle`).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// A page of a route table: a function that builds it.
pub type Page = fn() -> AnyView;

/// An address within the app: its path, its query (without the `?`) and its fragment (with
/// the `#`, or empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Address {
    /// `/check-in/questions/3`
    pub path: String,
    /// `from=check`
    pub search: String,
    /// `#main`, or empty.
    pub hash: String,
}

impl Address {
    /// Reads `/path?query#fragment`; `None` for anything that is not a path on this site (a
    /// full URL, `//host/...`, a relative path).
    pub fn parse(text: &str) -> Option<Address> {
        // Browsers read `/\host` as `//host`: another site.
        if !text.starts_with('/') || text.starts_with("//") || text.starts_with("/\\") {
            return None;
        }
        let (rest, hash) = text.split_at(text.find('#').unwrap_or(text.len()));
        let (path, search) = rest.split_once('?').unwrap_or((rest, ""));
        Some(Address {
            path: path.into(),
            search: search.into(),
            hash: hash.into(),
        })
    }

    /// Where the browser is now.
    fn current() -> Option<Address> {
        let location = web_sys::window()?.location();
        let search = location.search().ok()?;
        Some(Address {
            path: location.pathname().ok()?,
            search: search.strip_prefix('?').unwrap_or(&search).into(),
            hash: location.hash().ok()?,
        })
    }
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mark = if self.search.is_empty() { "" } else { "?" };
        write!(f, "{}{mark}{}{}", self.path, self.search, self.hash)
    }
}

/// Where a link leads within the app, or `None` when the browser should follow it itself:
/// `href` (as the browser resolved it) is on another origin or scheme, or is only a
/// fragment of the page at `here`.
pub fn in_app(href: &str, origin: &str, here: &Address) -> Option<Address> {
    let next = Address::parse(href.strip_prefix(origin)?)?;
    let fragment_here =
        next.path == here.path && next.search == here.search && !next.hash.is_empty();
    (!fragment_here).then_some(next)
}

/// The value of `key` in a query (`a=1&b=2`), as written; the first if it appears twice.
pub fn query_value<'q>(search: &'q str, key: &str) -> Option<&'q str> {
    search.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == key).then_some(v)
    })
}

/// The parameters a pattern's `:name` segments took from a path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    /// The value of the parameter `name`, if the pattern has one.
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }
}

/// The pattern of `patterns` that `path` shows, by its index, with its parameters. Patterns
/// are `/`-separated segments, `:name` for a parameter; empty segments (a trailing slash)
/// do not count. When several match, a written-out segment beats a parameter (the most
/// written-out segments wins; then the first): `/referral/check` wins over `/referral/:step`
/// wherever either is in the list.
pub fn match_path(patterns: &[&'static str], path: &str) -> Option<(usize, Params)> {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let mut best: Option<(usize, usize, Params)> = None;
    for (index, pattern) in patterns.iter().enumerate() {
        if let Some((fixed, params)) = match_one(pattern, &segments) {
            if best.as_ref().is_none_or(|(_, most, _)| fixed > *most) {
                best = Some((index, fixed, params));
            }
        }
    }
    best.map(|(index, _, params)| (index, params))
}

/// How many written-out segments `pattern` matched in `segments`, and its parameters.
fn match_one(pattern: &'static str, segments: &[&str]) -> Option<(usize, Params)> {
    let mut fixed = 0;
    let mut params = Vec::new();
    let mut count = 0;
    for (part, segment) in pattern.split('/').filter(|s| !s.is_empty()).enumerate() {
        let given = *segments.get(part)?;
        match segment.strip_prefix(':') {
            Some(name) => params.push((name, given.to_owned())),
            None if segment == given => fixed += 1,
            None => return None,
        }
        count = part + 1;
    }
    (count == segments.len()).then_some((fixed, Params(params)))
}

/// How to move to another address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavigateOptions {
    /// Replace the current history entry instead of adding one (Back then skips it).
    pub replace: bool,
    /// Scroll to the top, or to the element the `#fragment` names, once the page is shown.
    pub scroll: bool,
}

impl Default for NavigateOptions {
    fn default() -> Self {
        NavigateOptions {
            replace: false,
            scroll: true,
        }
    }
}

/// Where the person is in the app (tracked): the path and the query (without the `?`).
#[derive(Clone, Copy)]
pub struct Location {
    /// `/check-in/questions/3`
    pub pathname: Memo<String>,
    /// `from=check`
    pub search: Memo<String>,
}

/// The router's state, shared by every hook below [`Router`].
#[derive(Clone, Copy)]
struct Navigator {
    address: RwSignal<Address>,
    location: Location,
    /// An address shown but not yet written to the browser's history, and whether it takes
    /// the current entry's place.
    unwritten: StoredValue<Option<(Address, bool)>>,
}

impl Navigator {
    fn new() -> Navigator {
        let address = RwSignal::new(Address::current().unwrap_or_else(|| Address {
            path: "/".into(),
            ..Address::default()
        }));
        let location = Location {
            pathname: Memo::new(move |_| address.with(|a| a.path.clone())),
            search: Memo::new(move |_| address.with(|a| a.search.clone())),
        };
        Navigator {
            address,
            location,
            unwritten: StoredValue::new(None),
        }
    }

    /// Shows `to` (a path on this site); anything else is loaded by the browser.
    fn navigate(self, to: &str, options: NavigateOptions) {
        match Address::parse(to) {
            Some(next) => self.go(next, options),
            None => {
                self.write_history();
                load(to);
            }
        }
    }

    fn go(self, next: Address, options: NavigateOptions) {
        // A change not yet in the history goes in first, so that entries keep their order.
        self.write_history();
        let here = self.address.get_untracked();
        // The browser's own reading of it (`..` resolved, characters escaped), so that the
        // page shown and the address bar agree.
        let next = resolved(&next).unwrap_or(next);
        let hash = next.hash.clone();
        if options.replace || here != next {
            // The next page is drawn first and the history written once it is painted: the
            // browser took about 5 ms over each `pushState` at 4x CPU (docs/size-notes.md),
            // which a person waiting for the page need not wait for.
            self.unwritten
                .set_value(Some((next.clone(), options.replace)));
            after_history_written(move || self.write_history());
        }
        if next != here {
            self.address.set(next);
        }
        if options.scroll {
            // After the new page is drawn (effects run before the next frame), so that the
            // element a fragment names is there.
            request_animation_frame(move || scroll_to(&hash));
        }
    }

    /// Writes the address shown into the browser's history, if it is not there yet. A
    /// history the browser refuses to write (too many changes too fast) costs only the
    /// address bar and Back: the page has changed, and nothing is lost, as it would be by
    /// loading the address afresh (a shared screen keeps answers only in memory).
    fn write_history(self) {
        if let Some((next, replace)) = self.unwritten.try_update_value(Option::take).flatten() {
            let _ = write_history(&next, replace);
        }
    }

    /// Follows a click on a link within the app in place of the browser.
    fn on_click(self, ev: web_sys::MouseEvent) {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.meta_key()
            || ev.alt_key()
            || ev.ctrl_key()
            || ev.shift_key()
        {
            return;
        }
        let Some(link) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link
            .rel()
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case("external"));
        if !link.target().is_empty() || link.has_attribute("download") || external {
            return;
        }
        let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) else {
            return;
        };
        let here = self.address.get_untracked();
        if let Some(next) = in_app(&link.href(), &origin, &here) {
            ev.prevent_default();
            self.go(next, NavigateOptions::default());
        }
    }

    /// Back or Forward: the browser has already moved; the page follows. An address not yet
    /// written belonged to the page being left.
    fn on_pop(self) {
        self.unwritten.set_value(None);
        if let Some(now) = Address::current() {
            if self.address.with_untracked(|here| *here != now) {
                self.address.set(now);
            }
        }
    }
}

/// Adds `next` to the browser's history, or puts it in place of the current entry.
fn write_history(next: &Address, replace: bool) -> Result<(), JsValue> {
    let history = web_sys::window()
        .ok_or_else(|| JsValue::from_str("no window"))?
        .history()?;
    let url = next.to_string();
    if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    }
}

/// `next` as the browser reads it against the page's address, as `pushState` would.
fn resolved(next: &Address) -> Option<Address> {
    let base = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base(&next.to_string(), &base).ok()?;
    let search = url.search();
    Some(Address {
        path: url.pathname(),
        search: search.strip_prefix('?').unwrap_or(&search).into(),
        hash: url.hash(),
    })
}

/// Runs `f` once the browser's history holds the address shown: the router writes it after
/// the next frame is painted, and what is asked for later runs later.
pub fn after_history_written(f: impl FnOnce() + 'static) {
    crate::browser::after_next_paint(f);
}

/// Loads an address that is not a path on this site as the browser would.
fn load(to: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_href(to);
    }
}

/// Scrolls to the element `hash` names, or to the top if it names none.
fn scroll_to(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    let target = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| {
            let id = js_sys::decode_uri_component(id)
                .ok()
                .and_then(|d| d.as_string())
                .unwrap_or_else(|| id.to_owned());
            w.document()?.get_element_by_id(&id)
        });
    match target {
        Some(element) => element.scroll_into_view(),
        None => w.scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// Keeps the address for everything inside: reads it from the browser, follows links within
/// the app and Back and Forward. Make it after any other `popstate` listener that must see
/// an entry first (the kiosk's history guard, `reset::guard_history`): a window's listeners
/// run in the order they were added.
#[component]
pub fn Router(children: Children) -> impl IntoView {
    let navigator = Navigator::new();
    provide_context(navigator);
    let clicks = window_event_listener(leptos::ev::click, move |ev| navigator.on_click(ev));
    let pops = window_event_listener(leptos::ev::popstate, move |_| navigator.on_pop());
    on_cleanup(move || {
        clicks.remove();
        pops.remove();
    });
    children()
}

/// The router of the caller, or one that only reads where the browser is (outside a
/// [`Router`], as in a component's own test).
fn use_navigator() -> Navigator {
    use_context::<Navigator>().unwrap_or_else(Navigator::new)
}

/// Where the person is (tracked).
pub fn use_location() -> Location {
    use_navigator().location
}

/// A function that moves to another address within the app (`/path?query#fragment`), as a
/// link would; anything else is loaded by the browser.
pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone + 'static {
    let navigator = use_context::<Navigator>();
    move |to: &str, options: NavigateOptions| match navigator {
        Some(navigator) => navigator.navigate(to, options),
        None => load(to),
    }
}

/// What a page's own route read from the address. It follows the address while that route
/// is shown, and keeps still once another is matched, so a page on its way out never
/// redraws for the next page's address.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Matched {
    route: Option<usize>,
    params: Params,
    search: String,
}

/// The [`Matched`] of the page being built.
#[derive(Clone, Copy)]
struct PageAddress(Memo<Matched>);

/// The parameters of the page's route, as in `/check-ins/:id` (tracked); none outside a
/// page of [`routes`].
pub fn use_params_map() -> Memo<Params> {
    let page = use_context::<PageAddress>();
    Memo::new(move |_| {
        page.map(|p| p.0.with(|m| m.params.clone()))
            .unwrap_or_default()
    })
}

/// The query of the page's address, without the `?` (tracked).
pub fn use_query() -> Memo<String> {
    match use_context::<PageAddress>() {
        Some(page) => Memo::new(move |_| page.0.with(|m| m.search.clone())),
        None => use_location().search,
    }
}

/// Shows the page of the pattern in `table` that the path matches ([`match_path`]), or
/// `fallback` when none does. The page is built again only when another pattern matches.
pub fn routes(table: Vec<(&'static str, Page)>, fallback: Page) -> impl IntoView {
    let location = use_location();
    let patterns: Vec<&'static str> = table.iter().map(|(pattern, _)| *pattern).collect();
    let matched = Memo::new(move |_| {
        let search = location.search.get();
        location
            .pathname
            .with(|path| match match_path(&patterns, path) {
                Some((route, params)) => Matched {
                    route: Some(route),
                    params,
                    search,
                },
                None => Matched {
                    search,
                    ..Matched::default()
                },
            })
    });
    let route = Memo::new(move |_| matched.with(|m| m.route));
    move || {
        let shown = route.get();
        let own = Memo::new(move |before: Option<&Matched>| {
            let now = matched.get();
            match before {
                Some(before) if now.route != shown => before.clone(),
                _ => now,
            }
        });
        provide_context(PageAddress(own));
        let page = shown
            .and_then(|i| table.get(i))
            .map_or(fallback, |(_, page)| *page);
        // What the page reads while it is built is its own business: only a change of route
        // builds it again.
        untrack(page)
    }
}

/// A link within the app: an `<a href>` that the router follows without reloading, marked
/// `aria-current="page"` while its page is the one shown.
#[component]
pub fn A(
    /// The address, from [`crate::routes::Route::href`].
    #[prop(into)]
    href: String,
    /// The link's class, if any.
    #[prop(optional)]
    class: Option<&'static str>,
    /// The link's id, if any (where an error summary links).
    #[prop(into, optional)]
    id: Option<String>,
    /// The link's words.
    children: Children,
) -> impl IntoView {
    let location = use_location();
    let path = href.split(['?', '#']).next().unwrap_or_default().to_owned();
    let current = move || location.pathname.with(|p| *p == path).then_some("page");
    // Class and id as plain attributes rather than `attr:` on the component, which Leptos
    // adds through type-erased attributes: more code and allocations for every link.
    view! { <a href=href class=class id=id aria-current=current>{children()}</a> }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn address(text: &str) -> Address {
        Address::parse(text).unwrap_or_default()
    }

    #[test]
    fn an_address_is_read_into_path_query_and_fragment_and_written_back_the_same() {
        let a = address("/check-in/questions/3?from=check#answer");
        assert_eq!(a.path, "/check-in/questions/3");
        assert_eq!(a.search, "from=check");
        assert_eq!(a.hash, "#answer");
        assert_eq!(a.to_string(), "/check-in/questions/3?from=check#answer");
        assert_eq!(address("/take#abc?d").hash, "#abc?d");
        assert_eq!(address("/").to_string(), "/");
    }

    #[test]
    fn only_paths_on_this_site_are_addresses() {
        for text in [
            "",
            "check-ins",
            "//elsewhere.example/x",
            "/\\elsewhere.example/x",
            "https://elsewhere.example/",
            "tel:999",
        ] {
            assert_eq!(Address::parse(text), None, "{text}");
        }
    }

    #[test]
    fn links_to_other_sites_and_schemes_are_left_to_the_browser() {
        let here = address("/get-help");
        let origin = "http://127.0.0.1:8080";
        for href in [
            "tel:999",
            "sms:85258&body=SHOUT",
            "mailto:someone@example.org",
            "blob:http://127.0.0.1:8080/0f4c",
            "https://127.0.0.1:8080/",
            "http://127.0.0.1:80800/",
            "http://127.0.0.1:8080.example/",
            "https://maps.example/?q=1",
        ] {
            assert_eq!(in_app(href, origin, &here), None, "{href}");
        }
    }

    #[test]
    fn a_fragment_of_the_page_shown_is_left_to_the_browser_and_of_another_page_is_not() {
        let here = address("/referral/name?from=check");
        let origin = "http://localhost";
        assert_eq!(
            in_app(
                "http://localhost/referral/name?from=check#main",
                origin,
                &here
            ),
            None
        );
        assert_eq!(
            in_app("http://localhost/referral/name#main", origin, &here),
            Some(address("/referral/name#main"))
        );
        assert_eq!(
            in_app("http://localhost/take#payload", origin, &here),
            Some(address("/take#payload"))
        );
        // A link to the page shown itself is followed: it scrolls to the top.
        assert_eq!(
            in_app("http://localhost/referral/name?from=check", origin, &here),
            Some(here.clone())
        );
    }

    #[test]
    fn a_query_value_is_found_by_its_key() {
        assert_eq!(query_value("from=check", "from"), Some("check"));
        assert_eq!(
            query_value("a=1&then=stop-helping", "then"),
            Some("stop-helping")
        );
        assert_eq!(query_value("from=check&from=x", "from"), Some("check"));
        assert_eq!(query_value("fromage=check", "from"), None);
        assert_eq!(query_value("", "from"), None);
        assert_eq!(query_value("flag", "flag"), Some(""));
    }

    const TABLE: [&str; 7] = [
        "/",
        "/check-ins",
        "/check-ins/:id",
        "/referral/:step",
        "/referral/check",
        "/referral/send/:id",
        "/check-in/questions/:n",
    ];

    #[test]
    fn a_written_out_segment_wins_over_a_parameter_wherever_it_is_listed() {
        let (route, params) = match_path(&TABLE, "/referral/check").unwrap_or_default();
        assert_eq!(TABLE[route], "/referral/check");
        assert_eq!(params, Params::default());
        let (route, params) = match_path(&TABLE, "/referral/name").unwrap_or_default();
        assert_eq!(TABLE[route], "/referral/:step");
        assert_eq!(params.get("step").as_deref(), Some("name"));
    }

    #[test]
    fn parameters_are_taken_from_the_path_and_unknown_paths_match_nothing() {
        let (route, params) = match_path(&TABLE, "/check-in/questions/12").unwrap_or_default();
        assert_eq!(TABLE[route], "/check-in/questions/:n");
        assert_eq!(params.get("n").as_deref(), Some("12"));
        assert_eq!(params.get("id"), None);
        assert_eq!(match_path(&TABLE, "/"), Some((0, Params::default())));
        for path in [
            "/nowhere",
            "/check-ins/a/b",
            "/referral",
            "/check-in/questions",
        ] {
            assert_eq!(match_path(&TABLE, path), None, "{path}");
        }
    }

    #[test]
    fn a_trailing_slash_shows_the_same_page() {
        assert_eq!(
            match_path(&TABLE, "/check-ins/"),
            match_path(&TABLE, "/check-ins")
        );
        assert_eq!(
            match_path(&TABLE, "/referral/send/r-1/").map(|m| m.0),
            Some(5)
        );
    }

    fn segment() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-z0-9-]{1,12}",
            Just("check".to_owned()),
            Just("send".to_owned()),
            Just("referral".to_owned()),
            Just("check-ins".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn the_page_chosen_matches_and_no_matching_pattern_is_more_written_out(
            segments in proptest::collection::vec(segment(), 0..4)
        ) {
            let path = format!("/{}", segments.join("/"));
            let all: Vec<_> = TABLE
                .iter()
                .enumerate()
                .filter_map(|(i, p)| match_one(p, &segments.iter().map(String::as_str).collect::<Vec<_>>()).map(|m| (i, m)))
                .collect();
            match match_path(&TABLE, &path) {
                None => prop_assert!(all.is_empty()),
                Some((route, params)) => {
                    let chosen = all.iter().find(|(i, _)| *i == route);
                    prop_assert!(chosen.is_some());
                    if let Some((_, (fixed, own))) = chosen {
                        prop_assert_eq!(own, &params);
                        prop_assert!(all.iter().all(|(_, (f, _))| f <= fixed));
                    }
                    // Every parameter is one segment of the path, in its place.
                    let pattern = TABLE[route].split('/').filter(|s| !s.is_empty());
                    for (part, given) in pattern.zip(&segments) {
                        match part.strip_prefix(':') {
                            Some(name) => prop_assert_eq!(params.get(name), Some(given.clone())),
                            None => prop_assert_eq!(part, given.as_str()),
                        }
                    }
                }
            }
        }

        #[test]
        fn any_address_written_out_reads_back_the_same(
            path in "/([a-z0-9-]{1,8}(/[a-z0-9-]{0,8}){0,3})?",
            search in "([a-z]{1,5}=[a-z0-9-]{0,5}(&[a-z]{1,5}=[a-z0-9-]{0,5}){0,2})?",
            hash in "(#[a-zA-Z0-9?=-]{0,10})?",
        ) {
            let a = Address { path, search, hash };
            prop_assert_eq!(Address::parse(&a.to_string()), Some(a));
        }
    }
}
