//! Turning a store's raw fields (console form or API) into a valid [`StoreSpec`].

use serde::Deserialize;

use super::forms::{FieldErrors, choice, is_on};
use steward_core::answers::SqlUrl;
use steward_core::workflow::stores::{Access, Art30, StoreSpec};
use steward_domain::EmailAddress;
use steward_domain::dataset::Dataset;
use steward_domain::stores::StoreKind;
use steward_domain::text;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct StoreFields {
    pub name: String,
    pub kind: String,
    pub owner_email: String,
    /// The Art. 30 fields, by their names in [`Art30::FIELDS`], as typed.
    #[serde(flatten)]
    pub art30: Art30,
    pub connection: String,
    pub dataset: String,
    pub url: String,
    pub secret: String,
    pub active: String,
    pub csrf: String,
}

impl StoreFields {
    /// `editing`: secrets may be left empty to keep the stored ones.
    pub fn parse(&self, editing: bool) -> Result<StoreSpec, FieldErrors> {
        let mut e = FieldErrors::default();
        let name = e.check("name", "Name", text::required(text::line(&self.name, 120)));
        let kind = e.check("kind", "Kind", choice::<StoreKind>(&self.kind));
        let owner = e.check(
            "owner_email",
            "Owner's email",
            EmailAddress::parse(&self.owner_email),
        );
        let mut art = Art30::default();
        for f in Art30::FIELDS {
            let value = text::paragraph(self.art30.get(f.name), 4000);
            let value = if f.required {
                text::required(value)
            } else {
                value.map(Option::unwrap_or_default)
            };
            art.set(f.name, e.check(f.name, f.label, value).unwrap_or_default());
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
                    e.check(
                        "dataset",
                        "Dataset map",
                        Dataset::parse_for_registration(&self.dataset),
                    )
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
            art30: Art30 {
                purposes: "Customer support".into(),
                legal_basis: "Contract".into(),
                data_categories: "Contact details".into(),
                subject_categories: "Customers".into(),
                retention: "3 years after last contact".into(),
                ..Default::default()
            },
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
        f.art30.purposes.clear();
        f.art30.retention = "x\u{0}".into();
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
