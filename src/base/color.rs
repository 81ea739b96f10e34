//! Colours a project gives its networks and campaigns, and the text colour that reads on them.
//!
//! A colour is written `#rrggbb` or `#rgb` (what every colour picker copies): parsing it here,
//! rather than passing the text through to CSS, keeps a typo from breaking a page's style and
//! lets the site pick a text colour with WCAG contrast on any background.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The dark text the site puts on light backgrounds. Pure black: with a near-black, some mid
/// colours (Mastodon's purple) would reach 4.5:1 with neither text.
pub const DARK_TEXT: Rgb = Rgb(0, 0, 0);
/// The light text the site puts on dark backgrounds.
pub const LIGHT_TEXT: Rgb = Rgb(0xff, 0xff, 0xff);

impl Rgb {
    /// `#1c5fa8`, `#fff` (case-insensitive, spaces around allowed).
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    /// From hue (degrees), saturation and lightness (0–1).
    pub fn from_hsl(h: f64, s: f64, l: f64) -> Rgb {
        let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
        let hp = (h.rem_euclid(360.0)) / 60.0;
        let x = c * (1.0 - (hp % 2.0 - 1.0).abs());
        let (r, g, b) = match hp as u32 {
            0 => (c, x, 0.0),
            1 => (x, c, 0.0),
            2 => (0.0, c, x),
            3 => (0.0, x, c),
            4 => (x, 0.0, c),
            _ => (c, 0.0, x),
        };
        let m = l - c / 2.0;
        let to = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
        Rgb(to(r), to(g), to(b))
    }

    /// WCAG 2 relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG 2 contrast ratio between two colours (1 to 21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// The text colour (light or dark) with the better contrast on this background: at least
    /// 4.5:1 for every background (the worst background, of luminance 0.18, still gives 4.58:1
    /// with both).
    pub fn text_on(self) -> Rgb {
        if self.contrast(DARK_TEXT) >= self.contrast(LIGHT_TEXT) {
            DARK_TEXT
        } else {
            LIGHT_TEXT
        }
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// What a wrong colour is told (the diagnostics quote it).
pub const EXPECTED: &str = "a colour written #rrggbb, e.g. #1c5fa8";

impl<'de> Deserialize<'de> for Rgb {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rgb, D::Error> {
        let text = String::deserialize(d)?;
        Rgb::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not {EXPECTED}")))
    }
}

/// `#1d4ed8` or `#fff`.
impl schemars::JsonSchema for Rgb {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Colour".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
        })
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_colour_pickers_copy() {
        assert_eq!(Rgb::parse("#1C5FA8"), Some(Rgb(0x1c, 0x5f, 0xa8)));
        assert_eq!(Rgb::parse(" #fff "), Some(Rgb(255, 255, 255)));
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("#12345g"), None);
        assert_eq!(Rgb::parse("#éé"), None);
        assert_eq!(Rgb(0x0a, 0x66, 0xc2).to_string(), "#0a66c2");
    }

    #[test]
    fn hsl_conversion_matches_css() {
        assert_eq!(Rgb::from_hsl(0.0, 1.0, 0.5), Rgb(255, 0, 0));
        assert_eq!(Rgb::from_hsl(120.0, 1.0, 0.25), Rgb(0, 128, 0));
        assert_eq!(Rgb::from_hsl(240.0, 0.6, 0.45), Rgb(46, 46, 184));
    }

    #[test]
    fn contrast_is_wcag() {
        let white = LIGHT_TEXT;
        assert!((Rgb(0, 0, 0).contrast(white) - 21.0).abs() < 1e-9);
        // Mastodon's purple with white is 4.4:1 (fails AA); dark text is chosen instead.
        let mastodon = Rgb(0x63, 0x64, 0xff);
        assert!(mastodon.contrast(white) < 4.5);
        assert_eq!(mastodon.text_on(), DARK_TEXT);
        assert_eq!(Rgb(0x0a, 0x66, 0xc2).text_on(), LIGHT_TEXT);
    }

    /// Whatever the background, the chosen text reaches AA (4.5:1).
    #[test]
    fn the_chosen_text_always_reads() {
        for r in (0..=255u8).step_by(15) {
            for g in (0..=255u8).step_by(15) {
                for b in (0..=255u8).step_by(15) {
                    let bg = Rgb(r, g, b);
                    let ratio = bg.contrast(bg.text_on());
                    assert!(ratio >= 4.5, "{bg}: {ratio}");
                }
            }
        }
    }
}
