//! The only code that reads aloud: the browser's speech synthesis (`speechSynthesis`).
//!
//! Nothing is ever read without the person asking. A text is only read in a language the
//! browser has a voice for: Welsh is never read with an English voice.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

/// A piece of text to read, and the language it is written in (a BCP 47 tag or code).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spoken {
    /// The words.
    pub text: String,
    /// Their language, e.g. `cy`, `en-GB`, `ar`.
    pub lang: &'static str,
}

impl Spoken {
    /// `text` in `lang`.
    pub fn new(text: impl Into<String>, lang: &'static str) -> Self {
        Self {
            text: text.into(),
            lang,
        }
    }
}

fn synth() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The first part of a language tag, lower-cased: `cy` for `cy-GB`.
fn primary(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// The voice to read `lang` with: one whose language is exactly `lang`, else one of the same
/// language (`en-US` for `en`); `None` when the browser has none.
fn voice_for(voices: &[SpeechSynthesisVoice], lang: &str) -> Option<SpeechSynthesisVoice> {
    voices
        .iter()
        .find(|v| v.lang().eq_ignore_ascii_case(lang))
        .or_else(|| voices.iter().find(|v| primary(&v.lang()) == primary(lang)))
        .cloned()
}

fn voices() -> Vec<SpeechSynthesisVoice> {
    synth()
        .map(|s| {
            s.get_voices()
                .iter()
                .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the browser can read every piece of `parts` in its own language now.
pub fn can_read(parts: &[Spoken]) -> bool {
    let voices = voices();
    !parts.is_empty() && parts.iter().all(|p| voice_for(&voices, p.lang).is_some())
}

/// Reads `parts` one after another, each with a voice of its language, then calls `done` (also
/// when reading stops early). Stops anything already being read first. Returns whether
/// reading started.
pub fn read(parts: &[Spoken], done: impl FnOnce() + 'static) -> bool {
    let (Some(synth), voices) = (synth(), voices()) else {
        return false;
    };
    synth.cancel();
    let mut utterances = Vec::new();
    for part in parts {
        let (Some(voice), Ok(u)) = (
            voice_for(&voices, part.lang),
            SpeechSynthesisUtterance::new_with_text(&part.text),
        ) else {
            return false;
        };
        u.set_lang(part.lang);
        u.set_voice(Some(&voice));
        utterances.push(u);
    }
    let Some(last) = utterances.last() else {
        return false;
    };
    // The end, or an error (reading stopped), of the last piece ends the reading; whichever
    // comes first calls `done`, once.
    let done: Once = Rc::new(Cell::new(Some(Box::new(done))));
    last.set_onend(Some(finish(done.clone()).unchecked_ref()));
    last.set_onerror(Some(finish(done).unchecked_ref()));
    for u in &utterances {
        synth.speak(u);
    }
    true
}

/// A callback shared by two events, called by whichever comes first.
type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;

/// A JavaScript function that calls `done`, if no one has yet.
fn finish(done: Once) -> wasm_bindgen::JsValue {
    Closure::once_into_js(move || {
        if let Some(f) = done.take() {
            f();
        }
    })
}

/// Stops reading.
pub fn stop() {
    if let Some(s) = synth() {
        s.cancel();
    }
}

/// Calls `changed` whenever the browser's list of voices changes (voices often load after
/// the page). Returns what stops listening.
pub fn on_voices_changed(changed: impl Fn() + 'static) -> impl FnOnce() {
    let synth = synth();
    let callback = Closure::<dyn Fn()>::new(changed);
    if let Some(s) = &synth {
        let _ =
            s.add_event_listener_with_callback("voiceschanged", callback.as_ref().unchecked_ref());
    }
    move || {
        if let Some(s) = &synth {
            let _ = s.remove_event_listener_with_callback(
                "voiceschanged",
                callback.as_ref().unchecked_ref(),
            );
        }
        drop(callback);
    }
}
