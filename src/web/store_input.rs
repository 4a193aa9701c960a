//! Turning a store's raw fields (console form or API) into a valid [`StoreSpec`].

use serde::Deserialize;

use super::forms::{FormErrors, choice, is_on};
use crate::connectors::sql::SqlUrl;
use crate::domain::EmailAddress;
use crate::domain::dataset::Dataset;
use crate::domain::stores::StoreKind;
use crate::domain::text;
use crate::workflow::stores::{Access, Art30, StoreSpec};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StoreFields {
    pub name: String,
    pub kind: String,
    pub owner_email: String,
    pub description: String,
    pub purposes: String,
    pub legal_basis: String,
    pub data_categories: String,
    pub subject_categories: String,
    pub recipients: String,
    pub transfers: String,
    pub retention: String,
    pub security_measures: String,
    pub connection: String,
    pub dataset: String,
    pub url: String,
    pub secret: String,
    pub active: String,
    pub csrf: String,
}

/// Art. 30 fields: (name, label, required).
pub const ART30: [(&str, &str, bool); 9] = [
    ("description", "Description", false),
    ("purposes", "Purposes of processing", true),
    ("legal_basis", "Legal basis", true),
    ("data_categories", "Categories of personal data", true),
    ("subject_categories", "Categories of data subjects", true),
    ("recipients", "Recipients", false),
    ("transfers", "Third-country transfers and safeguards", false),
    ("retention", "Retention period", true),
    ("security_measures", "Security measures", false),
];

impl StoreFields {
    /// The typed value of an Art. 30 field, by its name in [`ART30`].
    pub fn art30_value(&self, name: &str) -> &str {
        match name {
            "description" => &self.description,
            "purposes" => &self.purposes,
            "legal_basis" => &self.legal_basis,
            "data_categories" => &self.data_categories,
            "subject_categories" => &self.subject_categories,
            "recipients" => &self.recipients,
            "transfers" => &self.transfers,
            "retention" => &self.retention,
            _ => &self.security_measures,
        }
    }

    /// `editing`: secrets may be left empty to keep the stored ones.
    pub fn parse(&self, editing: bool) -> Result<StoreSpec, FormErrors> {
        let mut e = FormErrors::default();
        let name = e.check("name", "Name", text::required(text::line(&self.name, 120)));
        let kind = e.check("kind", "Kind", choice::<StoreKind>(&self.kind));
        let owner = e.check(
            "owner_email",
            "Owner's email",
            EmailAddress::parse(&self.owner_email),
        );
        let mut art = Art30::default();
        for (field, label, required) in ART30 {
            let value = text::paragraph(self.art30_value(field), 4000);
            let value = if required {
                text::required(value)
            } else {
                value.map(Option::unwrap_or_default)
            };
            let v = e.check(field, label, value).unwrap_or_default();
            match field {
                "description" => art.description = v,
                "purposes" => art.purposes = v,
                "legal_basis" => art.legal_basis = v,
                "data_categories" => art.data_categories = v,
                "subject_categories" => art.subject_categories = v,
                "recipients" => art.recipients = v,
                "transfers" => art.transfers = v,
                "retention" => art.retention = v,
                _ => art.security_measures = v,
            }
        }
        let access = match kind {
            Some(StoreKind::Manual) => Some(Access::Manual),
            Some(StoreKind::Sql) => {
                let connection = if self.connection.trim().is_empty() && editing {
                    Some(None)
                } else if self.connection.trim().is_empty() {
                    e.add("connection", "Connection", "is required for a SQL store");
                    None
                } else {
                    e.check("connection", "Connection", SqlUrl::parse(&self.connection))
                        .map(Some)
                };
                let dataset = if self.dataset.trim().is_empty() {
                    e.add("dataset", "Dataset map", "is required for a SQL store");
                    None
                } else {
                    e.check("dataset", "Dataset map", Dataset::parse(&self.dataset))
                };
                connection
                    .zip(dataset)
                    .map(|(connection, dataset)| Access::Sql {
                        connection,
                        dataset,
                    })
            }
            Some(StoreKind::Webhook) => {
                let url = self.url.trim();
                let url_ok = (url.starts_with("https://") || url.starts_with("http://"))
                    && url.len() <= 2000
                    && !url.chars().any(char::is_whitespace);
                if !url_ok {
                    e.add(
                        "url",
                        "Webhook URL",
                        "must be an http:// or https:// address",
                    );
                }
                let secret = if self.secret.is_empty() && editing {
                    Some(None)
                } else if self.secret.chars().count() < 16 || self.secret.chars().count() > 256 {
                    e.add("secret", "Signing secret", "must be 16 to 256 characters");
                    None
                } else {
                    Some(Some(self.secret.clone()))
                };
                (url_ok)
                    .then_some(())
                    .zip(secret)
                    .map(|(_, secret)| Access::Webhook {
                        url: url.to_string(),
                        secret,
                    })
            }
            None => None,
        };
        if !e.is_empty() {
            return Err(e);
        }
        Ok(StoreSpec {
            name: name.expect("checked"),
            owner_email: owner.expect("checked").normalised(),
            art30: art,
            access: access.expect("checked"),
            active: self.active.is_empty() || is_on(&self.active),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manual() -> StoreFields {
        StoreFields {
            name: "CRM".into(),
            kind: "manual".into(),
            owner_email: "owner@example.org".into(),
            purposes: "Customer support".into(),
            legal_basis: "Contract".into(),
            data_categories: "Contact details".into(),
            subject_categories: "Customers".into(),
            retention: "3 years after last contact".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_manual_store() {
        let s = manual().parse(false).unwrap();
        assert!(matches!(s.access, Access::Manual));
        assert!(s.active);
    }

    #[test]
    fn required_art30_fields_are_named() {
        let mut f = manual();
        f.purposes.clear();
        f.retention = "x\u{0}".into();
        let e = f.parse(false).unwrap_err();
        assert!(e.get("purposes").is_some() && e.get("retention").is_some());
    }

    #[test]
    fn sql_and_webhook_need_their_parts() {
        let mut f = manual();
        f.kind = "sql".into();
        let e = f.parse(false).unwrap_err();
        assert!(e.get("connection").is_some() && e.get("dataset").is_some());
        f.connection = "sqlite://relative.db".into();
        f.dataset = "{\"tables\": []}".into();
        let e = f.parse(false).unwrap_err();
        assert!(e.get("connection").unwrap().contains("absolute"));
        assert!(e.get("dataset").unwrap().contains("no tables"));
        f.connection.clear();
        f.dataset = r#"{"tables": [{"name": "c", "primary_key": "id", "identities": {"email": "email"}, "fields": {}}]}"#.into();
        assert!(f.parse(true).is_ok(), "editing keeps the stored connection");
        let mut w = manual();
        w.kind = "webhook".into();
        w.url = "ftp://x".into();
        w.secret = "short".into();
        let e = w.parse(false).unwrap_err();
        assert!(e.get("url").is_some() && e.get("secret").is_some());
    }
}
