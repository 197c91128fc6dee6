//! One question of the check-in per page: `/check-in/questions/:n`.

use leptos::prelude::*;

use crate::components::{Answer, ChoiceItem, Choices, FieldError, NotFound, QuestionForm};
use crate::domain::checkin_journey::CheckInStep;
use crate::domain::instrument::{Instrument, ScaleShape, Wording};
use crate::i18n::{fill, use_messages, Messages};
use crate::router::{use_navigate, use_params_map};
use crate::routes::{use_from_check, Route};
use crate::speech::Spoken;
use crate::state::{use_check_in, use_config};

/// The answers to an instrument's questions as radios, in `wording`'s language. On a 0 to 10
/// scale (ONS4) each number is its own radio, never a slider, and the two ends carry their
/// words: "0 – Not at all".
pub fn answer_options(m: &Messages, instrument: &Instrument, wording: &Wording) -> Vec<ChoiceItem> {
    let lowest = instrument.min_option_score();
    let highest = instrument.max_option_score();
    instrument
        .options
        .iter()
        .zip(&wording.options)
        .map(|(o, words)| {
            let end = match (&wording.ends, o.score) {
                (Some((low, _)), s) if s == lowest => Some(low),
                (Some((_, high)), s) if s == highest => Some(high),
                _ => None,
            };
            let label = match end {
                Some(end) => fill(m.scale_end, &[("n", words), ("label", end)]),
                None => words.clone(),
            };
            ChoiceItem::new(label, o.score.to_string())
        })
        .collect()
}

/// What to say when Continue is pressed with no answer: the error fits the kind of question.
pub fn no_answer_error(m: &Messages, instrument: &Instrument) -> String {
    match instrument.scale {
        ScaleShape::Numeric { .. } => fill(
            m.choose_a_number,
            &[
                ("min", &instrument.min_option_score().to_string()),
                ("max", &instrument.max_option_score().to_string()),
            ],
        ),
        ScaleShape::Labelled if !instrument.stem.is_empty() => m.choose_an_answer.into(),
        ScaleShape::Labelled => m.choose_an_option.into(),
    }
}

/// The hint under a question: the meaning of the ends of a 0 to 10 scale, in the wording's
/// language (English words stay with an English hint around them).
pub fn scale_hint(m: &Messages, instrument: &Instrument, wording: &Wording) -> Option<String> {
    let (low, high) = wording.ends.as_ref()?;
    Some(fill(
        m.scale_hint,
        &[
            ("min", &instrument.min_option_score().to_string()),
            ("low", low),
            ("max", &instrument.max_option_score().to_string()),
            ("high", high),
        ],
    ))
}

/// What "Listen" reads on a question: the question, then each answer, in their language.
pub fn spoken_question(question: &str, options: &[ChoiceItem], lang: &'static str) -> Vec<Spoken> {
    let answers = options
        .iter()
        .map(|o| o.label.as_str())
        .collect::<Vec<_>>()
        .join(". ");
    vec![Spoken::new(question, lang), Spoken::new(answers, lang)]
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
            Some(n) => question_view(n, from_check),
            None => view! { <NotFound/> }.into_any(),
        }
    }
}

/// Question `n` of the check-in in progress (or of the one that would start now).
pub fn question_view(n: usize, from_check: bool) -> AnyView {
    view! { <Question n from_check/> }.into_any()
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
    let wording = use_config().wording(instrument, m.language);
    // Words shown in another language than the page's (English, untranslated) say so.
    let english = wording.lang != m.language.code();
    let lang = english.then_some(crate::i18n::EN.lang);
    let words_lang = lang.unwrap_or(m.lang);
    let question = wording.question(item).unwrap_or_default();
    let caption = fill(
        m.question_n_of,
        &[
            ("n", &n.to_string()),
            ("total", &plan.question_count().to_string()),
        ],
    );
    // Where the questions move to another time frame, say so.
    let moving_on = (item == 0 && n > 1)
        .then(|| m.moving_on(instrument.id))
        .flatten();
    let hint_words = if english {
        scale_hint(&crate::i18n::EN, instrument, &wording)
    } else {
        scale_hint(m, instrument, &wording)
    };
    let hint = [
        moving_on.map(str::to_owned).filter(|_| !english),
        hint_words,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
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
            error.set(Some(missing.clone()));
        }
    });
    let options = answer_options(m, instrument, &wording);
    let listen = spoken_question(&question, &options, words_lang);

    view! {
        <QuestionForm title=question.clone() back=Some(back) button=m.continue_ on_submit=submit
            errors=FieldError::of_field("answer", error.into()) listen>
            {english.then(|| view! {
                {moving_on.map(|line| view! { <p class="f-inset">{line}</p> })}
                <p class="f-inset f-inset--note">{m.untranslated_note}</p>
            })}
            <Choices name="answer" question caption hint options error lang
                answer=Answer::one(selected, on_choose)/>
        </QuestionForm>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::instrument::{MHC_SF, ONS4, UCLA3};
    use crate::i18n::{CY, EN};

    #[test]
    fn a_zero_to_ten_question_is_eleven_radios_with_worded_ends() {
        let labels: Vec<String> = answer_options(&EN, &ONS4, &ONS4.wording())
            .into_iter()
            .map(|o| o.label)
            .collect();
        assert_eq!(labels.len(), 11);
        assert_eq!(labels[0], "0 – Not at all");
        assert_eq!(labels[5], "5");
        assert_eq!(labels[10], "10 – Completely");
        assert_eq!(
            scale_hint(&EN, &ONS4, &ONS4.wording()).as_deref(),
            Some("0 means “Not at all”. 10 means “Completely”.")
        );
        assert_eq!(no_answer_error(&EN, &ONS4), "Choose a number from 0 to 10");
    }

    #[test]
    fn worded_answers_keep_their_words_and_scores() {
        let ucla: Vec<(String, String)> = answer_options(&EN, &UCLA3, &UCLA3.wording())
            .into_iter()
            .map(|o| (o.label, o.value))
            .collect();
        assert_eq!(
            ucla[0],
            ("Hardly ever or never".to_string(), "1".to_string())
        );
        assert_eq!(scale_hint(&EN, &UCLA3, &UCLA3.wording()), None);
        assert_eq!(no_answer_error(&EN, &UCLA3), EN.choose_an_option);
        assert_eq!(no_answer_error(&EN, &MHC_SF), EN.choose_an_answer);
    }

    #[test]
    fn listen_reads_the_question_then_its_answers_in_their_language() {
        let options = answer_options(&CY, &UCLA3, &UCLA3.wording());
        let parts = spoken_question("How often do you feel left out?", &options, "en-GB");
        assert_eq!(
            parts[0],
            Spoken::new("How often do you feel left out?", "en-GB")
        );
        assert_eq!(
            parts[1].text,
            "Hardly ever or never. Some of the time. Often"
        );
    }
}
