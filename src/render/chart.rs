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
            .x_label_formatter(&|x| format!("{}", *x as u64))
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
    // The SVG is inlined: give it a role and let it scale.
    svg.replacen(
        "<svg ",
        "<svg role=\"img\" class=\"chart\" preserveAspectRatio=\"xMinYMin meet\" ",
        1,
    )
}
