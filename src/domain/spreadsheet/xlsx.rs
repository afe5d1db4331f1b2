//! A small .xlsx writer: SpreadsheetML (ECMA-376 Part 1, §18) parts in a stored ZIP.
//!
//! Why not a crate: the shipped wasm must stay small, and a workbook of three plain sheets
//! needs only a handful of fixed XML parts. Strings go to a shared-string table (every reader
//! supports it); numbers are numeric cells written from exact decimals (never through a
//! float), so 2.42 in the app is 2.42 in Excel. Text is XML-escaped, and characters XML 1.0
//! forbids (control characters other than tab, CR and LF) are dropped.

use crate::domain::rational::Rational;
use crate::domain::zip::ZipWriter;
use std::collections::HashMap;
use std::fmt::Write;

/// How a cell looks. The order is the order of `cellXfs` in styles.xml.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain = 0,
    /// Bold on a light blue fill: column headers.
    Header = 1,
    /// Two decimals (`0.00`): indices and Pemdi values.
    Decimal = 2,
    /// Wrapped text aligned to the top: justifications.
    Wrap = 3,
    /// Whole numbers (`0`).
    Integer = 4,
    /// Large bold: the sheet title.
    Title = 5,
    /// Four decimals (`0.0000`): index gains of one raise.
    Gain = 6,
    /// Bold label in the first column of a key–value list.
    Label = 7,
    /// General number format: weights (1.3, 27.5, 3.3333333333).
    General = 8,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Content {
    Empty,
    Text(String),
    /// A decimal literal such as `2.42` or `-0.013`.
    Number(String),
}

/// One cell: its content and style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    content: Content,
    style: Style,
}

impl Cell {
    pub fn empty() -> Cell {
        Cell {
            content: Content::Empty,
            style: Style::Plain,
        }
    }

    pub fn text(s: impl Into<String>) -> Cell {
        Cell {
            content: Content::Text(s.into()),
            style: Style::Plain,
        }
    }

    /// A figure given in hundredths (242 → 2.42), shown with two decimals.
    pub fn hundredths(h: i64) -> Cell {
        let sign = if h < 0 { "-" } else { "" };
        let a = h.unsigned_abs();
        Cell {
            content: Content::Number(format!("{sign}{}.{:02}", a / 100, a % 100)),
            style: Style::Decimal,
        }
    }

    pub fn int(n: i64) -> Cell {
        Cell {
            content: Content::Number(n.to_string()),
            style: Style::Integer,
        }
    }

    /// An exact number: a terminating decimal is written exactly; a repeating one (20/6)
    /// to ten decimals.
    pub fn rational(r: Rational) -> Cell {
        Cell {
            content: Content::Number(decimal_literal(r)),
            style: Style::General,
        }
    }

    pub fn style(mut self, style: Style) -> Cell {
        self.style = style;
        self
    }

    pub fn is_number(&self) -> bool {
        matches!(self.content, Content::Number(_))
    }
}

/// One worksheet.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// At most 31 characters, none of `[]:*?/\` (Excel's rule).
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
    /// Column widths in characters, from column A.
    pub widths: Vec<u16>,
    /// Rows kept in view when scrolling (0: none).
    pub freeze_rows: u32,
}

impl Sheet {
    pub fn new(name: &str) -> Sheet {
        let clean: String = name
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        Sheet {
            name: clean,
            ..Sheet::default()
        }
    }

    pub fn row(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells);
    }

    /// A header row: every cell a bold label.
    pub fn header(&mut self, labels: &[&str]) {
        self.rows.push(
            labels
                .iter()
                .map(|l| Cell::text(*l).style(Style::Header))
                .collect(),
        );
    }
}

/// A workbook ready to be written.
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
    /// Document title (docProps/core.xml).
    pub title: String,
    /// Creation time, RFC 3339 (`2026-11-28T09:30:00Z`); omitted when empty.
    pub created: String,
}

/// `1` → `A`, `27` → `AA`.
pub fn column_name(mut n: u32) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        out.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Escapes text for XML content and attributes (see [`escape_markup`]).
pub use crate::domain::text::escape_markup as escape;

/// The longest text a cell holds (Excel's limit).
const MAX_CELL_CHARS: usize = 32_767;

/// An exact number as a decimal literal: exactly when it terminates, else to ten places.
pub fn decimal_literal(r: Rational) -> String {
    // A fraction terminates in decimal when its denominator has only the factors 2 and 5.
    let mut d = r.denom();
    let mut digits = 0u32;
    while d % 10 == 0 {
        d /= 10;
        digits += 1;
    }
    while d % 2 == 0 || d % 5 == 0 {
        d /= if d % 2 == 0 { 2 } else { 5 };
        digits += 1;
    }
    let places = if d == 1 { digits.min(18) } else { 10 };
    // Round half away from zero at `places` decimals, exactly.
    let scale = 10i128.pow(places);
    let num = r.numer() * scale;
    let den = r.denom();
    let q = (2 * num.abs() + den) / (2 * den);
    let sign = if num < 0 && q != 0 { "-" } else { "" };
    let int = q / scale;
    let frac = q % scale;
    let mut s = if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0width$}", width = places as usize)
    };
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.00"/><numFmt numFmtId="165" formatCode="0.0000"/></numFmts><fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFE7F0FA"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="9"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Collects every distinct string once, in first-use order.
#[derive(Default)]
struct SharedStrings {
    index: HashMap<String, usize>,
    list: Vec<String>,
    uses: usize,
}

impl SharedStrings {
    fn id(&mut self, s: &str) -> usize {
        self.uses += 1;
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.list.len();
        self.index.insert(s.to_string(), i);
        self.list.push(s.to_string());
        i
    }

    fn xml(&self) -> String {
        let mut x = format!(
            "{XML_HEAD}<sst xmlns=\"{NS_MAIN}\" count=\"{}\" uniqueCount=\"{}\">",
            self.uses,
            self.list.len()
        );
        for s in &self.list {
            // xml:space keeps leading/trailing blanks and line breaks as typed.
            let _ = write!(x, "<si><t xml:space=\"preserve\">{}</t></si>", escape(s));
        }
        x.push_str("</sst>");
        x
    }
}

fn sheet_xml(sheet: &Sheet, strings: &mut SharedStrings) -> String {
    let mut x = format!("{XML_HEAD}<worksheet xmlns=\"{NS_MAIN}\" xmlns:r=\"{NS_REL}\">");
    let last_col = sheet.rows.iter().map(|r| r.len()).max().unwrap_or(0).max(1) as u32;
    let last_row = sheet.rows.len().max(1);
    let _ = write!(
        x,
        "<dimension ref=\"A1:{}{}\"/>",
        column_name(last_col),
        last_row
    );
    if sheet.freeze_rows > 0 {
        let _ = write!(
            x,
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"{n}\" topLeftCell=\"A{top}\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>",
            n = sheet.freeze_rows,
            top = sheet.freeze_rows + 1
        );
    } else {
        x.push_str("<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>");
    }
    x.push_str("<sheetFormatPr defaultRowHeight=\"15\"/>");
    if !sheet.widths.is_empty() {
        x.push_str("<cols>");
        for (i, w) in sheet.widths.iter().enumerate() {
            let _ = write!(
                x,
                "<col min=\"{n}\" max=\"{n}\" width=\"{w}\" customWidth=\"1\"/>",
                n = i + 1
            );
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = r + 1;
        let _ = write!(x, "<row r=\"{r}\">");
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{r}", column_name(c as u32 + 1));
            let s = cell.style as u8;
            match &cell.content {
                Content::Empty if cell.style == Style::Plain => {}
                Content::Empty => {
                    let _ = write!(x, "<c r=\"{at}\" s=\"{s}\"/>");
                }
                Content::Number(n) => {
                    let _ = write!(x, "<c r=\"{at}\" s=\"{s}\"><v>{n}</v></c>");
                }
                Content::Text(t) => {
                    let t: String = if t.chars().count() > MAX_CELL_CHARS {
                        t.chars().take(MAX_CELL_CHARS).collect()
                    } else {
                        t.clone()
                    };
                    let id = strings.id(&t);
                    let _ = write!(x, "<c r=\"{at}\" s=\"{s}\" t=\"s\"><v>{id}</v></c>");
                }
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData>");
    x.push_str("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
    x.push_str("</worksheet>");
    x
}

/// The .xlsx file of `book`.
pub fn write(book: &Workbook) -> Vec<u8> {
    let n = book.sheets.len();
    let mut strings = SharedStrings::default();
    let sheets: Vec<String> = book
        .sheets
        .iter()
        .map(|s| sheet_xml(s, &mut strings))
        .collect();

    let mut types = format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    );
    for i in 1..=n {
        let _ = write!(
            types,
            "<Override PartName=\"/xl/worksheets/sheet{i}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        );
    }
    types.push_str(
        "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>\
<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>",
    );

    let root_rels = format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"{NS_REL}/officeDocument\" Target=\"xl/workbook.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"{NS_REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>"
    );

    let mut workbook = format!("{XML_HEAD}<workbook xmlns=\"{NS_MAIN}\" xmlns:r=\"{NS_REL}\"><bookViews><workbookView/></bookViews><sheets>");
    let mut wb_rels = format!("{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
    for (i, s) in book.sheets.iter().enumerate() {
        let id = i + 1;
        let _ = write!(
            workbook,
            "<sheet name=\"{}\" sheetId=\"{id}\" r:id=\"rId{id}\"/>",
            escape(&s.name)
        );
        let _ = write!(wb_rels, "<Relationship Id=\"rId{id}\" Type=\"{NS_REL}/worksheet\" Target=\"worksheets/sheet{id}.xml\"/>");
    }
    workbook.push_str("</sheets></workbook>");
    let _ = write!(
        wb_rels,
        "<Relationship Id=\"rId{}\" Type=\"{NS_REL}/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId{}\" Type=\"{NS_REL}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>",
        n + 1,
        n + 2
    );

    let mut core = format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
<dc:title>{}</dc:title><dc:creator>Swanilai</dc:creator>",
        escape(&book.title)
    );
    if !book.created.is_empty() {
        let _ = write!(
            core,
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created>",
            escape(&book.created)
        );
    }
    core.push_str("</cp:coreProperties>");
    let app = format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Swanilai</Application></Properties>"
    );

    let mut zip = ZipWriter::new();
    zip.add("[Content_Types].xml", types.as_bytes());
    zip.add("_rels/.rels", root_rels.as_bytes());
    zip.add("docProps/core.xml", core.as_bytes());
    zip.add("docProps/app.xml", app.as_bytes());
    zip.add("xl/workbook.xml", workbook.as_bytes());
    zip.add("xl/_rels/workbook.xml.rels", wb_rels.as_bytes());
    zip.add("xl/styles.xml", STYLES.as_bytes());
    for (i, s) in sheets.iter().enumerate() {
        zip.add(&format!("xl/worksheets/sheet{}.xml", i + 1), s.as_bytes());
    }
    zip.add("xl/sharedStrings.xml", strings.xml().as_bytes());
    zip.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names_follow_excel() {
        assert_eq!(column_name(1), "A");
        assert_eq!(column_name(26), "Z");
        assert_eq!(column_name(27), "AA");
        assert_eq!(column_name(52), "AZ");
        assert_eq!(column_name(703), "AAA");
    }

    #[test]
    fn decimals_are_exact_or_ten_places() {
        let r = |s: &str| s.parse::<Rational>().unwrap();
        assert_eq!(decimal_literal(r("1.30")), "1.3");
        assert_eq!(decimal_literal(r("27.5")), "27.5");
        assert_eq!(decimal_literal(r("13")), "13");
        assert_eq!(decimal_literal(r("0.013")), "0.013");
        assert_eq!(decimal_literal(r("20/6")), "3.3333333333");
        assert_eq!(decimal_literal(r("-1/3")), "-0.3333333333");
        assert_eq!(decimal_literal(r("2/3")), "0.6666666667");
        assert_eq!(
            Cell::hundredths(242),
            Cell {
                content: Content::Number("2.42".into()),
                style: Style::Decimal
            }
        );
        assert_eq!(
            Cell::hundredths(-5).content,
            Content::Number("-0.05".into())
        );
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;"
        );
        assert_eq!(escape("x\u{1}y\u{b}\tz\n"), "xy\tz\n");
    }
}
