use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::browser;
use crate::components::{BackLink, ErrorSummary, FieldError, PageTitle, RadioOption, Radios};
use crate::domain::checkin::Draft;
use crate::domain::instrument::{Instrument, ScaleShape};
use crate::i18n::{fill, use_messages, Messages};
use crate::pages::follow_up::ACTIVITIES_PATH;
use crate::pages::NotFoundPage;
use crate::state::use_app;

/// Path of question `n` of the check-in.
pub fn question_path(n: usize) -> String {
    format!("/check-in/questions/{n}")
}

/// The answers to an instrument's questions as radios. On a 0 to 10 scale (ONS4) each number
/// is its own radio, never a slider, and the two ends carry their words: "0 – Not at all".
pub fn answer_options(m: &Messages, instrument: &Instrument) -> Vec<RadioOption> {
    instrument
        .options
        .iter()
        .map(|o| RadioOption {
            label: match instrument.end_label(o.score) {
                Some(words) => fill(m.scale_end, &[("n", o.label), ("label", words)]),
                None => o.label.into(),
            },
            value: o.score.to_string(),
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

/// One check-in question, as its own page: `/check-in/questions/:n`.
#[component]
pub fn QuestionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    // A fresh form for each question, so an error shown on one never carries to the next.
    move || {
        let n = params.read().get("n").and_then(|s| s.parse::<usize>().ok());
        let from_check = query.read().get("from").as_deref() == Some("check");
        match n {
            Some(n) => view! { <Question n from_check/> }.into_any(),
            None => view! { <NotFoundPage/> }.into_any(),
        }
    }
}

#[component]
fn Question(n: usize, from_check: bool) -> impl IntoView {
    let app = use_app();
    let m = use_messages();
    let navigate = use_navigate();
    // The questions come from the draft when there is one, else from a fresh plan, so a
    // question page opened directly (a bookmark, Back after saving) still shows.
    let plan = app
        .draft
        .get_untracked()
        .unwrap_or_else(|| Draft::new(String::new(), browser::now(), &app.instruments()));
    let total = plan.question_count();
    let Some((instrument, item)) = plan.question(n) else {
        return view! { <NotFoundPage/> }.into_any();
    };
    let question = instrument.question_text(item).unwrap_or_default();
    let caption = fill(
        m.question_n_of,
        &[("n", &n.to_string()), ("total", &total.to_string())],
    );
    let options = answer_options(m, instrument);
    // An empty hint shows nothing.
    let hint = scale_hint(m, instrument).unwrap_or_default();
    let missing = no_answer_error(m, instrument);

    let error = RwSignal::new(None::<String>);
    let errors = Signal::derive(move || {
        error
            .get()
            .map(|message| {
                vec![FieldError {
                    field_id: "answer".into(),
                    message,
                }]
            })
            .unwrap_or_default()
    });
    let selected = Signal::derive(move || {
        app.draft
            .read()
            .as_ref()
            .and_then(|d| d.answer(n))
            .map(|s| s.to_string())
    });
    let on_choose = Callback::new(move |value: String| {
        let result = value
            .parse::<u8>()
            .map_err(|e| e.to_string())
            .and_then(|score| app.answer(n, score).map_err(|e| e.to_string()));
        error.set(result.err());
    });

    let next = if from_check {
        "/check-in/check".to_string()
    } else if n >= total {
        // After the questionnaire, the brief optional questions, then check your answers.
        ACTIVITIES_PATH.to_string()
    } else {
        question_path(n + 1)
    };
    let back = match (from_check, n) {
        (true, _) => "/check-in/check".to_string(),
        (false, 1) => "/".to_string(),
        (false, n) => question_path(n - 1),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if selected.get_untracked().is_some() {
            navigate(&next, Default::default());
        } else {
            error.set(Some(missing.to_string()));
        }
    };

    view! {
        <PageTitle text=question.clone() has_error=Signal::derive(move || error.read().is_some())/>
        <BackLink href=back/>
        <ErrorSummary errors/>
        <form class="f-form" novalidate on:submit=submit>
            <Radios name="answer" question caption hint options selected error on_choose/>
            <button type="submit" class="f-button">{m.continue_}</button>
        </form>
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
