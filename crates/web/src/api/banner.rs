//! The banner's two public calls, with a site key: the read (purposes, services, the
//! visitor's standing choices, the rules of the visitor's region) and the write (the
//! visitor's choices, all in one transaction), answered in the same shape.

use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::consent::{
    CurrentJson, GpcJson, PurposeJson, parsed, proof, public, public_with_key, text_field,
};
use super::json;
use super::vocab;
use crate::error::ApiError;
use std::collections::BTreeMap;
use steward_core::export::utc;
use steward_core::workflow::Services;
use steward_core::workflow::consent::ledger::{self, BannerState, Choice, Entry, Writer};

use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey, Subject};
use steward_domain::region::{ConsentModel, Regime, Region};
use steward_domain::{Jurisdiction, Language};

/// The rules the banner follows for this visitor.
#[derive(Serialize, ToSchema)]
pub struct RegimeJson {
    /// The region the rules were chosen for: the page's hint, a trusted proxy's, or the
    /// shop's declared region.
    region: Region,
    jurisdiction: Jurisdiction,
    /// `opt_in`: nothing optional before a choice; `opt_out`: on until the visitor opts out
    /// of sale or sharing, with a notice at collection.
    model: ConsentModel,
}

/// The visitor's latest saved choice, to quote: a consent record's id and when it was made.
#[derive(Serialize, ToSchema)]
pub struct ReceiptJson {
    id: String,
    #[schema(format = DateTime)]
    recorded_at: String,
}

/// Where the banner links to.
#[derive(Serialize, ToSchema)]
pub struct LinksJson {
    /// The shop's privacy policy (the brand settings', else `STEWARD_PRIVACY_POLICY_URL`).
    policy: Option<String>,
    /// Steward's preference centre, where a customer sees and changes choices by email.
    preferences: String,
}

/// What the banner shows and what the visitor chose.
#[derive(Serialize, ToSchema)]
pub struct BannerJson {
    purposes: Vec<PurposeJson>,
    /// The visitor's choices that still stand (made within `expiry_months`).
    choices: Vec<CurrentJson>,
    gpc: GpcJson,
    regime: RegimeJson,
    receipt: Option<ReceiptJson>,
    /// A choice stands this many months; then the banner asks again.
    expiry_months: u32,
    links: LinksJson,
    /// The language the banner is shown in: the first of the page's languages Steward
    /// speaks, else the shop's default.
    language: Language,
    /// The banner's words in that language, by name; `{date}`, `{receipt}`, `{service}`,
    /// `{purpose}` and `{names}` are left for the banner to fill in.
    strings: &'static BTreeMap<&'static str, String>,
}

impl BannerJson {
    fn of(svc: &Services, s: &BannerState, regime: Regime, language: Language) -> Self {
        let receipt = s
            .choices
            .iter()
            .max_by(|a, b| (a.recorded_at, &a.record_id).cmp(&(b.recorded_at, &b.record_id)))
            .map(|c| ReceiptJson {
                id: c.record_id.clone(),
                recorded_at: utc(&c.recorded_at),
            });
        BannerJson {
            purposes: s
                .purposes
                .iter()
                .map(|(p, n)| PurposeJson::shown(p, s.texts.shown(p, n, language), &s.services))
                .collect(),
            choices: s
                .choices
                .iter()
                .map(|c| {
                    let outdated = s
                        .purposes
                        .iter()
                        .find(|(p, _)| p.key == c.purpose_key)
                        .is_some_and(|(p, _)| s.texts.outdated(p, c));
                    CurrentJson::of(c, outdated)
                })
                .collect(),
            gpc: GpcJson::of(&s.written),
            regime: RegimeJson {
                region: regime.region,
                jurisdiction: regime.jurisdiction,
                model: regime.model,
            },
            receipt,
            expiry_months: svc.config.consent.expiry_months,
            links: LinksJson {
                policy: svc.brand.current().policy_url.clone(),
                preferences: format!(
                    "{}/privacy/preferences",
                    svc.config.base_url.trim_end_matches('/')
                ),
            },
            language,
            strings: steward_l10n::banner_words(language),
        }
    }
}

/// The rules for this visitor: the page's `data-region` hint, else a trusted proxy's region
/// header, else the shop's declared region.
fn regime(svc: &Services, req: &HttpRequest, hint: Option<&str>) -> Result<Regime, ApiError> {
    let hint = match hint.map(str::trim).filter(|h| !h.is_empty()) {
        Some(h) => Some(parsed("region", Region::parse(h))?),
        None => crate::client::proxy_region(req),
    };
    Ok(Regime::choose(hint.as_ref(), &svc.config.consent.region))
}

#[derive(Deserialize)]
pub struct BannerQuery {
    visitor: Option<String>,
    region: Option<String>,
    /// The site key, when not in `X-Steward-Site-Key`: public anyway, and in the query the
    /// read needs no CORS pre-flight.
    key: Option<String>,
    /// The page's languages, best first (`fr-CH,fr,en`): its `lang`, else the browser's.
    lang: Option<String>,
}

/// The first of the page's languages Steward speaks, else the shop's default.
fn language_of(svc: &Services, tags: Option<&str>) -> Language {
    tags.unwrap_or_default()
        .split(',')
        .find_map(Language::from_tag)
        .unwrap_or(svc.config.languages.default)
}

/// The banner's visitor, on the site of the key it called with.
fn visitor(site: &str, s: &str) -> Result<Subject, ApiError> {
    Subject::visitor(site, s).map_err(|e| ApiError::field("visitor", format!("visitor {e}")))
}

/// `GET /api/v1/consent/banner`: purposes, notices, services and the visitor's standing
/// choices.
pub async fn read(
    svc: web::Data<Services>,
    req: HttpRequest,
    q: web::Query<BannerQuery>,
) -> HttpResponse {
    let (s, r) = (svc.clone(), req.clone());
    let given = crate::access::site_key(req.headers()).or_else(|| {
        q.key
            .as_deref()
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(String::from)
    });
    public_with_key(&s, &r, given, |key| async move {
        let v = visitor(&key.id, q.visitor.as_deref().unwrap_or_default())?;
        let regime = regime(&svc, &req, q.region.as_deref())?;
        let state = ledger::banner(
            &svc,
            v,
            proof(&req, None, None),
            key.id,
            regime.jurisdiction,
        )
        .await?;
        let language = language_of(&svc, q.lang.as_deref());
        Ok(HttpResponse::Ok().json(BannerJson::of(&svc, &state, regime, language)))
    })
    .await
}

/// `POST /api/v1/consent/banner`: the banner's write, the visitor's choices for every purpose
/// shown, in one transaction.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "visitor": "4f1c2a9e6b7d4e8a9c3f2d5b8a1e7f60",
    "choices": [{"purpose": "newsletter", "status": "withdrawn"}],
    "page_url": "https://shop.example/", "banner_version": "2", "region": "DE", "language": "de"
}))]
pub struct BannerBody {
    /// The visitor id the banner keeps in the browser (32 hex digits).
    #[schema(required = true)]
    visitor: Option<String>,
    #[schema(required = true, inline)]
    choices: Option<Vec<BannerChoice>>,
    page_url: Option<String>,
    #[schema(max_length = 40)]
    banner_version: Option<String>,
    /// The page's region hint (`data-region`), as on the read.
    #[schema(schema_with = vocab::region)]
    region: Option<String>,
    /// The language the banner was shown in (as the read answered it); kept with the record.
    #[schema(schema_with = vocab::language)]
    language: Option<String>,
}

/// One purpose's choice.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BannerChoice {
    purpose: String,
    #[schema(schema_with = vocab::consent_status)]
    status: String,
    /// The notice version shown; the current one if not given.
    notice_version: Option<i32>,
    /// The language of the notice shown (the read's `notice_language`); if not given, the
    /// one the banner's language is shown now.
    #[schema(schema_with = vocab::language)]
    notice_language: Option<String>,
}

pub async fn write(svc: web::Data<Services>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    let (s, r) = (svc.clone(), req.clone());
    public(&s, &r, |key| async move {
        let b: BannerBody = json::body(&body)?;
        let v = visitor(&key.id, &json::text(&b.visitor))?;
        let regime = regime(&svc, &req, b.region.as_deref())?;
        let Some(items) = &b.choices else {
            return Err(ApiError::field(
                "choices",
                "choices must be a list of {purpose, status, notice_version}",
            ));
        };
        let language = match json::text(&b.language).as_str() {
            "" => svc.config.languages.default,
            l => l
                .parse::<Language>()
                .map_err(|e| ApiError::field("language", format!("language {e}")))?,
        };
        let mut choices = Vec::with_capacity(items.len());
        for item in items {
            choices.push(Choice {
                purpose: parsed("purpose", PurposeKey::parse(&item.purpose))?,
                status: item
                    .status
                    .parse::<ConsentStatus>()
                    .map_err(|e| ApiError::field("status", format!("status {e}")))?,
                notice_version: item.notice_version,
                notice_language: match json::text(&item.notice_language).as_str() {
                    "" => None,
                    l => Some(l.parse::<Language>().map_err(|e| {
                        ApiError::field("notice_language", format!("notice_language {e}"))
                    })?),
                },
            });
        }
        let entry = Entry {
            subject: v,
            choices,
            method: ConsentMethod::Banner,
            jurisdiction: Some(regime.jurisdiction),
            note: None,
            proof: proof(
                &req,
                text_field(&b.page_url, "page_url", ledger::MAX_PROOF_LEN)?,
                text_field(&b.banner_version, "banner_version", 40)?,
            ),
            writer: Writer::Site { key_id: key.id },
            language: Some(language),
        };
        let state = ledger::banner_write(&svc, entry).await?;
        Ok(HttpResponse::Created().json(BannerJson::of(&svc, &state, regime, language)))
    })
    .await
}
