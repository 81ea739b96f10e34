//! Every diagnostic code trame emits, registered once: its name, its default severity and what
//! it means. The README's list is checked against this table (`tests/registry.rs`), and `rules:`
//! overrides in trame.yaml are validated through it. Charter codes (`charter/<rule id>`) come
//! from the project's charter and are not listed here.

use super::Severity;

macro_rules! codes {
    ($( $variant:ident = $name:literal, $severity:ident; )*) => {
        /// A registered diagnostic code. What each one means is said in the catalogues
        /// (`code-<family>-<name>` in locales/*.ftl), in both languages.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $name] $variant, )*
        }

        impl Code {
            /// Every registered code, in the order of the table.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code as users write it: `family/name`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name,)* }
            }

            /// The severity a diagnostic of this code has unless `rules:` says otherwise.
            pub fn default_severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity,)* }
            }
        }
    };
}

codes! {
    ConfigSyntax = "config/syntax", Error;
    ConfigUnknownKey = "config/unknown-key", Warning;
    ConfigInvalid = "config/invalid", Error;
    FileRead = "file/read", Error;
    FileEncoding = "file/encoding", Error;
    FileTooLarge = "file/too-large", Error;
    FileUnknownFolder = "file/unknown-folder", Warning;
    FileControlCharacter = "file/control-character", Warning;
    FrontmatterMissingDelimiter = "frontmatter/missing-delimiter", Error;
    FrontmatterSyntax = "frontmatter/syntax", Error;
    FrontmatterMissingField = "frontmatter/missing-field", Error;
    FrontmatterType = "frontmatter/type", Error;
    FrontmatterDate = "frontmatter/date", Error;
    FrontmatterUnknownKey = "frontmatter/unknown-key", Warning;
    FrontmatterDuplicateId = "frontmatter/duplicate-id", Error;
    FrontmatterInvalid = "frontmatter/invalid", Error;
    FrontmatterLinkScheme = "frontmatter/link-scheme", Error;
    NetworkUnknown = "network/unknown", Error;
    NetworkLength = "network/length", Error;
    NetworkThreadPartLength = "network/thread-part-length", Error;
    NetworkFold = "network/fold", Info;
    NetworkHashtagCount = "network/hashtag-count", Warning;
    NetworkLinkNotClickable = "network/link-not-clickable", Warning;
    NetworkLinkCount = "network/link-count", Error;
    NetworkMediaRequired = "network/media-required", Error;
    NetworkMediaCount = "network/media-count", Error;
    NetworkMediaRatio = "network/media-ratio", Warning;
    NetworkMediaFormat = "network/media-format", Warning;
    NetworkMediaSize = "network/media-size", Error;
    NetworkVideoLength = "network/video-length", Error;
    NetworkAltMissing = "network/alt-missing", Warning;
    NetworkAltLength = "network/alt-length", Error;
    NetworkTitleLength = "network/title-length", Error;
    NetworkTitleMissing = "network/title-missing", Error;
    VariantUnknownContact = "variant/unknown-contact", Error;
    VariantUnclosedSection = "variant/unclosed-section", Error;
    VariantSectionNotPublished = "variant/section-not-published", Warning;
    VariantEmpty = "variant/empty", Error;
    VariantTooLarge = "variant/too-large", Error;
    MediaNotFound = "media/not-found", Error;
    MediaOutsideProject = "media/outside-project", Error;
    MediaUnreadable = "media/unreadable", Error;
    WorkflowDateMissing = "workflow/date-missing", Error;
    WorkflowReviewerMissing = "workflow/reviewer-missing", Error;
    WorkflowSelfReview = "workflow/self-review", Error;
    WorkflowOverdue = "workflow/overdue", Warning;
    CalendarUnknownCampaign = "calendar/unknown-campaign", Error;
    CalendarCadence = "calendar/cadence", Warning;
    CalendarKpiUnknown = "calendar/kpi-unknown", Warning;
    MetricsSyntax = "metrics/syntax", Error;
    MetricsUnknownFormat = "metrics/unknown-format", Error;
    MetricsValue = "metrics/value", Error;
    MetricsUnknownPost = "metrics/unknown-post", Info;
    MetricsAmbiguous = "metrics/ambiguous", Warning;
    VeilleUnknownNote = "veille/unknown-note", Error;
    VeilleAlert = "veille/alert", Warning;
    VeilleFeed = "veille/feed", Warning;
    LinkDead = "link/dead", Error;
    LinkUnreachable = "link/unreachable", Warning;
    LinkRedirect = "link/redirect", Info;
    ExportUnsupported = "export/unsupported", Error;
    ExportNotCarried = "export/not-carried", Warning;
    OutputConflict = "output/conflict", Error;
}

/// Codes whose errors only matter when a post goes out. On a post still at `idea` or `draft`
/// they are warnings (with the charter's own errors), so that a team's workspace never stops
/// the site from building; from `review` on they are errors again.
pub const AT_PUBLICATION: &[Code] = &[
    Code::NetworkLength,
    Code::NetworkThreadPartLength,
    Code::NetworkLinkCount,
    Code::NetworkMediaRequired,
    Code::NetworkMediaCount,
    Code::NetworkMediaSize,
    Code::NetworkVideoLength,
    Code::NetworkAltLength,
    Code::NetworkTitleLength,
    Code::NetworkTitleMissing,
    Code::VariantEmpty,
    Code::VariantTooLarge,
    Code::VariantUnknownContact,
    Code::MediaNotFound,
    Code::MediaUnreadable,
    Code::CalendarUnknownCampaign,
];

impl Code {
    /// The registered code of this name.
    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.name() == name)
    }

    /// The catalogue's message that says what the code means (`code-network-length`).
    pub fn message_id(self) -> String {
        format!("code-{}", self.name().replace('/', "-"))
    }

    /// One line: when trame reports it, in `lang`.
    pub fn doc(self, lang: crate::base::l10n::Language) -> String {
        crate::base::l10n::tr(lang, &self.message_id(), &[])
    }

    /// The family: `network` for `network/length`.
    pub fn family(self) -> &'static str {
        self.name().split('/').next().unwrap_or_default()
    }
}

/// The table of codes the README shows (`tests/registry.rs` keeps them the same).
pub fn markdown_table() -> String {
    let mut out = String::from("| code | default | when |\n|---|---|---|\n");
    for c in Code::ALL {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.name(),
            c.default_severity().as_str(),
            c.doc(crate::base::l10n::Language::En).replace('|', "\\|")
        ));
    }
    out.push_str("| `charter/<id>` | as the charter says | a rule of `charter.yaml` |\n");
    out
}

/// The codes of [`AT_PUBLICATION`], for the README.
pub fn at_publication_list() -> String {
    let mut names: Vec<String> = AT_PUBLICATION
        .iter()
        .map(|c| format!("`{}`", c.name()))
        .collect();
    names.push("`charter/<id>`".into());
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.name()), "{} twice", c.name());
            let (family, rest) = c.name().split_once('/').unwrap_or_default();
            assert!(!family.is_empty() && !rest.is_empty(), "{}", c.name());
            assert!(
                c.name()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '/' || ch == '-'),
                "{}",
                c.name()
            );
            assert!(!c.doc(crate::base::l10n::Language::En).is_empty());
            assert_eq!(Code::from_name(c.name()), Some(*c));
        }
    }
}
