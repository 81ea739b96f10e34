//! Text as trame reads it.

/// Strips a BOM and turns CRLF into LF: both are valid, neither should matter.
pub fn normalise(text: &str) -> String {
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    if t.contains('\r') {
        t.replace("\r\n", "\n")
    } else {
        t.to_string()
    }
}

/// Lower case without accents (`Écoute` → `ecoute`): how status words, veille kinds and watched
/// keywords are compared, whatever the keyboard that typed them.
pub fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every http(s) address of a text, with its line and column (from 1): the link checker's
/// places, wherever they are written (front matter or text).
pub fn web_addresses(text: &str) -> Vec<(String, usize, usize)> {
    let index = LineIndex::new(text);
    let mut finder = linkify::LinkFinder::new();
    finder.kinds(&[linkify::LinkKind::Url]);
    finder
        .links(text)
        .filter(|l| {
            let s = l.as_str();
            s.starts_with("https://") || s.starts_with("http://")
        })
        .map(|l| {
            let (line, col) = index.pos(text, l.start());
            // In YAML a quoted address ends at its quote, which linkify may take in.
            let url = l.as_str().trim_end_matches(['"', '\'']).to_string();
            (url, line + 1, col)
        })
        .collect()
}

/// Line and column (in characters, from 1) of byte offsets of one text, each found in
/// O(log n + 256): positions of many findings in a long text are never counted from its start.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineIndex {
    /// (byte offset, line from 0, column from 1) at every line start and every 256 characters.
    marks: Vec<(usize, usize, usize)>,
}

impl LineIndex {
    const STEP: usize = 256;

    pub fn new(text: &str) -> LineIndex {
        let mut marks = vec![(0, 0, 1)];
        let (mut line, mut col) = (0, 1);
        for (i, c) in text.char_indices() {
            if c == '\n' {
                line += 1;
                col = 1;
                marks.push((i + 1, line, col));
            } else {
                col += 1;
                if col % Self::STEP == 0 {
                    marks.push((i + c.len_utf8(), line, col));
                }
            }
        }
        LineIndex { marks }
    }

    /// (line from 0, column from 1) of `offset` in `text` (the text this index was made from).
    pub fn pos(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let k = self
            .marks
            .partition_point(|m| m.0 <= offset)
            .saturating_sub(1);
        let (at, line, col) = self.marks.get(k).copied().unwrap_or((0, 0, 1));
        let between = text.get(at..offset).unwrap_or_default();
        (line, col + between.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_agrees_with_counting_from_the_start() {
        let text = format!("é\n{}\nabc", "ü".repeat(700));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let before = &text[..offset];
            let line = before.matches('\n').count();
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            assert_eq!(index.pos(&text, offset), (line, col), "at {offset}");
        }
    }

    #[test]
    fn fold_drops_case_and_accents() {
        assert_eq!(fold("Écoute À l'ÉTÉ"), "ecoute a l'ete");
        assert_eq!(fold("Œuvre"), "œuvre");
    }

    #[test]
    fn bom_and_crlf() {
        assert_eq!(normalise("\u{feff}a\r\nb\r\n"), "a\nb\n");
        assert_eq!(normalise("a\rb"), "a\rb");
    }
}
