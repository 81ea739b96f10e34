//! The site's words in French and English (SPEC §2 `language`).

use serde_json::{Value, json};

use crate::load::config::Language;

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
];

pub fn labels(lang: Language) -> Value {
    let map: serde_json::Map<String, Value> = LABELS
        .iter()
        .map(|(k, fr, en)| {
            (
                k.to_string(),
                json!(if lang == Language::Fr { *fr } else { *en }),
            )
        })
        .collect();
    Value::Object(map)
}
