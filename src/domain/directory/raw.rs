//! The parts of an Open Referral UK `service` record this app reads, taken out of the
//! record's JSON value field by field.
//!
//! Not `#[derive(Deserialize)]`: measured, a derived reader for these structs cost about
//! 100 KB of wasm (38 KB gzip), because serde writes a visitor per struct and per `Option`.
//! The app already carries `serde_json::Value` and its map, so reading one record at a time
//! into a `Value` and moving the used fields out costs a few KB, and only one record's value
//! is in memory at once. Fields not used are never looked at, whatever they hold. A used field
//! with the wrong type (text where a list belongs) makes the record [`Bad`], like serde would.
//! Names follow the schema (`organization`, `postal_code`), not our spelling.

use serde_json::{Map, Value};

/// A used field has the wrong type: the record cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bad;

type Object = Map<String, Value>;

/// A `service` record.
pub(super) struct Service {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub status: Option<String>,
    /// Deprecated in HSDS 3 in favour of `cost_options`, but still published.
    pub fees: Option<String>,
    pub organisation_name: Option<String>,
    pub schedules: Vec<Schedule>,
    pub locations: Vec<Location>,
    pub cost_options: Vec<CostOption>,
    pub contacts: Vec<Contact>,
    /// Not in the UK profile's service schema; HSDS 3.0 core puts phones here.
    pub phones: Vec<Phone>,
    pub attributes: Vec<Attribute>,
}

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

pub(super) struct Location {
    pub location_type: Option<String>,
    pub name: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub addresses: Vec<Address>,
    pub accessibility: Vec<Accessibility>,
    pub attributes: Vec<Attribute>,
}

pub(super) struct Address {
    pub address_1: Option<String>,
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub address_type: Option<String>,
}

pub(super) struct Accessibility {
    /// `description`, `details` and the deprecated `accessibility`, in that order.
    pub texts: Vec<String>,
    pub attributes: Vec<Attribute>,
}

pub(super) struct CostOption {
    pub option: Option<String>,
    pub amount: Option<f64>,
    pub amount_description: Option<String>,
}

pub(super) struct Contact {
    pub name: Option<String>,
    pub title: Option<String>,
    /// HSDS 3.0 core nests a contact's phones here.
    pub phones: Vec<Phone>,
}

pub(super) struct Phone {
    pub number: Option<String>,
    pub description: Option<String>,
}

pub(super) struct Attribute {
    pub taxonomy_term_id: Option<String>,
    pub term: Option<TaxonomyTerm>,
}

pub(super) struct TaxonomyTerm {
    pub id: Option<String>,
    pub name: Option<String>,
    pub term: Option<String>,
    pub taxonomy: Option<String>,
    pub term_uri: Option<String>,
}

fn object(value: Value) -> Result<Object, Bad> {
    match value {
        Value::Object(o) => Ok(o),
        _ => Err(Bad),
    }
}

/// A text field: missing or `null` is `None`.
fn text(o: &mut Object, key: &str) -> Result<Option<String>, Bad> {
    match o.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(Bad),
    }
}

/// A number field: missing or `null` is `None`.
fn number(o: &mut Object, key: &str) -> Result<Option<f64>, Bad> {
    match o.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => Ok(n.as_f64()),
        Some(_) => Err(Bad),
    }
}

/// An object field, read by `read`: missing or `null` is `None`.
fn nested<T>(
    o: &mut Object,
    key: &str,
    read: fn(Object) -> Result<T, Bad>,
) -> Result<Option<T>, Bad> {
    match o.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => read(object(v)?).map(Some),
    }
}

/// A list of objects, each read by `read`: missing or `null` is empty.
fn list<T>(o: &mut Object, key: &str, read: fn(Object) -> Result<T, Bad>) -> Result<Vec<T>, Bad> {
    match o.remove(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items.into_iter().map(|v| read(object(v)?)).collect(),
        Some(_) => Err(Bad),
    }
}

/// Reads a record; `Err` carries its id, when that much could be read.
pub(super) fn service(value: Value) -> Result<Service, (Bad, Option<String>)> {
    let mut o = object(value).map_err(|bad| (bad, None))?;
    let id = text(&mut o, "id");
    let read = |o: &mut Object| -> Result<Service, Bad> {
        Ok(Service {
            id: None,
            name: text(o, "name")?,
            description: text(o, "description")?,
            url: text(o, "url")?,
            email: text(o, "email")?,
            status: text(o, "status")?,
            fees: text(o, "fees")?,
            organisation_name: nested(o, "organization", |mut o| text(&mut o, "name"))?.flatten(),
            schedules: list(o, "schedules", schedule)?,
            locations: list(o, "service_at_locations", |mut o| {
                nested(&mut o, "location", location)
            })?
            .into_iter()
            .flatten()
            .collect(),
            cost_options: list(o, "cost_options", cost_option)?,
            contacts: list(o, "contacts", contact)?,
            phones: list(o, "phones", phone)?,
            attributes: list(o, "attributes", attribute)?,
        })
    };
    match (id, read(&mut o)) {
        (Ok(id), Ok(service)) => Ok(Service { id, ..service }),
        (Ok(id), Err(bad)) => Err((bad, id)),
        (Err(bad), _) => Err((bad, None)),
    }
}

fn schedule(mut o: Object) -> Result<Schedule, Bad> {
    Ok(Schedule {
        valid_from: text(&mut o, "valid_from")?,
        valid_to: text(&mut o, "valid_to")?,
        freq: text(&mut o, "freq")?,
        interval: number(&mut o, "interval")?,
        byday: text(&mut o, "byday")?,
        bymonthday: text(&mut o, "bymonthday")?,
        description: text(&mut o, "description")?,
        opens_at: text(&mut o, "opens_at")?,
        closes_at: text(&mut o, "closes_at")?,
    })
}

fn location(mut o: Object) -> Result<Location, Bad> {
    Ok(Location {
        location_type: text(&mut o, "location_type")?,
        name: text(&mut o, "name")?,
        latitude: number(&mut o, "latitude")?,
        longitude: number(&mut o, "longitude")?,
        addresses: list(&mut o, "addresses", address)?,
        accessibility: list(&mut o, "accessibility", accessibility)?,
        attributes: list(&mut o, "attributes", attribute)?,
    })
}

fn address(mut o: Object) -> Result<Address, Bad> {
    Ok(Address {
        address_1: text(&mut o, "address_1")?,
        city: text(&mut o, "city")?,
        postal_code: text(&mut o, "postal_code")?,
        address_type: text(&mut o, "address_type")?,
    })
}

fn accessibility(mut o: Object) -> Result<Accessibility, Bad> {
    let mut texts = Vec::new();
    for key in ["description", "details", "accessibility"] {
        texts.extend(text(&mut o, key)?);
    }
    Ok(Accessibility {
        texts,
        attributes: list(&mut o, "attributes", attribute)?,
    })
}

fn cost_option(mut o: Object) -> Result<CostOption, Bad> {
    Ok(CostOption {
        option: text(&mut o, "option")?,
        amount: number(&mut o, "amount")?,
        amount_description: text(&mut o, "amount_description")?,
    })
}

fn contact(mut o: Object) -> Result<Contact, Bad> {
    Ok(Contact {
        name: text(&mut o, "name")?,
        title: text(&mut o, "title")?,
        phones: list(&mut o, "phones", phone)?,
    })
}

fn phone(mut o: Object) -> Result<Phone, Bad> {
    Ok(Phone {
        number: text(&mut o, "number")?,
        description: text(&mut o, "description")?,
    })
}

fn attribute(mut o: Object) -> Result<Attribute, Bad> {
    Ok(Attribute {
        taxonomy_term_id: text(&mut o, "taxonomy_term_id")?,
        term: nested(&mut o, "taxonomy_term", taxonomy_term)?,
    })
}

fn taxonomy_term(mut o: Object) -> Result<TaxonomyTerm, Bad> {
    Ok(TaxonomyTerm {
        id: text(&mut o, "id")?,
        name: text(&mut o, "name")?,
        term: text(&mut o, "term")?,
        taxonomy: text(&mut o, "taxonomy")?,
        term_uri: text(&mut o, "term_uri")?,
    })
}
