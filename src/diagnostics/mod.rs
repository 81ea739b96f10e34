//! Diagnostics are data: every stage pushes them, nothing stops at the first one.
//! Rendering (human, JSON, GitHub) happens once, at the end of a run.

pub mod codes;
pub mod sarif;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use serde::Serialize;

pub use codes::Code;

use crate::base::l10n::Language;
use crate::base::l10n::t;

/// How bad a diagnostic is. `Off` only exists for `rules:` overrides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The severity a `rules:` entry can set for a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Set(Severity),
    Off,
}

impl RuleLevel {
    pub fn parse(s: &str) -> Option<RuleLevel> {
        match s {
            "error" => Some(RuleLevel::Set(Severity::Error)),
            "warning" | "warn" => Some(RuleLevel::Set(Severity::Warning)),
            "info" => Some(RuleLevel::Set(Severity::Info)),
            "off" | "ignore" => Some(RuleLevel::Off),
            _ => None,
        }
    }
}

/// The code of a diagnostic: a registered one, or `charter/<rule id>` from the project's charter.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DiagCode {
    Known(Code),
    /// The whole code, `charter/<rule id>`.
    Charter(Arc<str>),
}

impl DiagCode {
    pub fn as_str(&self) -> &str {
        match self {
            DiagCode::Known(c) => c.name(),
            DiagCode::Charter(s) => s,
        }
    }

    /// `network` for `network/length`, `charter` for `charter/<id>`.
    pub fn family(&self) -> &str {
        self.as_str().split('/').next().unwrap_or_default()
    }

    pub fn known(&self) -> Option<Code> {
        match self {
            DiagCode::Known(c) => Some(*c),
            DiagCode::Charter(_) => None,
        }
    }
}

impl PartialOrd for DiagCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Codes sort by name, whatever their origin.
impl Ord for DiagCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialEq<Code> for DiagCode {
    fn eq(&self, other: &Code) -> bool {
        self.known() == Some(*other)
    }
}

impl PartialEq<&str> for DiagCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for DiagCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for DiagCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl From<Code> for DiagCode {
    fn from(c: Code) -> DiagCode {
        DiagCode::Known(c)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: DiagCode,
    pub severity: Severity,
    pub message: String,
    /// Project-relative, `/`-separated.
    pub file: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub network: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// How many characters the caret underlines (at least one).
    #[serde(skip)]
    pub span_len: usize,
    /// A word its rule can suggest replacements for: the help is completed in one pass over
    /// the sorted diagnostics (spelling suggestions are slow).
    #[serde(skip)]
    pub suggest: Option<Arc<str>>,
    /// A correction that is certain (`trame fix` applies it; editors can too).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

/// One certain correction: the text `old`, at a line and column of the file (as trame reads
/// it: without a BOM, lines ending in LF), becomes `new`. Never more than one line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub old: String,
    pub new: String,
}

/// In `check --format json`: the span to replace (end exclusive, in characters) and the text
/// to put there, the form editors apply.
impl Serialize for Fix {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Fix", 5)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("column", &self.column)?;
        st.serialize_field("end_line", &self.line)?;
        st.serialize_field("end_column", &(self.column + self.old.chars().count()))?;
        st.serialize_field("replacement", &self.new)?;
        st.end()
    }
}

impl Diagnostic {
    /// A diagnostic of a registered code, at its default severity.
    pub fn new(code: Code, file: &str, pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::of(code.into(), code.default_severity(), file, pos, message)
    }

    /// A diagnostic of a charter rule (`charter/<id>`), at the rule's severity.
    pub fn charter(
        code: Arc<str>,
        severity: Severity,
        file: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::of(DiagCode::Charter(code), severity, file, pos, message)
    }

    fn of(
        code: DiagCode,
        severity: Severity,
        file: &str,
        pos: Pos,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            file: file.to_string(),
            line: pos.line.max(1),
            column: pos.column.max(1),
            network: None,
            help: None,
            span_len: 1,
            suggest: None,
            fix: None,
        }
    }

    /// The rare diagnostic that is not at its code's default severity.
    pub fn with_severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = severity;
        self
    }

    /// The same problem reported under another registered code (trame.yaml's type errors are
    /// configuration errors), at that code's severity.
    pub fn recode(mut self, code: Code) -> Diagnostic {
        self.code = code.into();
        self.severity = code.default_severity();
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_help_opt(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }

    pub fn with_network(mut self, network: &str) -> Diagnostic {
        self.network = Some(network.to_string());
        self
    }

    pub fn with_span(mut self, len: usize) -> Diagnostic {
        self.span_len = len.max(1);
        self
    }

    pub fn pos(&self) -> Pos {
        Pos::new(self.line, self.column)
    }
}

/// A 1-based position in a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };

    pub fn new(line: usize, column: usize) -> Pos {
        Pos {
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// Applies `rules:` overrides: changes severities and drops codes set to `off`.
/// A rule key may be a code (`network/fold`) or a whole family (`network/*`, `charter`).
pub fn apply_rules(diags: Vec<Diagnostic>, rules: &BTreeMap<String, RuleLevel>) -> Vec<Diagnostic> {
    if rules.is_empty() {
        return diags;
    }
    diags
        .into_iter()
        .filter_map(|mut d| match rule_for(d.code.as_str(), rules) {
            Some(RuleLevel::Off) => None,
            Some(RuleLevel::Set(s)) => {
                d.severity = s;
                Some(d)
            }
            None => Some(d),
        })
        .collect()
}

fn rule_for(code: &str, rules: &BTreeMap<String, RuleLevel>) -> Option<RuleLevel> {
    if let Some(r) = rules.get(code) {
        return Some(*r);
    }
    let family = code.split('/').next().unwrap_or(code);
    rules
        .get(&format!("{family}/*"))
        .or_else(|| rules.get(family))
        .copied()
}

/// Whether a key of `rules:` names something: a registered code (`network/fold`), a family
/// (`network/*` or `network`), or a charter rule (`charter/<id>`, checked against the charter).
pub fn is_rule_key(key: &str) -> bool {
    let family = key.strip_suffix("/*").unwrap_or(key);
    Code::from_name(key).is_some()
        || key.starts_with("charter/")
        || family == "charter"
        || Code::ALL.iter().any(|c| c.family() == family)
}

/// Whether `pattern` (from a trame-ignore comment or a rule key) covers `code`.
pub fn code_matches(pattern: &str, code: &str) -> bool {
    if pattern == code || pattern == "*" || pattern == "all" {
        return true;
    }
    if let Some(family) = pattern.strip_suffix("/*") {
        return code.split('/').next() == Some(family);
    }
    !pattern.contains('/') && code.split('/').next() == Some(pattern)
}

/// Sorted, de-duplicated, in a stable order: by file, line, column, code.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, &a.code, &a.network, &a.message)
            .cmp(&(&b.file, b.line, b.column, &b.code, &b.network, &b.message))
    });
    diags.dedup();
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(files: usize, diags: &[Diagnostic]) -> Summary {
        let count = |s| diags.iter().filter(|d| d.severity == s).count();
        Summary {
            files,
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
        }
    }
}

/// Source text of the files diagnostics point into, to print the offending line.
pub trait SourceLookup {
    fn source(&self, file: &str) -> Option<&str>;
}

impl SourceLookup for BTreeMap<String, String> {
    fn source(&self, file: &str) -> Option<&str> {
        self.get(file).map(String::as_str)
    }
}

/// `--format json`: one JSON document, the SPEC §5 shape.
pub fn render_json(diags: &[Diagnostic], summary: &Summary) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        diagnostics: &'a [Diagnostic],
        summary: &'a Summary,
    }
    // Serialising plain data cannot fail.
    serde_json::to_string_pretty(&Doc {
        diagnostics: diags,
        summary,
    })
    .unwrap_or_default()
}

/// `--format github`: workflow commands that GitHub turns into annotations. `prefix` is put
/// before each file (the project's folder in the repository), and the span, when it is longer
/// than one character, gives `endLine` and `endColumn`.
pub fn render_github(diags: &[Diagnostic], prefix: &str, lang: Language) -> String {
    let help_label = t!(lang, "label-help");
    let mut out = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let mut message = d.message.clone();
        if let Some(n) = &d.network {
            message = format!("[{n}] {message}");
        }
        if let Some(h) = &d.help {
            let _ = write!(message, "\n{help_label}: {h}");
        }
        let end = if d.span_len > 1 {
            format!(
                ",endLine={},endColumn={}",
                d.line,
                d.column + d.span_len - 1
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "::{level} file={},line={},col={}{end},title={}::{}",
            gh_property(&printable(&format!("{prefix}{}", d.file), false)),
            d.line,
            d.column,
            gh_property(d.code.as_str()),
            gh_data(&printable(&message, true))
        );
    }
    out
}

/// Text for a terminal or a CI log: control characters (an ESC that would recolour the
/// terminal or move its cursor, a line break in a file name) are shown as `\u{1b}`, never sent.
/// `keep_newlines` keeps the line breaks of a message.
pub fn printable(s: &str, keep_newlines: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| c.is_control() && !(keep_newlines && c == '\n') && c != '\t';
    if !s.contains(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Human output in the style of rustc: header, `--> file:line:col`, source line, caret, help.
pub fn render_human(
    diags: &[Diagnostic],
    sources: &dyn SourceLookup,
    color: bool,
    lang: Language,
) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut lines: Option<(&str, (&str, Vec<usize>))> = None;
    let names = [
        t!(lang, "label-error"),
        t!(lang, "label-warning"),
        t!(lang, "label-info"),
    ];
    let help_label = t!(lang, "label-help");
    for d in diags {
        let (level, name) = match d.severity {
            Severity::Error => (Level::ERROR, &names[0]),
            Severity::Warning => (Level::WARNING, &names[1]),
            Severity::Info => (Level::INFO, &names[2]),
        };
        let level = level.with_name(name.as_str());
        let title = match &d.network {
            Some(n) => format!("[{n}] {}", d.message),
            None => d.message.clone(),
        };
        let title = printable(&title, true).into_owned();
        let help = d.help.as_deref().map(|h| printable(h, true).into_owned());
        let file = printable(&d.file, false);
        // The file's line starts, found once per file (diagnostics come sorted by file).
        if lines.as_ref().is_none_or(|(f, _)| *f != d.file.as_str()) {
            lines = sources.source(&d.file).map(|src| {
                let starts: Vec<usize> = std::iter::once(0)
                    .chain(src.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                (d.file.as_str(), (src, starts))
            });
        }
        let line_text = lines.as_ref().and_then(|(_, (src, starts))| {
            let a = *starts.get(d.line.checked_sub(1)?)?;
            // No line after the last line break, as `str::lines` sees it.
            if a >= src.len() {
                return None;
            }
            let b = starts.get(d.line).map_or(src.len(), |e| e - 1);
            src.get(a..b).map(|l| l.trim_end_matches('\r'))
        });
        let rendered = match line_text {
            Some(text) => {
                let start = char_to_byte(text, d.column - 1);
                let end = char_to_byte(text, d.column - 1 + d.span_len).max(start);
                let span = if start == end && start < text.len() {
                    start..char_to_byte(text, d.column)
                } else {
                    start..end
                };
                // A long line is shown around the problem only (a text pasted on one line can
                // be 100 KB, and a terminal shows 80 columns).
                let (text, span) = window(text, span);
                let mut group = level.primary_title(title).id(d.code.as_str()).element(
                    Snippet::source(text.as_str())
                        .line_start(d.line)
                        .path(file.as_ref())
                        .annotation(AnnotationKind::Primary.span(span)),
                );
                if let Some(h) = &help {
                    group = group.element(
                        Level::HELP
                            .with_name(help_label.as_str())
                            .message(h.as_str()),
                    );
                }
                // The snippet shows the line; the column is only in the path. Make it exact.
                fix_location(&renderer.render(&[group]), &file, d.line, d.column)
            }
            None => {
                let mut s = format!(
                    "{}[{}]: {}\n  --> {}:{}:{}\n",
                    name, d.code, title, file, d.line, d.column
                );
                if let Some(h) = &help {
                    let _ = writeln!(s, "  = {help_label}: {h}");
                }
                s
            }
        };
        out.push_str(rendered.trim_end());
        out.push_str("\n\n");
    }
    out
}

/// At most [`WINDOW`] bytes of context on each side of `span`, with `…` where the line is cut.
fn window(text: &str, span: std::ops::Range<usize>) -> (String, std::ops::Range<usize>) {
    // Wider than what annotate-snippets shows of a line (it trims to the terminal itself).
    const WINDOW: usize = 400;
    if text.len() <= 2 * WINDOW + span.len() {
        return (text.to_string(), span);
    }
    let mut a = span.start.saturating_sub(WINDOW);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (span.end + WINDOW).min(text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let head = if a > 0 { "…" } else { "" };
    let tail = if b < text.len() { "…" } else { "" };
    let shift = head.len();
    (
        format!("{head}{}{tail}", &text[a..b]),
        span.start - a + shift..span.end - a + shift,
    )
}

/// annotate-snippets prints `file:line:col` of the annotation; keep ours (the same, unless the
/// line is empty and the caret had to move).
fn fix_location(rendered: &str, file: &str, line: usize, column: usize) -> String {
    let wanted = format!("{file}:{line}:{column}");
    let prefix = format!("{file}:{line}:");
    let mut out = String::with_capacity(rendered.len());
    for l in rendered.split_inclusive('\n') {
        if let Some(idx) = l.find(&prefix) {
            let rest = &l[idx + prefix.len()..];
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            out.push_str(&l[..idx]);
            out.push_str(&wanted);
            out.push_str(&rest[digits..]);
        } else {
            out.push_str(l);
        }
    }
    out
}

fn char_to_byte(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

/// Errors, then warnings, then infos; each group in the sorted order (by file and line). The
/// human output reads from the top: what blocks comes first.
pub fn errors_first(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| d.severity);
}

/// `trame check --summary`: how many problems of each code, and in each file, the codes and
/// files with errors first.
pub fn render_counts(diags: &[Diagnostic], lang: Language) -> String {
    #[derive(Default, Clone, Copy)]
    struct Count {
        errors: usize,
        warnings: usize,
        infos: usize,
    }
    let add = |map: &mut BTreeMap<String, Count>, key: &str, s: Severity| {
        let c = map.entry(key.to_string()).or_default();
        match s {
            Severity::Error => c.errors += 1,
            Severity::Warning => c.warnings += 1,
            Severity::Info => c.infos += 1,
        }
    };
    let mut by_code = BTreeMap::new();
    let mut by_file = BTreeMap::new();
    for d in diags {
        add(&mut by_code, d.code.as_str(), d.severity);
        add(&mut by_file, &d.file, d.severity);
    }
    let mut out = String::new();
    for (title, map) in [("counts-by-code", by_code), ("counts-by-file", by_file)] {
        if map.is_empty() {
            continue;
        }
        let mut rows: Vec<(String, Count)> = map.into_iter().collect();
        rows.sort_by(|a, b| {
            (b.1.errors, b.1.warnings, b.1.infos, &a.0).cmp(&(
                a.1.errors,
                a.1.warnings,
                a.1.infos,
                &b.0,
            ))
        });
        let width = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "{}", t!(lang, title));
        for (key, c) in rows {
            let counts = [
                ("n-errors", c.errors),
                ("n-warnings", c.warnings),
                ("n-infos", c.infos),
            ]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(id, n)| t!(lang, id, count = n))
            .collect::<Vec<_>>()
            .join(", ");
            let key = printable(&key, false);
            let pad = width.saturating_sub(key.chars().count());
            let _ = writeln!(out, "  {key}{}  {counts}", " ".repeat(pad));
        }
        out.push('\n');
    }
    out
}

/// The closing line of `trame check`.
pub fn render_summary(summary: &Summary, lang: Language) -> String {
    t!(
        lang,
        "summary",
        files = summary.files,
        errors = summary.errors,
        warnings = summary.warnings,
        infos = summary.infos
    )
}

/// Suggests the closest of `candidates` to `word`, for "did you mean" help.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    let word_l = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word_l, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag() -> Diagnostic {
        Diagnostic::new(
            Code::NetworkLength,
            "content/posts/a.md",
            Pos::new(2, 7),
            "too long",
        )
        .with_network("x")
        .with_help("shorten it")
    }

    #[test]
    fn github_escapes_properties_and_data() {
        let mut d = diag();
        d.message = "50%, a:b\nnext".into();
        let out = render_github(&[d.clone()], "", Language::En);
        assert_eq!(
            out,
            "::error file=content/posts/a.md,line=2,col=7,title=network/length::[x] 50%25, a:b%0Anext%0Ahelp: shorten it\n"
        );
        let out = render_github(&[d.with_span(4)], "demo/", Language::En);
        assert!(
            out.starts_with(
                "::error file=demo/content/posts/a.md,line=2,col=7,endLine=2,endColumn=10,"
            ),
            "{out}"
        );
    }

    #[test]
    fn human_shows_line_and_caret() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "content/posts/a.md".to_string(),
            "---\ntitle: hello\n---\n".to_string(),
        );
        let out = render_human(&[diag()], &sources, false, Language::En);
        assert!(out.contains("error[network/length]: [x] too long"), "{out}");
        assert!(out.contains("content/posts/a.md:2:7"), "{out}");
        assert!(out.contains("title: hello"), "{out}");
        assert!(out.contains('^'), "{out}");
        assert!(out.contains("help: shorten it"), "{out}");
    }

    #[test]
    fn rules_override_and_silence() {
        let mut rules = BTreeMap::new();
        rules.insert(
            "network/length".to_string(),
            RuleLevel::Set(Severity::Warning),
        );
        rules.insert("workflow/*".to_string(), RuleLevel::Off);
        let mut w = diag();
        w.code = Code::WorkflowOverdue.into();
        let out = apply_rules(vec![diag(), w], &rules);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn suggestions() {
        assert_eq!(
            did_you_mean("hastags", ["hashtags", "title"]).as_deref(),
            Some("hashtags")
        );
        assert_eq!(did_you_mean("zzz", ["hashtags", "title"]), None);
    }
}
