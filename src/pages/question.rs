//! One question of the check-in per page: `/check-in/questions/:n`.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::{ChoiceItem, FieldError, NotFound, QuestionForm, Radios};
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::instrument::{Instrument, ScaleShape};
use crate::i18n::{fill, use_messages, Messages};
use crate::routes::{use_from_check, Route};
use crate::state::use_check_in;

/// The answers to an instrument's questions as radios. On a 0 to 10 scale (ONS4) each number
/// is its own radio, never a slider, and the two ends carry their words: "0 – Not at all".
pub fn answer_options(m: &Messages, instrument: &Instrument) -> Vec<ChoiceItem> {
    instrument
        .options
        .iter()
        .map(|o| {
            let label = match instrument.end_label(o.score) {
                Some(words) => fill(m.scale_end, &[("n", o.label), ("label", words)]),
                None => o.label.into(),
            };
            ChoiceItem::new(label, o.score.to_string())
        })
        .collect()
}

/// What to say when Continue is pressed with no answer: the error fits the kind of question.
pub fn no_answer_error(m: &Messages, instrument: &Instrument) -> &'static str {
    match instrument.scale {
        ScaleShape::Numeric { .. } => m.choose_a_number,
        ScaleShape::Labelled if !instrument.stem.is_empty() => m.choose_an_answer,
        ScaleShape::Labelled => m.choose_an_option,
    }
}

/// The hint under a question: the meaning of the ends of a 0 to 10 scale.
pub fn scale_hint(m: &Messages, instrument: &Instrument) -> Option<String> {
    match instrument.scale {
        ScaleShape::Numeric {
            low_label,
            high_label,
        } => Some(fill(
            m.scale_hint,
            &[("low", low_label), ("high", high_label)],
        )),
        ScaleShape::Labelled => None,
    }
}

/// One check-in question, chosen by the address.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let from_check = use_from_check();
    // A fresh form for each question, so an error shown on one never carries to the next.
    move || {
        let n = params.read().get("n").and_then(|s| s.parse::<usize>().ok());
        let from_check = from_check.get();
        match n {
            Some(n) => view! { <Question n from_check/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

#[component]
fn Question(n: usize, from_check: bool) -> impl IntoView {
    let check_in = use_check_in();
    let m = use_messages();
    let navigate = use_navigate();
    let plan = check_in.plan();
    let Some((instrument, item)) = plan.question(n) else {
        return view! { <NotFound/> }.into_any();
    };
    let question = instrument.question_text(item).unwrap_or_default();
    let caption = fill(
        m.question_n_of,
        &[
            ("n", &n.to_string()),
            ("total", &plan.question_count().to_string()),
        ],
    );
    let missing = no_answer_error(m, instrument);
    let step = CheckInStep::Question(n);
    let next = Route::check_in(step.forward(&plan, from_check), from_check).href();
    let back = step
        .back(&plan, from_check)
        .map_or(Route::Home, Route::CheckIn)
        .href();

    let error = RwSignal::new(None::<String>);
    let selected = Signal::derive(move || {
        check_in
            .draft()
            .read()
            .as_ref()
            .and_then(|d| d.answer(n))
            .map(|s| s.to_string())
    });
    let on_choose = Callback::new(move |value: String| {
        // The values are the instrument's own scores, so a value that is not one is a fault;
        // it is reported like any answer the check-in refuses.
        let score = value.parse::<u8>().unwrap_or(u8::MAX);
        error.set(check_in.answer(n, score).err().map(|e| m.explain(&e)));
    });
    let submit = Callback::new(move |()| {
        if selected.get_untracked().is_some() {
            navigate(&next, Default::default());
        } else {
            error.set(Some(missing.to_string()));
        }
    });

    view! {
        <QuestionForm title=question.clone() back=Some(back) button=m.continue_ on_submit=submit
            errors=FieldError::of_field("answer", error.into())>
            <Radios name="answer" question caption hint=scale_hint(m, instrument).unwrap_or_default()
                options=answer_options(m, instrument) selected error on_choose/>
        </QuestionForm>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{MHC_SF, ONS4, UCLA3};
    use crate::i18n::EN;

    #[test]
    fn a_zero_to_ten_question_is_eleven_radios_with_worded_ends() {
        let labels: Vec<String> = answer_options(&EN, &ONS4)
            .into_iter()
            .map(|o| o.label)
            .collect();
        assert_eq!(labels.len(), 11);
        assert_eq!(labels[0], "0 – Not at all");
        assert_eq!(labels[5], "5");
        assert_eq!(labels[10], "10 – Completely");
        assert_eq!(
            scale_hint(&EN, &ONS4).as_deref(),
            Some("0 means “Not at all”. 10 means “Completely”.")
        );
        assert_eq!(no_answer_error(&EN, &ONS4), EN.choose_a_number);
    }

    #[test]
    fn worded_answers_keep_their_words_and_scores() {
        let ucla: Vec<(String, String)> = answer_options(&EN, &UCLA3)
            .into_iter()
            .map(|o| (o.label, o.value))
            .collect();
        assert_eq!(
            ucla[0],
            ("Hardly ever or never".to_string(), "1".to_string())
        );
        assert_eq!(scale_hint(&EN, &UCLA3), None);
        assert_eq!(no_answer_error(&EN, &UCLA3), EN.choose_an_option);
        assert_eq!(no_answer_error(&EN, &MHC_SF), EN.choose_an_answer);
    }
}
