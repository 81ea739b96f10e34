//! Results files (`metrics/`, SPEC §9): trame's normalised CSV and the exports the networks
//! give, read into rows of named counts. A format is recognised by its header row
//! (`formats.yaml`); every bad cell is a diagnostic at its line and column, and one bad row or
//! file never hides the others. Files come from outside: bounded in size, decoded whatever
//! their encoding (UTF-8, UTF-16, the Windows-1252 French Excel saves CSV in), never executed.

pub mod cells;
pub mod formats;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::base::l10n::{Language, t};
use crate::base::paths::{is_ignored_name, rel_path};
use crate::diagnostics::{Code, Diagnostic, Pos};
use crate::load::config::Config;
use crate::load::content::dates::When;
use crate::load::networks::canonical_id;
use cells::CellError;
use formats::{Field, Format};

/// The most trame reads of one results file (a year of a busy page's posts is a few MB).
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// A file reports at most this many bad cells; the rest are counted in one last diagnostic.
const MAX_PROBLEMS: usize = 50;

/// The counts of a row, in SPEC §9's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Count {
    Impressions,
    Reach,
    Likes,
    Comments,
    Shares,
    Saves,
    Clicks,
    VideoViews,
}

impl Count {
    pub const ALL: [Count; 8] = [
        Count::Impressions,
        Count::Reach,
        Count::Likes,
        Count::Comments,
        Count::Shares,
        Count::Saves,
        Count::Clicks,
        Count::VideoViews,
    ];

    /// The name in SPEC §9, `results.json` and campaign KPIs.
    pub fn name(self) -> &'static str {
        match self {
            Count::Impressions => "impressions",
            Count::Reach => "reach",
            Count::Likes => "likes",
            Count::Comments => "comments",
            Count::Shares => "shares",
            Count::Saves => "saves",
            Count::Clicks => "clicks",
            Count::VideoViews => "video_views",
        }
    }

    fn field(self) -> Field {
        match self {
            Count::Impressions => Field::Impressions,
            Count::Reach => Field::Reach,
            Count::Likes => Field::Likes,
            Count::Comments => Field::Comments,
            Count::Shares => Field::Shares,
            Count::Saves => Field::Saves,
            Count::Clicks => Field::Clicks,
            Count::VideoViews => Field::VideoViews,
        }
    }
}

/// Counts of one row or of a sum of rows: `None` is unknown, never zero.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Counts(pub [Option<u64>; 8]);

impl Counts {
    pub fn get(&self, c: Count) -> Option<u64> {
        self.0[c as usize]
    }

    pub fn set(&mut self, c: Count, v: Option<u64>) {
        self.0[c as usize] = v;
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }
}

/// One row of a results file.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub file: String,
    pub line: usize,
    pub network: Option<String>,
    /// A post id (trame's format).
    pub post: Option<String>,
    pub url: Option<String>,
    pub date: Option<When>,
    pub counts: Counts,
    pub followers: Option<u64>,
}

impl Row {
    /// An account row: followers on a date, nothing about a post (SPEC §9).
    pub fn is_account(&self) -> bool {
        self.post.is_none() && self.url.is_none() && self.counts.is_empty()
    }
}

/// One results file as read.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub file: String,
    /// The format's label, when recognised.
    pub format: Option<String>,
    pub rows: Vec<Row>,
    /// The text of a CSV file that has problems (for printing their lines).
    pub source: Option<String>,
}

/// Every results file of the project, in path order, and the problems found reading them.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub sheets: Vec<Sheet>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Metrics {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.sheets.iter().flat_map(|s| &s.rows)
    }
}

/// Finds and reads the results files under `config.metrics` (in parallel, in path order).
pub fn read_all(config: &Config) -> Metrics {
    let root = &config.root;
    let dir = &config.metrics;
    let lang = config.language;
    let mut files: Vec<PathBuf> = Vec::new();
    let mut diagnostics = Vec::new();
    if dir.is_dir() {
        let walker = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
        for entry in walker {
            match entry {
                Ok(e) if !e.file_type().is_dir() && kind_of(e.path()).is_some() => {
                    files.push(e.into_path());
                }
                Ok(_) => {}
                Err(err) => {
                    let file = err
                        .path()
                        .map(|p| rel_path(root, p))
                        .unwrap_or_else(|| rel_path(root, dir));
                    diagnostics.push(
                        Diagnostic::new(
                            Code::MetricsSyntax,
                            &file,
                            Pos::START,
                            t!(lang, "file-read-folder", error = err.to_string()),
                        )
                        .with_help(t!(lang, "file-read-folder-help")),
                    );
                }
            }
        }
    }
    let read: Vec<(Sheet, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|p| read_file(root, p, config))
        .collect();
    let mut sheets = Vec::with_capacity(read.len());
    for (sheet, diags) in read {
        diagnostics.extend(diags);
        sheets.push(sheet);
    }
    Metrics {
        sheets,
        diagnostics,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Csv,
    Spreadsheet,
}

fn kind_of(path: &Path) -> Option<FileKind> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" => Some(FileKind::Csv),
        "xlsx" | "xlsm" | "xls" | "xlsb" | "ods" => Some(FileKind::Spreadsheet),
        _ => None,
    }
}

/// Reads one results file: its rows and its problems.
pub fn read_file(root: &Path, path: &Path, config: &Config) -> (Sheet, Vec<Diagnostic>) {
    let file = rel_path(root, path);
    let lang = config.language;
    let mut sheet = Sheet {
        file: file.clone(),
        ..Sheet::default()
    };
    let bytes = match crate::base::fs::read(root, path, MAX_BYTES) {
        Ok(b) => b,
        Err(e) => {
            let d = Diagnostic::new(
                Code::MetricsSyntax,
                &file,
                Pos::START,
                t!(lang, "metrics-unreadable", reason = e.reason(lang)),
            )
            .with_help(t!(lang, "metrics-unreadable-help"));
            return (sheet, vec![d]);
        }
    };
    let mut reader = Reader::new(&file, config);
    match kind_of(path) {
        Some(FileKind::Spreadsheet) => read_spreadsheet(bytes, &mut reader),
        _ => {
            // Line ends as `\n` only: the CSV reader places a record after `\r\n` one line early.
            let text = crate::base::text::normalise(&decode(&bytes));
            drop(bytes);
            read_csv(&text, &mut reader);
            // Kept to print the lines diagnostics point at (a big file only if it has some).
            if !reader.diags.is_empty() || text.len() <= 1024 * 1024 {
                sheet.source = Some(text);
            }
        }
    }
    if !reader.recognised && reader.diags.is_empty() {
        let (pos, header) = reader.first.take().unwrap_or((Pos::START, Vec::new()));
        reader.unknown_format(pos, &header);
    }
    reader.finish();
    sheet.format = reader.format.map(|f| f.label.clone());
    sheet.rows = reader.rows;
    (sheet, reader.diags)
}

/// Text whatever the encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, else the
/// Windows-1252 that Excel's "CSV (point-virgule)" writes on a French Windows.
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

/// `,`, `;` or a tab: whichever the header line has most of, outside quotes.
fn delimiter(text: &str) -> u8 {
    let line = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0].1 += 1,
            ';' if !quoted => counts[1].1 += 1,
            '\t' if !quoted => counts[2].1 += 1,
            _ => {}
        }
    }
    counts
        .iter()
        .max_by_key(|(_, n)| *n)
        .filter(|(_, n)| *n > 0)
        .map_or(b',', |(d, _)| *d)
}

fn read_csv(text: &str, reader: &mut Reader<'_>) {
    let delim = delimiter(text);
    reader.delimiter = delim;
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    loop {
        match csv.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let (line, byte) = record
                    .position()
                    .map_or((1, 0), |p| (p.line() as usize, p.byte() as usize));
                let cells: Vec<&str> = record.iter().collect();
                let pos = |i: usize| cell_pos(text, byte, line, i, delim);
                if !reader.record(line, &cells, &pos) {
                    break;
                }
            }
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                reader.syntax(Pos::new(line, 1), &e.to_string());
                break;
            }
        }
    }
}

/// Where cell `index` of the record starting at `byte` (line `line`) begins, as a line and a
/// column in characters (quoted cells may hold line breaks).
fn cell_pos(text: &str, byte: usize, line: usize, index: usize, delim: u8) -> Pos {
    let mut l = line;
    let mut col = 1;
    let mut field = 0;
    let mut quoted = false;
    let Some(rest) = text.get(byte..) else {
        return Pos::new(line, 1);
    };
    for c in rest.chars() {
        if field == index {
            return Pos::new(l, col);
        }
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => return Pos::new(l, col),
            '\n' => {
                l += 1;
                col = 0;
            }
            c if !quoted && c as u32 == delim as u32 => field += 1,
            _ => {}
        }
        col += 1;
    }
    Pos::new(l, col)
}

fn read_spreadsheet(bytes: Vec<u8>, reader: &mut Reader<'_>) {
    use calamine::{Data, Reader as _};
    let mut book = match calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)) {
        Ok(b) => b,
        Err(e) => {
            reader.syntax(Pos::START, &e.to_string());
            return;
        }
    };
    let tz = reader.config.timezone.clone();
    let count = book.sheet_names().len();
    // The first sheet whose header is known (LinkedIn's file has a sheet per view).
    for n in 0..count {
        let Some(Ok(range)) = book.worksheet_range_at(n) else {
            continue;
        };
        let (row0, col0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                    Data::Int(n) => n.to_string(),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        format!("{}", *f as i64)
                    }
                    Data::Float(f) => f.to_string(),
                    Data::Bool(b) => b.to_string(),
                    Data::DateTime(d) => match cells::serial_date(d.as_f64(), &tz) {
                        Some(w) => w.iso(),
                        None => d.as_f64().to_string(),
                    },
                    Data::Error(e) => format!("#{e:?}"),
                })
                .collect();
            let line = row0 as usize + i + 1;
            let refs: Vec<&str> = cells.iter().map(String::as_str).collect();
            let pos = |c: usize| Pos::new(line, col0 as usize + c + 1);
            if !reader.record(line, &refs, &pos) {
                return;
            }
        }
        if reader.recognised {
            return;
        }
    }
}

/// Turns the records of one file into rows, or says why it cannot.
struct Reader<'a> {
    file: &'a str,
    config: &'a Config,
    lang: Language,
    format: Option<&'static Format>,
    columns: BTreeMap<Field, usize>,
    header: Vec<String>,
    recognised: bool,
    /// Records seen before a header was found.
    before_header: usize,
    /// The first non-empty record, for a file whose header is unknown.
    first: Option<(Pos, Vec<String>)>,
    rows: Vec<Row>,
    diags: Vec<Diagnostic>,
    problems: usize,
    /// The CSV delimiter (a spreadsheet has none: `,`).
    delimiter: u8,
}

/// How many records may come before the header (LinkedIn puts a description row first).
const HEADER_WITHIN: usize = 10;

impl<'a> Reader<'a> {
    fn new(file: &'a str, config: &'a Config) -> Self {
        Reader {
            file,
            config,
            lang: config.language,
            format: None,
            columns: BTreeMap::new(),
            header: Vec::new(),
            recognised: false,
            before_header: 0,
            first: None,
            rows: Vec::new(),
            diags: Vec::new(),
            problems: 0,
            delimiter: b',',
        }
    }

    /// One record; `false` once the file cannot be read further.
    fn record(&mut self, line: usize, cells: &[&str], pos: &dyn Fn(usize) -> Pos) -> bool {
        if cells.iter().all(|c| c.trim().is_empty()) {
            return true;
        }
        if !self.recognised {
            let header: Vec<String> = cells.iter().map(|c| c.to_string()).collect();
            if let Some((format, columns)) = formats::recognise(&header) {
                self.format = Some(format);
                self.columns = columns;
                self.header = header;
                self.recognised = true;
                return true;
            }
            if self.first.is_none() {
                self.first = Some((pos(0), header));
            }
            self.before_header += 1;
            if self.before_header >= HEADER_WITHIN {
                let (p, h) = self.first.take().unwrap_or((Pos::START, Vec::new()));
                self.unknown_format(p, &h);
                return false;
            }
            return true;
        }
        self.row(line, cells, pos);
        true
    }

    fn row(&mut self, line: usize, cells: &[&str], pos: &dyn Fn(usize) -> Pos) {
        let Some(format) = self.format else { return };
        let lang = self.lang;
        let width = self.header.len();
        let extra_filled = cells.iter().skip(width).any(|c| !c.trim().is_empty());
        if cells.len() < width || extra_filled {
            let p = pos(cells.len().min(width).saturating_sub(1));
            self.problem(
                Diagnostic::new(
                    Code::MetricsSyntax,
                    self.file,
                    Pos::new(line, if cells.len() < width { p.column } else { 1 }),
                    t!(
                        lang,
                        "metrics-ragged",
                        found = cells.len(),
                        expected = width
                    ),
                )
                .with_help(self.ragged_help(cells)),
            );
            return;
        }
        let style = format.language;
        let tz = &self.config.timezone;
        let mut row = Row {
            file: self.file.to_string(),
            line,
            network: format.network.clone(),
            post: None,
            url: None,
            date: None,
            counts: Counts::default(),
            followers: None,
        };
        let columns = self.columns.clone();
        let text = |f: Field| {
            columns
                .get(&f)
                .and_then(|i| cells.get(*i))
                .map(|c| c.trim())
                .filter(|c| !cells::is_unknown(c))
        };
        if let Some(n) = text(Field::Network) {
            let id = canonical_id(n);
            if self.config.networks.get(&id).is_some() {
                row.network = Some(id);
            } else if let Some(i) = columns.get(&Field::Network) {
                let known: Vec<&str> = self.config.networks.ids().collect();
                let help = crate::diagnostics::did_you_mean(&id, known.iter().copied())
                    .map(|s| t!(lang, "did-you-mean", name = s))
                    .unwrap_or_else(|| t!(lang, "metrics-network-help", known = known.join(", ")));
                self.problem(
                    Diagnostic::new(
                        Code::MetricsValue,
                        self.file,
                        pos(*i),
                        t!(lang, "metrics-network", network = n),
                    )
                    .with_help(help)
                    .with_span(n.chars().count()),
                );
            }
        }
        row.post = text(Field::Post).map(str::to_string);
        row.url = text(Field::Url).map(str::to_string);
        if let Some(i) = columns.get(&Field::Date) {
            let cell = cells.get(*i).copied().unwrap_or_default();
            match cells::date(cell, style, tz) {
                Ok(d) => row.date = d,
                Err(e) => self.cell_error(&e, cell, *i, pos),
            }
        }
        for c in Count::ALL {
            if let Some(i) = columns.get(&c.field()) {
                let cell = cells.get(*i).copied().unwrap_or_default();
                match cells::count(cell, style) {
                    Ok(v) => row.counts.set(c, v),
                    Err(e) => self.cell_error(&e, cell, *i, pos),
                }
            }
        }
        if let Some(i) = columns.get(&Field::Followers) {
            let cell = cells.get(*i).copied().unwrap_or_default();
            match cells::count(cell, style) {
                Ok(v) => row.followers = v,
                Err(e) => self.cell_error(&e, cell, *i, pos),
            }
        }
        if row.date.is_none() && columns.contains_key(&Field::Date) {
            let i = columns.get(&Field::Date).copied().unwrap_or(0);
            if cells.get(i).is_some_and(|c| cells::is_unknown(c)) {
                self.problem(
                    Diagnostic::new(
                        Code::MetricsValue,
                        self.file,
                        pos(i),
                        t!(lang, "metrics-date-missing"),
                    )
                    .with_help(t!(lang, "metrics-date-missing-help")),
                );
            }
        }
        if row.network.is_none() {
            return;
        }
        self.rows.push(row);
    }

    /// Why a row does not have the header's columns: another delimiter, or a stray one.
    fn ragged_help(&self, cells: &[&str]) -> String {
        let lang = self.lang;
        let name = |d: u8| {
            if d == b'\t' {
                "tab".to_string()
            } else {
                (d as char).to_string()
            }
        };
        if let [only] = cells {
            let other = [b',', b';', b'\t']
                .into_iter()
                .filter(|d| *d != self.delimiter)
                .find(|d| only.as_bytes().contains(d));
            if let Some(d) = other {
                return t!(
                    lang,
                    "metrics-delimiter-help",
                    header = name(self.delimiter),
                    row = name(d)
                );
            }
        }
        t!(lang, "metrics-ragged-help")
    }

    fn cell_error(&mut self, e: &CellError, cell: &str, i: usize, pos: &dyn Fn(usize) -> Pos) {
        let lang = self.lang;
        let column = self.header.get(i).map(|h| h.trim()).unwrap_or_default();
        let help = match e {
            CellError::NotADate => t!(lang, "metrics-not-a-date-help"),
            _ => t!(lang, "metrics-number-help"),
        };
        self.problem(
            Diagnostic::new(
                Code::MetricsValue,
                self.file,
                pos(i),
                t!(
                    lang,
                    e.message_id(),
                    value = cell.trim(),
                    column = column.trim_start_matches('\u{feff}')
                ),
            )
            .with_help(help)
            .with_span(cell.trim().chars().count().max(1)),
        );
    }

    fn problem(&mut self, d: Diagnostic) {
        self.problems += 1;
        if self.problems <= MAX_PROBLEMS {
            self.diags.push(d);
        }
    }

    fn syntax(&mut self, pos: Pos, error: &str) {
        let lang = self.lang;
        self.diags.push(
            Diagnostic::new(
                Code::MetricsSyntax,
                self.file,
                pos,
                t!(lang, "metrics-syntax", error = error),
            )
            .with_help(t!(lang, "metrics-unreadable-help")),
        );
    }

    fn unknown_format(&mut self, pos: Pos, header: &[String]) {
        let lang = self.lang;
        let seen: Vec<String> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}'))
            .filter(|h| !h.is_empty())
            .take(12)
            .map(|h| match lang {
                Language::Fr => format!("«\u{202f}{h}\u{202f}»"),
                Language::En => format!("\"{h}\""),
            })
            .collect();
        let message = if seen.is_empty() {
            t!(lang, "metrics-empty")
        } else {
            t!(lang, "metrics-unknown-format", columns = seen.join(", "))
        };
        self.diags.push(
            Diagnostic::new(Code::MetricsUnknownFormat, self.file, pos, message).with_help(t!(
                lang,
                "metrics-unknown-format-help",
                formats = formats::labels().join(" ; ")
            )),
        );
    }

    /// Reports how many problems were not listed one by one.
    fn finish(&mut self) {
        if self.problems > MAX_PROBLEMS {
            let lang = self.lang;
            let more = self.problems - MAX_PROBLEMS;
            self.diags.push(
                Diagnostic::new(
                    Code::MetricsValue,
                    self.file,
                    Pos::START,
                    t!(lang, "metrics-more-problems", count = more),
                )
                .with_help(t!(lang, "metrics-number-help")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_found_in_quoted_and_multiline_records() {
        let text = "a,b,c\n\"x, y\",\"deux\nlignes\",zz\n";
        // Record 2 starts at byte 6, line 2.
        assert_eq!(cell_pos(text, 6, 2, 0, b','), Pos::new(2, 1));
        assert_eq!(cell_pos(text, 6, 2, 1, b','), Pos::new(2, 8));
        assert_eq!(cell_pos(text, 6, 2, 2, b','), Pos::new(3, 9));
    }

    #[test]
    fn the_delimiter_is_the_header_s() {
        assert_eq!(delimiter("network;post;date\nx;a;2026-11-05"), b';');
        assert_eq!(delimiter("\"a;b\",c,d\n"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
        assert_eq!(delimiter("seul"), b',');
    }

    /// Whatever bytes a results file holds, reading it gives rows and diagnostics, never a
    /// panic, and every diagnostic points inside the file.
    #[test]
    fn any_bytes_are_read_without_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let config = Config::defaults(root);
        let pieces: &[&[u8]] = &[
            b"network,post,url,date,likes,reach,followers\n",
            b"Tweet id,Tweet permalink,time,likes\r\n",
            b"linkedin,a,,2026-11-05T08:30,12,1 234,\n",
            b"\"",
            b",",
            b";",
            b"\t",
            b"\n",
            b"\r\n",
            b"\xff\xfe",
            b"\xef\xbb\xbf",
            b"12,3 %",
            b"-",
            b"1e308",
            b"99999999999999999999",
            b"31/02/2026 25:61",
            b"\xc3",
            "é€😀".as_bytes(),
            b"x",
            b"2026-11-05 07:40 +0000",
            b"\0",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for case in 0..300 {
            let mut bytes = Vec::new();
            for _ in 0..(case % 40 + 1) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                bytes.extend_from_slice(pieces[(state % pieces.len() as u64) as usize]);
            }
            let path = root.join("r.csv");
            std::fs::write(&path, &bytes).unwrap();
            let (sheet, diags) = read_file(root, &path, &config);
            let lines = String::from_utf8_lossy(&bytes).lines().count().max(1);
            for d in &diags {
                assert!(d.line <= lines + 1, "case {case}: {d:?} in {bytes:?}");
            }
            assert!(sheet.rows.iter().all(|r| r.line >= 1));
        }
    }

    #[test]
    fn encodings_excel_saves_in() {
        assert_eq!(decode(b"\xef\xbb\xbfa,b"), "a,b");
        assert_eq!(decode(b"r\xe9actions"), "réactions");
        assert_eq!(decode(b"\xff\xfea\x00,\x00b\x00"), "a,b");
    }
}
