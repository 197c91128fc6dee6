//! "I'm helping someone": the volunteer says whose device this is, which decides whether the
//! person's answers are kept on it.

use leptos::prelude::*;

use crate::components::{Answer, ChoiceItem, Choices, FieldError, QuestionForm};
use crate::domain::mode::{Device, Setup};
use crate::i18n::use_messages;
use crate::reset::use_switch;
use crate::routes::Route;
use crate::state::use_mode;

const THEIR_OWN: &str = "their-own";
const SHARED: &str = "shared";

/// "Whose phone or tablet is this?": the person's own (their answers stay on it) or the
/// volunteer's or a shared one (nothing is kept; start fresh for the next person).
#[component]
pub fn HelpingPage() -> impl IntoView {
    let m = use_messages();
    let modes = use_mode();
    let switch = use_switch();
    let chosen = RwSignal::new(None::<String>);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let error = Signal::derive(move || errors.read().first().map(|e| e.message.clone()));
    let options = vec![
        ChoiceItem {
            hint: Some(m.modes.device_their_own_hint.into()),
            ..ChoiceItem::new(m.modes.device_their_own, THEIR_OWN)
        },
        ChoiceItem {
            hint: Some(m.modes.device_shared_hint.into()),
            ..ChoiceItem::new(m.modes.device_shared, SHARED)
        },
    ];
    let submit = Callback::new(move |()| {
        let device = match chosen.get_untracked().as_deref() {
            Some(THEIR_OWN) => Device::TheirOwn,
            Some(SHARED) => Device::Shared,
            _ => {
                errors.set(vec![FieldError {
                    field_id: "device".into(),
                    message: m.modes.device_error.into(),
                }]);
                return;
            }
        };
        switch(Setup::Assisted(device));
    });
    // Only where a volunteer could be starting: never on a kiosk.
    let back = (!modes.asks_device()).then(|| Route::Home.href());
    view! {
        <QuestionForm title=m.modes.device_question back errors button=m.continue_ on_submit=submit>
            <Choices name="device" question=m.modes.device_question hint=m.modes.device_hint
                options error
                answer=Answer::one(chosen, Callback::new(move |v: String| chosen.set(Some(v))))/>
        </QuestionForm>
    }
}
