//! Turning the breach form's fields into a valid [`Breach`], and back for editing.

use chrono::{Duration, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde::Deserialize;

use steward_core::records::BreachRow;
use steward_core::workflow::breaches::Breach;
use steward_domain::text::{self, required};
use steward_domain::validation::FieldErrors;

/// The fields as typed (all text, so nothing is lost on a re-render).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct BreachFields {
    pub csrf: String,
    pub title: String,
    pub description: String,
    pub discovered_at: String,
    pub aware_at: String,
    pub data_categories: String,
    pub subjects_approx: String,
    pub records_approx: String,
    pub consequences: String,
    pub measures: String,
    pub dpo_contact: String,
}

/// A `datetime-local` value (`2026-11-25T14:30`) in the portal's time zone, as UTC.
pub fn parse_local(s: &str, tz: Tz) -> Result<NaiveDateTime, String> {
    let s = s.trim();
    if s.is_empty() {
        return Err("is required".into());
    }
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
        .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M"))
        .map_err(|_| "must be a date and time such as 2026-11-25T14:30".to_string())?;
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.naive_utc())
        .ok_or_else(|| "does not exist in this time zone (clock change)".into())
}

/// For a `datetime-local` input: UTC back to the portal's local time.
pub fn to_local_input(t: &NaiveDateTime, tz: Tz) -> String {
    tz.from_utc_datetime(t).format("%Y-%m-%dT%H:%M").to_string()
}

fn count(s: &str) -> Result<i64, String> {
    let s = s.trim().replace([',', '_', ' '], "");
    if s.is_empty() {
        return Err("is required (an estimate is fine)".into());
    }
    match s.parse::<i64>() {
        Ok(n) if (0..=1_000_000_000_000).contains(&n) => Ok(n),
        _ => Err("must be a whole number, 0 or more".into()),
    }
}

impl BreachFields {
    pub fn parse(&self, tz: Tz, now: NaiveDateTime) -> Result<Breach, FieldErrors> {
        let mut e = FieldErrors::default();
        let title = e.check("title", "Title", required(text::line(&self.title, 200)));
        let description = e.check(
            "description",
            "What happened",
            required(text::paragraph(&self.description, 10_000)),
        );
        let discovered_at = e.check(
            "discovered_at",
            "Discovered at",
            parse_local(&self.discovered_at, tz),
        );
        let aware_at = e.check("aware_at", "Aware at", parse_local(&self.aware_at, tz));
        let data_categories = e.check(
            "data_categories",
            "Categories of personal data",
            required(text::paragraph(&self.data_categories, 2000)),
        );
        let subjects_approx = e.check(
            "subjects_approx",
            "Approximate number of people",
            count(&self.subjects_approx),
        );
        let records_approx = e.check(
            "records_approx",
            "Approximate number of records",
            count(&self.records_approx),
        );
        let consequences = e.check(
            "consequences",
            "Likely consequences",
            required(text::paragraph(&self.consequences, 5000)),
        );
        let measures = e.check(
            "measures",
            "Measures taken or proposed",
            required(text::paragraph(&self.measures, 5000)),
        );
        let dpo_contact = e.check(
            "dpo_contact",
            "Data protection officer or contact point",
            required(text::paragraph(&self.dpo_contact, 1000)),
        );
        let slack = Duration::minutes(5);
        if let Some(d) = discovered_at
            && d > now + slack
        {
            e.add("discovered_at", "Discovered at", "is in the future");
        }
        if let Some(a) = aware_at
            && a > now + slack
        {
            e.add("aware_at", "Aware at", "is in the future");
        }
        if let (Some(d), Some(a)) = (discovered_at, aware_at)
            && a < d
        {
            e.add(
                "aware_at",
                "Aware at",
                "cannot be before the breach was discovered",
            );
        }
        if !e.is_empty() {
            return Err(e);
        }
        Ok(Breach {
            title: title.expect("checked"),
            description: description.expect("checked"),
            discovered_at: discovered_at.expect("checked"),
            aware_at: aware_at.expect("checked"),
            data_categories: data_categories.expect("checked"),
            subjects_approx: subjects_approx.expect("checked"),
            records_approx: records_approx.expect("checked"),
            consequences: consequences.expect("checked"),
            measures: measures.expect("checked"),
            dpo_contact: dpo_contact.expect("checked"),
        })
    }

    pub fn from_row(r: &BreachRow, tz: Tz) -> Self {
        BreachFields {
            csrf: String::new(),
            title: r.title.clone(),
            description: r.description.clone(),
            discovered_at: to_local_input(&r.discovered_at, tz),
            aware_at: to_local_input(&r.aware_at, tz),
            data_categories: r.data_categories.clone(),
            subjects_approx: r.subjects_approx.to_string(),
            records_approx: r.records_approx.to_string(),
            consequences: r.consequences.clone(),
            measures: r.measures.clone(),
            dpo_contact: r.dpo_contact.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_round_trip() {
        let at = |s| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let tz: Tz = "Europe/Berlin".parse().unwrap();
        let t = parse_local("2026-11-25T14:30", tz).unwrap();
        assert_eq!(t, at("2026-11-25 13:30"));
        assert_eq!(to_local_input(&t, tz), "2026-11-25T14:30");
        assert!(parse_local("25/11/2026", tz).is_err());
    }
}
