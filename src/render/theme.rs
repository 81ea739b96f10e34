//! The theme: handlebars templates and static files. The default theme (`themes/default/`) is
//! embedded in the binary, so an installed trame works in any project; a project's
//! `themes/<theme>/templates/<name>.hbs` or `themes/<theme>/static/<name>` replaces the file of
//! the same name. Templates run in strict mode: a template that names a field its page does not
//! have is an error, not an empty string.

use std::path::Path;

use handlebars::Handlebars;
use serde::Serialize;

use crate::load::config::Config;

/// Templates of the default theme, by name.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "layout",
        include_str!("../../themes/default/templates/layout.hbs"),
    ),
    (
        "month",
        include_str!("../../themes/default/templates/month.hbs"),
    ),
    (
        "post",
        include_str!("../../themes/default/templates/post.hbs"),
    ),
    (
        "board",
        include_str!("../../themes/default/templates/board.hbs"),
    ),
    (
        "campaign",
        include_str!("../../themes/default/templates/campaign.hbs"),
    ),
    (
        "diagnostics",
        include_str!("../../themes/default/templates/diagnostics.hbs"),
    ),
    (
        "week",
        include_str!("../../themes/default/templates/week.hbs"),
    ),
    (
        "audit",
        include_str!("../../themes/default/templates/audit.hbs"),
    ),
    (
        "list",
        include_str!("../../themes/default/templates/list.hbs"),
    ),
    (
        "chip",
        include_str!("../../themes/default/templates/chip.hbs"),
    ),
    (
        "feeds",
        include_str!("../../themes/default/templates/feeds.hbs"),
    ),
    (
        "filters",
        include_str!("../../themes/default/templates/filters.hbs"),
    ),
    (
        "card",
        include_str!("../../themes/default/templates/card.hbs"),
    ),
    (
        "problems",
        include_str!("../../themes/default/templates/problems.hbs"),
    ),
    (
        "results",
        include_str!("../../themes/default/templates/results.hbs"),
    ),
    (
        "figtable",
        include_str!("../../themes/default/templates/figtable.hbs"),
    ),
    (
        "posttable",
        include_str!("../../themes/default/templates/posttable.hbs"),
    ),
    (
        "scorecard",
        include_str!("../../themes/default/templates/scorecard.hbs"),
    ),
    (
        "veille",
        include_str!("../../themes/default/templates/veille.hbs"),
    ),
    (
        "not_found",
        include_str!("../../themes/default/templates/not_found.hbs"),
    ),
];

/// The templates of whole pages: each renders the page's own part, which the `layout` template
/// then frames (`{{{content}}}`). Framing in two renders, rather than the page calling the
/// layout as a partial block (`{{#> layout}}`), spares handlebars a deep copy of every page's
/// context (a tenth of a 10,000-post build). A project's own templates written the old way
/// (`{{#> layout}}…{{/layout}}` around a page, `{{> @partial-block}}` in the layout) are read
/// the new way.
pub const PAGES: &[&str] = &[
    "month",
    "post",
    "board",
    "campaign",
    "diagnostics",
    "week",
    "audit",
    "list",
    "feeds",
    "results",
    "veille",
    "not_found",
];

/// Static files of the default theme, by name.
pub const STATIC: &[(&str, &str)] = &[
    (
        "style.css",
        include_str!("../../themes/default/static/style.css"),
    ),
    ("app.js", include_str!("../../themes/default/static/app.js")),
];

/// Theme files larger than this are not read (a template is a few kilobytes).
const MAX_THEME_FILE: u64 = 1024 * 1024;

#[derive(Debug, Clone, thiserror::Error)]
pub enum ThemeError {
    #[error(
        "template {name}: {message}\nhelp: fix the template, or delete it to use trame's default"
    )]
    Template { name: String, message: String },
}

/// A file of the theme: the project's own `themes/<theme>/…` if it has one, else the default.
fn theme_file(config: &Config, sub: &str, name: &str, default: &str) -> String {
    let path = config
        .root
        .join("themes")
        .join(&config.theme)
        .join(sub)
        .join(name);
    crate::base::fs::read(&config.root, &path, MAX_THEME_FILE)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_else(|| default.to_string())
}

/// The project's own file that replaces a default template, if there is one.
fn own_template(root: &Path, theme: &str, name: &str) -> Option<String> {
    let own = format!("themes/{theme}/templates/{name}.hbs");
    root.join(&own).is_file().then_some(own)
}

/// The compiled templates, and what to call each in an error (the project's own file, or
/// trame's default).
pub struct Theme {
    hb: Handlebars<'static>,
    names: std::collections::BTreeMap<&'static str, String>,
}

/// Compiles the templates once for a build (or a watch session).
pub fn registry(config: &Config) -> Result<Theme, ThemeError> {
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    // `{{{ticks message}}}`: a diagnostic's text, escaped, with its `code` as <code>.
    handlebars::handlebars_helper!(ticks: |s: str| crate::render::html::ticks_html(s));
    hb.register_helper("ticks", Box::new(ticks));
    let mut names = std::collections::BTreeMap::new();
    for (name, default) in TEMPLATES {
        let text = theme_file(config, "templates", &format!("{name}.hbs"), default);
        let shown = template_name(config, name);
        let text = if PAGES.contains(name) {
            unwrap_layout_block(text)
        } else if *name == "layout" {
            text.replace("{{> @partial-block }}", "{{{content}}}")
                .replace("{{> @partial-block}}", "{{{content}}}")
        } else {
            text
        };
        hb.register_template_string(name, text)
            .map_err(|e| ThemeError::Template {
                name: shown.clone(),
                message: e.to_string(),
            })?;
        names.insert(*name, shown);
    }
    Ok(Theme { hb, names })
}

/// A page template written for a layout called as a partial block (`{{#> layout}}…{{/layout}}`,
/// the way themes were written before pages were framed in two renders) is the same page
/// without those two lines.
fn unwrap_layout_block(text: String) -> String {
    let trimmed = text.trim();
    match trimmed
        .strip_prefix("{{#> layout}}")
        .and_then(|t| t.strip_suffix("{{/layout}}"))
    {
        Some(inner) => inner.trim_start_matches('\n').to_string(),
        None => text,
    }
}

fn template_name(config: &Config, name: &str) -> String {
    match own_template(&config.root, &config.theme, name) {
        Some(own) => format!("{own} (the project's own template)"),
        None => format!("{name}.hbs"),
    }
}

impl Theme {
    /// Renders a template with its page's view, framed by the layout if it is a page. The view
    /// is serialised once into the handlebars context (handlebars would otherwise copy it whole
    /// first), and the layout reads the same context, the page's part added as `content`.
    pub fn render<V: Serialize>(&self, name: &str, view: &V) -> Result<String, ThemeError> {
        let error = |name: &str, message: String| ThemeError::Template {
            name: self
                .names
                .get(name)
                .cloned()
                .unwrap_or_else(|| format!("{name}.hbs")),
            message,
        };
        let mut ctx = handlebars::Context::wraps(view).map_err(|e| error(name, e.to_string()))?;
        let mut part = self
            .hb
            .render_with_context(name, &ctx)
            .map_err(|e| error(name, e.to_string()))?;
        if !PAGES.contains(&name) {
            return Ok(part);
        }
        // The part's last line breaks belong to the template file, not to the page.
        part.truncate(part.trim_end_matches('\n').len());
        if let Some(data) = ctx.data_mut().as_object_mut() {
            data.insert("content".to_string(), serde_json::Value::String(part));
        }
        self.hb
            .render_with_context("layout", &ctx)
            .map_err(|e| error("layout", e.to_string()))
    }
}

/// The theme's static files (the project's own replace the default ones).
pub fn static_files(config: &Config) -> Vec<(&'static str, String)> {
    STATIC
        .iter()
        .map(|(name, default)| (*name, theme_file(config, "static", name, default)))
        .collect()
}
