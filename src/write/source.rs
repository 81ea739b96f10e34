//! Writing corrections back into the team's own files (`trame fix`): only the spans the fixes
//! name change; everything else (front-matter comments, CRLF line ends, a BOM) stays byte for
//! byte. A file is replaced in one step (a new file renamed over it), and only if it still
//! holds what was read: an edit made meanwhile is never lost.

use std::path::Path;

use crate::diagnostics::Fix;
use crate::write::OutputError;

/// What applying fixes to one text gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// The new text (the old one when nothing applied).
    pub text: String,
    pub applied: Vec<Fix>,
    /// Fixes not applied: their text is not (or no longer) where they say, or they overlap one
    /// applied before them (the next `trame fix` sees them again).
    pub skipped: Vec<Fix>,
}

/// Applies `fixes` to the raw text of a file. Lines and columns are those of the text as trame
/// reads it (no BOM, LF line ends), which is the raw text without its BOM and with its CRs.
pub fn apply(raw: &str, fixes: &[Fix]) -> Applied {
    let bom = if raw.starts_with('\u{feff}') { 3 } else { 0 };
    let starts: Vec<usize> = std::iter::once(bom)
        .chain(raw.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let mut located: Vec<(usize, &Fix)> = Vec::new();
    let mut skipped = Vec::new();
    for f in fixes {
        let at = starts.get(f.line.wrapping_sub(1)).and_then(|&s| {
            let line = &raw[s..];
            let line = &line[..line.find(['\r', '\n']).unwrap_or(line.len())];
            let col = f.column.checked_sub(1)?;
            if col == line.chars().count() {
                Some(s + line.len())
            } else {
                line.char_indices().nth(col).map(|(i, _)| s + i)
            }
        });
        match at {
            Some(o) if !f.old.is_empty() && raw[o..].starts_with(&f.old) => located.push((o, f)),
            _ => skipped.push(f.clone()),
        }
    }
    located.sort_by_key(|(o, f)| (*o, f.old.len()));
    let mut text = String::with_capacity(raw.len() + 16);
    let mut applied = Vec::new();
    let mut from = 0;
    for (o, f) in located {
        if o < from {
            skipped.push(f.clone());
            continue;
        }
        text.push_str(&raw[from..o]);
        text.push_str(&f.new);
        from = o + f.old.len();
        applied.push(f.clone());
    }
    text.push_str(&raw[from..]);
    Applied {
        text,
        applied,
        skipped,
    }
}

/// Replaces the file at `path` (inside `root`) by `new`, if it still holds `old`. Returns
/// false, writing nothing, when it changed since it was read or is a symbolic link.
pub fn replace(root: &Path, path: &Path, old: &[u8], new: &[u8]) -> Result<bool, OutputError> {
    let io = |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let now = crate::base::fs::read_io(root, path, u64::MAX).map_err(io)?;
    // A link is the team's own arrangement: renaming a new file over it would replace the link,
    // not the file it points to.
    let link = std::fs::symlink_metadata(path)
        .map_err(io)?
        .file_type()
        .is_symlink();
    if now != old || link {
        return Ok(false);
    }
    let dir = path.parent().unwrap_or(root);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Next to the file (same folder, same file system), under a name editors and trame's
    // watcher take for a temporary file.
    let tmp = dir.join(format!(".{name}.trame-fix~"));
    let permissions = std::fs::metadata(path).map_err(io)?.permissions();
    std::fs::write(&tmp, new).map_err(io)?;
    let done =
        std::fs::set_permissions(&tmp, permissions).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = done {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(line: usize, column: usize, old: &str, new: &str) -> Fix {
        Fix {
            line,
            column,
            old: old.into(),
            new: new.into(),
        }
    }

    #[test]
    fn only_the_spans_change_crlf_and_bom_stay() {
        let raw = "\u{feff}---\r\ntitle: T # un commentaire\r\n---\r\nBonjour ! Ça va ?\r\n";
        let a = apply(
            raw,
            &[
                fix(4, 1, "Bonjour !", "Bonjour\u{202f}!"),
                fix(4, 11, "Ça va ?", "Ça va\u{202f}?"),
            ],
        );
        assert_eq!(
            a.text,
            "\u{feff}---\r\ntitle: T # un commentaire\r\n---\r\nBonjour\u{202f}! Ça va\u{202f}?\r\n"
        );
        assert_eq!((a.applied.len(), a.skipped.len()), (2, 0));
    }

    #[test]
    fn a_file_is_replaced_only_if_unchanged_and_not_a_link() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        let file = root.join("a.md");
        std::fs::write(&file, "old").unwrap_or_else(|e| panic!("{e}"));
        assert!(!replace(root, &file, b"other", b"new").unwrap_or(true));
        assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), "old");
        #[cfg(unix)]
        {
            let link = root.join("b.md");
            std::os::unix::fs::symlink(&file, &link).unwrap_or_else(|e| panic!("{e}"));
            assert!(!replace(root, &link, b"old", b"new").unwrap_or(true));
            assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
        }
        assert!(replace(root, &file, b"old", b"new").unwrap_or(false));
        assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), "new");
    }

    #[test]
    fn a_fix_whose_text_moved_or_overlaps_is_skipped() {
        let raw = "a\nBonjour !\n";
        let a = apply(
            raw,
            &[
                fix(2, 1, "Bonjour !", "Bonjour\u{202f}!"),
                fix(2, 8, " !", "\u{202f}!"),
                fix(2, 1, "Salut", "x"),
            ],
        );
        assert_eq!(a.text, "a\nBonjour\u{202f}!\n");
        assert_eq!((a.applied.len(), a.skipped.len()), (1, 2));
    }
}
