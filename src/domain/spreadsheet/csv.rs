//! The indicator table as CSV (dialect: see the module above).

use super::xlsx::decimal_literal;
use super::{format_value, IndicatorRow};
use crate::domain::catalogue::Framework;
use crate::domain::text::{Lang, Text};
use crate::domain::value::Value;

/// One CSV field: quoted when it holds a separator, quote or line break; a text field that a
/// spreadsheet would read as a formula gets a leading apostrophe.
pub(super) fn field(s: &str, text: bool) -> String {
    let mut s = s.to_string();
    if text && s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
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

/// A value in the CSV: always `.` as the decimal point, two decimals for decimal frameworks.
fn csv_value(v: Value, decimal: bool) -> String {
    format_value(v, decimal, Lang::En)
}

/// The CSV of every indicator: UTF-8 with a byte-order mark, comma separated, CRLF.
pub fn indicator_csv(fw: &Framework, rows: &[IndicatorRow], lang: Lang) -> String {
    let mut out = String::from("\u{FEFF}");
    let line = |out: &mut String, cells: Vec<String>| {
        out.push_str(&cells.join(","));
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
        cells.push(decimal_literal(r.indicator.weight));
        cells.push(r.value.map_or_else(String::new, |v| csv_value(v, decimal)));
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
        assert_eq!(field("say \"hi\"", true), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines", true), "\"two\nlines\"");
        assert_eq!(field("=SUM(A1)", true), "'=SUM(A1)");
        assert_eq!(field("-1", false), "-1");
    }
}
