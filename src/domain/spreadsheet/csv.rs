//! The indicator table as CSV, in the user's convention (see [`Dialect`]).

use super::xlsx::decimal_literal;
use super::{format_value, IndicatorRow};
use crate::domain::catalogue::Framework;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;

/// How a spreadsheet reads a CSV on the user's computer. Excel takes the list separator
/// and the decimal mark from the system's regional settings: on an Indonesian laptop they
/// are `;` and `,` (a comma-separated file opens as one column, and `2.75` becomes a date
/// or text); on an English one `,` and `.`. The file follows the language chosen in the
/// app, and says which convention it uses in its name and on the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    pub separator: char,
    pub decimal: char,
}

impl Dialect {
    pub fn of(lang: Lang) -> Dialect {
        match lang {
            Lang::Id => Dialect {
                separator: ';',
                decimal: ',',
            },
            Lang::En => Dialect {
                separator: ',',
                decimal: '.',
            },
        }
    }

    /// The part of the file name that states the convention: `titik-koma` (semicolons,
    /// decimal comma) or `comma` (commas, decimal point).
    pub fn file_tag(self) -> &'static str {
        if self.separator == ';' {
            "titik-koma"
        } else {
            "comma"
        }
    }

    /// The convention in words, for the download button.
    pub fn words(self) -> Text {
        if self.separator == ';' {
            Text::new(
                "pemisah titik koma (;), desimal koma",
                "semicolon-separated (;), decimal comma",
            )
        } else {
            Text::new(
                "pemisah koma (,), desimal titik",
                "comma-separated (,), decimal point",
            )
        }
    }

    /// A number as the spreadsheet reads it: `2.75` → `2,75` with a decimal comma.
    fn number(self, s: String) -> String {
        if self.decimal == '.' {
            s
        } else {
            s.replace('.', &self.decimal.to_string())
        }
    }
}

/// One CSV field: quoted when it holds a separator (either), quote or line break; a text
/// field that a spreadsheet would read as a formula gets a leading apostrophe.
pub(super) fn field(s: &str, text: bool) -> String {
    let mut s = s.to_string();
    if text && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        s.insert(0, '\'');
    }
    if s.contains([',', ';', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Column headers, in the language of the file.
pub(super) fn headers(fw: &Framework, lang: Lang) -> Vec<&'static str> {
    let t = |id: &'static str, en: &'static str| if lang == Lang::Id { id } else { en };
    let mut h = vec![
        t("Kode", "Code"),
        t("Indikator", "Indicator"),
        t("Aspek", "Aspect"),
    ];
    if fw.has_domains() {
        h.push("Domain");
    }
    h.extend([
        t("Bobot (%)", "Weight (%)"),
        t("Nilai", "Value"),
        if fw.values.is_decimal() {
            t("Rentang predikat", "Predicate band")
        } else {
            t("Nama tingkat", "Level name")
        },
        t("Unit pemilik", "Owner unit"),
        t("Jumlah bukti", "Evidence count"),
        t("Layanan", "Service"),
        t("Penjelasan", "Justification"),
        t("Keterangan", "Remark"),
    ]);
    h
}

/// A value in the CSV: two decimals for decimal frameworks, with the dialect's mark.
fn csv_value(v: Value, decimal: bool, dialect: Dialect) -> String {
    dialect.number(format_value(v, decimal, Lang::En))
}

/// The CSV of every indicator in the convention of `lang` ([`Dialect::of`]): UTF-8 with a
/// byte-order mark, CRLF line ends.
pub fn indicator_csv(fw: &Framework, rows: &[IndicatorRow], lang: Lang) -> String {
    let dialect = Dialect::of(lang);
    let separator = dialect.separator.to_string();
    let mut out = String::from("\u{FEFF}");
    let line = |out: &mut String, cells: Vec<String>| {
        out.push_str(&cells.join(&separator));
        out.push_str("\r\n");
    };
    line(
        &mut out,
        headers(fw, lang)
            .into_iter()
            .map(|h| field(h, true))
            .collect(),
    );
    let decimal = fw.values.is_decimal();
    for r in rows {
        let txt = |t: &Text| field(t.get(lang), true);
        let mut cells = vec![
            field(r.indicator.display_code(), true),
            txt(&r.indicator.name),
            txt(&r.aspect.name),
        ];
        if fw.has_domains() {
            cells.push(r.domain.map_or_else(String::new, |d| txt(&d.name)));
        }
        cells.push(dialect.number(decimal_literal(r.indicator.weight)));
        cells.push(
            r.value
                .map_or_else(String::new, |v| csv_value(v, decimal, dialect)),
        );
        cells.push(r.reading.as_ref().map_or_else(String::new, txt));
        cells.push(
            r.owner
                .as_ref()
                .map_or_else(String::new, |o| field(&o.label(lang), true)),
        );
        cells.push(r.evidence.to_string());
        cells.push(field(r.service.as_deref().unwrap_or(""), true));
        cells.push(field(&r.justification, true));
        cells.push(r.remark().map_or_else(String::new, |t| txt(&t)));
        line(&mut out, cells);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_where_needed() {
        assert_eq!(field("plain", true), "plain");
        assert_eq!(field("a,b", true), "\"a,b\"");
        assert_eq!(field("a;b", true), "\"a;b\"");
        assert_eq!(field("say \"hi\"", true), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines", true), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)", true), "'=SUM(A1)");
        assert_eq!(field("-1", false), "-1");
    }
}
