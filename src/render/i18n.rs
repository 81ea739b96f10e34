//! The site's words in French and English (SPEC §2 `language`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diagnostics::Severity;
use crate::load::config::{Cadence, Language, Period};

pub fn month_name(lang: Language, m: i8) -> &'static str {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let i = usize::try_from(m - 1).unwrap_or(0).min(11);
    match lang {
        Language::Fr => FR[i],
        Language::En => EN[i],
    }
}

pub fn weekdays(lang: Language) -> [&'static str; 7] {
    match lang {
        Language::Fr => ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."],
        Language::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    }
}

pub fn status(lang: Language, s: &str) -> &'static str {
    match (lang, s) {
        (Language::Fr, "idea") => "idée",
        (Language::Fr, "draft") => "brouillon",
        (Language::Fr, "review") => "à relire",
        (Language::Fr, "approved") => "validé",
        (Language::Fr, "scheduled") => "programmé",
        (Language::Fr, "published") => "publié",
        (Language::En, "idea") => "idea",
        (Language::En, "draft") => "draft",
        (Language::En, "review") => "in review",
        (Language::En, "approved") => "approved",
        (Language::En, "scheduled") => "scheduled",
        (Language::En, "published") => "published",
        _ => "",
    }
}

/// A date as people of the language write it: "jeudi 3 décembre 2026", "Thursday 3 December 2026".
pub fn long_date(lang: Language, d: jiff::civil::Date) -> String {
    let days_fr = [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ];
    let days_en = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let wd = usize::try_from(d.weekday().to_monday_zero_offset()).unwrap_or(0);
    match lang {
        Language::Fr => format!(
            "{} {} {} {}",
            days_fr[wd],
            d.day(),
            month_name(lang, d.month()),
            d.year()
        ),
        Language::En => format!(
            "{} {} {} {}",
            days_en[wd],
            d.day(),
            month_name(lang, d.month()),
            d.year()
        ),
    }
}

/// Every label of the templates: key, French, English.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "standing",
        "Les réseaux de l’organisation",
        "Standing per network",
    ),
    ("followers", "Abonnés", "Followers"),
    ("growth", "Évolution", "Growth"),
    ("posts_30d", "Posts (30 j)", "Posts (30 d)"),
    ("engagement", "Engagement", "Engagement"),
    ("overview", "Tour d’horizon", "Overview"),
    ("strengths", "Forces", "Strengths"),
    ("weaknesses", "Faiblesses", "Weaknesses"),
    ("opportunities", "Opportunités", "Opportunities"),
    ("threats", "Menaces", "Threats"),
    ("competitors", "Concurrents", "Competitors"),
    ("competitor", "Concurrent", "Competitor"),
    ("per_week", "Posts / semaine", "Posts / week"),
    (
        "top_posts",
        "Les publications les plus engageantes",
        "Posts with the most interactions",
    ),
    ("post", "Publication", "Post"),
    ("interactions", "Interactions", "Interactions"),
    ("detail", "Détail", "Detail"),
    ("target", "Cible", "Target audience"),
    (
        "causes",
        "Faiblesses, causes et solutions",
        "Weaknesses, causes and solutions",
    ),
    ("weakness", "Faiblesse", "Weakness"),
    ("cause", "Cause", "Cause"),
    ("solution", "Solution proposée", "Proposed solution"),
    ("proposals", "Axes d’amélioration", "Proposals"),
    ("analysis", "Analyse", "Analysis"),
    (
        "findings",
        "Constats tirés du calendrier",
        "Findings from the calendar",
    ),
    (
        "regularity",
        "Régularité de publication",
        "Publication regularity",
    ),
    ("cadence", "Cadence visée", "Target cadence"),
    ("periods_met", "Périodes tenues", "Periods on target"),
    (
        "no_cadence",
        "Aucune cadence n’est fixée dans trame.yaml.",
        "No cadence is set in trame.yaml.",
    ),
    ("by_code", "Problèmes par code", "Problems by code"),
    (
        "no_alt",
        "Publications avec une image sans texte alternatif",
        "Posts with an image without alt text",
    ),
    (
        "all_alt",
        "Toutes les images ont un texte alternatif.",
        "Every image has alt text.",
    ),
    ("calendar", "Calendrier", "Calendar"),
    ("week", "Semaine", "Week"),
    ("list", "Liste", "List"),
    ("board", "Tableau", "Board"),
    ("diagnostics", "Diagnostics", "Diagnostics"),
    ("audits", "Audits", "Audits"),
    ("campaigns", "Campagnes", "Campaigns"),
    ("previous", "Précédent", "Previous"),
    ("next", "Suivant", "Next"),
    ("today", "Aujourd’hui", "Today"),
    ("filters", "Filtrer", "Filter"),
    ("network", "Réseau", "Network"),
    ("status", "Statut", "Status"),
    ("campaign", "Campagne", "Campaign"),
    ("author", "Auteur", "Author"),
    ("all", "Tous", "All"),
    ("reset", "Tout afficher", "Show all"),
    ("copy", "Copier le texte", "Copy the text"),
    ("copied", "Copié", "Copied"),
    ("see_more", "… voir plus", "… see more"),
    ("length", "Longueur", "Length"),
    ("limit", "limite", "limit"),
    ("no_limit", "pas de limite", "no limit"),
    ("thread_part", "Partie", "Part"),
    ("first_comment", "Premier commentaire", "First comment"),
    ("link", "Lien", "Link"),
    ("title", "Titre", "Title"),
    ("date", "Date", "Date"),
    ("reviewer", "Relecture", "Reviewer"),
    ("pillar", "Pilier", "Pillar"),
    ("hashtags", "Hashtags", "Hashtags"),
    ("no_date", "Sans date", "No date"),
    ("problems", "Problèmes", "Problems"),
    ("no_problems", "Aucun problème.", "No problems."),
    ("preview", "Aperçus", "Previews"),
    ("brief", "Brief", "Brief"),
    ("goal", "Objectif", "Goal"),
    ("kpis", "Indicateurs", "KPIs"),
    ("posts", "Publications", "Posts"),
    ("per_network", "Par réseau", "Per network"),
    ("skip", "Aller au contenu", "Skip to content"),
    ("file", "Fichier", "File"),
    ("feeds", "Abonnement (ICS)", "Subscribe (ICS)"),
    ("errors", "erreurs", "errors"),
    ("warnings", "avertissements", "warnings"),
    ("infos", "informations", "infos"),
    ("media", "Médias", "Media"),
    ("variant", "Variante", "Variant"),
    ("mode_month", "Mois", "Month"),
    ("generated", "Généré par trame", "Generated by trame"),
    ("likes", "j’aime", "likes"),
    ("comments", "commentaires", "comments"),
    ("shares", "partages", "shares"),
    ("saves", "enregistrements", "saves"),
    ("link_colon", "Lien\u{a0}:", "Link:"),
    (
        "broken",
        "Ce fichier ne peut pas être lu : il apparaît sous le nom de son fichier, avec ses problèmes.",
        "This file cannot be read: it is shown by its file name, with its problems.",
    ),
    ("not_linked", "adresse non liée", "address not linked"),
];

/// Every label of the templates, for one language (built once).
pub fn labels(lang: Language) -> &'static BTreeMap<&'static str, &'static str> {
    static FR: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    static EN: OnceLock<BTreeMap<&'static str, &'static str>> = OnceLock::new();
    let (cell, fr) = match lang {
        Language::Fr => (&FR, true),
        Language::En => (&EN, false),
    };
    cell.get_or_init(|| {
        LABELS
            .iter()
            .map(|(k, f, e)| (*k, if fr { *f } else { *e }))
            .collect()
    })
}

/// One label.
pub fn label(lang: Language, key: &str) -> &'static str {
    labels(lang).get(key).copied().unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "Semaine 49 — 2026".
pub fn week_title(lang: Language, week: i8, year: i16) -> String {
    match lang {
        Language::Fr => format!("Semaine {week} — {year}"),
        Language::En => format!("Week {week} — {year}"),
    }
}

/// "2 erreurs" (the chip's error mark, the summary).
pub fn errors(lang: Language, n: usize) -> String {
    match lang {
        Language::Fr => plural(n, "erreur", "erreurs"),
        Language::En => plural(n, "error", "errors"),
    }
}

/// The diagnostics page's totals: "3 erreurs, 2 avertissements, 1 information".
pub fn diagnostics_summary(
    lang: Language,
    errors_n: usize,
    warnings: usize,
    infos: usize,
) -> String {
    match lang {
        Language::Fr => format!(
            "{}, {}, {}",
            errors(lang, errors_n),
            plural(warnings, "avertissement", "avertissements"),
            plural(infos, "information", "informations")
        ),
        Language::En => format!(
            "{}, {}, {}",
            errors(lang, errors_n),
            plural(warnings, "warning", "warnings"),
            plural(infos, "info", "infos")
        ),
    }
}

/// A diagnostic's severity, as the site shows it.
pub fn severity(lang: Language, s: Severity) -> &'static str {
    match (lang, s) {
        (Language::Fr, Severity::Error) => "erreur",
        (Language::Fr, Severity::Warning) => "avertissement",
        (Language::Fr, Severity::Info) => "info",
        (Language::En, Severity::Error) => "error",
        (Language::En, Severity::Warning) => "warning",
        (Language::En, Severity::Info) => "info",
    }
}

/// The length gauge of a preview card: "Longueur : 120 / 280".
pub fn length(lang: Language, length: usize, limit: Option<usize>) -> String {
    match (lang, limit) {
        (Language::Fr, Some(l)) => format!("Longueur\u{a0}: {length} / {l}"),
        (Language::Fr, None) => format!("Longueur\u{a0}: {length} (pas de limite)"),
        (Language::En, Some(l)) => format!("Length: {length} / {l}"),
        (Language::En, None) => format!("Length: {length} (no limit)"),
    }
}

/// "Partie 2 / 3" of a thread.
pub fn thread_part(lang: Language, n: usize, total: usize) -> String {
    match lang {
        Language::Fr => format!("Partie {n} / {total}"),
        Language::En => format!("Part {n} of {total}"),
    }
}

/// "LinkedIn : 3" (posts of a campaign per network).
pub fn per_network(lang: Language, network: &str, count: usize) -> String {
    match lang {
        Language::Fr => format!("{network}\u{a0}: {count}"),
        Language::En => format!("{network}: {count}"),
    }
}

/// "2 / 5" periods on target.
pub fn periods(met: usize, total: usize) -> String {
    format!("{met} / {total}")
}

/// A cadence as people say it: "2 par semaine", "2 a week".
pub fn cadence(lang: Language, c: &Cadence) -> String {
    let per = match (lang, c.per) {
        (Language::Fr, Period::Day) => "par jour",
        (Language::Fr, Period::Week) => "par semaine",
        (Language::Fr, Period::Month) => "par mois",
        (Language::En, Period::Day) => "a day",
        (Language::En, Period::Week) => "a week",
        (Language::En, Period::Month) => "a month",
    };
    format!("{} {per}", c.count)
}

/// 12400 → "12 400" (French, narrow no-break space) or "12,400" (English).
pub fn number(lang: Language, n: u64) -> String {
    let digits = n.to_string();
    let sep = if lang == Language::Fr {
        "\u{202f}"
    } else {
        ","
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// A number that may have decimals: "1 200", "0,5" (French) or "1,200", "0.5" (English).
pub fn decimal(lang: Language, x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        let n = number(lang, x.abs() as u64);
        return if x < 0.0 { format!("-{n}") } else { n };
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    match lang {
        Language::Fr => s.replace('.', ","),
        Language::En => s,
    }
}

/// A ratio as a percentage: 0.042 → "4,2 %" (French) or "4.2%" (English).
pub fn percent(lang: Language, x: f64) -> String {
    let v = format!("{:.1}", x * 100.0);
    match lang {
        Language::Fr => format!("{}\u{a0}%", v.replace('.', ",")),
        Language::En => format!("{v}%"),
    }
}

/// A signed percentage: "+4,2 %".
pub fn signed_percent(lang: Language, x: f64) -> String {
    let p = percent(lang, x);
    if x >= 0.0 { format!("+{p}") } else { p }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(number(Language::Fr, 12400), "12\u{202f}400");
        assert_eq!(number(Language::En, 1234567), "1,234,567");
        assert_eq!(percent(Language::Fr, 0.042), "4,2\u{a0}%");
        assert_eq!(signed_percent(Language::En, 0.042), "+4.2%");
        assert_eq!(decimal(Language::Fr, 1200.0), "1\u{202f}200");
        assert_eq!(decimal(Language::Fr, 0.045), "0,045");
        assert_eq!(errors(Language::Fr, 1), "1 erreur");
        assert_eq!(errors(Language::En, 2), "2 errors");
    }

    #[test]
    fn every_label_is_in_both_languages() {
        for (k, fr, en) in LABELS {
            assert!(!fr.is_empty() && !en.is_empty(), "{k}");
        }
        assert_eq!(labels(Language::Fr).len(), LABELS.len(), "a key twice");
    }
}
