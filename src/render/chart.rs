//! Charts of the audit report, drawn by plotters' SVG backend and inlined in the page.

use plotters::prelude::*;

use super::html::escape_html;
use super::i18n;
use crate::load::config::Language;

/// Horizontal bars: followers before (light) and now (strong) per network. The SVG's
/// accessible name says the same figures in words (a screen reader cannot read the bars).
pub fn followers(lang: Language, rows: &[(String, u64, Option<u64>)], title: &str) -> String {
    bars(lang, rows, title, &i18n::followers_chart(lang, title, rows))
}

/// Horizontal bars, one per row (a lighter one behind for the earlier figure, if any); `name`
/// says the figures in words.
pub fn bars(
    lang: Language,
    rows: &[(String, u64, Option<u64>)],
    title: &str,
    name: &str,
) -> String {
    let mut svg = String::new();
    if rows.is_empty() {
        return svg;
    }
    let height = 40 + 34 * rows.len() as u32;
    let max = rows
        .iter()
        .map(|r| r.1.max(r.2.unwrap_or(0)))
        .max()
        .unwrap_or(1)
        .max(1);
    {
        let backend = SVGBackend::with_string(&mut svg, (640, height));
        let root = backend.into_drawing_area();
        let _ = root.fill(&WHITE);
        let n = rows.len() as f64;
        let chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 16))
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(110)
            .build_cartesian_2d(0f64..(max as f64 * 1.12), 0f64..n);
        let Ok(mut chart) = chart else {
            return String::new();
        };
        let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows.len() * 2 + 1)
            .y_label_formatter(&|y| {
                // Labels sit in the middle of each band.
                let band = (*y - 0.5).round();
                if (*y - band - 0.5).abs() < 0.01 && band >= 0.0 {
                    labels.get(band as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .x_labels(5)
            .x_label_formatter(&|x| i18n::number(lang, *x as u64))
            .draw();
        let strong = RGBColor(28, 95, 168);
        let light = RGBColor(168, 196, 230);
        for (i, (_, now, prev)) in rows.iter().enumerate() {
            let y = i as f64;
            if let Some(p) = prev {
                let _ = chart.draw_series(std::iter::once(Rectangle::new(
                    [(0.0, y + 0.15), (*p as f64, y + 0.85)],
                    light.filled(),
                )));
            }
            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                [(0.0, y + 0.3), (*now as f64, y + 0.7)],
                strong.filled(),
            )));
        }
        let _ = root.present();
    }
    // The SVG is inlined: give it a role, a name, and let it scale.
    let name = escape_html(name);
    let Some(open) = svg
        .find("<svg ")
        .and_then(|i| svg[i..].find('>').map(|j| i + j + 1))
    else {
        return String::new();
    };
    let mut out = String::with_capacity(svg.len() + name.len() * 2 + 80);
    out.push_str(&svg[..open]);
    out.push_str("<title>");
    out.push_str(&name);
    out.push_str("</title>");
    out.push_str(&svg[open..]);
    out.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{name}\" class=\"chart\" preserveAspectRatio=\"xMinYMin meet\" "),
        1,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_has_a_name_in_words() {
        let rows = vec![("Inst<a>".to_string(), 12_400, Some(11_000))];
        let svg = followers(Language::Fr, &rows, "Abonnés");
        assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Abonnés — Inst&lt;a&gt;\u{a0}: 12\u{202f}400 (avant\u{a0}: 11\u{202f}000)\""), "{svg}");
        assert!(svg.contains("<title>Abonnés — Inst&lt;a&gt;"), "{svg}");
        assert!(followers(Language::En, &[], "Followers").is_empty());
    }
}
