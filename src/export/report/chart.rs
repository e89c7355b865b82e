//! Small inline SVG line charts of one entity's values for one measure over time.

use super::html::escape;
use crate::export::csv::number;

/// The position of a period label on a time axis, in fractional years (the period's middle):
/// `2014` → 2014.5, `2014-H2` → 2014.75, `2014-Q3` → 2014.625, `2014-03` → about 2014.21,
/// `2012-12-01/2013-05-31` → the middle of the interval. `None` for anything else.
pub fn period_position(label: &str) -> Option<f64> {
    if let Some((from, to)) = label.split_once('/') {
        return Some((date_position(from)? + date_position(to)?) / 2.0);
    }
    let (year, rest) = match label.split_once('-') {
        Some((y, r)) => (y, Some(r)),
        None => (label, None),
    };
    let year = parse_year(year)?;
    let (offset, width) = match rest {
        None => (0.0, 1.0),
        Some(r) if r.len() == 2 && r.starts_with('H') => (part(&r[1..], 2)? / 2.0, 0.5),
        Some(r) if r.len() == 2 && r.starts_with('Q') => (part(&r[1..], 4)? / 4.0, 0.25),
        Some(r) if r.len() == 2 => (part(r, 12)? / 12.0, 1.0 / 12.0),
        Some(_) => return None,
    };
    Some(year + offset + width / 2.0)
}

fn parse_year(s: &str) -> Option<f64> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
}

/// The zero-based index of a 1-based part number (`2` of 2 halves → 1), if in range.
fn part(s: &str, of: u32) -> Option<f64> {
    let n: u32 = s.parse().ok()?;
    (1..=of).contains(&n).then(|| f64::from(n - 1))
}

/// `YYYY-MM-DD` as a fractional year (months of equal length are close enough for a chart).
fn date_position(s: &str) -> Option<f64> {
    let mut it = s.splitn(3, '-');
    let year = parse_year(it.next()?)?;
    let month = part(it.next()?, 12)?;
    let day: f64 = it.next()?.parse().ok()?;
    Some(year + month / 12.0 + (day - 1.0) / 365.0)
}

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 120.0;
const PAD_LEFT: f64 = 56.0;
const PAD: f64 = 14.0;

/// A line chart of `(period label, value)` points; labels without a time position are left
/// out. `None` when no point can be placed.
pub fn line_chart(title: &str, points: &[(String, f64)]) -> Option<String> {
    let mut placed: Vec<(f64, &str, f64)> = points
        .iter()
        .filter_map(|(p, v)| Some((period_position(p)?, p.as_str(), *v)))
        .filter(|(_, _, v)| v.is_finite())
        .collect();
    if placed.is_empty() {
        return None;
    }
    placed.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (x_min, x_max) = (placed[0].0, placed[placed.len() - 1].0);
    let y_max = placed.iter().map(|p| p.2).fold(0.0_f64, f64::max);
    let y_min = placed.iter().map(|p| p.2).fold(0.0_f64, f64::min);
    let x = |t: f64| {
        if x_max > x_min {
            PAD_LEFT + (t - x_min) / (x_max - x_min) * (WIDTH - PAD_LEFT - PAD)
        } else {
            (PAD_LEFT + WIDTH - PAD) / 2.0
        }
    };
    let y = |v: f64| {
        let span = if y_max > y_min { y_max - y_min } else { 1.0 };
        HEIGHT - PAD - (v - y_min) / span * (HEIGHT - 2.0 * PAD)
    };
    let path: Vec<String> = placed
        .iter()
        .map(|(t, _, v)| format!("{:.1},{:.1}", x(*t), y(*v)))
        .collect();
    let mut svg = format!(
        "<div class=\"chart\"><h3>{}</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" \
         height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        escape(title),
        escape(title)
    );
    svg.push_str(&axes(y_min, y_max, placed[0].1, placed[placed.len() - 1].1));
    svg.push_str(&format!(
        "<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" points=\"{}\"/>",
        path.join(" ")
    ));
    for (t, label, v) in &placed {
        svg.push_str(&format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"#d4a100\"><title>{}: {}</title></circle>",
            x(*t),
            y(*v),
            escape(label),
            number(*v)
        ));
    }
    svg.push_str("</svg></div>");
    Some(svg)
}

fn axes(y_min: f64, y_max: f64, first: &str, last: &str) -> String {
    let bottom = HEIGHT - PAD;
    format!(
        "<line x1=\"{PAD_LEFT}\" y1=\"{PAD}\" x2=\"{PAD_LEFT}\" y2=\"{bottom}\" stroke=\"#999\"/>\
         <line x1=\"{PAD_LEFT}\" y1=\"{bottom}\" x2=\"{}\" y2=\"{bottom}\" stroke=\"#999\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"10\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{bottom}\" font-size=\"10\" text-anchor=\"end\">{}</text>\
         <text x=\"{PAD_LEFT}\" y=\"{HEIGHT}\" font-size=\"10\">{}</text>\
         <text x=\"{}\" y=\"{HEIGHT}\" font-size=\"10\" text-anchor=\"end\">{}</text>",
        WIDTH - PAD,
        PAD_LEFT - 4.0,
        PAD + 4.0,
        grouped(y_max),
        PAD_LEFT - 4.0,
        grouped(y_min),
        escape(first),
        WIDTH - PAD,
        if last == first { String::new() } else { escape(last) }
    )
}

/// A number with thousands separators for reading (`72,279`; `0.5` stays as it is).
fn grouped(v: f64) -> String {
    let plain = number(v);
    let (sign, digits) = plain.strip_prefix('-').map_or(("", plain.as_str()), |d| ("-", d));
    if digits.contains(['.', 'e']) || digits.len() <= 3 {
        return plain;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_sit_at_their_middle() {
        assert_eq!(period_position("2014"), Some(2014.5));
        assert_eq!(period_position("2014-H2"), Some(2014.75));
        assert_eq!(period_position("2014-Q3"), Some(2014.625));
        let march = period_position("2014-03").unwrap();
        assert!((march - (2014.0 + 2.5 / 12.0)).abs() < 1e-9);
        let interval = period_position("2012-12-01/2013-05-31").unwrap();
        assert!(interval > 2013.0 && interval < 2013.5, "{interval}");
        for bad in ["", "14", "2014-H3", "2014-Q0", "2014-13", "last year", "2014-03-01"] {
            assert_eq!(period_position(bad), None, "{bad}");
        }
    }

    #[test]
    fn axis_numbers_are_grouped() {
        assert_eq!(grouped(72279.0), "72,279");
        assert_eq!(grouped(-1234567.0), "-1,234,567");
        assert_eq!(grouped(999.0), "999");
        assert_eq!(grouped(1234.5), "1234.5");
    }

    #[test]
    fn chart_plots_one_circle_per_placed_point_in_time_order() {
        let points = vec![
            ("2014-H2".to_string(), 31002.0),
            ("2013-H2".to_string(), 26000.0),
            ("someday".to_string(), 5.0),
        ];
        let svg = line_chart("Microsoft <b>", &points).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.contains("Microsoft &lt;b&gt;"));
        assert!(svg.find("2013-H2: 26000").unwrap() < svg.find("2014-H2: 31002").unwrap());
        assert!(line_chart("x", &[("someday".into(), 1.0)]).is_none());
    }
}
