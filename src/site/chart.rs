//! Charts of the audit report, drawn by plotters' SVG backend and inlined in the page.

use plotters::prelude::*;

/// Horizontal bars: followers before (light) and now (strong) per network.
pub fn followers(rows: &[(String, u64, Option<u64>)], title: &str) -> String {
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
        let chart = ChartBuilder::on(&root)
            .caption(title, ("sans-serif", 16))
            .margin(8)
            .x_label_area_size(24)
            .y_label_area_size(110)
            .build_cartesian_2d(0u64..(max + max / 8), 0..rows.len());
        let Ok(mut chart) = chart else {
            return String::new();
        };
        let labels: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(rows.len())
            .y_label_formatter(&|i| labels.get(*i).cloned().unwrap_or_default())
            .x_labels(5)
            .draw();
        let strong = RGBColor(28, 95, 168);
        let light = RGBColor(168, 196, 230);
        for (i, (_, now, prev)) in rows.iter().enumerate() {
            if let Some(p) = prev {
                let _ = chart.draw_series(std::iter::once(Rectangle::new(
                    [(0, i), (*p, i)],
                    light.stroke_width(10),
                )));
            }
            let _ = chart.draw_series(std::iter::once(Rectangle::new(
                [(0, i), (*now, i)],
                strong.stroke_width(5),
            )));
        }
        let _ = root.present();
    }
    // The SVG is inlined: give it a role and let it scale.
    svg.replacen(
        "<svg ",
        "<svg role=\"img\" class=\"chart\" preserveAspectRatio=\"xMinYMin meet\" ",
        1,
    )
}
