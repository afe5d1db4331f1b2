//! Bilingual text: Indonesian first, English second.
//!
//! Every label, criterion and message the domain produces carries both languages, so the
//! UI never has to translate domain output itself.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The two languages of the interface. Indonesian is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "id")]
    Id,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// `id` or `en`, whichever is in this language.
    pub fn pick<'a>(self, id: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// A piece of text in Indonesian (`id`, required) and English (`en`, falls back to Indonesian).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub id: String,
    #[serde(default)]
    pub en: String,
}

impl Text {
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            id: id.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, or the Indonesian text when no English is written.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.id,
        }
    }
}

/// Escapes text for XML or HTML content and quoted attribute values, dropping the control
/// characters XML 1.0 forbids: the one escaping used by the xlsx writer and the HTML the
/// UI builds as a string (the coverage matrix).
pub fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text from a file or storage as it is shown on screen: characters that would be invisible
/// (control characters) or would silently reorder the text around them (bidirectional
/// formatting characters, the trick behind "gpj.exe" shown as "exe.jpg") replaced by
/// visible marks: U+0007 becomes "␇" (its Unicode control picture), U+202E becomes
/// "⟨U+202E⟩". Line breaks and tabs stay. The data itself is never changed: only display
/// goes through here.
pub fn visible(s: &str) -> Cow<'_, str> {
    let hidden = |c: char| {
        (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(hidden) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '\u{0}'..='\u{1F}' if hidden(c) => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            '\u{7F}' => out.push('\u{2421}'),
            c if hidden(c) => out.push_str(&format!("\u{27E8}U+{:04X}\u{27E9}", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_and_reordering_characters_are_shown_as_marks() {
        assert!(matches!(visible("Dinas Kominfo"), Cow::Borrowed(_)));
        assert_eq!(
            visible("a\u{7}b\u{0}c\u{7F}"),
            "a\u{2407}b\u{2400}c\u{2421}"
        );
        // U+202E RIGHT-TO-LEFT OVERRIDE and friends, named by their code point.
        assert_eq!(
            visible("gpj\u{202E}exe.txt \u{2066}x\u{2069} \u{200F}"),
            "gpj\u{27E8}U+202E\u{27E9}exe.txt \u{27E8}U+2066\u{27E9}x\u{27E8}U+2069\u{27E9} \u{27E8}U+200F\u{27E9}"
        );
        // C1 controls too; line breaks and tabs stay as they are.
        assert_eq!(visible("a\u{85}b"), "a\u{27E8}U+0085\u{27E9}b");
        assert_eq!(
            visible("Fakta:\tx\nAnalisis:\r\ny"),
            "Fakta:\tx\nAnalisis:\r\ny"
        );
    }
}
