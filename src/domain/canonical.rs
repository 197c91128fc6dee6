//! The names the app mints for what it sends: canonical URLs of its Questionnaires, its own
//! code systems, identifier systems and extensions. Both the JSON envelope
//! ([`super::submission`]) and the FHIR Bundle ([`super::fhir`]) use them; nothing is fetched
//! from them.

/// The root of every URL the app mints: canonical URLs, code systems, identifier systems and
/// extensions. It names things; nothing is fetched from it. Changing it would make resends of
/// old submissions look new to a server, so it is fixed.
pub const BASE: &str = "https://flourish.example/fhir";

/// A code system of the app's own, e.g. `…/CodeSystem/reason`.
pub fn code_system(name: &str) -> String {
    format!("{BASE}/CodeSystem/{name}")
}

/// An identifier system of the app's own, e.g. `…/id/referral`.
pub fn identifier_system(kind: &str) -> String {
    format!("{BASE}/id/{kind}")
}

/// An extension of the app's own.
pub fn extension_url(name: &str) -> String {
    format!("{BASE}/StructureDefinition/{name}")
}

/// The canonical URL of the Questionnaire for instrument `id`.
pub fn questionnaire_url(id: &str) -> String {
    format!("{BASE}/Questionnaire/{id}")
}

/// The canonical reference a QuestionnaireResponse makes: URL `|` version.
pub fn questionnaire_canonical(id: &str, version: &str) -> String {
    format!("{}|{version}", questionnaire_url(id))
}
