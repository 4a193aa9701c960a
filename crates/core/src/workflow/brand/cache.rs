//! The brand as pages read it: what the shop set, in memory, replaced whole.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use steward_domain::brand::AccentColour;

pub(super) const SHOP_NAME: &str = "brand_shop_name";
pub(super) const ACCENT: &str = "brand_accent";
pub(super) const POLICY_URL: &str = "brand_policy_url";
pub(super) const LOGO: &str = "brand_logo";
pub(super) const LOGO_VERSION: &str = "brand_logo_version";
pub(super) const CONTROLLER_NAME: &str = "controller_name";
pub(super) const CONTROLLER_CONTACT: &str = "controller_contact";
pub(super) const DPO_CONTACT: &str = "dpo_contact";

/// What a customer sees of the shop. Every field is what an administrator set; nothing is
/// said that the shop has not said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Brand {
    pub shop_name: Option<String>,
    pub accent: Option<AccentColour>,
    /// The shop's privacy policy (else `STEWARD_PRIVACY_POLICY_URL`).
    pub policy_url: Option<String>,
    pub controller_name: Option<String>,
    /// The controller's address and contact.
    pub controller_contact: Option<String>,
    pub dpo_contact: Option<String>,
    /// The logo's content hash (its URL's version), when there is a logo.
    pub logo_version: Option<String>,
}

impl Brand {
    pub(super) fn from_settings(
        mut m: HashMap<String, String>,
        fallback_policy: Option<&str>,
    ) -> Brand {
        let mut take = |k: &str| m.remove(k).filter(|v| !v.trim().is_empty());
        Brand {
            shop_name: take(SHOP_NAME),
            accent: take(ACCENT).and_then(|a| AccentColour::parse(&a).ok()),
            policy_url: take(POLICY_URL).or_else(|| fallback_policy.map(str::to_string)),
            controller_name: take(CONTROLLER_NAME),
            controller_contact: take(CONTROLLER_CONTACT),
            dpo_contact: take(DPO_CONTACT),
            logo_version: take(LOGO_VERSION),
        }
    }

    /// A version of what the brand's style sheet holds, for its cache-busting URL.
    pub fn style_version(&self) -> Option<String> {
        self.accent
            .map(|a| a.to_string().trim_start_matches('#').to_string())
    }

    /// The brand's style sheet: the accent on light pages (dark pages keep Steward's own,
    /// whose contrast is checked for the dark background).
    pub fn style(&self) -> String {
        match self.accent {
            None => String::new(),
            Some(a) => format!(
                "@media not (prefers-color-scheme: dark) {{\n  :root {{ --accent: {a}; --accent-hover: {}; --focus: {a}; }}\n}}\n",
                a.darker()
            ),
        }
    }
}

/// The brand as pages read it: in memory, replaced whole.
#[derive(Debug, Default)]
pub struct BrandCache(RwLock<Arc<Brand>>);

impl BrandCache {
    pub fn new(brand: Brand) -> BrandCache {
        BrandCache(RwLock::new(Arc::new(brand)))
    }

    pub fn current(&self) -> Arc<Brand> {
        self.0.read().map(|b| b.clone()).unwrap_or_default()
    }

    pub(super) fn replace(&self, brand: Brand) {
        if let Ok(mut b) = self.0.write() {
            *b = Arc::new(brand);
        }
    }
}
