//! Whether a record that could be read can be one this app made: answers among the
//! instrument's options, an id that is a plain token. A record that cannot be is set aside
//! with the reason, exactly like an unreadable one, and is never scored: a total of 84 out
//! of 70, or "flourishing" worked out from an answer of 6 on a 0 to 5 scale, would tell the
//! person something untrue about themselves.

use super::checkin::{CheckIn, Draft, Response};
use super::ids;
use super::referral::Referral;

/// Why a readable record cannot be right.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Impossible {
    /// The id is not a plain token ([`ids::is_plain_token`]).
    #[error(
        "its id is not 1 to {} letters, digits, dots, dashes or underscores",
        ids::ID_MAX_LEN
    )]
    IdNotAToken,
    /// A response names an instrument, or a version of one, that this build does not know,
    /// so its answers cannot be checked or scored.
    #[error("it answers a questionnaire this version of the app does not know ({instrument} version {version})")]
    UnknownInstrument {
        /// The instrument id as written (cut short if long).
        instrument: String,
        /// The version as written (cut short if long).
        version: String,
    },
    /// An answer is not one of the scores the instrument offers.
    #[error("its answer {answer} to question {question} of {instrument} version {version} is not one of the answers offered")]
    NotAnOption {
        /// The instrument's id.
        instrument: &'static str,
        /// The instrument's version.
        version: &'static str,
        /// The question, counted from 1 within the instrument.
        question: usize,
        /// The answer as written.
        answer: u8,
    },
    /// An answer is given to a question the instrument does not have.
    #[error("it answers question {question} of {instrument} version {version}, which has {questions} questions")]
    NoSuchQuestion {
        /// The instrument's id.
        instrument: &'static str,
        /// The instrument's version.
        version: &'static str,
        /// The question, counted from 1.
        question: usize,
        /// How many questions the instrument has.
        questions: usize,
    },
}

/// What a reason quotes of text from a file: enough to recognise it, never a page of it.
const QUOTE_MAX_CHARS: usize = 40;

fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Whether an unknown instrument makes a response impossible.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnknownInstruments {
    /// Yes: for a file being brought in, whose answers must be checked before they are kept.
    SetAside,
    /// No: for what is already stored on this device, where only a newer build of this app
    /// can have written one; it stays, unscored, so that build finds it again.
    Keep,
}

/// Checks every answer of `response` against its instrument's options. Unanswered items
/// (`null`) and missing slots are not impossible: a damaged record still scores what it can.
pub fn response(response: &Response, unknown: UnknownInstruments) -> Result<(), Impossible> {
    let Some(instrument) = response.instrument() else {
        return match unknown {
            UnknownInstruments::Keep => Ok(()),
            UnknownInstruments::SetAside => Err(Impossible::UnknownInstrument {
                instrument: quote(&response.instrument_id),
                version: quote(&response.instrument_version),
            }),
        };
    };
    for (item, answer) in response.answers.iter().enumerate() {
        let Some(answer) = *answer else { continue };
        if item >= instrument.items.len() {
            return Err(Impossible::NoSuchQuestion {
                instrument: instrument.id,
                version: instrument.version,
                question: item + 1,
                questions: instrument.items.len(),
            });
        }
        if instrument.option_for(answer).is_none() {
            return Err(Impossible::NotAnOption {
                instrument: instrument.id,
                version: instrument.version,
                question: item + 1,
                answer,
            });
        }
    }
    Ok(())
}

fn id(id: &str) -> Result<(), Impossible> {
    if ids::is_plain_token(id) {
        Ok(())
    } else {
        Err(Impossible::IdNotAToken)
    }
}

/// Checks a finished check-in: its id and every response.
pub fn checkin(checkin: &CheckIn, unknown: UnknownInstruments) -> Result<(), Impossible> {
    answers(&checkin.id, &checkin.responses, unknown)
}

/// Checks a check-in in progress: its id and every answer given so far.
pub fn draft(draft: &Draft, unknown: UnknownInstruments) -> Result<(), Impossible> {
    answers(&draft.id, &draft.responses, unknown)
}

fn answers(
    record_id: &str,
    responses: &[Response],
    unknown: UnknownInstruments,
) -> Result<(), Impossible> {
    id(record_id)?;
    responses.iter().try_for_each(|r| response(r, unknown))
}

/// Checks a request for support: its id. Everything else in it is the person's own words or
/// choices from the service's configuration, which can change, so it is kept as written.
pub fn referral(referral: &Referral) -> Result<(), Impossible> {
    id(&referral.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{self, MHC_SF, ONS4, UCLA3};
    use chrono::{TimeZone, Utc};
    use serde_json::Map;

    fn answers(instrument: &instrument::Instrument, answers: Vec<Option<u8>>) -> Response {
        Response {
            answers,
            ..Response::blank(instrument)
        }
    }

    fn checkin_with(id: &str, responses: Vec<Response>) -> CheckIn {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 21, 9, 0, 0)
            .single()
            .unwrap();
        CheckIn::sample(id, at, responses)
    }

    #[test]
    fn every_answer_an_instrument_offers_is_possible() {
        for i in [&MHC_SF, &ONS4, &UCLA3] {
            for o in i.options {
                let r = answers(i, vec![Some(o.score); i.items.len()]);
                assert_eq!(
                    response(&r, UnknownInstruments::SetAside),
                    Ok(()),
                    "{}",
                    i.id
                );
            }
        }
    }

    #[test]
    fn a_six_on_a_zero_to_five_item_is_impossible_and_names_the_question() {
        let mut a = vec![Some(3); 14];
        a[2] = Some(6);
        let got = response(&answers(&MHC_SF, a), UnknownInstruments::Keep);
        assert_eq!(
            got,
            Err(Impossible::NotAnOption {
                instrument: "mhc-sf",
                version: "1",
                question: 3,
                answer: 6
            })
        );
        let why = got.unwrap_err().to_string();
        assert!(why.contains("answer 6 to question 3 of mhc-sf"), "{why}");
    }

    #[test]
    fn a_zero_on_the_one_to_three_loneliness_scale_is_impossible() {
        let r = answers(&UCLA3, vec![Some(2), Some(0), Some(1)]);
        assert!(matches!(
            response(&r, UnknownInstruments::Keep),
            Err(Impossible::NotAnOption {
                question: 2,
                answer: 0,
                ..
            })
        ));
    }

    #[test]
    fn an_answer_past_the_last_question_is_impossible_but_blanks_and_gaps_are_not() {
        let mut a = vec![Some(1); 3];
        a.push(Some(1));
        assert!(matches!(
            response(&answers(&UCLA3, a), UnknownInstruments::Keep),
            Err(Impossible::NoSuchQuestion {
                question: 4,
                questions: 3,
                ..
            })
        ));
        let blanks = answers(&UCLA3, vec![Some(1), None, None, None]);
        assert_eq!(response(&blanks, UnknownInstruments::SetAside), Ok(()));
        let short = answers(&UCLA3, vec![Some(1)]);
        assert_eq!(response(&short, UnknownInstruments::SetAside), Ok(()));
    }

    #[test]
    fn an_unknown_instrument_version_is_set_aside_from_a_file_and_kept_on_the_device() {
        let r = Response {
            instrument_id: "mhc-sf".into(),
            instrument_version: "2".into(),
            answers: vec![Some(9); 20],
            extra: Map::new(),
        };
        assert_eq!(response(&r, UnknownInstruments::Keep), Ok(()));
        assert_eq!(
            response(&r, UnknownInstruments::SetAside),
            Err(Impossible::UnknownInstrument {
                instrument: "mhc-sf".into(),
                version: "2".into()
            })
        );
    }

    #[test]
    fn a_reason_quotes_a_long_instrument_name_only_in_part() {
        let r = Response {
            instrument_id: "x".repeat(10_000),
            ..Response::default()
        };
        let why = response(&r, UnknownInstruments::SetAside)
            .unwrap_err()
            .to_string();
        assert!(why.len() < 200, "{} bytes", why.len());
    }

    #[test]
    fn a_record_is_checked_for_its_id_and_every_response() {
        let good = answers(&MHC_SF, vec![Some(5); 14]);
        let bad = answers(&UCLA3, vec![Some(4), Some(1), Some(1)]);
        let ok = checkin_with("2f0c6d1e-8b0a-4c55-9f7e-0d6a1c2b3e4f", vec![good.clone()]);
        assert_eq!(checkin(&ok, UnknownInstruments::SetAside), Ok(()));
        let spaced = checkin_with("a b", vec![good.clone()]);
        assert_eq!(
            checkin(&spaced, UnknownInstruments::Keep),
            Err(Impossible::IdNotAToken)
        );
        let second_bad = checkin_with("c-1", vec![good, bad]);
        assert!(matches!(
            checkin(&second_bad, UnknownInstruments::Keep),
            Err(Impossible::NotAnOption {
                instrument: "ucla3",
                ..
            })
        ));
        let d = Draft {
            id: String::new(),
            ..Draft::default()
        };
        assert_eq!(
            draft(&d, UnknownInstruments::SetAside),
            Err(Impossible::IdNotAToken)
        );
        let r = Referral {
            id: "5b7d1c8e/../x".into(),
            ..Referral::default()
        };
        assert_eq!(referral(&r), Err(Impossible::IdNotAToken));
    }
}
