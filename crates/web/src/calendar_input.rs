//! Calendar changes as typed: one day from the form or the API, or many as CSV lines
//! (`change,day,name,reason`); all become [`Proposal`]s, and back to CSV to carry a
//! previewed change to its confirmation.

use chrono::NaiveDate;
use serde::Deserialize;

use steward_core::workflow::calendars::Proposal;
use steward_domain::holidays::{Calendar, DayChange, FIRST_YEAR, LAST_YEAR};
use steward_domain::text;
use steward_domain::validation::FieldErrors;

/// Most lines one CSV import takes.
pub const MAX_LINES: usize = 500;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CalendarFields {
    pub csrf: String,
    pub calendar: String,
    pub change: String,
    pub day: String,
    pub name: String,
    pub reason: String,
    /// Many changes at once, one CSV line each; used instead of the single-day fields.
    pub csv: String,
    /// "yes" once the affected requests were shown.
    pub confirm: String,
}

fn one(
    e: &mut FieldErrors,
    calendar: Calendar,
    change: &str,
    day: &str,
    name: &str,
    reason: &str,
) -> Option<Proposal> {
    let change = e.check(
        "change",
        "Change",
        change
            .trim()
            .parse::<DayChange>()
            .map_err(|err| err.to_string()),
    );
    let day = e.check(
        "day",
        "Day",
        NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
            .map_err(|_| "must be a date such as 2026-12-24".to_string())
            .and_then(|d| {
                // Calendars cover these years; a day outside them moves no deadline.
                let years = FIRST_YEAR..=LAST_YEAR;
                if years.contains(&chrono::Datelike::year(&d)) {
                    Ok(d)
                } else {
                    Err(format!(
                        "must be a date between {FIRST_YEAR} and {LAST_YEAR}"
                    ))
                }
            }),
    );
    let name = text::line(name, 120).map(Option::unwrap_or_default);
    let name = e.check("name", "Name", name);
    let reason = e.check("reason", "Reason", text::required(text::line(reason, 500)));
    let (change, day, name, reason) = (change?, day?, name?, reason?);
    if change == DayChange::Add && name.is_empty() {
        e.add(
            "name",
            "Name",
            "is required for a day added (what is closed?)",
        );
        return None;
    }
    Some(Proposal {
        calendar,
        day,
        change,
        name,
        reason,
    })
}

impl CalendarFields {
    pub fn parse(&self) -> Result<Vec<Proposal>, FieldErrors> {
        let mut e = FieldErrors::default();
        let Some(calendar) = e.check(
            "calendar",
            "Calendar",
            self.calendar
                .trim()
                .parse::<Calendar>()
                .map_err(|x| x.to_string()),
        ) else {
            return Err(e);
        };
        if self.csv.trim().is_empty() {
            let p = one(
                &mut e,
                calendar,
                &self.change,
                &self.day,
                &self.name,
                &self.reason,
            );
            return p.map(|p| vec![p]).ok_or(e);
        }
        let mut out = Vec::new();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(self.csv.as_bytes());
        for (i, rec) in reader.records().enumerate() {
            let line = i + 1;
            let rec = match rec {
                Ok(r) => r,
                Err(err) => {
                    e.add("csv", "CSV", format!("line {line}: {err}"));
                    return Err(e);
                }
            };
            if rec.iter().all(str::is_empty) || rec.get(0) == Some("change") {
                continue;
            }
            if rec.len() != 4 {
                e.add(
                    "csv",
                    "CSV",
                    format!(
                        "line {line} has {} columns; each line is change,day,name,reason",
                        rec.len()
                    ),
                );
                return Err(e);
            }
            let mut line_errors = FieldErrors::default();
            match one(
                &mut line_errors,
                calendar,
                &rec[0],
                &rec[1],
                &rec[2],
                &rec[3],
            ) {
                Some(p) => out.push(p),
                None => {
                    let f = line_errors.first().expect("a failed line has an error");
                    e.add(
                        "csv",
                        "CSV",
                        format!("line {line}: {} {}", f.label.to_lowercase(), f.message),
                    );
                    return Err(e);
                }
            }
            if out.len() > MAX_LINES {
                e.add("csv", "CSV", format!("has more than {MAX_LINES} lines"));
                return Err(e);
            }
        }
        if out.is_empty() {
            e.add("csv", "CSV", "has no lines");
            return Err(e);
        }
        Ok(out)
    }
}

/// The proposals as CSV lines, to carry them from the preview to the confirmation.
pub fn to_csv(proposals: &[Proposal]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    for p in proposals {
        let _ = w.write_record([p.change.as_str(), &p.day.to_string(), &p.name, &p.reason]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(csv: &str) -> CalendarFields {
        CalendarFields {
            calendar: "us-ca".into(),
            csv: csv.into(),
            ..Default::default()
        }
    }

    #[test]
    fn csv_lines_round_trip() {
        let f = fields(
            "change,day,name,reason\nadd,2026-12-24,\"Closure, Christmas Eve\",Governor's order\nremove,2026-11-27,,Offices open\n",
        );
        let ps = f.parse().unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].name, "Closure, Christmas Eve");
        let again = fields(&to_csv(&ps)).parse().unwrap();
        assert_eq!(again.len(), 2);
        assert_eq!(again[1].change, DayChange::Remove);
    }

    #[test]
    fn bad_lines_are_named() {
        let e = fields("add,2026-12-24,Eve,Order\nadd,24/12/2026,Eve,Order\n")
            .parse()
            .unwrap_err();
        assert!(
            e.get("csv").unwrap().starts_with("line 2: day"),
            "{:?}",
            e.get("csv")
        );
        for far in ["-262143-01-05", "+262142-12-31", "2041-01-01", "2017-12-31"] {
            let e = fields(&format!("add,{far},Eve,Order\n"))
                .parse()
                .unwrap_err();
            assert!(
                e.get("csv").unwrap().contains("between 2018 and 2040"),
                "{far}: {:?}",
                e.get("csv")
            );
        }
        let e = fields("add,2026-12-24,,Order\n").parse().unwrap_err();
        assert!(e.get("csv").unwrap().contains("name"));
        let e = CalendarFields {
            calendar: "mars".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.get("calendar").is_some());
        let e = CalendarFields {
            calendar: "de".into(),
            change: "add".into(),
            day: "2026-12-24".into(),
            ..Default::default()
        }
        .parse()
        .unwrap_err();
        assert!(e.get("reason").is_some() && e.get("name").is_none() || e.get("name").is_some());
    }
}
