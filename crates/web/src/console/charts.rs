//! Charts drawn on the server as SVG (no JavaScript): the geometry is worked out here, in
//! whole units of a fixed view box that scales to the page's width; `partials/chart.html`
//! draws it, escaping every text. Each chart also carries its figures as a table.

use steward_domain::RequestKind;
use steward_domain::overview::{Month, Responding, Week};

const WIDTH: i64 = 640;
const HEIGHT: i64 = 260;
const LEFT: i64 = 44;
const RIGHT: i64 = 12;
const TOP: i64 = 12;
const BOTTOM: i64 = 40;

pub struct Rect {
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
    pub x: i64,
    pub y: i64,
    pub text: String,
    /// "start", "middle" or "end".
    pub anchor: &'static str,
}

pub struct Chart {
    pub id: &'static str,
    pub title: String,
    /// One sentence saying what the chart shows, for screen readers and as a caption.
    pub summary: String,
    pub width: i64,
    pub height: i64,
    pub grid: Vec<(i64, String)>,
    pub bars: Vec<Rect>,
    pub labels: Vec<Label>,
    pub legend: Vec<(String, String)>,
    /// The same figures as a table: headings, then rows.
    pub table_head: Vec<String>,
    pub table_rows: Vec<Vec<String>>,
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
    let slot = (WIDTH - LEFT - RIGHT) / weeks.len().max(1) as i64;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, w) in weeks.iter().enumerate() {
        let x = LEFT + i as i64 * slot + 2;
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
                w: slot - 4,
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
        if i % 4 == 0 {
            labels.push(Label {
                x: x + (slot - 4) / 2,
                y: HEIGHT - BOTTOM + 16,
                text: w.start.format("%-d %b").to_string(),
                anchor: "middle",
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
        width: WIDTH,
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
    let slot = (WIDTH - LEFT - RIGHT) / months.len().max(1) as i64;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, m) in months.iter().enumerate() {
        let x = LEFT + i as i64 * slot + 4;
        let name = m.start.format("%b %Y").to_string();
        labels.push(Label {
            x: x + (slot - 8) / 2,
            y: HEIGHT - BOTTOM + 16,
            text: m.start.format("%b").to_string(),
            anchor: "middle",
        });
        match m.rate() {
            Some(rate) => {
                let y = y_of(rate, 100.0);
                bars.push(Rect {
                    x,
                    y,
                    w: slot - 8,
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
                x: x + (slot - 8) / 2,
                y: HEIGHT - BOTTOM - 4,
                text: "–".into(),
                anchor: "middle",
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
        width: WIDTH,
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
    let label_w = 170;
    let row_h = 36;
    let height = TOP + row_h * rows.len() as i64 + 28;
    let plot = WIDTH - label_w - RIGHT - 40;
    let mut bars = Vec::new();
    let mut labels = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let y = TOP + i as i64 * row_h;
        labels.push(Label {
            x: label_w - 8,
            y: y + row_h / 2 + 5,
            text: r.jurisdiction.label().to_string(),
            anchor: "end",
        });
        match r.median_days {
            Some(d) => {
                let w = ((d / top as f64) * plot as f64).round().max(1.0) as i64;
                bars.push(Rect {
                    x: label_w,
                    y: y + 6,
                    w,
                    h: row_h - 12,
                    class: "bar-plain".into(),
                    title: format!(
                        "{}: median {d:.1} days over {} answered",
                        r.jurisdiction.label(),
                        r.answered
                    ),
                });
                labels.push(Label {
                    x: label_w + w + 6,
                    y: y + row_h / 2 + 5,
                    text: format!("{d:.1} d"),
                    anchor: "start",
                });
            }
            None => labels.push(Label {
                x: label_w + 6,
                y: y + row_h / 2 + 5,
                text: "none answered".into(),
                anchor: "start",
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
        width: WIDTH,
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
        assert!(b.x + b.w <= WIDTH - RIGHT);
        assert_eq!(c.table_rows.len(), 26);
    }
}
