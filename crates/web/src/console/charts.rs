//! Charts drawn on the server as SVG (no JavaScript): the geometry is worked out here and
//! `partials/chart.html` draws it, escaping every text. Each chart also carries its figures
//! as a table.
//!
//! The outer SVG has no view box, so its units are CSS pixels and its texts keep their size
//! (12 px) at any page width: its height is fixed ([`Chart::height`]) and its width is the
//! card's (less a fixed margin on the left for the scale of a column chart). The bars and grid lines are drawn in a nested SVG whose view box
//! (`0 0 plot_w height`) stretches sideways only (`preserveAspectRatio="none"`): vertical
//! units stay pixels, horizontal ones are a share of the plot's width. A text is placed
//! across by a percentage of that width ([`Label::x_pct`]), worked out here, and down in
//! pixels.

use steward_domain::RequestKind;
use steward_domain::overview::{Month, Responding, Week};

/// Height in pixels of the column charts; the stylesheet's `svg.plot.columns` rule sets the
/// same (a test checks), as it does `svg.plot.rows` to `4 + ROW_H` × the number of laws.
const HEIGHT: i64 = 260;
/// Room above the top of the scale (the top grid line and its label).
const TOP: i64 = 12;
/// Room below the bars for the labels across.
const BOTTOM: i64 = 40;
/// Width of one column's slot in the plot's units (its view box is `SLOT` × columns wide)…
const SLOT: i64 = 10;
/// …of which this much is left clear either side of the bar.
const GAP: i64 = 1;
/// The width of the horizontal bar chart's plot in its own units…
const ROWS_W: i64 = 1000;
/// …of which the longest bar takes at most this much, leaving the right-hand part of the
/// width to the figures (right-aligned at the end of each row).
const ROWS_BAR: i64 = 780;
/// Height in pixels of one row of that chart: its name, then its bar.
const ROW_H: i64 = 44;

pub struct Rect {
    /// Across, in the plot's units (see [`Chart::plot_w`]); down, in pixels.
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    /// The stylesheet's fill class.
    pub class: String,
    /// Shown on hover and read by assistive technology.
    pub title: String,
}

pub struct Label {
    /// Across, as a percentage of the plot's width (a number, without the `%` sign).
    pub x_pct: String,
    /// Down, in pixels (the text's baseline).
    pub y: i64,
    pub text: String,
    /// "start", "middle" or "end".
    pub anchor: &'static str,
    /// The text's classes: "axis", or "axis minor" for a label across that the stylesheet
    /// hides when the chart is too narrow to show them all without overlapping.
    pub class: &'static str,
}

pub struct Chart {
    pub id: &'static str,
    pub title: String,
    /// One sentence saying what the chart shows, for screen readers and as a caption.
    pub summary: String,
    /// The outer SVG's layout class: "columns" (with a scale in a fixed left margin) or
    /// "rows" (horizontal bars, their names above them).
    pub layout: &'static str,
    /// The width of the stretched plot's view box, in its own units.
    pub plot_w: i64,
    /// The chart's height in pixels (the outer SVG's, and the plot's view box's): the
    /// stylesheet sets it per layout, as `svg { height: auto }` overrides the attribute.
    pub height: i64,
    /// Horizontal grid lines: their height in pixels and the scale's label.
    pub grid: Vec<(i64, String)>,
    pub bars: Vec<Rect>,
    pub labels: Vec<Label>,
    pub legend: Vec<(String, String)>,
    /// The same figures as a table: headings, then rows.
    pub table_head: Vec<String>,
    pub table_rows: Vec<Vec<String>>,
}

/// `units` as a percentage of `of`, for an SVG coordinate ("42.31").
fn pct(units: f64, of: i64) -> String {
    format!("{:.2}", units * 100.0 / of.max(1) as f64)
}

/// The percentage across of the middle of column `i` of `n`.
fn column_middle(i: usize, n: usize) -> String {
    pct(
        (i as i64 * SLOT) as f64 + SLOT as f64 / 2.0,
        n as i64 * SLOT,
    )
}

/// A round top for the scale: 1, 2, 5 × 10ⁿ at or above `max`.
fn nice_max(max: i64) -> i64 {
    let mut step = 1;
    loop {
        for m in [1, 2, 5] {
            if m * step >= max.max(1) {
                return m * step;
            }
        }
        step *= 10;
    }
}

fn y_of(value: f64, top_value: f64) -> i64 {
    let plot = (HEIGHT - TOP - BOTTOM) as f64;
    HEIGHT - BOTTOM - (value / top_value * plot).round() as i64
}

/// Grid lines at whole, evenly spaced values: every unit up to 5, else fifths of the top
/// (which [`nice_max`] makes a whole number).
fn grid(top_value: i64, suffix: &str) -> Vec<(i64, String)> {
    let step = if top_value <= 5 { 1 } else { top_value / 5 };
    (0..=top_value / step)
        .map(|i| {
            let v = i * step;
            (y_of(v as f64, top_value as f64), format!("{v}{suffix}"))
        })
        .collect()
}

pub fn received_per_week(weeks: &[Week]) -> Chart {
    let top = nice_max(weeks.iter().map(Week::total).max().unwrap_or(0));
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, w) in weeks.iter().enumerate() {
        let x = i as i64 * SLOT + GAP;
        let mut below = 0;
        for (k, n) in w.by_kind.iter().enumerate() {
            if *n == 0 {
                continue;
            }
            let y_top = y_of((below + n) as f64, top as f64);
            let y_bottom = y_of(below as f64, top as f64);
            bars.push(Rect {
                x,
                y: y_top,
                w: SLOT - 2 * GAP,
                h: (y_bottom - y_top).max(1),
                class: format!("kind-{}", RequestKind::ALL[k].as_str()),
                title: format!(
                    "Week of {}: {n} {}",
                    w.start.format("%-d %b %Y"),
                    RequestKind::ALL[k].staff_label()
                ),
            });
            below += n;
        }
        // A date every 4 weeks; on a narrow chart every 8 ("29 Jun" is some 40 px wide).
        if i % 4 == 0 {
            labels.push(Label {
                x_pct: column_middle(i, weeks.len()),
                y: HEIGHT - BOTTOM + 20,
                text: w.start.format("%-d %b").to_string(),
                anchor: "middle",
                class: if i % 8 == 0 { "axis" } else { "axis minor" },
            });
        }
    }
    let total: i64 = weeks.iter().map(Week::total).sum();
    let used: Vec<usize> = (0..RequestKind::ALL.len())
        .filter(|k| weeks.iter().any(|w| w.by_kind[*k] > 0))
        .collect();
    Chart {
        id: "received",
        title: format!("Requests received per week, last {} weeks", weeks.len()),
        summary: format!(
            "{total} requests received in {} weeks; the bars are split by kind of request.",
            weeks.len()
        ),
        layout: "columns",
        plot_w: weeks.len().max(1) as i64 * SLOT,
        height: HEIGHT,
        grid: grid(top, ""),
        bars,
        labels,
        legend: used
            .iter()
            .map(|k| {
                (
                    format!("kind-{}", RequestKind::ALL[*k].as_str()),
                    RequestKind::ALL[*k].staff_label().to_string(),
                )
            })
            .collect(),
        table_head: std::iter::once("Week of".to_string())
            .chain(
                used.iter()
                    .map(|k| RequestKind::ALL[*k].staff_label().to_string()),
            )
            .chain(std::iter::once("Total".to_string()))
            .collect(),
        table_rows: weeks
            .iter()
            .map(|w| {
                std::iter::once(w.start.format("%-d %b %Y").to_string())
                    .chain(used.iter().map(|k| w.by_kind[*k].to_string()))
                    .chain(std::iter::once(w.total().to_string()))
                    .collect()
            })
            .collect(),
    }
}

pub fn on_time(months: &[Month]) -> Chart {
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, m) in months.iter().enumerate() {
        let x = i as i64 * SLOT + GAP;
        let name = m.start.format("%b %Y").to_string();
        // Every month; on a narrow chart every other one, counted back from the latest.
        labels.push(Label {
            x_pct: column_middle(i, months.len()),
            y: HEIGHT - BOTTOM + 20,
            text: m.start.format("%b").to_string(),
            anchor: "middle",
            class: if (months.len() - 1 - i).is_multiple_of(2) {
                "axis"
            } else {
                "axis minor"
            },
        });
        match m.rate() {
            Some(rate) => {
                let y = y_of(rate, 100.0);
                bars.push(Rect {
                    x,
                    y,
                    w: SLOT - 2 * GAP,
                    h: (HEIGHT - BOTTOM - y).max(1),
                    class: if rate >= 100.0 {
                        "bar-good".into()
                    } else {
                        "bar-warn".into()
                    },
                    title: format!(
                        "{name}: {:.0}% on time ({} of {})",
                        rate, m.on_time, m.closed
                    ),
                });
            }
            None => labels.push(Label {
                x_pct: column_middle(i, months.len()),
                y: HEIGHT - BOTTOM - 4,
                text: "–".into(),
                anchor: "middle",
                class: "axis",
            }),
        }
    }
    let closed: i64 = months.iter().map(|m| m.closed).sum();
    let on_time: i64 = months.iter().map(|m| m.on_time).sum();
    Chart {
        id: "on-time",
        title: format!(
            "Answered by the deadline, per month, last {} months",
            months.len()
        ),
        summary: if closed == 0 {
            "No request was closed in these months.".into()
        } else {
            format!(
                "{on_time} of {closed} requests closed in these months were closed by their deadline ({:.0}%).",
                on_time as f64 * 100.0 / closed as f64
            )
        },
        layout: "columns",
        plot_w: months.len().max(1) as i64 * SLOT,
        height: HEIGHT,
        grid: vec![0, 25, 50, 75, 100]
            .into_iter()
            .map(|v| (y_of(v as f64, 100.0), format!("{v}%")))
            .collect(),
        bars,
        labels,
        legend: vec![
            ("bar-good".into(), "All on time".into()),
            ("bar-warn".into(), "Some late".into()),
        ],
        table_head: vec![
            "Month".into(),
            "Closed".into(),
            "On time".into(),
            "Rate".into(),
        ],
        table_rows: months
            .iter()
            .map(|m| {
                vec![
                    m.start.format("%B %Y").to_string(),
                    m.closed.to_string(),
                    m.on_time.to_string(),
                    m.rate().map(|r| format!("{r:.0}%")).unwrap_or("–".into()),
                ]
            })
            .collect(),
    }
}

pub fn median_days(rows: &[Responding]) -> Chart {
    let max = rows
        .iter()
        .filter_map(|r| r.median_days)
        .fold(0.0_f64, f64::max)
        .ceil() as i64;
    let top = nice_max(max.max(10));
    let height = 4 + ROW_H * rows.len() as i64;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    // Each row: the law's name, then its bar below it from the left edge, the figure at the
    // right edge (the longest bar stops short of it). No column of names beside the bars:
    // "California (CCPA/CPRA)" would leave the bars no room on a phone.
    for (i, r) in rows.iter().enumerate() {
        let y = 4 + i as i64 * ROW_H;
        labels.push(Label {
            x_pct: "0".into(),
            y: y + 12,
            text: r.jurisdiction.label().to_string(),
            anchor: "start",
            class: "axis",
        });
        match r.median_days {
            Some(d) => {
                let w = ((d / top as f64) * ROWS_BAR as f64).round().max(1.0) as i64;
                bars.push(Rect {
                    x: 0,
                    y: y + 18,
                    w,
                    h: 16,
                    class: "bar-plain".into(),
                    title: format!(
                        "{}: median {d:.1} days over {} answered",
                        r.jurisdiction.label(),
                        r.answered
                    ),
                });
                labels.push(Label {
                    x_pct: "100".into(),
                    y: y + 30,
                    text: format!("{d:.1} d"),
                    anchor: "end",
                    class: "axis",
                });
            }
            None => labels.push(Label {
                x_pct: "0".into(),
                y: y + 30,
                text: "none answered".into(),
                anchor: "start",
                class: "axis",
            }),
        }
    }
    Chart {
        id: "days",
        title: "Median days to respond, per law, last 12 months".into(),
        summary: rows
            .iter()
            .filter_map(|r| {
                r.median_days
                    .map(|d| format!("{}: {d:.1} days", r.jurisdiction.label()))
            })
            .collect::<Vec<_>>()
            .join("; ")
            .chars()
            .chain(if rows.iter().all(|r| r.median_days.is_none()) {
                "No request was answered in these months.".chars()
            } else {
                ".".chars()
            })
            .collect(),
        layout: "rows",
        plot_w: ROWS_W,
        height,
        grid: Vec::new(),
        bars,
        labels,
        legend: Vec::new(),
        table_head: vec![
            "Law".into(),
            "Requests answered".into(),
            "Median days".into(),
        ],
        table_rows: rows
            .iter()
            .map(|r| {
                vec![
                    r.jurisdiction.label().to_string(),
                    r.answered.to_string(),
                    r.median_days
                        .map(|d| format!("{d:.1}"))
                        .unwrap_or("–".into()),
                ]
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_round_up() {
        assert_eq!(nice_max(0), 1);
        assert_eq!(nice_max(3), 5);
        assert_eq!(nice_max(11), 20);
        assert_eq!(nice_max(500), 500);
        assert_eq!(nice_max(501), 1000);
    }

    #[test]
    fn grid_lines_are_evenly_spaced_whole_numbers() {
        let labels = |top| {
            grid(top, "")
                .into_iter()
                .map(|(_, l)| l)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(5), ["0", "1", "2", "3", "4", "5"]);
        assert_eq!(labels(2), ["0", "1", "2"]);
        assert_eq!(labels(50), ["0", "10", "20", "30", "40", "50"]);
        let ys: Vec<i64> = grid(20, "").into_iter().map(|(y, _)| y).collect();
        let gap = ys[0] - ys[1];
        assert!(
            ys.windows(2).all(|w| (w[0] - w[1] - gap).abs() <= 1),
            "even to a pixel: {ys:?}"
        );
    }

    #[test]
    fn bars_stay_inside_the_plot() {
        let w = steward_domain::overview::weekly(
            "2026-11-25".parse().unwrap(),
            &[("2026-11-24".parse().unwrap(), RequestKind::Access, 10)],
        );
        let c = received_per_week(&w);
        assert_eq!(c.bars.len(), 1);
        let b = &c.bars[0];
        assert_eq!(b.y, TOP, "the tallest bar reaches the top of a scale of 10");
        assert_eq!(b.y + b.h, HEIGHT - BOTTOM);
        assert_eq!(c.plot_w, 26 * SLOT, "one slot per week across the plot");
        assert_eq!(b.x, 25 * SLOT + GAP, "the latest week is the last slot");
        assert_eq!(
            b.x + b.w,
            c.plot_w - GAP,
            "inside the plot, a gap short of its edge"
        );
        assert_eq!(c.height, HEIGHT);
        assert_eq!(c.table_rows.len(), 26);
    }

    fn x_pcts(c: &Chart) -> Vec<f64> {
        c.labels
            .iter()
            .map(|l| l.x_pct.parse::<f64>().expect("a plain number"))
            .collect()
    }

    #[test]
    fn week_labels_sit_under_their_columns_and_thin_out_in_pairs() {
        let w = steward_domain::overview::weekly("2026-11-25".parse().unwrap(), &[]);
        let c = received_per_week(&w);
        assert_eq!(c.layout, "columns");
        assert!(c.bars.is_empty());
        assert_eq!(c.labels.len(), 7, "weeks 0, 4, … 24 of 26");
        assert_eq!(
            c.labels[0].x_pct, "1.92",
            "the middle of the first of 26 slots"
        );
        assert_eq!(c.labels[1].x_pct, "17.31", "the middle of the fifth");
        assert!(x_pcts(&c).iter().all(|x| (0.0..=100.0).contains(x)));
        assert!(x_pcts(&c).windows(2).all(|p| p[0] < p[1]), "left to right");
        let shown: Vec<&str> = c.labels.iter().map(|l| l.class).collect();
        assert_eq!(
            shown,
            [
                "axis",
                "axis minor",
                "axis",
                "axis minor",
                "axis",
                "axis minor",
                "axis"
            ],
            "every other one may be hidden on a narrow chart"
        );
        assert!(c.labels.iter().all(|l| l.y == HEIGHT - BOTTOM + 20));
    }

    #[test]
    fn month_labels_keep_the_latest_month() {
        let mut months =
            steward_domain::overview::on_time_by_month("2026-11-25".parse().unwrap(), &[]);
        months[11].closed = 4;
        months[11].on_time = 3;
        let c = on_time(&months);
        assert_eq!(c.plot_w, 12 * SLOT);
        assert_eq!(c.bars.len(), 1);
        assert_eq!(c.bars[0].class, "bar-warn");
        assert_eq!(c.bars[0].y, y_of(75.0, 100.0));
        let names: Vec<&Label> = c.labels.iter().filter(|l| l.text != "–").collect();
        assert_eq!(names.len(), 12);
        assert_eq!(names[11].text, "Nov");
        assert_eq!(names[11].class, "axis", "the latest month is never hidden");
        assert_eq!(names[11].x_pct, "95.83");
        assert!(
            names.windows(2).all(|p| p[0].class != p[1].class),
            "every other month may be hidden"
        );
        let dashes = c.labels.iter().filter(|l| l.text == "–").count();
        assert_eq!(dashes, 11, "the months with nothing closed");
        assert!(x_pcts(&c).iter().all(|x| (0.0..=100.0).contains(x)));
    }

    /// The outer SVG's height is set in the stylesheet (a global `svg { height: auto }`
    /// overrides the attribute), per layout: it must be the height drawn in here.
    #[test]
    fn the_stylesheet_gives_each_layout_the_height_drawn_in() {
        let css = include_str!("../../static/steward.css");
        let height_of = |layout: &str| -> i64 {
            let selector = format!("figure.chart svg.plot.{layout} {{");
            let rule = css.split(selector.as_str()).nth(1).expect("a rule");
            rule[..rule.find('}').expect("its end")]
                .lines()
                .find_map(|l| l.trim().strip_prefix("height: ")?.strip_suffix("px;"))
                .expect("a height in px")
                .parse()
                .expect("a whole number")
        };
        let weeks = steward_domain::overview::weekly("2026-11-25".parse().unwrap(), &[]);
        let months = steward_domain::overview::on_time_by_month("2026-11-25".parse().unwrap(), &[]);
        let laws = steward_domain::overview::median_days_by_jurisdiction(&[]);
        for c in [
            received_per_week(&weeks),
            on_time(&months),
            median_days(&laws),
        ] {
            assert_eq!(height_of(c.layout), c.height, "{} chart", c.id);
        }
    }

    #[test]
    fn days_bars_leave_room_for_their_figures() {
        use steward_domain::Jurisdiction;
        let rows = [
            Responding {
                jurisdiction: Jurisdiction::Gdpr,
                answered: 3,
                median_days: Some(20.0),
            },
            Responding {
                jurisdiction: Jurisdiction::Ccpa,
                answered: 0,
                median_days: None,
            },
        ];
        let c = median_days(&rows);
        assert_eq!(c.layout, "rows");
        assert_eq!(c.plot_w, ROWS_W);
        assert_eq!(c.height, 4 + 2 * ROW_H);
        assert_eq!(c.bars.len(), 1);
        let b = &c.bars[0];
        assert_eq!((b.x, b.w), (0, ROWS_BAR), "20 days fill a scale of 20");
        assert!(b.y + b.h <= c.height);
        let texts: Vec<(&str, &str, &str)> = c
            .labels
            .iter()
            .map(|l| (l.text.as_str(), l.x_pct.as_str(), l.anchor))
            .collect();
        assert_eq!(
            texts,
            [
                ("EU GDPR", "0", "start"),
                ("20.0 d", "100", "end"),
                ("California (CCPA/CPRA)", "0", "start"),
                ("none answered", "0", "start"),
            ]
        );
    }
}
