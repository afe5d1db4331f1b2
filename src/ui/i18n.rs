//! The interface language: Indonesian first, English switchable, the choice remembered.
//!
//! UI strings live next to the view that shows them as a pair, `tr("Simpan", "Save")`;
//! domain text arrives as [`Text`] and is shown with [`text`].

use crate::domain::exchange::Timestamp;
use crate::domain::text::{Lang, Text};
use leptos::prelude::*;

/// The current language, provided once by the app shell.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

pub fn lang() -> RwSignal<Lang> {
    use_context::<UiLang>()
        .map(|l| l.0)
        .unwrap_or_else(|| RwSignal::new(Lang::Id))
}

/// A reactive pair of strings: the Indonesian one, or the English one when chosen.
pub fn tr(
    id: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = lang();
    move || match lang.get() {
        Lang::Id => id,
        Lang::En => en,
    }
}

/// Like [`tr`] for owned strings (formatted messages).
pub fn tr_owned(id: String, en: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = lang();
    move || match lang.get() {
        Lang::Id => id.clone(),
        Lang::En => en.clone(),
    }
}

/// A time on the user's clock in words, in `lang`: "28 November 2026, 16.30 WIB" /
/// "28 November 2026, 16:30 WIB", whatever offset it was written in.
pub fn when_in(time: &Timestamp, lang: Lang) -> String {
    crate::adapters::clock::local(time).long(lang)
}

/// [`when_in`] in the current language, following the language switch.
pub fn when(time: &Timestamp) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let (time, lang) = (time.clone(), lang());
    move || when_in(&time, lang.get())
}

/// [`when_in`] in both languages, for messages built as [`Text`].
pub fn when_text(time: &Timestamp) -> (String, String) {
    (when_in(time, Lang::Id), when_in(time, Lang::En))
}

/// Domain text in the current language.
pub fn text(t: Text) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let lang = lang();
    move || t.get(lang.get()).to_string()
}

/// Reads the language once, for code outside a reactive closure.
pub fn pick(id: &'static str, en: &'static str) -> &'static str {
    lang().get_untracked().pick(id, en)
}

/// [`tr`] as a `Signal<String>`, for component props.
pub fn trs(id: &'static str, en: &'static str) -> Signal<String> {
    let f = tr(id, en);
    Signal::derive(move || f().to_string())
}
