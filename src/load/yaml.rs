//! The one place that parses YAML (front matter, trame.yaml, network data).
//!
//! serde_yaml gives typed values; it cannot say where a value that parsed fine came from.
//! One pass over saphyr-parser's events records the file position of every key and list item,
//! finds duplicate keys at their real line, rejects nesting deep enough to hurt, and builds the
//! document's value (serde_yaml parses it again only when it has anchors, tags or complex keys).
//! Then each known field is deserialised on its own, so a type error in one field is reported
//! at that field and does not hide the problems of the others.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};
use serde::de::DeserializeOwned;
pub use serde_yaml::{Mapping, Value};

use crate::base::l10n::Language;
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos};

/// Deeper nesting than this is refused before serde_yaml sees it (its own limit is 128).
const MAX_DEPTH: usize = 48;

/// A YAML problem, already at file-absolute line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub pos: Pos,
    pub message: String,
    /// A `: ` inside a plain value (the classic unquoted title): the caller can say which key.
    pub colon: bool,
}

/// Where every key and list item of a document sits in the file.
#[derive(Debug, Default, Clone)]
pub struct PosIndex {
    /// path (`networks[1]`, `variants.x.title`) → position of the key (maps) or item (lists).
    at: HashMap<String, Pos>,
    /// path → position of the value of that key.
    value_at: HashMap<String, Pos>,
    /// map path → its keys in order, with their positions.
    keys: HashMap<String, Vec<(String, Pos)>>,
    /// first line of the YAML text in the file (for errors with no position)
    pub start: Pos,
}

impl PosIndex {
    /// Position of a key or list item; falls back to the closest known parent.
    pub fn pos(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.at.get(p) {
                return *pos;
            }
            match parent(p) {
                Some(up) => p = up,
                None => return self.start,
            }
        }
    }

    /// Position of the value of a key (where a scalar's text starts).
    pub fn value_pos(&self, path: &str) -> Pos {
        self.value_at
            .get(path)
            .copied()
            .unwrap_or_else(|| self.pos(path))
    }

    /// Keys of the map at `path` (`""` for the root) with their positions, in file order.
    pub fn keys(&self, path: &str) -> &[(String, Pos)] {
        self.keys.get(path).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn has(&self, path: &str) -> bool {
        self.at.contains_key(path)
    }
}

fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

/// Joins a map path and a key.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Joins a list path and an index.
pub fn item(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        seen: HashMap<String, Pos>,
    },
    Seq {
        path: String,
        next: usize,
    },
    /// A complex (non-scalar) key: skipped, with its depth.
    Skip(usize),
}

/// The document's value, built from the same events as the index: one parse, not two. Only for
/// plain documents (no anchor, alias, tag or complex key), the whole of front matter in practice;
/// anything else is left to serde_yaml, which knows those.
struct Builder {
    stack: Vec<Open>,
    root: Option<Value>,
    plain: bool,
}

enum Open {
    /// A map, and its key waiting for a value.
    Map(Mapping, Option<Value>),
    Seq(Vec<Value>),
}

impl Builder {
    fn event(&mut self, event: &Event<'_>) {
        if !self.plain {
            return;
        }
        match event {
            Event::Scalar(v, style, anchor, tag) => {
                if *anchor != 0 || tag.is_some() {
                    self.plain = false;
                } else if let Some(v) = resolve(v, *style) {
                    self.push(v);
                } else {
                    self.plain = false;
                }
            }
            Event::MappingStart(anchor, tag) | Event::SequenceStart(anchor, tag) => {
                if *anchor != 0 || tag.is_some() {
                    self.plain = false;
                } else if matches!(event, Event::MappingStart(..)) {
                    // A map or list as a key: serde_yaml's to make.
                    if let Some(Open::Map(_, None)) = self.stack.last() {
                        self.plain = false;
                    }
                    self.stack.push(Open::Map(Mapping::new(), None));
                } else {
                    if let Some(Open::Map(_, None)) = self.stack.last() {
                        self.plain = false;
                    }
                    self.stack.push(Open::Seq(Vec::new()));
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let value = match self.stack.pop() {
                    Some(Open::Map(m, _)) => Value::Mapping(m),
                    Some(Open::Seq(s)) => Value::Sequence(s),
                    None => return,
                };
                self.push(value);
            }
            Event::Alias(_) => self.plain = false,
            _ => {}
        }
    }

    fn push(&mut self, value: Value) {
        match self.stack.last_mut() {
            Some(Open::Map(map, key)) => match key.take() {
                None => *key = Some(value),
                Some(k) => {
                    map.insert(k, value);
                }
            },
            Some(Open::Seq(items)) => items.push(value),
            None => self.root = Some(value),
        }
    }
}

/// What a scalar is, as serde_yaml reads an untagged one (YAML 1.2 core schema): quoted and
/// block scalars are strings; a plain one is null, a boolean, an integer, a float or a string.
/// `None` for an integer beyond 64 bits (serde_yaml says what is wrong with it).
fn resolve(v: &str, style: saphyr_parser::ScalarStyle) -> Option<Value> {
    if style != saphyr_parser::ScalarStyle::Plain {
        return Some(Value::String(v.to_string()));
    }
    if matches!(v, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Value::Null);
    }
    match v {
        "true" | "True" | "TRUE" => return Some(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Value::Bool(false)),
        _ => {}
    }
    let leading_zero = {
        let d = v.strip_prefix(['-', '+']).unwrap_or(v);
        d.len() > 1 && d.starts_with('0') && d[1..].bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(n) = unsigned(v, leading_zero, u64::from_str_radix) {
        return Some(Value::Number(n.into()));
    }
    if let Some(n) = negative(v, leading_zero, i64::from_str_radix) {
        return Some(Value::Number(n.into()));
    }
    if unsigned(v, leading_zero, u128::from_str_radix).is_some()
        || negative(v, leading_zero, i128::from_str_radix).is_some()
    {
        // An integer beyond 64 bits: serde_yaml's error, not a string.
        return None;
    }
    if !leading_zero {
        let unsigned = match v.strip_prefix('+') {
            Some(u) if u.starts_with(['+', '-']) => None,
            Some(u) => Some(u),
            None => Some(v),
        };
        if let Some(u) = unsigned {
            if matches!(u, ".inf" | ".Inf" | ".INF") {
                return Some(Value::Number(f64::INFINITY.into()));
            }
            if matches!(v, "-.inf" | "-.Inf" | "-.INF") {
                return Some(Value::Number(f64::NEG_INFINITY.into()));
            }
            if matches!(v, ".nan" | ".NaN" | ".NAN") {
                return Some(Value::Number(f64::NAN.into()));
            }
            if let Ok(f) = u.parse::<f64>()
                && f.is_finite()
            {
                return Some(Value::Number(f.into()));
            }
        }
    }
    Some(Value::String(v.to_string()))
}

/// How an integer type reads digits in a radix (`u64::from_str_radix`…).
type Radix<T> = fn(&str, u32) -> Result<T, std::num::ParseIntError>;

/// A non-negative integer as serde_yaml reads one (`+`, `0x`, `0o`, `0b`, no leading zero).
fn unsigned<T>(v: &str, leading_zero: bool, radix: Radix<T>) -> Option<T> {
    let u = v.strip_prefix('+').unwrap_or(v);
    for (prefix, base) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(rest) = u.strip_prefix(prefix) {
            if rest.starts_with(['+', '-']) {
                return None;
            }
            if let Ok(n) = radix(rest, base) {
                return Some(n);
            }
        }
    }
    if u.starts_with(['+', '-']) || leading_zero {
        return None;
    }
    radix(u, 10).ok()
}

/// A negative integer as serde_yaml reads one (`-0x…`, `-0o…`, `-0b…`, decimal).
fn negative<T>(v: &str, leading_zero: bool, radix: Radix<T>) -> Option<T> {
    for (prefix, base) in [("-0x", 16), ("-0o", 8), ("-0b", 2)] {
        if let Some(rest) = v.strip_prefix(prefix)
            && let Ok(n) = radix(&format!("-{rest}"), base)
        {
            return Some(n);
        }
    }
    if leading_zero {
        return None;
    }
    radix(v, 10).ok()
}

/// A parsed document: its value, its positions, and the duplicate keys it had.
pub struct Document {
    pub value: Value,
    pub index: PosIndex,
    /// The value was built from the events (one parse), not by serde_yaml.
    pub one_parse: bool,
}

/// Parses `text` whose first line is line `first_line` of the file.
pub fn parse(text: &str, first_line: usize, lang: Language) -> Result<Document, Vec<YamlError>> {
    let offset = first_line.saturating_sub(1);
    let at = |line: usize, col0: usize| Pos::new(line + offset, col0 + 1);
    let mut index = PosIndex {
        start: Pos::new(first_line, 1),
        ..PosIndex::default()
    };
    let mut dups = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut documents = 0;
    let mut builder = Builder {
        stack: Vec::new(),
        root: None,
        plain: true,
    };

    for ev in Parser::new_from_str(text) {
        let (event, span) = match ev {
            Ok(e) => e,
            Err(e) => {
                let m = e.marker();
                return Err(vec![YamlError {
                    pos: at(m.line(), m.col()),
                    message: syntax_message(lang, e.info()),
                    colon: e.info().contains("mapping values are not allowed"),
                }]);
            }
        };
        let pos = at(span.start.line(), span.start.col());
        builder.event(&event);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(vec![YamlError {
                        pos,
                        message: t!(lang, "yaml-many-documents"),
                        colon: false,
                    }]);
                }
            }
            Event::MappingEnd | Event::SequenceEnd => {
                if let Some(Frame::Skip(d)) = stack.last_mut() {
                    *d -= 1;
                    if *d == 0 {
                        // The complex key is done; its value comes next.
                        stack.pop();
                    }
                } else {
                    stack.pop();
                    end_node(&mut stack);
                }
            }
            Event::Scalar(..)
            | Event::Alias(_)
            | Event::MappingStart(..)
            | Event::SequenceStart(..) => {
                let opens = matches!(event, Event::MappingStart(..) | Event::SequenceStart(..));
                if let Some(Frame::Skip(d)) = stack.last_mut() {
                    if opens {
                        *d += 1;
                    }
                    continue;
                }
                // Is this node a key?
                if let Some(Frame::Map { path, key, seen }) = stack.last_mut()
                    && key.is_none()
                {
                    match &event {
                        Event::Scalar(s, ..) => {
                            let k = s.to_string();
                            let full = join(path, &k);
                            if let Some(first) = seen.get(&k) {
                                dups.push(YamlError {
                                    pos,
                                    message: t!(
                                        lang,
                                        "yaml-duplicate-key",
                                        key = k.as_str(),
                                        line = first.line
                                    ),
                                    colon: false,
                                });
                            } else {
                                seen.insert(k.clone(), pos);
                                index
                                    .keys
                                    .entry(path.clone())
                                    .or_default()
                                    .push((k.clone(), pos));
                                index.at.insert(full, pos);
                            }
                            *key = Some(k);
                        }
                        _ => {
                            *key = Some(String::from("?"));
                            if opens {
                                stack.push(Frame::Skip(1));
                            }
                        }
                    }
                    continue;
                }
                // A value: of a map key, a list item, or the root.
                let path = match stack.last_mut() {
                    Some(Frame::Map { path, key, .. }) => join(path, key.as_deref().unwrap_or("?")),
                    Some(Frame::Seq { path, next }) => {
                        let p = item(path, *next);
                        *next += 1;
                        index.at.insert(p.clone(), pos);
                        p
                    }
                    _ => String::new(),
                };
                index.value_at.entry(path.clone()).or_insert(pos);
                if opens {
                    if stack.len() >= MAX_DEPTH {
                        return Err(vec![YamlError {
                            pos,
                            message: t!(lang, "yaml-too-deep", depth = MAX_DEPTH),
                            colon: false,
                        }]);
                    }
                    if matches!(event, Event::MappingStart(..)) {
                        index.keys.entry(path.clone()).or_default();
                        stack.push(Frame::Map {
                            path,
                            key: None,
                            seen: HashMap::new(),
                        });
                    } else {
                        stack.push(Frame::Seq { path, next: 0 });
                    }
                } else {
                    end_node(&mut stack);
                }
            }
            _ => {}
        }
    }
    if !dups.is_empty() {
        return Err(dups);
    }
    if text.trim().is_empty() || documents == 0 {
        return Ok(Document {
            value: Value::Mapping(Mapping::new()),
            index,
            one_parse: true,
        });
    }
    if builder.plain
        && let Some(value) = builder.root
    {
        return Ok(Document {
            value,
            index,
            one_parse: true,
        });
    }
    match serde_yaml::from_str::<Value>(text) {
        Ok(value) => Ok(Document {
            value,
            index,
            one_parse: false,
        }),
        Err(e) => Err(vec![serde_error(&e, &index, offset, lang)]),
    }
}

/// After a value is complete, the enclosing map expects a key again.
fn end_node(stack: &mut [Frame]) {
    if let Some(Frame::Map { key, .. }) = stack.last_mut() {
        *key = None;
    }
}

fn serde_error(
    e: &serde_yaml::Error,
    index: &PosIndex,
    offset: usize,
    lang: Language,
) -> YamlError {
    let pos = e
        .location()
        .map(|l| Pos::new(l.line() + offset, l.column()))
        .unwrap_or(index.start);
    YamlError {
        pos,
        message: serde_message(lang, &e.to_string()),
        colon: false,
    }
}

/// What the YAML parser says of a syntax error, in the user's words: the classic mistakes
/// (an unquoted `: `, a tab, a quote never closed, a line out of step) get their own message;
/// anything else keeps the parser's own words after a sentence in the user's language.
pub fn syntax_message(lang: Language, info: &str) -> String {
    let info = clean_message(info);
    let id = if info.contains("mapping values are not allowed") {
        "yaml-syntax-colon"
    } else if info.contains("placement of ':'") {
        "yaml-syntax-colon-place"
    } else if info.contains("tab") {
        "yaml-syntax-tab"
    } else if info.contains("quoted scalar, found unexpected end") {
        "yaml-syntax-quote"
    } else if info.contains("flow sequence") || info.contains("misplaced bracket") {
        "yaml-syntax-bracket"
    } else if info.contains("flow mapping") {
        "yaml-syntax-brace"
    } else if info.contains("indentation")
        || info.contains("did not find expected key")
        || info.contains("did not find expected '-'")
    {
        "yaml-syntax-indent"
    } else {
        return t!(lang, "yaml-syntax", detail = info);
    };
    t!(lang, id)
}

/// serde's own messages ("invalid type: string \"x\", expected u64") in the user's words.
pub fn serde_message(lang: Language, msg: &str) -> String {
    let msg = clean_message(msg);
    if let Some(rest) = msg.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return t!(
            lang,
            "serde-invalid-type",
            found = serde_found(lang, found),
            expected = serde_expected(lang, expected)
        );
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return t!(
            lang,
            "serde-invalid-value",
            found = serde_found(lang, found),
            expected = serde_expected(lang, expected)
        );
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        let expected = expected.strip_prefix("one of ").unwrap_or(expected);
        return t!(
            lang,
            "serde-unknown-variant",
            found = found,
            expected = expected
        );
    }
    if let Some(field) = msg.strip_prefix("missing field ") {
        return t!(lang, "serde-missing-field", field = field);
    }
    if msg.contains("too many aliases") {
        return t!(lang, "yaml-alias-bomb");
    }
    if msg.contains("nested too deeply") {
        return t!(lang, "yaml-too-deep", depth = MAX_DEPTH);
    }
    msg
}

/// `string "beaucoup"`, `integer `-3``, `sequence`… as the language says it.
fn serde_found(lang: Language, found: &str) -> String {
    if let Some(s) = found.strip_prefix("string ") {
        return t!(lang, "found-text", text = s.trim_matches('"'));
    }
    for prefix in ["integer ", "floating point "] {
        if let Some(n) = found.strip_prefix(prefix) {
            return t!(lang, "found-number", number = n.trim_matches('`'));
        }
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return t!(lang, "found-bool", value = b.trim_matches('`'));
    }
    match found {
        "sequence" => t!(lang, "kind-list"),
        "map" => t!(lang, "kind-map"),
        "unit value" | "null" => t!(lang, "kind-nothing"),
        other => other.to_string(),
    }
}

/// serde's `expected` part (`u64`, `a string`, `a sequence`…) as the language says it.
fn serde_expected(lang: Language, expected: &str) -> String {
    let id = match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "expect-whole-number",
        "i8" | "i16" | "i32" | "i64" | "isize" => "expect-integer",
        "f32" | "f64" => "expect-number",
        "a string" | "a borrowed string" | "a character" => "expect-text",
        "a boolean" => "expect-bool",
        "a sequence" => "expect-list",
        "a map" => "expect-map",
        e if e.starts_with("struct ") => "expect-map",
        e if e.starts_with("a sequence") => "expect-list",
        other => return other.to_string(),
    };
    t!(lang, id)
}

/// serde_yaml appends " at line L column C", which is wrong for the file; we give our own.
pub fn clean_message(msg: &str) -> String {
    let msg = match msg.find(" at line ") {
        Some(i) => &msg[..i],
        None => msg,
    };
    msg.replace(
        "repetition limit exceeded",
        "too many aliases expanded (alias bomb?)",
    )
    .replace("recursion limit exceeded", "nested too deeply")
}

/// Reads typed fields out of one YAML map, reporting each problem at its own key.
pub struct Fields<'a> {
    map: Option<&'a Mapping>,
    pub index: &'a PosIndex,
    pub path: String,
    pub file: &'a str,
    pub diags: &'a mut Vec<Diagnostic>,
    /// The language of the messages.
    pub lang: Language,
}

impl<'a> Fields<'a> {
    /// `value` must be a map; if it is not, a `frontmatter/type` error is pushed and every
    /// field reads as absent.
    pub fn new(
        value: &'a Value,
        index: &'a PosIndex,
        path: &str,
        file: &'a str,
        what: &dyn Fn() -> String,
        diags: &'a mut Vec<Diagnostic>,
        lang: Language,
    ) -> Fields<'a> {
        let map = match value {
            Value::Mapping(m) => Some(m),
            Value::Null => None,
            other => {
                diags.push(
                    Diagnostic::new(
                        Code::FrontmatterType,
                        file,
                        index.value_pos(path),
                        t!(
                            lang,
                            "yaml-not-a-map",
                            what = what(),
                            found = kind_of(lang, other)
                        ),
                    )
                    .with_help(t!(lang, "yaml-not-a-map-help")),
                );
                None
            }
        };
        Fields {
            map,
            index,
            path: path.to_string(),
            file,
            diags,
            lang,
        }
    }

    /// False when the value was not a map (already reported): nothing more to read.
    pub fn is_map(&self) -> bool {
        self.map.is_some()
    }

    pub fn raw(&self, key: &str) -> Option<&'a Value> {
        self.map?.get(key).filter(|v| !v.is_null())
    }

    pub fn key_path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    pub fn pos(&self, key: &str) -> Pos {
        self.index.pos(&self.key_path(key))
    }

    /// A field of any deserialisable type; a type error is reported at the key.
    pub fn get<T: DeserializeOwned>(&mut self, key: &str) -> Option<T> {
        let v = self.raw(key)?;
        match serde_yaml::from_value::<T>(v.clone()) {
            Ok(t) => Some(t),
            Err(e) => {
                let pos = self.pos(key);
                self.diags.push(
                    Diagnostic::new(
                        Code::FrontmatterType,
                        self.file,
                        pos,
                        t!(
                            self.lang,
                            "field-problem",
                            field = self.key_path(key),
                            problem = serde_message(self.lang, &e.to_string())
                        ),
                    )
                    .with_help(t!(
                        self.lang,
                        "found",
                        found = describe(self.lang, v)
                    )),
                );
                None
            }
        }
    }

    /// A text field. Numbers and booleans are taken as their text (`title: 2026`).
    pub fn string(&mut self, key: &str) -> Option<String> {
        let v = self.raw(key)?;
        match scalar_text(v) {
            Some(s) => Some(s),
            None => {
                self.type_error(key, "expect-text", v);
                None
            }
        }
    }

    /// A list of texts. A single text is accepted as a one-item list.
    pub fn strings(&mut self, key: &str) -> Option<Vec<(String, Pos)>> {
        let v = self.raw(key)?;
        let kp = self.key_path(key);
        match v {
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for (i, it) in items.iter().enumerate() {
                    let ip = item(&kp, i);
                    match scalar_text(it) {
                        Some(s) => out.push((s, self.index.value_pos(&ip))),
                        None => {
                            let pos = self.index.pos(&ip);
                            self.diags.push(Diagnostic::new(
                                Code::FrontmatterType,
                                self.file,
                                pos,
                                t!(
                                    self.lang,
                                    "item-not-text",
                                    field = kp.as_str(),
                                    n = i + 1,
                                    found = describe(self.lang, it)
                                ),
                            ));
                        }
                    }
                }
                Some(out)
            }
            other => match scalar_text(other) {
                Some(s) => Some(vec![(s, self.index.value_pos(&kp))]),
                None => {
                    self.type_error(key, "expect-texts", other);
                    None
                }
            },
        }
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        let v = self.raw(key)?;
        match v {
            Value::Bool(b) => Some(*b),
            other => {
                self.type_error(key, "expect-bool", other);
                None
            }
        }
    }

    pub fn number(&mut self, key: &str) -> Option<f64> {
        let v = self.raw(key)?;
        match v {
            Value::Number(n) => n.as_f64(),
            other => {
                self.type_error(key, "expect-number", other);
                None
            }
        }
    }

    pub fn list(&mut self, key: &str) -> Option<&'a Vec<Value>> {
        let v = self.raw(key)?;
        match v {
            Value::Sequence(s) => Some(s),
            other => {
                self.type_error(key, "expect-list", other);
                None
            }
        }
    }

    pub fn map(&mut self, key: &str) -> Option<&'a Mapping> {
        let v = self.raw(key)?;
        match v {
            Value::Mapping(m) => Some(m),
            other => {
                self.type_error(key, "expect-map", other);
                None
            }
        }
    }

    /// `expected` is the catalogue's id of what the field takes (`expect-text`…).
    pub fn type_error(&mut self, key: &str, expected_id: &'static str, found: &Value) {
        let pos = self.pos(key);
        let lang = self.lang;
        let expected = crate::base::l10n::tr(lang, expected_id, &[]);
        let message = t!(
            lang,
            "field-type",
            field = self.key_path(key),
            expected = expected.as_str(),
            found = describe(lang, found)
        );
        let help = type_help(lang, key, expected_id, found).unwrap_or_else(|| {
            t!(
                lang,
                "field-type-help",
                key = key,
                expected = expected.as_str()
            )
        });
        self.diags
            .push(Diagnostic::new(Code::FrontmatterType, self.file, pos, message).with_help(help));
    }

    /// Reports every key of this map that is not in `known`, with a "did you mean".
    /// `what` names the map in the messages ("a post"), made only when a key is unknown.
    pub fn report_unknown(&mut self, known: &[&str], code: Code, what: &dyn Fn() -> String) {
        for (key, pos) in self.unknown_keys(known) {
            let what = what();
            let what = what.as_str();
            let help = crate::diagnostics::did_you_mean(&key, known.iter().copied())
                .map(|s| t!(self.lang, "did-you-mean", name = s))
                .unwrap_or_else(|| t!(self.lang, "takes", what = what, keys = known.join(", ")));
            self.diags.push(
                Diagnostic::new(
                    code,
                    self.file,
                    pos,
                    t!(self.lang, "unknown-key", key = key.as_str(), what = what),
                )
                .with_help(help)
                .with_span(key.chars().count()),
            );
        }
    }

    /// A list of maps (`media`, `accounts`…): each item deserialised on its own, its unknown
    /// keys reported, its problems pointed at the item.
    pub fn items<T: DeserializeOwned>(&mut self, key: &str, known: &[&str]) -> Vec<(T, String)> {
        let Some(list) = self.list(key) else {
            return Vec::new();
        };
        let kp = self.key_path(key);
        let mut out = Vec::new();
        for (i, v) in list.iter().enumerate() {
            let ip = item(&kp, i);
            if !v.is_mapping() {
                let pos = self.index.pos(&ip);
                self.diags.push(
                    Diagnostic::new(
                        Code::FrontmatterType,
                        self.file,
                        pos,
                        t!(
                            self.lang,
                            "item-not-map",
                            field = kp.as_str(),
                            n = i + 1,
                            found = describe(self.lang, v)
                        ),
                    )
                    .with_help(t!(
                        self.lang,
                        "item-not-map-help",
                        example = known
                            .iter()
                            .take(2)
                            .map(|k| format!("{k}: …"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
                continue;
            }
            {
                let mut sub = Fields {
                    map: v.as_mapping(),
                    index: self.index,
                    path: ip.clone(),
                    file: self.file,
                    diags: self.diags,
                    lang: self.lang,
                };
                let lang = self.lang;
                sub.report_unknown(known, Code::FrontmatterUnknownKey, &|| {
                    t!(lang, "what-items", field = kp.as_str())
                });
            }
            match serde_yaml::from_value::<T>(v.clone()) {
                Ok(t) => out.push((t, ip)),
                Err(e) => {
                    let pos = self.index.pos(&ip);
                    self.diags.push(
                        Diagnostic::new(
                            Code::FrontmatterType,
                            self.file,
                            pos,
                            t!(
                                self.lang,
                                "item-problem",
                                field = kp.as_str(),
                                n = i + 1,
                                problem = serde_message(self.lang, &e.to_string())
                            ),
                        )
                        .with_help(t!(
                            self.lang,
                            "item-takes",
                            keys = known.join(", ")
                        )),
                    );
                }
            }
        }
        out
    }

    /// A sub-map as its own `Fields`.
    pub fn sub<'b>(&'b mut self, key: &str, what: &dyn Fn() -> String) -> Option<Fields<'b>>
    where
        'a: 'b,
    {
        let v = self.raw(key)?;
        let path = self.key_path(key);
        Some(Fields::new(
            v, self.index, &path, self.file, what, self.diags, self.lang,
        ))
    }

    /// Keys of this map that are not in `known`, with their positions.
    pub fn unknown_keys(&self, known: &[&str]) -> Vec<(String, Pos)> {
        self.index
            .keys(&self.path)
            .iter()
            .filter(|(k, _)| !known.contains(&k.as_str()))
            .cloned()
            .collect()
    }
}

/// The text of a scalar, or None for maps and lists.
pub fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}

pub fn kind_of(lang: Language, v: &Value) -> String {
    let id = match v {
        Value::Null => "kind-nothing",
        Value::Bool(_) => "kind-bool",
        Value::Number(_) => "kind-number",
        Value::String(_) => "kind-text",
        Value::Sequence(_) => "kind-list",
        Value::Mapping(_) => "kind-map",
        Value::Tagged(_) => "kind-tagged",
    };
    crate::base::l10n::tr(lang, id, &[])
}

/// A short description of a value for messages: its kind and, for scalars, the value.
pub fn describe(lang: Language, v: &Value) -> String {
    match v {
        Value::String(s) => t!(lang, "found-text", text = truncate(s, 40)),
        Value::Number(n) => t!(lang, "found-number", number = n.to_string()),
        Value::Bool(b) => t!(lang, "found-bool", value = b.to_string()),
        other => kind_of(lang, other),
    }
}

/// The classic mistakes behind a type error, said plainly: `oui`/`non` for a boolean, a list
/// written with commas, a date written the French way.
fn type_help(lang: Language, key: &str, expected: &str, found: &Value) -> Option<String> {
    let Value::String(s) = found else {
        return None;
    };
    let lower = s.trim().to_lowercase();
    if ["oui", "non", "yes", "no", "vrai", "faux"].contains(&lower.as_str()) {
        let value = if ["oui", "yes", "vrai"].contains(&lower.as_str()) {
            "true"
        } else {
            "false"
        };
        return Some(t!(lang, "hint-boolean", key = key, value = value));
    }
    if matches!(expected, "expect-list" | "expect-texts") && s.contains(',') {
        let items: Vec<&str> = s
            .split(',')
            .map(str::trim)
            .filter(|i| !i.is_empty())
            .collect();
        if items.len() > 1 {
            return Some(t!(
                lang,
                "hint-comma-list",
                key = key,
                list = items.join(", ")
            ));
        }
    }
    None
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}

/// Parses a whole YAML file (trame.yaml, data files) into a typed value.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|e| YamlError {
        pos: e
            .location()
            .map(|l| Pos::new(l.line(), l.column()))
            .unwrap_or(Pos::START),
        message: clean_message(&e.to_string()),
        colon: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value built from the events is the one serde_yaml reads, scalar by scalar: every
    /// front matter of the demo and the fixtures, and the scalars where YAML is tricky.
    #[test]
    fn one_parse_reads_what_serde_yaml_reads() {
        let scalars = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "nul",
            "true",
            "True",
            "TRUE",
            "tRue",
            "false",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "0",
            "-0",
            "+0",
            "00",
            "007",
            "-007",
            "+12",
            "-12",
            "12",
            "1_000",
            "0x1F",
            "0X1F",
            "-0x1F",
            "+0x1F",
            "0x-1",
            "0o17",
            "-0o17",
            "0b101",
            "-0b101",
            "0b2",
            "0xZZ",
            "1.5",
            "-1.5",
            "+1.5",
            ".5",
            "5.",
            "1e3",
            "-1E-3",
            "+1e+3",
            "1e400",
            ".inf",
            ".Inf",
            "-.inf",
            "+.inf",
            ".nan",
            ".NaN",
            "inf",
            "nan",
            "NaN",
            "infinity",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999999999999999999999999999",
            "0xFFFFFFFFFFFFFFFFFF",
            "2026-12-03",
            "2026-12-03T10:00",
            "10:30",
            "1:2:3",
            "+",
            "-",
            ".",
            "..",
            "0.0.1",
            "1,5",
            "a#x",
            "café",
            "12 h",
            "0x",
            "0o",
            "0b",
        ];
        let mut docs: Vec<String> = scalars
            .iter()
            .flat_map(|v| {
                [
                    format!("a: {v}\n"),
                    format!("a: \"{v}\"\n"),
                    format!("a: [{v}]\n"),
                    format!("{v}: 1\n"),
                ]
            })
            .filter(|d| serde_yaml::from_str::<Value>(d).is_ok())
            .collect();
        docs.push("a: |\n  line\n  two\nb: >\n  folded\n  text\nc: 'it''s'\n".into());
        docs.push("a:\n  - { x: 1, y: [2, 3] }\n  -\n  - - nested\nb: {}\nc: []\nd:\n".into());
        docs.push("plain: multi\n  line words\nq: \"esc \\u00e9 \\t tab\"\n".into());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["content", "tests/fixtures"] {
            for e in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let Ok(text) = std::fs::read_to_string(e.path()) else {
                    continue;
                };
                if let Some(rest) = text.strip_prefix("---\n")
                    && let Some(end) = rest.find("\n---")
                {
                    docs.push(rest[..=end].to_string());
                }
            }
        }
        assert!(docs.len() > 300, "{}", docs.len());
        let mut one_parse = 0;
        for doc in &docs {
            let Ok(ours) = parse(doc, 1, Language::En) else {
                continue;
            };
            one_parse += usize::from(ours.one_parse);
            let theirs: Value = serde_yaml::from_str(doc).unwrap_or(Value::Null);
            // NaN is not equal to itself: compare what each prints.
            assert_eq!(format!("{:?}", ours.value), format!("{theirs:?}"), "{doc}");
        }
        // Only integers beyond 64 bits are left to serde_yaml here.
        assert!(one_parse + 20 > docs.len(), "{one_parse} of {}", docs.len());
        let tagged =
            parse("a: !!str 12\nb: &x 1\nc: *x\n", 1, Language::En).unwrap_or_else(|_| panic!());
        assert!(!tagged.one_parse);
    }

    #[test]
    fn positions_are_file_absolute() {
        let yaml =
            "title: A\nnetworks:\n  - x\n  - linkedin\nmedia:\n  - { path: a.jpg, alt: b }\n";
        let doc = parse(yaml, 2, Language::En).unwrap_or_else(|_| panic!("parse"));
        assert_eq!(doc.index.pos("title"), Pos::new(2, 1));
        assert_eq!(doc.index.pos("networks[1]"), Pos::new(5, 5));
        assert_eq!(doc.index.pos("media[0].alt"), Pos::new(7, 20));
        assert_eq!(doc.index.value_pos("title"), Pos::new(2, 8));
        let keys: Vec<_> = doc.index.keys("").iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["title", "networks", "media"]);
    }

    #[test]
    fn flow_list_items() {
        let doc =
            parse("networks: [x, mastodon]\n", 2, Language::En).unwrap_or_else(|_| panic!("parse"));
        assert_eq!(doc.index.pos("networks[1]"), Pos::new(2, 15));
    }

    #[test]
    fn duplicate_keys_point_at_the_second() {
        let errs = parse("title: a\nstatus: draft\ntitle: b\n", 2, Language::En)
            .err()
            .unwrap_or_default();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].pos, Pos::new(4, 1));
        assert!(errs[0].message.contains("line 2"));
    }

    #[test]
    fn syntax_error_position() {
        let errs = parse("title: a\n  bad: [\n", 2, Language::En)
            .err()
            .unwrap_or_default();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].pos.line >= 3, "{:?}", errs[0]);
    }

    #[test]
    fn alias_bomb_is_refused_quickly() {
        let mut y = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for name in 'b'..='j' {
            y.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
            prev = name;
        }
        let start = std::time::Instant::now();
        let errs = parse(&y, 2, Language::En).err().unwrap_or_default();
        assert_eq!(errs.len(), 1, "an alias bomb must be an error");
        assert!(start.elapsed().as_secs() < 5);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let y = format!("a: {}{}\n", "[".repeat(500), "]".repeat(500));
        let errs = parse(&y, 2, Language::En).err().unwrap_or_default();
        assert_eq!(errs.len(), 1);
        assert!(errs[0].message.contains("nest"), "{}", errs[0].message);
    }
}
