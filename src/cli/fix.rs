//! `trame fix`: applies the corrections trame is certain of (French typography, brand names and
//! their hashtags written as the charter writes them, a preferred term with its one
//! replacement) to the files, and prints what changed, line by line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::check::{in_filters, path_filters};
use super::{CliError, EXIT_CONTENT, EXIT_OK, Term};
use crate::base::l10n::{Language, t};
use crate::diagnostics::{Diagnostic, Fix, printable};
use crate::engine::{self, Options, Plan};
use crate::write::source;

/// `trame fix`'s arguments.
#[derive(Debug, clap::Args)]
pub struct FixArgs {
    /// Only fix these files or folders (the whole project is still read)
    pub paths: Vec<PathBuf>,
    /// Print what would change, write nothing (exit 1 when something would)
    #[arg(long)]
    pub dry_run: bool,
}

/// What one file gets.
struct FileFixes<'a> {
    file: &'a str,
    fixes: Vec<&'a Diagnostic>,
}

pub fn run(
    root: &Path,
    cwd: &Path,
    options: &Options,
    args: &FixArgs,
    term: &Term,
) -> Result<i32, CliError> {
    let filters = path_filters(root, cwd, &args.paths, term.lang)?;
    let plan = engine::build(root, options)?;
    let lang = plan.config.language;
    let counts = fix_files(&plan, |f| in_filters(&filters, f), args.dry_run, term)?;
    if !term.quiet {
        let line = match (counts.applied, args.dry_run) {
            (0, _) => t!(lang, "fix-nothing"),
            (n, false) => t!(lang, "fix-done", count = n, files = counts.files),
            (n, true) => t!(lang, "fix-dry-run", count = n, files = counts.files),
        };
        eprintln!("{line}");
        print_notes(&counts, lang);
    }
    let code = if args.dry_run && counts.applied > 0 {
        EXIT_CONTENT
    } else {
        EXIT_OK
    };
    super::exit_without_drop(plan);
    Ok(code)
}

/// `fix_on_save: true` in `trame watch`: the files just saved get their fixes, once the
/// debounce is over and only if they did not change since the rebuild read them (the write
/// then brings one more rebuild, with nothing left to fix). Returns how many were applied.
pub fn on_save(plan: &Plan, saved: &BTreeSet<String>, term: &Term) -> usize {
    let lang = plan.config.language;
    match fix_files(plan, |f| saved.contains(f), false, term) {
        Ok(counts) => {
            if counts.applied > 0 && !term.quiet {
                eprintln!(
                    "{}",
                    t!(
                        lang,
                        "fix-done",
                        count = counts.applied,
                        files = counts.files
                    )
                );
                print_notes(&counts, lang);
            }
            counts.applied
        }
        Err(e) => {
            eprintln!("{}", super::error_text(&e, lang));
            0
        }
    }
}

#[derive(Default)]
struct Counts {
    applied: usize,
    skipped: usize,
    files: usize,
}

fn print_notes(counts: &Counts, lang: Language) {
    if counts.applied > 0 {
        eprintln!("{}", t!(lang, "fix-legend"));
    }
    if counts.skipped > 0 {
        eprintln!("{}", t!(lang, "fix-skipped", count = counts.skipped));
    }
}

/// Applies (or, `dry_run`, shows) the fixes of the plan's files that `wanted` names.
fn fix_files(
    plan: &Plan,
    wanted: impl Fn(&str) -> bool,
    dry_run: bool,
    term: &Term,
) -> Result<Counts, CliError> {
    let mut by_file: BTreeMap<&str, FileFixes<'_>> = BTreeMap::new();
    for d in plan.diagnostics() {
        if d.fix.is_some() && wanted(&d.file) {
            by_file
                .entry(&d.file)
                .or_insert_with(|| FileFixes {
                    file: &d.file,
                    fixes: Vec::new(),
                })
                .fixes
                .push(d);
        }
    }
    let mut counts = Counts::default();
    for f in by_file.values() {
        let read = plan.record(f.file).and_then(|r| r.loaded.source.as_deref());
        let (done, left) = fix_file(plan.root(), f, read, dry_run, plan.config.language, term)?;
        counts.applied += done;
        counts.skipped += left;
        counts.files += usize::from(done > 0);
    }
    Ok(counts)
}

/// Fixes one file (or says what would change); returns the fixes applied and skipped.
fn fix_file(
    root: &Path,
    f: &FileFixes<'_>,
    read: Option<&str>,
    dry_run: bool,
    lang: Language,
    term: &Term,
) -> Result<(usize, usize), CliError> {
    let path = root.join(f.file);
    let io = |source| crate::write::OutputError::Io {
        path: path.clone(),
        source,
    };
    if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
        eprintln!("{}", t!(lang, "fix-link", file = printable(f.file, false)));
        return Ok((0, f.fixes.len()));
    }
    let raw = crate::base::fs::read_io(root, &path, u64::MAX).map_err(io)?;
    let Ok(text) = String::from_utf8(raw.clone()) else {
        return Ok((0, f.fixes.len()));
    };
    let changed = || {
        eprintln!(
            "{}",
            t!(
                lang,
                "fix-changed-meanwhile",
                file = printable(f.file, false)
            )
        );
        Ok((0, f.fixes.len()))
    };
    // The fixes are those of the text the check read: not of a newer one.
    if read.is_some_and(|r| r != crate::base::text::normalise(&text)) {
        return changed();
    }
    let fixes: Vec<Fix> = f.fixes.iter().filter_map(|d| d.fix.clone()).collect();
    let result = source::apply(&text, &fixes);
    if result.applied.is_empty() {
        return Ok((0, result.skipped.len()));
    }
    // The front matter must read as it did: a fix never breaks a file.
    if front_matter_reads(&text) && !front_matter_reads(&result.text) {
        eprintln!(
            "{}",
            t!(lang, "fix-would-break", file = printable(f.file, false))
        );
        return Ok((0, fixes.len()));
    }
    if !term.quiet {
        print_changes(f, &text, &result, lang);
    }
    if !dry_run && !source::replace(root, &path, &raw, result.text.as_bytes())? {
        return changed();
    }
    Ok((result.applied.len(), result.skipped.len()))
}

fn front_matter_reads(text: &str) -> bool {
    let text = crate::base::text::normalise(text);
    crate::load::content::frontmatter::split(&text, "", Language::En)
        .is_ok_and(|s| crate::load::yaml::parse(s.yaml, s.yaml_line, Language::En).is_ok())
}

/// `file: n corrections`, then each changed line before and after, with the problem it fixes.
fn print_changes(f: &FileFixes<'_>, old: &str, result: &source::Applied, lang: Language) {
    let new_lines: Vec<&str> = result.text.lines().collect();
    println!(
        "{}",
        t!(
            lang,
            "fix-file",
            file = printable(f.file, false),
            count = result.applied.len()
        )
    );
    let mut lines: Vec<usize> = result.applied.iter().map(|x| x.line).collect();
    lines.dedup();
    for line in lines {
        for d in f.fixes.iter().filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|x| x.line == line && result.applied.contains(x))
        }) {
            println!(
                "  {}:{}  {}  {}",
                d.line,
                d.column,
                d.code,
                printable(&d.message, false)
            );
        }
        let before = old.lines().nth(line - 1).unwrap_or_default();
        let after = new_lines.get(line - 1).copied().unwrap_or_default();
        println!("  - {}", shown(before));
        println!("  + {}", shown(after));
    }
    println!();
}

/// A line as printed: the no-break spaces a terminal shows as spaces made visible.
fn shown(line: &str) -> String {
    printable(line.trim_end_matches('\r'), false)
        .replace('\u{202f}', "⍽")
        .replace('\u{a0}', "␣")
}
