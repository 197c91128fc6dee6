//! The HTTP request that delivers a submission in the format a service asked for, described
//! without any network code: the plain-JSON envelope ([`super::submission`]) or a FHIR R4
//! transaction Bundle ([`super::fhir`]).

use super::fhir;
use super::submission::{Format, Request, Submission, IDEMPOTENCY_KEY_HEADER};

/// The request that delivers `submission` in `format`: compact JSON (every byte costs on a
/// slow connection), the same bytes on every attempt.
pub fn request(submission: &Submission, format: Format) -> Result<Request, serde_json::Error> {
    Ok(match format {
        Format::Json => Request {
            headers: vec![
                ("Content-Type", "application/json".into()),
                (IDEMPOTENCY_KEY_HEADER, submission.id.clone()),
            ],
            body: serde_json::to_string(submission)?,
        },
        Format::FhirR4 => Request {
            headers: vec![
                ("Content-Type", fhir::FHIR_JSON.into()),
                ("Accept", fhir::FHIR_JSON.into()),
            ],
            body: serde_json::to_string(&fhir::bundle(submission))?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::submission::tests::example;

    #[test]
    fn json_carries_the_id_as_the_idempotency_key_and_the_envelope_as_it_is() {
        let s = example();
        let req = request(&s, Format::Json).unwrap();
        assert!(req.headers.contains(&(
            "Idempotency-Key",
            "0d3c9a4e-7b1f-4c2a-9e5d-6f8a7b3c2d1e".into()
        )));
        assert_eq!(Submission::parse(&req.body).unwrap(), s);
    }

    #[test]
    fn fhir_is_one_transaction_bundle_the_same_bytes_on_every_attempt() {
        let s = example();
        let req = request(&s, Format::FhirR4).unwrap();
        assert!(req
            .headers
            .contains(&("Content-Type", "application/fhir+json".into())));
        let bundle: serde_json::Value = serde_json::from_str(&req.body).unwrap();
        assert_eq!(bundle["resourceType"], "Bundle");
        assert_eq!(bundle["type"], "transaction");
        assert_eq!(request(&s, Format::FhirR4).unwrap(), req);
    }
}
