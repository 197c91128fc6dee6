//! "Things to try": the service's activity directory, fetched the first time the page asks
//! for it (never at start-up, so it costs the first load nothing) and kept for the session,
//! the filters the person chose, and the activities they said "I went" to.

use std::sync::Arc;

use leptos::prelude::*;

use super::core::Core;
use crate::browser;
use crate::domain::checkin::Draft;
use crate::domain::directory::{
    forget_visit, record_visit, Classifier, Directory, DirectoryError, Filters, Query, Visit,
};
use crate::error::AppError;
use crate::sync::{self, NetError};

/// Where the directory is.
#[derive(Debug, Clone, PartialEq)]
pub enum DirectoryLoad {
    /// The service has no directory (`"directory": null`).
    NotConfigured,
    /// Asked for, not here yet.
    Loading,
    /// Read, perhaps with records skipped (the directory says which).
    Ready(Arc<Directory>),
    /// The file could not be fetched or read. The rest of the app works on.
    Failed(DirectoryFailure),
}

/// Why the directory could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectoryFailure {
    /// The file did not arrive.
    Fetch(NetError),
    /// It arrived and is not a directory.
    Read(DirectoryError),
}

/// The directory, the person's filters and their "I went"s.
#[derive(Clone, Copy)]
pub struct ThingsToTry {
    core: Core,
    directory: RwSignal<Option<DirectoryLoad>>,
    filters: RwSignal<Filters>,
}

impl ThingsToTry {
    pub(super) fn new(core: Core) -> Self {
        Self {
            core,
            directory: RwSignal::new(None),
            filters: RwSignal::new(Filters::default()),
        }
    }

    /// Whether the service has a directory at all: without one no page links to it.
    pub fn configured(&self) -> bool {
        self.core.config.with_value(|c| c.directory.is_some())
    }

    /// The directory as far as it has come (tracked); see [`ThingsToTry::fetch`].
    pub fn directory(&self) -> DirectoryLoad {
        self.directory.get().unwrap_or(DirectoryLoad::Loading)
    }

    /// Starts fetching the directory, the first time only: afterwards the one already read
    /// (or the reason it could not be) is kept for the session.
    pub fn fetch(&self) {
        if self.directory.with_untracked(Option::is_some) {
            return;
        }
        let Some(path) = self.core.config.with_value(|c| c.directory.clone()) else {
            self.directory.set(Some(DirectoryLoad::NotConfigured));
            return;
        };
        self.directory.set(Some(DirectoryLoad::Loading));
        let classifier = self.core.config.with_value(|c| {
            let ids: Vec<&str> = c
                .activity_categories
                .iter()
                .filter(|c| !c.exclusive)
                .map(|c| c.id.as_str())
                .collect();
            Classifier::new(&c.directory_taxonomy, &ids)
        });
        let slot = self.directory;
        leptos::task::spawn_local(async move {
            let loaded = match sync::fetch_text(&beside_the_app(&path)).await {
                Err(e) => DirectoryLoad::Failed(DirectoryFailure::Fetch(e)),
                Ok(text) => match Directory::parse(&text, &classifier) {
                    Ok(d) => DirectoryLoad::Ready(Arc::new(d)),
                    Err(e) => DirectoryLoad::Failed(DirectoryFailure::Read(e)),
                },
            };
            // The person may have moved on and the state been thrown away meanwhile.
            let _ = slot.try_set(Some(loaded));
        });
    }

    /// What the person is looking for: their latest referral's answers, with no filters.
    pub fn query(&self) -> Query {
        let categories = self.core.config.with_value(|c| {
            c.activity_categories
                .iter()
                .filter(|c| !c.exclusive)
                .map(|c| c.id.clone())
                .collect::<Vec<_>>()
        });
        let ids: Vec<&str> = categories.iter().map(String::as_str).collect();
        self.core
            .referrals
            .with_untracked(|r| Query::for_person(r, &ids, browser::today()))
    }

    /// The filters last applied in this session (tracked).
    pub fn filters(&self) -> Filters {
        self.filters.get()
    }

    /// Applies new filters.
    pub fn set_filters(&self, filters: Filters) {
        self.filters.set(filters);
    }

    /// The "I went"s waiting for the next check-in.
    pub fn visits(&self) -> ReadSignal<Vec<Visit>> {
        self.core.visits.read
    }

    /// "I went" to `directory_id` (named `name`) today. Pressing it twice in a day keeps one.
    pub fn went(&self, directory_id: &str, name: &str) -> Result<(), AppError> {
        let visit = Visit::new(directory_id, name, browser::today());
        let all = self.core.write_record(|s| {
            s.change_visits(|v| {
                record_visit(v, visit);
            })
        })?;
        self.core.visits.set(all);
        Ok(())
    }

    /// Takes back an "I went" pressed by mistake.
    pub fn undo(&self, visit: &Visit) -> Result<(), AppError> {
        let all = self.core.write_record(|s| {
            s.change_visits(|v| forget_visit(v, &visit.directory_id, visit.on))
        })?;
        self.core.visits.set(all);
        Ok(())
    }

    /// The "I went"s the check-in in progress asks about: those dated up to today, and any
    /// it already holds (ticked at an earlier visit to the question), each once.
    pub fn asked_in(&self, draft: &Draft) -> Vec<Visit> {
        let today = browser::today();
        let mut asked: Vec<Visit> = self
            .core
            .visits
            .with_untracked(|v| v.iter().filter(|v| v.on <= today).cloned().collect());
        for v in &draft.follow_up.went_to {
            record_visit(&mut asked, v.clone());
        }
        asked
    }
}

/// The directory's address on the app's own site: the setting is a path beside the app
/// (checked when the configuration is read), so it is made absolute, as `/config.json` is,
/// and reads the same from any page's address.
fn beside_the_app(path: &str) -> String {
    let path = path.trim();
    if path.starts_with('/') {
        path.to_owned()
    } else {
        format!("/{}", path.trim_start_matches("./"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::LoadedConfig;
    use crate::domain::instrument::MHC_SF;
    use crate::state::{AppState, StateOptions};
    use crate::storage::{Store, DRAFT};

    fn options() -> StateOptions {
        StateOptions {
            save_retry: None,
            new_id: || "c-1".into(),
            keep_data: || {},
            with_volunteer: false,
        }
    }

    #[test]
    fn i_went_waits_for_the_next_check_in_and_leaves_the_list_once_that_is_saved() {
        let _owner = Owner::new();
        let store = Store::memory();
        let mut draft = Draft::new("c-1".into(), browser::now(), &[&MHC_SF]);
        for n in 1..=14 {
            draft.set_answer(n, 3).unwrap();
        }
        store.save(DRAFT, &draft).unwrap();
        // A visit from another tab, dated tomorrow (a clock change), waits for the next one.
        let tomorrow = browser::today().succ_opt().unwrap();
        store
            .change_visits(|v| {
                record_visit(v, Visit::new("later", "Example later", tomorrow));
            })
            .unwrap();
        let state = AppState::new(store.clone(), LoadedConfig::default(), options());
        let things = state.things_to_try;
        things.went("cafe", "Example café").unwrap();
        things.went("cafe", "Example café").unwrap();
        assert_eq!(
            things.visits().get_untracked().len(),
            2,
            "one a day per activity"
        );

        let asked = things.asked_in(&draft);
        assert_eq!(asked.len(), 1, "only today's is asked about: {asked:?}");
        state
            .check_in
            .follow_up(|f| f.answer_uptake(&[], "", asked.clone()))
            .unwrap();
        state.check_in.finish().unwrap();

        let saved = &state.records.checkins().get_untracked()[0];
        assert_eq!(saved.follow_up.went_to, asked);
        let waiting: Vec<String> = store
            .load_visits()
            .unwrap()
            .value
            .into_iter()
            .map(|v| v.directory_id)
            .collect();
        assert_eq!(waiting, ["later"]);
        assert_eq!(things.visits().get_untracked().len(), 1);

        // Undo takes back a mistaken one.
        let later = things.visits().get_untracked()[0].clone();
        things.undo(&later).unwrap();
        assert!(store.load_visits().unwrap().value.is_empty());
    }

    #[test]
    fn a_service_without_a_directory_is_never_fetched() {
        let _owner = Owner::new();
        let config = crate::config::ServiceConfig::parse(r#"{"directory": null}"#);
        let state = AppState::new(Store::memory(), config, options());
        assert!(!state.things_to_try.configured());
        state.things_to_try.fetch();
        assert_eq!(
            state.things_to_try.directory(),
            DirectoryLoad::NotConfigured
        );
    }

    #[test]
    fn the_directory_is_fetched_from_the_apps_root_whichever_page_asks() {
        assert_eq!(beside_the_app("directory.json"), "/directory.json");
        assert_eq!(beside_the_app("./data/d.json"), "/data/d.json");
        assert_eq!(beside_the_app("/d.json"), "/d.json");
    }
}
