//! The site's words in French and English (SPEC §2 `language`).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::diagnostics::Severity;
use crate::load::config::{Cadence, Language, Period};

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

/// Every label of the templates: key, French, English.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "standing",
        "Les réseaux de l’organisation",
        "Standing per network",
    ),
    ("followers", "Abonnés", "Followers"),
    (
        "video_download",
        "Télécharger la vidéo",
        "Download the video",
    ),
    (
        "chart_legend",
        "Barre claire\u{a0}: abonnés avant\u{202f}; barre foncée\u{a0}: aujourd’hui.",
        "Light bar: followers before; dark bar: now.",
    ),
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
    ("code", "Code", "Code"),
    ("meaning", "Ce qu’il signifie", "What it means"),
    (
        "shown_of",
        "{n} affichés sur {total}",
        "{n} shown of {total}",
    ),
    ("severity", "Gravité", "Severity"),
    ("count", "Nombre", "Count"),
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
    ("legend", "Légende", "Legend"),
    ("legend_networks", "Réseaux", "Networks"),
    (
        "legend_statuses",
        "Statuts (en pointillés et en italique : pas encore rédigé)",
        "Statuses (dashed and in italics: not written yet)",
    ),
    ("status", "Statut", "Status"),
    ("campaign", "Campagne", "Campaign"),
    ("author", "Auteur", "Author"),
    ("all", "Tous", "All"),
    ("reset", "Tout afficher", "Show all"),
    ("copy", "Copier le texte", "Copy the text"),
    ("copied", "Copié", "Copied"),
    ("copy_short", "Copier", "Copy"),
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
    ("list_months", "Mois de la liste", "Months of the list"),
    ("column_pages", "Pages de la colonne", "Pages of the column"),
    ("problems", "Problèmes", "Problems"),
    ("no_problems", "Aucun problème.", "No problems."),
    ("preview", "Aperçus", "Previews"),
    ("brief", "Brief", "Brief"),
    ("goal", "Objectif", "Goal"),
    ("kpis", "Indicateurs", "KPIs"),
    ("posts", "Publications", "Posts"),
    ("results", "Résultats", "Results"),
    ("report", "Rapport du mois", "Monthly report"),
    ("reports", "Rapports mensuels", "Monthly reports"),
    (
        "results_intro",
        "Les chiffres exportés des réseaux (dossier metrics/), reliés aux publications du calendrier. Un chiffre inconnu est noté «\u{202f}—\u{202f}», jamais 0.",
        "The figures exported from the networks (metrics/ folder), joined to the calendar's posts. An unknown figure shows as \"—\", never 0.",
    ),
    (
        "results_none",
        "Aucun résultat pour l’instant. Exportez les statistiques de vos publications depuis Meta Business Suite, LinkedIn ou X et déposez les fichiers dans le dossier metrics/ du projet, ou écrivez-les au format de trame (network,post,url,date,impressions,reach,likes,comments,shares,saves,clicks,video_views,followers).",
        "No results yet. Export your posts' statistics from Meta Business Suite, LinkedIn or X and put the files in the project's metrics/ folder, or write them in trame's format (network,post,url,date,impressions,reach,likes,comments,shares,saves,clicks,video_views,followers).",
    ),
    ("results_files", "Fichiers lus", "Files read"),
    ("format", "Format", "Format"),
    ("format_unknown", "format non reconnu", "unknown format"),
    (
        "formulas",
        "Les chiffres et leur formule",
        "The figures and their formula",
    ),
    ("fig_interactions", "Interactions", "Interactions"),
    (
        "fig_rate_reach",
        "Taux d’engagement (portée)",
        "Engagement rate (reach)",
    ),
    (
        "fig_rate_impressions",
        "Taux d’engagement (impressions)",
        "Engagement rate (impressions)",
    ),
    (
        "fig_rate_followers",
        "Taux d’engagement (abonnés)",
        "Engagement rate (followers)",
    ),
    ("fig_ctr", "Taux de clic", "Click-through rate"),
    ("fig_followers_gained", "Abonnés gagnés", "Followers gained"),
    ("impressions", "Impressions", "Impressions"),
    ("reach", "Portée", "Reach"),
    ("clicks", "Clics", "Clicks"),
    ("month", "Mois", "Month"),
    ("by_network", "Par réseau", "By network"),
    ("by_month", "Par mois", "By month"),
    (
        "by_network_month",
        "Par réseau et par mois",
        "By network and month",
    ),
    (
        "chart_interactions",
        "Interactions par mois",
        "Interactions per month",
    ),
    (
        "best_posts",
        "Les 10 publications qui ont le mieux marché",
        "The 10 posts that did best",
    ),
    (
        "bottom_posts",
        "Les 10 publications qui ont le moins marché",
        "The 10 posts that did least",
    ),
    (
        "ranked_by",
        "Classées par interactions.",
        "Ranked by interactions.",
    ),
    ("pillars", "Piliers éditoriaux", "Editorial pillars"),
    (
        "best_times",
        "Les meilleurs moments de la semaine",
        "The best times of the week",
    ),
    (
        "best_times_note",
        "Taux d’engagement (impressions) des publications par jour et heure de parution, heure du projet.",
        "Engagement rate (impressions) of the posts by day and hour of publication, in the project's time zone.",
    ),
    ("hour", "Heure", "Hour"),
    ("day", "Jour", "Day"),
    (
        "followers_growth",
        "Évolution des abonnés",
        "Follower growth",
    ),
    ("first_figure", "Premier relevé", "First figure"),
    ("last_figure", "Dernier relevé", "Last figure"),
    (
        "unmatched",
        "Lignes sans publication du calendrier",
        "Rows without a post of the calendar",
    ),
    (
        "unmatched_note",
        "Publications parues hors du calendrier (ou à relier avec `published`) : elles comptent dans les totaux de leur réseau.",
        "Posts published outside the calendar (or to be joined with `published`): they count in their network's totals.",
    ),
    ("place", "Fichier et ligne", "File and line"),
    ("address", "Adresse", "Address"),
    (
        "campaign_goals",
        "Objectifs des campagnes",
        "Campaign goals",
    ),
    ("kpi", "Indicateur", "KPI"),
    ("kpi_target", "Objectif", "Target"),
    ("actual", "Réalisé", "Actual"),
    ("gap", "Écart", "Gap"),
    ("state", "État", "State"),
    ("of_target", "de l’objectif", "of target"),
    ("kpi_reached", "atteint", "reached"),
    ("kpi_missed", "non atteint", "missed"),
    ("kpi_unknown", "inconnu", "unknown"),
    ("kpi_not_computed", "non calculé", "not computed"),
    ("this_month", "Ce mois", "This month"),
    ("previous_month", "Mois précédent", "Previous month"),
    ("change", "Évolution", "Change"),
    (
        "against_previous",
        "Le mois face au précédent",
        "The month against the previous one",
    ),
    ("what_worked", "Ce qui a marché", "What worked"),
    (
        "what_did_not",
        "Ce qui a moins marché",
        "What did less well",
    ),
    ("print", "Imprimer", "Print"),
    ("post_results", "Résultats", "Results"),
    ("per_network", "Par réseau", "Per network"),
    ("skip", "Aller au contenu", "Skip to content"),
    ("file", "Fichier", "File"),
    ("feeds", "Abonnements", "Subscribe"),
    (
        "feeds_title",
        "S\u{2019}abonner au calendrier",
        "Subscribe to the calendar",
    ),
    (
        "feeds_intro",
        "Chaque fichier .ics s\u{2019}ouvre dans Google Agenda, Outlook ou Calendrier\u{a0}: tout le calendrier, ou les publications d\u{2019}un seul réseau.",
        "Each .ics file opens in Google Calendar, Outlook or Apple Calendar: the whole calendar, or the posts of one network.",
    ),
    (
        "feeds_no_base_url",
        "Pour un abonnement qui se met à jour tout seul, indiquez l\u{2019}adresse du site publié dans trame.yaml (base_url)\u{a0}: cette page donnera alors les liens d\u{2019}abonnement.",
        "For a subscription that updates itself, give the published site\u{2019}s address in trame.yaml (base_url): this page will then give the subscription links.",
    ),
    ("feeds_all", "Tout le calendrier", "The whole calendar"),
    ("feeds_subscribe", "S\u{2019}abonner", "Subscribe"),
    (
        "feeds_download",
        "Télécharger le fichier .ics",
        "Download the .ics file",
    ),
    ("feeds_copy", "Copier l\u{2019}adresse", "Copy the address"),
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
    ("veille", "Veille", "Monitoring"),
    (
        "veille_intro",
        "Ce que l’équipe a repéré en surveillant son métier, son secteur, ses concurrents et ce qui se dit de l’organisation. Les plus récentes d’abord.",
        "What the team found watching its trade, its sector, its competitors and what is said about the organisation. Newest first.",
    ),
    ("veille_kind", "Type", "Kind"),
    ("veille_metier", "Veille métier", "Trade"),
    ("veille_sectorielle", "Veille sectorielle", "Sector"),
    (
        "veille_concurrentielle",
        "Veille concurrentielle",
        "Competitors",
    ),
    ("veille_e-reputation", "E-réputation", "E-reputation"),
    (
        "veille_metier_about",
        "Le métier de community manager\u{a0}: réseaux, formats, outils.",
        "The community manager's trade: networks, formats, tools.",
    ),
    (
        "veille_sectorielle_about",
        "Le secteur de l’organisation\u{a0}: marché, tendances, réglementation.",
        "The organisation's sector: market, trends, regulation.",
    ),
    (
        "veille_concurrentielle_about",
        "Ce que font les concurrents.",
        "What the competitors do.",
    ),
    (
        "veille_e-reputation_about",
        "Ce qui se dit de l’organisation (une crise commence ici).",
        "What is said about the organisation (a crisis starts here).",
    ),
    (
        "veille_none",
        "Aucune note de ce type.",
        "No note of this kind.",
    ),
    (
        "veille_empty",
        "Aucune note de veille pour l’instant\u{a0}: `trame veille` récupère les sources de trame.yaml, `trame new veille` en crée une à la main.",
        "No veille note yet: `trame veille` fetches the sources of trame.yaml, `trame new veille` creates one by hand.",
    ),
    ("source", "Source", "Source"),
    ("tone", "Ton", "Tone"),
    ("tone_positive", "positif", "positive"),
    ("tone_neutral", "neutre", "neutral"),
    ("tone_negative", "négatif", "negative"),
    ("note_new", "nouvelle", "new"),
    ("note_read", "lue", "read"),
    ("note_idea", "idée", "idea"),
    ("note_used", "utilisée", "used"),
    ("note_archived", "archivée", "archived"),
    ("used_in", "Utilisée dans\u{a0}:", "Used in:"),
    ("keywords", "Mots surveillés\u{a0}:", "Watched words:"),
    ("total", "Total", "Total"),
    (
        "timeline",
        "E-réputation, jour par jour",
        "E-reputation, day by day",
    ),
    (
        "timeline_none",
        "Aucune note d’e-réputation.",
        "No e-reputation note.",
    ),
    (
        "competitors_weekly",
        "Activité des concurrents par semaine",
        "Competitors' activity per week",
    ),
    (
        "competitors_weekly_about",
        "Notes de veille concurrentielle par semaine, à côté des chiffres du dernier état des lieux.",
        "Competitive monitoring notes per week, next to the figures of the latest audit.",
    ),
    ("week_of", "Semaine du", "Week of"),
    ("audit_figures", "État des lieux", "Audit"),
    ("posts_per_week_short", "publ./sem.", "posts/wk"),
    ("alert_title", "Alerte e-réputation", "E-reputation alert"),
    ("read_item", "Lire l’article", "Read the item"),
    ("shown_notes", "notes affichées", "notes shown"),
    ("followers_short", "abonnés", "followers"),
    ("veille_sources", "Sources (veille)", "Sources (monitoring)"),
    ("dead_links", "Liens morts", "Dead links"),
    ("history", "Historique (git)", "History (git)"),
    ("not_found_title", "Page introuvable", "Page not found"),
    (
        "not_found_intro",
        "Cette adresse ne correspond à aucune page du calendrier\u{a0}: la publication a peut-être changé de nom ou de date.",
        "This address matches no page of the calendar: the post may have been renamed or moved to another date.",
    ),
    (
        "not_found_home",
        "Revenir au calendrier",
        "Back to the calendar",
    ),
    (
        "atom_title",
        "Fil des publications en ligne (Atom)",
        "Published posts (Atom)",
    ),
    ("answer", "Réponse", "Answer"),
    ("where", "Où", "Where"),
    ("checked_on", "Vérifié le", "Checked on"),
    (
        "no_dead_links",
        "Aucun lien mort connu\u{a0}: `trame check --links` vérifie chaque adresse et met cette liste à jour.",
        "No dead link known: `trame check --links` checks every address and updates this list.",
    ),
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

/// "2 erreurs": in French, 0 and 1 take the singular ("0 erreur"); in English, 1 only.
fn plural(lang: Language, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Language::Fr => n <= 1,
        Language::En => n == 1,
    };
    format!(
        "{} {}",
        number(lang, n as u64),
        if singular { one } else { many }
    )
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
        Language::Fr => plural(lang, n, "erreur", "erreurs"),
        Language::En => plural(lang, n, "error", "errors"),
    }
}

/// The link under a full day of the month view: "+ 12 autres publications".
pub fn more_posts(lang: Language, n: usize) -> String {
    let n = number(lang, n as u64);
    match lang {
        Language::Fr => format!("+ {n} autres publications"),
        Language::En => format!("+ {n} more posts"),
    }
}

/// The link under a board column that shows its first cards: "Voir les 8 700 publications".
pub fn see_all_posts(lang: Language, n: usize) -> String {
    let n = number(lang, n as u64);
    match lang {
        Language::Fr => format!("Voir les {n} publications"),
        Language::En => format!("See all {n} posts"),
    }
}

/// One page of a list split in pages: "page 2 sur 44".
pub fn page_of(lang: Language, k: usize, n: usize) -> String {
    let (k, n) = (number(lang, k as u64), number(lang, n as u64));
    match lang {
        Language::Fr => format!("page {k} sur {n}"),
        Language::En => format!("page {k} of {n}"),
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

/// A severity under a count: "erreurs", "avertissement".
pub fn severity_plural(lang: Language, s: Severity, n: usize) -> &'static str {
    let one = match lang {
        Language::Fr => n <= 1,
        Language::En => n == 1,
    };
    match (lang, s, one) {
        (Language::Fr, Severity::Error, true) => "erreur",
        (Language::Fr, Severity::Error, false) => "erreurs",
        (Language::Fr, Severity::Warning, true) => "avertissement",
        (Language::Fr, Severity::Warning, false) => "avertissements",
        (Language::Fr, Severity::Info, true) => "information",
        (Language::Fr, Severity::Info, false) => "informations",
        (Language::En, Severity::Error, true) => "error",
        (Language::En, Severity::Error, false) => "errors",
        (Language::En, Severity::Warning, true) => "warning",
        (Language::En, Severity::Warning, false) => "warnings",
        (Language::En, Severity::Info, true) => "info",
        (Language::En, Severity::Info, false) => "infos",
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

/// "3 fichiers concernés".
pub fn files_affected(lang: Language, n: usize) -> String {
    match lang {
        Language::Fr => plural(lang, n, "fichier concerné", "fichiers concernés"),
        Language::En => plural(lang, n, "file affected", "files affected"),
    }
}

/// Who writes and who reviews a post, for the board: "Camille, relu par Nadia".
pub fn people(lang: Language, author: Option<&str>, reviewer: Option<&str>) -> Option<String> {
    match (lang, author, reviewer) {
        (_, None, None) => None,
        (_, Some(a), None) => Some(a.to_string()),
        (Language::Fr, Some(a), Some(r)) => Some(format!("{a}, relu par {r}")),
        (Language::En, Some(a), Some(r)) => Some(format!("{a}, reviewed by {r}")),
        (Language::Fr, None, Some(r)) => Some(format!("Relu par {r}")),
        (Language::En, None, Some(r)) => Some(format!("Reviewed by {r}")),
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

pub use crate::base::l10n::{decimal, long_date, month_name, number};

/// A KPI's name as a reader says it: the figures trame knows by their name in the page's
/// language, any other as written with spaces (`nouveaux_abonnes` → "Nouveaux abonnes").
pub fn kpi_name(lang: Language, name: &str) -> String {
    let known = match (lang, name) {
        (Language::Fr, "engagement_rate") => "Taux d\u{2019}engagement",
        (Language::Fr, "engagement_rate_reach") => "Taux d\u{2019}engagement (portée)",
        (Language::Fr, "engagement_rate_impressions") => "Taux d\u{2019}engagement (impressions)",
        (Language::Fr, "engagement_rate_followers") => "Taux d\u{2019}engagement (abonnés)",
        (Language::Fr, "ctr") => "Taux de clic",
        (Language::Fr, "clicks") => "Clics",
        (Language::Fr, "reach") => "Portée",
        (Language::Fr, "likes") => "J\u{2019}aime",
        (Language::Fr, "comments") => "Commentaires",
        (Language::Fr, "shares") => "Partages",
        (Language::Fr, "saves") => "Enregistrements",
        (Language::Fr, "video_views") => "Vues de vidéo",
        (Language::Fr, "posts") => "Publications",
        (Language::Fr, "followers_gained") => "Abonnés gagnés",
        (Language::En, "engagement_rate") => "Engagement rate",
        (Language::En, "engagement_rate_reach") => "Engagement rate (reach)",
        (Language::En, "engagement_rate_impressions") => "Engagement rate (impressions)",
        (Language::En, "engagement_rate_followers") => "Engagement rate (followers)",
        (Language::En, "ctr") => "Click-through rate",
        (Language::En, "video_views") => "Video views",
        (Language::En, "followers_gained") => "Followers gained",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let spaced = name.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => spaced,
    }
}

/// The followers chart in words: "Abonnés — Instagram : 12 400 (avant : 11 000) ; …".
pub fn followers_chart(lang: Language, title: &str, rows: &[(String, u64, Option<u64>)]) -> String {
    let (colon, before, sep) = match lang {
        Language::Fr => ("\u{a0}:", "avant", " ; "),
        Language::En => (":", "before", "; "),
    };
    let parts: Vec<String> = rows
        .iter()
        .map(|(label, now, prev)| {
            let mut s = format!("{label}{colon} {}", number(lang, *now));
            if let Some(p) = prev {
                s.push_str(&format!(" ({before}{colon} {})", number(lang, *p)));
            }
            s
        })
        .collect();
    format!("{title} — {}", parts.join(sep))
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

/// A chart of bars in words: "Interactions par mois — novembre 2026 : 1 234 ; …".
pub fn bars_name(lang: Language, title: &str, rows: &[(String, u64, Option<u64>)]) -> String {
    let (colon, sep) = match lang {
        Language::Fr => ("\u{a0}:", "\u{202f}; "),
        Language::En => (":", "; "),
    };
    let parts: Vec<String> = rows
        .iter()
        .map(|(label, v, _)| format!("{label}{colon} {}", number(lang, *v)))
        .collect();
    format!("{title} — {}", parts.join(sep))
}

/// "… et 24 900 autres lignes, toutes dans results.json".
pub fn more_rows(lang: Language, n: usize) -> String {
    match lang {
        Language::Fr => format!(
            "… et {}, toutes dans results.json.",
            plural(lang, n, "autre ligne", "autres lignes")
        ),
        Language::En => format!(
            "… and {} more, all in results.json.",
            plural(lang, n, "row", "rows")
        ),
    }
}

/// A change of a rate in percentage points: "+1,2 pt".
pub fn signed_points(lang: Language, points: f64) -> String {
    let v = format!("{points:+.1}").replace('-', "\u{2212}");
    match lang {
        Language::Fr => format!("{}\u{a0}pt", v.replace('.', ",")),
        Language::En => format!("{v} pt"),
    }
}

/// A slot of the best-times table: "2 publications, 4,5 %".
pub fn slot_title(lang: Language, posts: usize, rate: Option<String>) -> String {
    let p = match lang {
        Language::Fr => plural(lang, posts, "publication", "publications"),
        Language::En => plural(lang, posts, "post", "posts"),
    };
    match rate {
        Some(r) => format!("{p}, {r}"),
        None => p,
    }
}

/// "« Titre » sur Instagram : 377 interactions (7,0 % de la portée ou des impressions)".
pub fn post_statement(
    lang: Language,
    title: &str,
    network: &str,
    interactions: u64,
    rate: Option<String>,
) -> String {
    let n = number(lang, interactions);
    match (lang, rate) {
        (Language::Fr, Some(r)) => {
            format!(
                "«\u{202f}{title}\u{202f}» sur {network}\u{a0}: {n} interactions, taux d’engagement {r}"
            )
        }
        (Language::Fr, None) => {
            format!("«\u{202f}{title}\u{202f}» sur {network}\u{a0}: {n} interactions")
        }
        (Language::En, Some(r)) => {
            format!("\"{title}\" on {network}: {n} interactions, engagement rate {r}")
        }
        (Language::En, None) => format!("\"{title}\" on {network}: {n} interactions"),
    }
}

/// "Meilleur pilier, « conseils » : taux d’engagement 4,5 % sur 3 publications".
pub fn pillar_statement(
    lang: Language,
    pillar: &str,
    rate: &str,
    posts: usize,
    best: bool,
) -> String {
    match lang {
        Language::Fr => format!(
            "{}, «\u{202f}{pillar}\u{202f}»\u{a0}: taux d’engagement (impressions) {rate} sur {}",
            if best {
                "Meilleur pilier"
            } else {
                "Pilier le plus faible"
            },
            plural(lang, posts, "publication", "publications")
        ),
        Language::En => format!(
            "{} pillar, \"{pillar}\": engagement rate (impressions) {rate} over {}",
            if best { "Best" } else { "Weakest" },
            plural(lang, posts, "post", "posts")
        ),
    }
}

/// "Meilleur réseau : Instagram, taux d’engagement 6,1 %".
pub fn network_statement(lang: Language, network: &str, rate: &str, best: bool) -> String {
    match lang {
        Language::Fr => format!(
            "{}\u{a0}: {network}, taux d’engagement (impressions) {rate}",
            if best {
                "Meilleur réseau"
            } else {
                "Réseau le plus faible"
            }
        ),
        Language::En => format!(
            "{} network: {network}, engagement rate (impressions) {rate}",
            if best { "Best" } else { "Weakest" }
        ),
    }
}

/// "Meilleur moment : mar. à 18 h, taux d’engagement 5,2 % (2 publications)".
pub fn slot_statement(lang: Language, day: &str, hour: u8, rate: &str, posts: usize) -> String {
    match lang {
        Language::Fr => format!(
            "Meilleur moment\u{a0}: {day} à {hour}\u{a0}h, taux d’engagement (impressions) {rate} ({})",
            plural(lang, posts, "publication", "publications")
        ),
        Language::En => format!(
            "Best time: {day} at {hour}:00, engagement rate (impressions) {rate} ({})",
            plural(lang, posts, "post", "posts")
        ),
    }
}

/// The veille page's banner: "4 notes négatives en 24 heures, du … au …".
pub fn alert(lang: Language, n: usize, from: &str, to: &str) -> String {
    match lang {
        Language::Fr => format!(
            "{} négatives d\u{2019}e-réputation en 24\u{a0}heures, du {from} au {to}\u{a0}: une crise commence peut-être. Lisez-les et prévenez l\u{2019}équipe.",
            plural(lang, n, "note", "notes")
        ),
        Language::En => format!(
            "{} negative e-reputation {} within 24 hours, from {from} to {to}: a crisis may be starting. Read them and warn the team.",
            number(lang, n as u64),
            if n == 1 { "note" } else { "notes" }
        ),
    }
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
        assert_eq!(decimal(Language::Fr, 12500.5), "12\u{202f}500,5");
        assert_eq!(decimal(Language::En, -1500.25), "-1,500.25");
        assert_eq!(kpi_name(Language::Fr, "ctr"), "Taux de clic");
        assert_eq!(kpi_name(Language::En, "clicks"), "Clicks");
        assert_eq!(
            kpi_name(Language::Fr, "nouveaux_abonnes"),
            "Nouveaux abonnes"
        );
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
