//! Turning a request's raw fields (from the public form, the staff form or the API) into a
//! valid [`Intake`]. One parser for all three, so they accept and refuse exactly the same.

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde::Deserialize;

use super::forms::{FieldErrors, choice, is_on};
use steward_core::workflow::requests::{Agent, Intake, SubjectText};
use steward_domain::correction::{Correction, CorrectionCategory};
use steward_domain::text::{self, required};
use steward_domain::validation::optional_choice;
use steward_domain::{Channel, EmailAddress, Jurisdiction, Language, RequestKind};

pub const NAME_MAX: usize = 200;
pub const DETAILS_MAX: usize = 5000;
pub const CORRECTION_MAX: usize = 2000;
/// An agent's request outside California.
pub const AGENT_ONLY_CCPA: &str = "is only available for California (CCPA) requests";
/// A public form whose token no longer matches its cookie.
pub const FORM_EXPIRED: &str = "has expired; please check your answers and send it again";

/// The fields as typed. Everything is text so nothing typed is lost on a re-render.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct IntakeFields {
    pub kind: String,
    pub jurisdiction: String,
    pub email: String,
    pub name: String,
    pub details: String,
    pub correction_what: String,
    pub correction_value: String,
    /// A structured correction's new value per category (empty: not asked for).
    pub correct_name: String,
    pub correct_email: String,
    pub correct_phone: String,
    pub correct_address: String,
    pub agent: String,
    pub agent_name: String,
    pub agent_email: String,
    /// Staff and API only.
    pub channel: String,
    pub received_at: String,
    pub send_verification: String,
    /// The language the request's emails go out in (a word such as `de`); empty: the
    /// default given to [`IntakeFields::parse`]. The public form sets the page's language.
    pub language: String,
    pub csrf: String,
}

/// Who is filing decides which fields are allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The public form: always the web channel, received now, verification by email.
    Portal,
    /// Staff logging a letter, email or call with its real receipt date.
    Staff,
    /// The JSON API.
    Api,
}

impl IntakeFields {
    pub fn parse(
        &self,
        source: Source,
        tz: Tz,
        default_language: Language,
    ) -> Result<Intake, FieldErrors> {
        let mut e = FieldErrors::default();
        let language = optional_choice::<Language>(&mut e, "language", "Language", &self.language)
            .unwrap_or(default_language);
        let kind = e.check("kind", "Type of request", choice::<RequestKind>(&self.kind));
        let jurisdiction = e.check(
            "jurisdiction",
            "Where you live",
            choice::<Jurisdiction>(&self.jurisdiction),
        );
        let email = e.check("email", "Email address", EmailAddress::parse(&self.email));
        let name = e.check("name", "Name", text::line(&self.name, NAME_MAX));
        let details = e.check(
            "details",
            "Details",
            text::paragraph(&self.details, DETAILS_MAX),
        );

        let mut correction_what = None;
        let mut correction_value = None;
        let mut corrections = Vec::new();
        if kind == Some(RequestKind::Correction) {
            for category in CorrectionCategory::ALL {
                let raw = self.correct_value(*category);
                if raw.trim().is_empty() {
                    continue;
                }
                if let Some(value) = e.check(
                    category.form_field(),
                    category.label(),
                    category.parse_value(raw),
                ) {
                    corrections.push(Correction {
                        category: *category,
                        value,
                    });
                }
            }
            // Free text is for anything the categories do not cover: optional beside a
            // structured correction, and then both of its parts are needed.
            let free =
                !self.correction_what.trim().is_empty() || !self.correction_value.trim().is_empty();
            let structured = CorrectionCategory::ALL
                .iter()
                .any(|c| !self.correct_value(*c).trim().is_empty());
            if free || !structured {
                correction_what = e.check(
                    "correction_what",
                    "What is wrong",
                    required(text::paragraph(&self.correction_what, CORRECTION_MAX)),
                );
                correction_value = e.check(
                    "correction_value",
                    "The correct information",
                    required(text::paragraph(&self.correction_value, CORRECTION_MAX)),
                );
            }
        }

        let agent = if is_on(&self.agent) {
            if jurisdiction.is_some() && jurisdiction != Some(Jurisdiction::Ccpa) {
                e.add("agent", "Authorized agent", AGENT_ONLY_CCPA);
            }
            let agent_name = e.check(
                "agent_name",
                "Agent's name",
                required(text::line(&self.agent_name, NAME_MAX)),
            );
            let agent_email = e.check(
                "agent_email",
                "Agent's email address",
                EmailAddress::parse(&self.agent_email),
            );
            agent_name.zip(agent_email).map(|(name, email)| Agent {
                name,
                email: email.to_string(),
            })
        } else {
            None
        };

        let channel = match source {
            Source::Portal if agent.is_some() => Some(Channel::Agent),
            Source::Portal => Some(Channel::Web),
            Source::Staff | Source::Api if self.channel.trim().is_empty() => {
                Some(if agent.is_some() {
                    Channel::Agent
                } else if source == Source::Api {
                    Channel::Web
                } else {
                    Channel::Email
                })
            }
            Source::Staff | Source::Api => {
                e.check("channel", "Channel", choice::<Channel>(&self.channel))
            }
        };

        let received_at = match source {
            Source::Portal => None,
            Source::Staff | Source::Api if self.received_at.trim().is_empty() => None,
            Source::Staff | Source::Api => e.check(
                "received_at",
                "Date received",
                parse_received(&self.received_at, tz),
            ),
        };

        let send_verification = match source {
            Source::Portal => true,
            Source::Staff => is_on(&self.send_verification),
            Source::Api => self.send_verification.is_empty() || is_on(&self.send_verification),
        };

        if !e.is_empty() {
            return Err(e);
        }
        Ok(Intake {
            kind: kind.expect("checked"),
            jurisdiction: jurisdiction.expect("checked"),
            channel: channel.expect("checked"),
            email: email.expect("checked"),
            name: name.flatten(),
            text: SubjectText {
                details: details.flatten(),
                correction_what,
                correction_value,
                corrections,
            },
            agent,
            received_at,
            send_verification,
            language,
        })
    }
}

impl IntakeFields {
    pub fn correct_value(&self, c: CorrectionCategory) -> &str {
        match c {
            CorrectionCategory::Name => &self.correct_name,
            CorrectionCategory::Email => &self.correct_email,
            CorrectionCategory::Phone => &self.correct_phone,
            CorrectionCategory::Address => &self.correct_address,
        }
    }

    /// Sets a category's new value from the API's `corrections` list.
    pub fn set_correct_value(&mut self, c: CorrectionCategory, value: String) {
        match c {
            CorrectionCategory::Name => self.correct_name = value,
            CorrectionCategory::Email => self.correct_email = value,
            CorrectionCategory::Phone => self.correct_phone = value,
            CorrectionCategory::Address => self.correct_address = value,
        }
    }
}

/// A date (`2026-03-31`, as a date input sends it; taken as midday local time so the local
/// date survives any offset) or an RFC 3339 timestamp.
fn parse_received(s: &str, tz: Tz) -> Result<chrono::NaiveDateTime, String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let noon = d.and_time(NaiveTime::from_hms_opt(12, 0, 0).expect("valid time"));
        return tz
            .from_local_datetime(&noon)
            .earliest()
            .map(|t| t.naive_utc())
            .ok_or_else(|| "is not a valid date".to_string())
            .and_then(not_before_gdpr);
    }
    let t = DateTime::parse_from_rfc3339(s)
        .map(|t| t.naive_utc())
        .map_err(|_| "must be a date such as 2026-03-31 (or an RFC 3339 time)".to_string())?;
    not_before_gdpr(t)
}

/// Requests are logged from the day the GDPR applied; an earlier date is a typo.
fn not_before_gdpr(t: chrono::NaiveDateTime) -> Result<chrono::NaiveDateTime, String> {
    let start = NaiveDate::from_ymd_opt(2018, 5, 25).expect("a real date");
    if t.date() < start {
        return Err("cannot be before 2018-05-25, when the GDPR began to apply".into());
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(kind: &str, j: &str, email: &str) -> IntakeFields {
        IntakeFields {
            kind: kind.into(),
            jurisdiction: j.into(),
            email: email.into(),
            ..Default::default()
        }
    }

    #[test]
    fn portal_minimum() {
        let i = fields("access", "gdpr", "a@example.com")
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap();
        assert_eq!(i.channel, Channel::Web);
        assert!(i.send_verification);
        assert!(i.received_at.is_none(), "the portal cannot back-date");
    }

    #[test]
    fn every_bad_field_is_named() {
        let mut f = fields("erase", "mars", "nope");
        f.name = "x\u{1}".into();
        f.details = "d".repeat(DETAILS_MAX + 1);
        let e = f
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap_err();
        for field in ["kind", "jurisdiction", "email", "name", "details"] {
            assert!(e.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn correction_needs_both_parts() {
        let e = fields("correction", "gdpr", "a@example.com")
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap_err();
        assert!(e.get("correction_what").is_some() && e.get("correction_value").is_some());
    }

    #[test]
    fn structured_corrections_are_checked_per_category() {
        let mut f = fields("correction", "gdpr", "a@example.com");
        f.correct_name = "Ada King".into();
        f.correct_address = "1 Analytical St, London".into();
        let i = f
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap();
        assert_eq!(i.text.corrections.len(), 2);
        assert!(i.text.correction_what.is_none(), "free text is optional");
        f.correct_phone = "call me".into();
        f.correction_what = "My title".into();
        let e = f
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap_err();
        assert!(e.get("correct_phone").is_some());
        assert!(
            e.get("correction_value").is_some(),
            "free text started needs both parts"
        );
    }

    #[test]
    fn agents_only_for_ccpa() {
        let mut f = fields("deletion", "gdpr", "a@example.com");
        f.agent = "yes".into();
        f.agent_name = "Agent Smith".into();
        f.agent_email = "agent@example.com".into();
        assert!(
            f.parse(Source::Portal, chrono_tz::UTC, Language::En)
                .unwrap_err()
                .get("agent")
                .is_some()
        );
        f.jurisdiction = "ccpa".into();
        let i = f
            .parse(Source::Portal, chrono_tz::UTC, Language::En)
            .unwrap();
        assert_eq!(i.channel, Channel::Agent);
        assert_eq!(i.agent.unwrap().name, "Agent Smith");
    }

    #[test]
    fn staff_dates_keep_the_local_day() {
        let mut f = fields("access", "ccpa", "a@example.com");
        f.received_at = "2026-03-31".into();
        f.channel = "post".into();
        let tz: Tz = "America/Los_Angeles".parse().unwrap();
        let i = f.parse(Source::Staff, tz, Language::En).unwrap();
        let local = tz.from_utc_datetime(&i.received_at.unwrap()).date_naive();
        assert_eq!(local, NaiveDate::from_ymd_opt(2026, 3, 31).unwrap());
        f.received_at = "31/03/2026".into();
        assert!(
            f.parse(Source::Staff, tz, Language::En)
                .unwrap_err()
                .get("received_at")
                .is_some()
        );
        f.received_at = "2026-03-31".into();
        f.channel = "fax".into();
        assert!(
            f.parse(Source::Staff, tz, Language::En)
                .unwrap_err()
                .get("channel")
                .is_some()
        );
    }
}
