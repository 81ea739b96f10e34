//! `spelling`: a Hunspell dictionary check (spellbook, with Debian's hunspell-fr / hunspell-en-us
//! dictionaries) plus the project's own word list. Hashtags, mentions, URLs, numbers, acronyms,
//! the charter's brand names and the contacts' names are skipped.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use super::super::{Finding, VariantInput};
use super::{Rule, RuleType};
use crate::base::l10n::t;
use crate::diagnostics::{Code, Diagnostic, Pos, Severity};
use crate::load::config::Config;
use crate::load::yaml::Fields;

pub const OPTIONS: &[&str] = &["dictionary", "words"];

/// The `spelling` rule type.
pub const TYPE: RuleType = RuleType {
    name: "spelling",
    options: OPTIONS,
    compile: |f, config| Some(Box::new(compile(f, config)?)),
};

const SEARCH: &[&str] = &[
    "/usr/share/hunspell",
    "/usr/share/myspell/dicts",
    "/usr/share/myspell",
    "/usr/local/share/hunspell",
];

pub struct Spelling {
    dict: Option<Arc<spellbook::Dictionary>>,
    /// Why there is no dictionary (reported as a warning, spelling then off).
    missing: Option<(String, Pos)>,
    lang: crate::load::config::Language,
    words: HashSet<String>,
    /// The dictionary's files, naming it in the cache of suggestions.
    dict_id: String,
    /// Words already looked up (most words repeat from post to post).
    seen: RwLock<HashMap<String, bool>>,
}

impl std::fmt::Debug for Spelling {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Spelling")
            .field("loaded", &self.dict.is_some())
            .field("words", &self.words.len())
            .finish()
    }
}

fn find_dictionary(name: &str, root: &Path) -> Option<(PathBuf, PathBuf)> {
    let candidates: Vec<PathBuf> =
        if name.contains('/') || name.ends_with(".dic") || name.ends_with(".aff") {
            let base = root.join(name.trim_end_matches(".dic").trim_end_matches(".aff"));
            vec![base]
        } else {
            SEARCH
                .iter()
                .map(|d| Path::new(d).join(name))
                .chain([root.join(name)])
                .collect()
        };
    candidates.into_iter().find_map(|base| {
        let aff = base.with_extension("aff");
        let dic = base.with_extension("dic");
        (aff.is_file() && dic.is_file()).then_some((aff, dic))
    })
}

pub fn compile(f: &mut Fields<'_>, config: &Config) -> Option<Spelling> {
    let default = match config.language {
        crate::load::config::Language::Fr => "fr_FR",
        crate::load::config::Language::En => "en_US",
    };
    let name = f
        .string("dictionary")
        .unwrap_or_else(|| default.to_string());
    let dict_pos = f.index.value_pos(&f.key_path("dictionary"));
    let mut words = HashSet::new();
    if let Some(file) = f.string("words") {
        let path = config.root.join(&file);
        let read = crate::base::fs::read(&config.root, &path, crate::base::fs::MAX_CONFIG_BYTES)
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        match read {
            Ok(list) => {
                for w in list
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                {
                    words.insert(w.to_lowercase());
                }
            }
            Err(e) => {
                let pos = f.index.value_pos(&f.key_path("words"));
                f.diags.push(
                    Diagnostic::new(
                        Code::ConfigInvalid,
                        f.file,
                        pos,
                        t!(
                            f.lang,
                            "spelling-words-unreadable",
                            file = file.as_str(),
                            error = e.reason(f.lang)
                        ),
                    )
                    .with_help(t!(f.lang, "spelling-words-unreadable-help")),
                );
                return None;
            }
        }
    }
    // The names trame already knows are words too.
    for c in config.contacts.values() {
        for name in c.handles.values().chain(c.default.iter()) {
            for w in name.split(|ch: char| !ch.is_alphanumeric() && ch != '’' && ch != '\'') {
                words.insert(w.to_lowercase());
            }
        }
    }
    for w in config.organisation.name.split_whitespace() {
        words.insert(w.to_lowercase());
    }
    let found = find_dictionary(&name, &config.root);
    let dict_id = found
        .as_ref()
        .map(|(aff, dic)| format!("{}|{}", aff.display(), dic.display()))
        .unwrap_or_default();
    let (dict, missing) = match found {
        Some((aff, dic)) => match load_dictionary(&aff, &dic) {
            Ok(dict) => (Some(dict), None),
            Err(e) => (
                None,
                Some((
                    t!(
                        f.lang,
                        "spelling-dictionary-unreadable",
                        name = name.as_str(),
                        error = e.to_string()
                    ),
                    dict_pos,
                )),
            ),
        },
        None => (
            None,
            Some((
                t!(f.lang, "spelling-no-dictionary", name = name.as_str()),
                dict_pos,
            )),
        ),
    };
    Some(Spelling {
        dict,
        missing,
        lang: f.lang,
        words,
        dict_id,
        seen: RwLock::new(HashMap::new()),
    })
}

impl Spelling {
    fn known(&self, dict: &spellbook::Dictionary, word: &str) -> bool {
        if let Ok(seen) = self.seen.read()
            && let Some(k) = seen.get(word)
        {
            return *k;
        }
        let k = self.lookup(dict, word);
        if let Ok(mut seen) = self.seen.write() {
            seen.insert(word.to_string(), k);
        }
        k
    }

    fn lookup(&self, dict: &spellbook::Dictionary, word: &str) -> bool {
        let w = word.replace('’', "'");
        if self.words.contains(&word.to_lowercase())
            || self.words.contains(&w.to_lowercase())
            || dict.check(&w)
        {
            return true;
        }
        // Elision: l'été, d'Alti, qu'on: check what follows the apostrophe.
        if let Some((head, tail)) = w.split_once('\'')
            && head.chars().count() <= 5
            && !tail.is_empty()
        {
            return self.words.contains(&tail.to_lowercase()) || dict.check(tail);
        }
        false
    }
}

impl Rule for Spelling {
    fn check_variant(&self, input: &VariantInput<'_>) -> Vec<Finding> {
        let Some(dict) = &self.dict else {
            return Vec::new();
        };
        let t = input.text;
        let mut out = Vec::new();
        let mut hyphen_checked_until = 0;
        for (i, word) in input.words.iter().copied() {
            if i < hyphen_checked_until
                || word.chars().any(|c| c.is_ascii_digit())
                || word.chars().count() < 2
                || word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            {
                continue;
            }
            // Hyphenated compounds (rendez-vous, week-end) are checked whole first.
            let compound_end = t[i..]
                .char_indices()
                .find(|(_, c)| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’')))
                .map_or(t.len(), |(j, _)| i + j);
            let compound = &t[i..compound_end];
            // Otherwise (imperative + pronoun: "prenez-vous", "allez-y") the parts are checked.
            if compound.contains('-') && compound.len() > word.len() && self.known(dict, compound) {
                hyphen_checked_until = compound_end;
                continue;
            }
            if self.known(dict, word) {
                continue;
            }
            // The help is completed with suggestions later, once per word (`suggest`).
            let lang = input.config.language;
            let mut finding = Finding::text(
                i..i + word.len(),
                t!(lang, "spelling-unknown", word = word),
                t!(lang, "spelling-no-suggestion"),
            );
            finding.suggest = Some(word.to_string());
            out.push(finding);
        }
        out
    }

    fn warnings(&self, file: &str, code: &Arc<str>) -> Vec<Diagnostic> {
        self.missing
            .iter()
            .map(|(msg, pos)| {
                Diagnostic::charter(code.clone(), Severity::Warning, file, *pos, msg.clone())
                    .with_help(t!(self.lang, "spelling-no-dictionary-help"))
            })
            .collect()
    }

    /// The charter's brand names are never misspelled.
    fn add_words(&mut self, terms: &[String]) {
        for t in terms {
            for w in t.split_whitespace() {
                self.words.insert(w.to_lowercase());
            }
        }
    }

    fn suggest(&self, word: &str) -> Vec<String> {
        let Some(dict) = &self.dict else {
            return Vec::new();
        };
        let key = (self.dict_id.clone(), word.to_string());
        if let Ok(cache) = suggestions().lock()
            && let Some(s) = cache.get(&key)
        {
            return s.clone();
        }
        let mut out = Vec::new();
        dict.suggest(word, &mut out);
        out.truncate(3);
        if let Ok(mut cache) = suggestions().lock() {
            cache.insert(key, out.clone());
        }
        out
    }
}

/// A Hunspell dictionary, parsed once per process for each version of its files (parsing the
/// French one takes a noticeable moment: a watch session rebuilding after a change of
/// trame.yaml should not pay it again).
fn load_dictionary(aff: &Path, dic: &Path) -> Result<Arc<spellbook::Dictionary>, String> {
    type Key = (
        PathBuf,
        PathBuf,
        Option<std::time::SystemTime>,
        Option<std::time::SystemTime>,
    );
    static LOADED: std::sync::OnceLock<Mutex<HashMap<Key, Arc<spellbook::Dictionary>>>> =
        std::sync::OnceLock::new();
    let stamp = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let key = (aff.to_path_buf(), dic.to_path_buf(), stamp(aff), stamp(dic));
    let loaded = LOADED.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = loaded.lock()
        && let Some(d) = map.get(&key)
    {
        return Ok(d.clone());
    }
    let a = std::fs::read_to_string(aff).map_err(|e| e.to_string())?;
    let d = std::fs::read_to_string(dic).map_err(|e| e.to_string())?;
    let dict = Arc::new(spellbook::Dictionary::new(&a, &d).map_err(|e| e.to_string())?);
    if let Ok(mut map) = loaded.lock() {
        map.insert(key, dict.clone());
    }
    Ok(dict)
}

/// Suggestions already computed, by dictionary and word, for the whole process. They are a pure
/// function of the two, so keeping them across builds (a watch session rebuilding after a
/// change of trame.yaml) changes nothing of what is reported.
type Suggestions = Mutex<HashMap<(String, String), Vec<String>>>;

fn suggestions() -> &'static Suggestions {
    static CACHE: std::sync::OnceLock<Suggestions> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The help of a misspelled word with these suggestions.
pub fn help_with(lang: crate::load::config::Language, suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        return t!(lang, "spelling-no-suggestion");
    }
    t!(
        lang,
        "spelling-suggestions",
        words = suggestions
            .iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::super::super::tests::{check_text, rule};

    #[test]
    fn english_spelling() {
        if super::find_dictionary("en_US", std::path::Path::new("/")).is_none() {
            eprintln!("hunspell-en-us not installed: .ci/run installs it");
            return;
        }
        let r = super::super::super::tests::rule_in(
            "{ id: o, type: spelling }",
            crate::load::config::Language::En,
        );
        assert_eq!(
            check_text(
                &r,
                "Our winter walks don't stop: see the recieved guide #wintr"
            ),
            ["recieved"]
        );
    }

    fn has_fr() -> bool {
        super::find_dictionary("fr_FR", std::path::Path::new("/")).is_some()
    }

    #[test]
    fn french_spelling_with_elision_and_skips() {
        if !has_fr() {
            eprintln!("hunspell-fr not installed: .ci/run installs it");
            return;
        }
        let r = rule("{ id: o, type: spelling, dictionary: fr_FR }");
        assert_eq!(
            check_text(
                &r,
                "L’événement d’aujourd’hui : une randonée au cœur de l’hiver, un rendez-vous #randonee @alti https://ex.com/randonee 2027 SNCF."
            ),
            ["randonée"]
        );
    }
}
