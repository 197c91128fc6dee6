//! A check-in's results in a few lines, one per questionnaire it asked, for home and the
//! history: whichever questionnaires the service uses, never "no result" for want of one.

use leptos::prelude::*;

use crate::domain::checkin::CheckIn;
use crate::domain::instrument::{ONS4, UCLA3};
use crate::i18n::{fill, use_messages, Messages};

/// One line per questionnaire `checkin` answered, in the order asked.
pub fn result_lines(m: &Messages, checkin: &CheckIn) -> Vec<String> {
    checkin
        .responses
        .iter()
        .filter_map(|r| {
            let instrument = r.instrument()?;
            let scores = instrument.score(&r.answers);
            let range = instrument.total_range();
            if instrument.id == ONS4.id {
                let parts: Vec<String> = ONS4
                    .items
                    .iter()
                    .zip(&scores.items)
                    .filter_map(|(item, s)| {
                        Some(fill(
                            m.summary_ons4,
                            &[
                                ("name", m.instruments.dimension(ONS4.id, item.dimension)),
                                ("score", &s.score?.to_string()),
                                ("band", s.band.map(|b| m.band_name(b)).unwrap_or_default()),
                            ],
                        ))
                    })
                    .collect();
                return (!parts.is_empty()).then(|| parts.join(". "));
            }
            let (total, (min, max)) = (scores.total?, range?);
            let numbers = [
                ("total", total.to_string()),
                ("score", total.to_string()),
                ("min", min.to_string()),
                ("max", max.to_string()),
            ];
            let mut values: Vec<(&str, &str)> =
                numbers.iter().map(|(k, v)| (*k, v.as_str())).collect();
            if instrument.id == UCLA3.id {
                let band = m.loneliness_band(instrument.total_band(total)?);
                values.push(("band", band));
                Some(fill(m.summary_loneliness, &values))
            } else {
                let category = scores
                    .category
                    .map_or(m.no_category, |c| m.category_name(c));
                values.push(("category", category));
                Some(fill(m.summary_mhc_sf, &values))
            }
        })
        .collect()
}

/// A check-in's results as a short list.
#[component]
pub fn ResultLines(
    /// The check-in.
    checkin: CheckIn,
) -> impl IntoView {
    let m = use_messages();
    let lines = result_lines(m, &checkin);
    view! {
        <ul class="f-list f-result-lines">
            {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::checkin::{FollowUp, Response};
    use crate::domain::instrument::{Instrument, MHC_SF};
    use crate::i18n::EN;

    fn checkin(responses: &[(&Instrument, &[u8])]) -> CheckIn {
        CheckIn {
            id: "c".into(),
            started_at: chrono::DateTime::UNIX_EPOCH,
            finished_at: chrono::DateTime::UNIX_EPOCH,
            responses: responses
                .iter()
                .map(|(i, a)| Response {
                    answers: a.iter().map(|&x| Some(x)).collect(),
                    ..Response::blank(i)
                })
                .collect(),
            follow_up: FollowUp::default(),
            with_volunteer: false,
            extra: Default::default(),
        }
    }

    #[test]
    fn each_questionnaire_asked_has_its_line_with_its_own_range() {
        let c = checkin(&[(&MHC_SF, &[3; 14]), (&UCLA3, &[2, 2, 2])]);
        assert_eq!(
            result_lines(&EN, &c),
            [
                "Getting by (score 42, from 0 to 70)",
                "Lonely more often (score 6, from 3 to 9)"
            ]
        );
    }

    #[test]
    fn without_the_mhc_sf_the_questionnaires_used_are_shown_not_no_result() {
        let c = checkin(&[(&ONS4, &[7, 8, 6, 3]), (&UCLA3, &[1, 2, 2])]);
        let lines = result_lines(&EN, &c);
        assert_eq!(
            lines,
            [
                "Life satisfaction: 7 (high). Feeling things you do are worthwhile: 8 (high). Happiness: 6 (medium). Anxiety: 3 (low)",
                "Not often lonely (score 5, from 3 to 9)"
            ]
        );
        assert!(lines.iter().all(|l| !l.contains(EN.no_category)));
    }
}
