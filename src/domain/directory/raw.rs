//! The parts of an Open Referral UK `service` record this app reads, as serde reads them.
//!
//! Only the fields used are declared: serde skips every other field without building
//! anything, which keeps both the parse and the wasm small. Every field is optional, so a
//! record is refused only when a field this app uses has the wrong type (text where a list
//! belongs, say). Names follow the schema (`organization`, `postal_code`), not our spelling.

use serde::Deserialize;

/// A `service` record.
#[derive(Deserialize)]
pub(super) struct Service {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub status: Option<String>,
    /// Deprecated in HSDS 3 in favour of `cost_options`, but still published.
    pub fees: Option<String>,
    pub organization: Option<Organisation>,
    pub schedules: Option<Vec<Schedule>>,
    pub service_at_locations: Option<Vec<ServiceAtLocation>>,
    pub cost_options: Option<Vec<CostOption>>,
    pub contacts: Option<Vec<Contact>>,
    /// Not in the UK profile's service schema; HSDS 3.0 core puts phones here.
    pub phones: Option<Vec<Phone>>,
    pub attributes: Option<Vec<Attribute>>,
}

#[derive(Deserialize)]
pub(super) struct Organisation {
    pub name: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Schedule {
    pub valid_from: Option<String>,
    pub valid_to: Option<String>,
    pub freq: Option<String>,
    pub interval: Option<f64>,
    pub byday: Option<String>,
    pub bymonthday: Option<String>,
    pub description: Option<String>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct ServiceAtLocation {
    pub location: Option<Location>,
}

#[derive(Deserialize)]
pub(super) struct Location {
    pub location_type: Option<String>,
    pub name: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub addresses: Option<Vec<Address>>,
    pub accessibility: Option<Vec<Accessibility>>,
    pub attributes: Option<Vec<Attribute>>,
}

#[derive(Deserialize)]
pub(super) struct Address {
    pub address_1: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub address_type: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Accessibility {
    pub description: Option<String>,
    pub details: Option<String>,
    /// Deprecated free text, kept by many publishers.
    pub accessibility: Option<String>,
    pub attributes: Option<Vec<Attribute>>,
}

#[derive(Deserialize)]
pub(super) struct CostOption {
    pub option: Option<String>,
    pub amount: Option<f64>,
    pub amount_description: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Contact {
    pub name: Option<String>,
    pub title: Option<String>,
    /// HSDS 3.0 core nests a contact's phones here.
    pub phones: Option<Vec<Phone>>,
}

#[derive(Deserialize)]
pub(super) struct Phone {
    pub number: Option<String>,
    pub description: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct Attribute {
    pub taxonomy_term_id: Option<String>,
    pub taxonomy_term: Option<TaxonomyTerm>,
}

#[derive(Deserialize)]
pub(super) struct TaxonomyTerm {
    pub id: Option<String>,
    pub name: Option<String>,
    pub term: Option<String>,
    pub taxonomy: Option<String>,
    pub term_uri: Option<String>,
}

/// Just the id, to name a record that could not be read whole.
#[derive(Deserialize)]
pub(super) struct IdOnly {
    pub id: Option<String>,
}
