//! Every diagnostic code trame emits, registered once: its name, its default severity and what
//! it means. The README's list is checked against this table (`tests/registry.rs`), and `rules:`
//! overrides in trame.yaml are validated through it. Charter codes (`charter/<rule id>`) come
//! from the project's charter and are not listed here.

use super::Severity;

macro_rules! codes {
    ($( $variant:ident = $name:literal, $severity:ident, $doc:literal; )*) => {
        /// A registered diagnostic code.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( #[doc = $doc] $variant, )*
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

            /// One line: when trame reports it.
            pub fn doc(self) -> &'static str {
                match self { $(Code::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    ConfigSyntax = "config/syntax", Error, "trame.yaml or charter.yaml is not valid YAML";
    ConfigUnknownKey = "config/unknown-key", Warning, "a key trame does not know in trame.yaml (with a \"did you mean\"), or an unknown code in `rules:`";
    ConfigInvalid = "config/invalid", Error, "a value of trame.yaml or charter.yaml that trame cannot use";
    FileRead = "file/read", Error, "a content file or folder that cannot be read";
    FileEncoding = "file/encoding", Error, "a content file that is not UTF-8 text";
    FileTooLarge = "file/too-large", Error, "a content file over 4 MB";
    FileUnknownFolder = "file/unknown-folder", Warning, "a folder (or file) in content/ that trame does not read: not posts, calendar, audits or veille";
    FileControlCharacter = "file/control-character", Warning, "an invisible control character (ESC, U+000B…) in a file: it is left out of what trame writes";
    FrontmatterMissingDelimiter = "frontmatter/missing-delimiter", Error, "no `---` block at the top of the file, or one never closed";
    FrontmatterSyntax = "frontmatter/syntax", Error, "the front matter is not valid YAML";
    FrontmatterMissingField = "frontmatter/missing-field", Error, "a required field is missing or empty";
    FrontmatterType = "frontmatter/type", Error, "a field has the wrong type (a list where a text is expected…)";
    FrontmatterDate = "frontmatter/date", Error, "a date that is not ISO 8601, or a local time that does not exist (DST)";
    FrontmatterUnknownKey = "frontmatter/unknown-key", Warning, "a key trame does not know (with a \"did you mean\"); a team's own fields go under `extra:`";
    FrontmatterDuplicateId = "frontmatter/duplicate-id", Error, "two files of one kind with the same name (ids come from file names)";
    FrontmatterInvalid = "frontmatter/invalid", Error, "a value of the right type that trame cannot use (a hashtag with spaces…)";
    FrontmatterLinkScheme = "frontmatter/link-scheme", Error, "a link that is not an http(s) or mailto address: it is not linked on the site";
    NetworkUnknown = "network/unknown", Error, "a network id neither built in nor in trame.yaml (in `networks`, a `::: section` or `variants`)";
    NetworkLength = "network/length", Error, "the variant is longer than the network allows";
    NetworkThreadPartLength = "network/thread-part-length", Error, "a thread part is still too long";
    NetworkFold = "network/fold", Info, "the first sentence does not fit before the \"see more\" fold";
    NetworkHashtagCount = "network/hashtag-count", Warning, "more hashtags than the network allows or advises";
    NetworkLinkNotClickable = "network/link-not-clickable", Warning, "a URL in the text of a network that does not make it a link (Instagram)";
    NetworkLinkCount = "network/link-count", Error, "more links than the network accepts";
    NetworkMediaRequired = "network/media-required", Error, "the network needs an image or a video";
    NetworkMediaCount = "network/media-count", Error, "more media files than the network takes";
    NetworkMediaRatio = "network/media-ratio", Warning, "an image the network will crop (aspect ratio)";
    NetworkMediaFormat = "network/media-format", Warning, "an image or video format the network does not take";
    NetworkMediaSize = "network/media-size", Error, "a media file larger than the network takes";
    NetworkVideoLength = "network/video-length", Error, "a video shorter or longer than the network takes";
    NetworkAltMissing = "network/alt-missing", Warning, "an image without alt text on a network that reads it out";
    NetworkAltLength = "network/alt-length", Error, "an alt text longer than the network accepts";
    NetworkTitleLength = "network/title-length", Error, "a title longer than the network accepts (YouTube, Pinterest)";
    NetworkTitleMissing = "network/title-missing", Error, "a network that needs a title (YouTube) and a post without one";
    VariantUnknownContact = "variant/unknown-contact", Error, "`@[key]` with no such contact in trame.yaml";
    VariantUnclosedSection = "variant/unclosed-section", Error, "a `::: network` section without its closing `:::`";
    VariantSectionNotPublished = "variant/section-not-published", Warning, "a section or `variants` entry for a network the post is not published on";
    VariantEmpty = "variant/empty", Error, "a variant with no text";
    VariantTooLarge = "variant/too-large", Error, "a text of over 100,000 characters (no network takes one): previews and .txt files keep its start";
    MediaNotFound = "media/not-found", Error, "a media file that does not exist (or is a folder)";
    MediaOutsideProject = "media/outside-project", Error, "a media path that leaves the project folder";
    MediaUnreadable = "media/unreadable", Error, "a media file that is not an image or video trame can read";
    WorkflowDateMissing = "workflow/date-missing", Error, "a post approved or later without a date";
    WorkflowReviewerMissing = "workflow/reviewer-missing", Error, "a post approved or later without a reviewer";
    WorkflowSelfReview = "workflow/self-review", Error, "the reviewer is the author";
    WorkflowOverdue = "workflow/overdue", Warning, "a date in the past on a post that is not published";
    CalendarUnknownCampaign = "calendar/unknown-campaign", Error, "a post names a campaign that does not exist";
    CalendarCadence = "calendar/cadence", Warning, "a period below the `cadence` target for a network";
    OutputConflict = "output/conflict", Error, "two generated files would have one path (a bug in trame): the second is not written";
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
            c.doc().replace('|', "\\|")
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
            assert!(!c.doc().is_empty());
            assert_eq!(Code::from_name(c.name()), Some(*c));
        }
    }
}
