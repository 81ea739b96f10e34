//! Cells of a results file: numbers as each language writes them (`1 234`, `1,234`, `1777.0`,
//! `12,3 %`) and dates as exports write them (ISO, `2021-11-30 16:00 +0000`, `11/05/2026 08:30`).

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

use crate::load::content::dates::When;

/// How a file writes numbers and slashed dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// `1 234,5`; `11/05/2026` is 11 May.
    Fr,
    /// `1,234.5`; `11/05/2026` is 5 November.
    En,
    /// trame's own format: `1234.5`, ISO dates (a slashed date is read day first).
    Any,
}

/// Why a cell is not what its column takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellError {
    NotANumber,
    Negative,
    Fraction,
    Percent,
    NotADate,
}

impl CellError {
    /// The catalogue's message id.
    pub fn message_id(&self) -> &'static str {
        match self {
            CellError::NotANumber => "metrics-not-a-number",
            CellError::Negative => "metrics-negative",
            CellError::Fraction => "metrics-fraction",
            CellError::Percent => "metrics-percent",
            CellError::NotADate => "metrics-not-a-date",
        }
    }
}

/// A cell that says "unknown": empty, or the dash X writes for figures it does not have.
pub fn is_unknown(cell: &str) -> bool {
    matches!(
        cell.trim(),
        "" | "-" | "–" | "—" | "n/a" | "N/A" | "NA" | "null" | "(vide)"
    )
}

/// A number as written in `style`; a trailing `%` divides by 100. `None`: unknown.
pub fn number(cell: &str, style: Style) -> Result<Option<(f64, bool)>, CellError> {
    if is_unknown(cell) {
        return Ok(None);
    }
    let mut t: String = cell
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\''))
        .collect();
    let percent = t.ends_with('%');
    if percent {
        t.pop();
    }
    let (decimal, group) = match style {
        Style::Fr => (',', '.'),
        Style::En => ('.', ','),
        Style::Any => ('.', ','),
    };
    // A French file may still write `1777.0` (X's exports do, whatever the language): a dot
    // followed by other than three digits is a decimal point.
    let t = match style {
        Style::Fr if !t.contains(',') && t.matches('.').count() == 1 => {
            let after = t.rsplit('.').next().map_or(0, str::len);
            if after == 3 { t.replace('.', "") } else { t }
        }
        Style::Fr => t.replace(group, "").replace(decimal, "."),
        _ => t.replace(group, ""),
    };
    let v: f64 = t.parse().map_err(|_| CellError::NotANumber)?;
    if !v.is_finite() {
        return Err(CellError::NotANumber);
    }
    let v = if percent { v / 100.0 } else { v };
    Ok(Some((v, percent)))
}

/// A count: a whole number, at least 0 (`1777.0` is 1777).
pub fn count(cell: &str, style: Style) -> Result<Option<u64>, CellError> {
    match number(cell, style)? {
        None => Ok(None),
        Some((_, true)) => Err(CellError::Percent),
        Some((v, false)) if v < 0.0 => Err(CellError::Negative),
        Some((v, false)) if v.fract() != 0.0 => Err(CellError::Fraction),
        Some((v, false)) if v > 1e15 => Err(CellError::NotANumber),
        Some((v, false)) => Ok(Some(v as u64)),
    }
}

/// A date or a date and time. Times without an offset are in `tz` (the project's zone).
pub fn date(cell: &str, style: Style, tz: &TimeZone) -> Result<Option<When>, CellError> {
    if is_unknown(cell) {
        return Ok(None);
    }
    let t = cell.trim();
    let (day_part, rest) = match t.find(['T', ' ']) {
        Some(i) => (&t[..i], t[i + 1..].trim()),
        None => (t, ""),
    };
    let day = if day_part.contains('-') {
        iso_date(day_part)
    } else if day_part.contains('/') {
        slashed_date(day_part, style)
    } else {
        None
    }
    .ok_or(CellError::NotADate)?;
    if rest.is_empty() {
        return Ok(Some(When::Day(day)));
    }
    let (time_text, offset_text) = split_offset(rest);
    let time = clock(time_text).ok_or(CellError::NotADate)?;
    let dt = DateTime::from_parts(day, time);
    let zoned = match offset_text {
        Some(o) => {
            let offset = offset(o).ok_or(CellError::NotADate)?;
            offset
                .to_timestamp(dt)
                .map_err(|_| CellError::NotADate)?
                .to_zoned_datetime(tz.clone())
        }
        None => dt
            .to_zoned_datetime(tz.clone())
            .map_err(|_| CellError::NotADate)?,
    };
    Ok(Some(When::At(zoned)))
}

/// A date from a spreadsheet's serial number (days since 1899-12-30, the fraction the time).
pub fn serial_date(serial: f64, tz: &TimeZone) -> Option<When> {
    if !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.trunc() as i64;
    let seconds = ((serial.fract()) * 86_400.0).round() as i64;
    let base = Date::constant(1899, 12, 30);
    let day = base.checked_add(jiff::Span::new().days(days)).ok()?;
    if seconds == 0 {
        return Some(When::Day(day));
    }
    let time = Time::midnight()
        .checked_add(jiff::Span::new().seconds(seconds.min(86_399)))
        .ok()?;
    DateTime::from_parts(day, time)
        .to_zoned_datetime(tz.clone())
        .ok()
        .map(When::At)
}

fn iso_date(t: &str) -> Option<Date> {
    let mut it = t.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// `11/05/2026`: day first in French (and in trame's own format), month first in English,
/// unless the first number cannot be a month.
fn slashed_date(t: &str, style: Style) -> Option<Date> {
    let mut it = t.split('/');
    let (a, b, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let y: i16 = match y.len() {
        4 => y.parse().ok()?,
        2 => 2000 + y.parse::<i16>().ok()?,
        _ => return None,
    };
    let month_first = style == Style::En && a <= 12;
    let (d, m) = if month_first || b > 12 {
        (b, a)
    } else {
        (a, b)
    };
    Date::new(y, m, d).ok()
}

fn split_offset(t: &str) -> (&str, Option<&str>) {
    let t = t.trim();
    if let Some(s) = t.strip_suffix('Z') {
        return (s.trim(), Some("+00:00"));
    }
    if let Some(s) = t.strip_suffix("UTC") {
        return (s.trim(), Some("+00:00"));
    }
    // `16:00 +0000`, `08:30:00+01:00`
    match t.rfind(['+', '-']) {
        Some(i) if i > 0 => (t[..i].trim(), Some(t[i..].trim())),
        _ => (t, None),
    }
}

fn clock(t: &str) -> Option<Time> {
    let mut it = t.split(':');
    let h: i8 = it.next()?.trim().parse().ok()?;
    let m: i8 = it.next()?.trim().parse().ok()?;
    let s: i8 = match it.next() {
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    Time::new(h, m, s, 0).ok()
}

fn offset(t: &str) -> Option<Offset> {
    let sign: i32 = match t.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let digits: String = t[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits[2..].parse().ok()?;
    Offset::from_seconds(sign * (h * 3600 + m * 60)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paris() -> TimeZone {
        TimeZone::get("Europe/Paris").unwrap()
    }

    #[test]
    fn numbers_as_each_language_writes_them() {
        assert_eq!(number("1 234,5", Style::Fr), Ok(Some((1234.5, false))));
        assert_eq!(number("1\u{202f}234", Style::Fr), Ok(Some((1234.0, false))));
        let pct = |s: &str, style| match number(s, style) {
            Ok(Some((v, true))) => (v * 1000.0).round() / 1000.0,
            other => panic!("{other:?}"),
        };
        assert_eq!(pct("12,3 %", Style::Fr), 0.123);
        assert_eq!(pct("12.3%", Style::En), 0.123);
        assert_eq!(pct("1,5\u{a0}%", Style::Fr), 0.015);
        assert_eq!(number("1,234.5", Style::En), Ok(Some((1234.5, false))));
        assert_eq!(number("1.234", Style::Fr), Ok(Some((1234.0, false))));
        assert_eq!(number("1777.0", Style::Fr), Ok(Some((1777.0, false))));
        assert_eq!(number("-", Style::En), Ok(None));
        assert_eq!(number("", Style::En), Ok(None));
        assert_eq!(number("beaucoup", Style::Fr), Err(CellError::NotANumber));
        assert_eq!(count("1777.0", Style::En), Ok(Some(1777)));
        assert_eq!(count("1 234", Style::Fr), Ok(Some(1234)));
        assert_eq!(count("1 234,5", Style::Fr), Err(CellError::Fraction));
        assert_eq!(count("12,3 %", Style::Fr), Err(CellError::Percent));
        assert_eq!(count("-3", Style::Any), Err(CellError::Negative));
        assert_eq!(count("inf", Style::Any), Err(CellError::NotANumber));
    }

    #[test]
    fn dates_as_exports_write_them() {
        let tz = paris();
        let at = |s: &str, style| match date(s, style, &tz) {
            Ok(Some(When::At(z))) => z.timestamp().to_string(),
            other => format!("{other:?}"),
        };
        // 11 May in French, 5 November in English; local to the project's zone.
        assert_eq!(at("11/05/2026 08:30", Style::Fr), "2026-05-11T06:30:00Z");
        assert_eq!(at("11/05/2026 08:30", Style::En), "2026-11-05T07:30:00Z");
        // A first number above 12 can only be a day.
        assert_eq!(at("28/09/2026 18:12", Style::En), "2026-09-28T16:12:00Z");
        assert_eq!(
            at("2021-11-30 16:00 +0000", Style::En),
            "2021-11-30T16:00:00Z"
        );
        assert_eq!(
            at("2026-11-05T08:30:00+01:00", Style::Any),
            "2026-11-05T07:30:00Z"
        );
        assert_eq!(at("2026-11-05T08:30Z", Style::Any), "2026-11-05T08:30:00Z");
        assert_eq!(
            date("2026-11-05", Style::Any, &tz),
            Ok(Some(When::Day(Date::constant(2026, 11, 5))))
        );
        assert_eq!(date("hier", Style::Fr, &tz), Err(CellError::NotADate));
        assert_eq!(
            date("2026-13-05", Style::Any, &tz),
            Err(CellError::NotADate)
        );
        assert_eq!(date("-", Style::Any, &tz), Ok(None));
    }

    #[test]
    fn spreadsheet_serial_dates() {
        let tz = paris();
        assert_eq!(
            serial_date(46331.0, &tz),
            Some(When::Day(Date::constant(2026, 11, 5)))
        );
        match serial_date(46331.3541666667, &tz) {
            Some(When::At(z)) => assert_eq!(z.datetime().to_string(), "2026-11-05T08:30:00"),
            other => panic!("{other:?}"),
        }
        assert_eq!(serial_date(-3.0, &tz), None);
    }
}
