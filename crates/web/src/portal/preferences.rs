//! The preference centre: a person asks for a link by email, opens it once, and sees and
//! changes every choice in one form that works without JavaScript. Withdrawing is as easy as
//! giving (Art. 7(3)): each purpose is one pair of radio buttons.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde::Deserialize;

use crate::error::PageError;
use crate::render::{redirect, render};
use crate::security::{is_https, public_form_token, public_form_token_ok};
use std::sync::Arc;
use steward_core::records::{ConsentRow, CurrentRow, PurposeRow};
use steward_core::workflow::brand::Brand;
use steward_core::workflow::consent::ledger::{self, Choice, Entry, Proof, Writer};
use steward_core::workflow::consent::preferences::{self, PreferenceSession};
use steward_core::workflow::consent::translations::{self, Shown};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::EmailAddress;
use steward_domain::consent::{ConsentMethod, ConsentStatus, PurposeKey};
use steward_domain::validation::FieldErrors;
use steward_l10n::Tr;

use crate::language::Reader;
use crate::portal::words::public_errors;

pub const COOKIE: &str = "steward_prefs";

/// A form whose token or choices no longer fit the page: reloading it is the remedy.
const FORM_EXPIRED: PageError = PageError::Public(StatusCode::FORBIDDEN, "error-form-expired");

#[derive(Template)]
#[template(path = "portal/preferences_ask.html")]
struct AskPage {
    email: String,
    errors: FieldErrors,
    csrf: String,
    sent: bool,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

pub struct PurposeChoice {
    pub p: PurposeRow,
    /// Its name, description and notice in the reader's language (else the shop's default).
    pub s: Shown,
    pub current: Option<CurrentRow>,
    /// Who receives the data under this purpose.
    pub services: Vec<steward_core::workflow::consent::services::Service>,
    /// The choice was made on an older notice than the one shown now.
    pub outdated: bool,
}

pub struct HistoryLine {
    pub r: ConsentRow,
    /// When it was recorded, for a person to read, in the deployment's time zone.
    pub at: String,
    /// The purpose's name as the form shows it (the key is an identifier for websites).
    pub purpose_name: String,
}

/// "6 December 2026, 14:03" in the shop's time zone: the date spelled out in the reader's
/// language, so no reader has to guess which of day and month comes first.
fn readable_time(t: &NaiveDateTime, tz: Tz, tr: Tr) -> String {
    tr.date_time(tz.from_utc_datetime(t).naive_local())
}

#[derive(Template)]
#[template(path = "portal/preferences.html")]
struct ChoicesPage {
    email: String,
    purposes: Vec<PurposeChoice>,
    history: Vec<HistoryLine>,
    csrf: String,
    saved: bool,
    /// A notice was republished while the form was open: its choice was not saved.
    changed: bool,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

#[derive(Template)]
#[template(path = "portal/preferences_open.html")]
struct OpenPage {
    token: String,
    /// A message id: why the link cannot be opened.
    problem: Option<&'static str>,
    csrf: String,
    tr: Tr,
    here: String,
    brand: Arc<Brand>,
}

async fn session_of(
    svc: &Services,
    req: &HttpRequest,
) -> Result<Option<PreferenceSession>, PageError> {
    match req.cookie(COOKIE) {
        Some(c) if !c.value().is_empty() => Ok(preferences::session(svc, c.value()).await?),
        _ => Ok(None),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ShowQuery {
    saved: String,
    changed: String,
}

async fn choices_page(
    svc: &Services,
    reader: Reader,
    s: PreferenceSession,
    saved: bool,
    changed: bool,
) -> Result<HttpResponse, PageError> {
    let state = ledger::state(svc, &s.subject).await?;
    let tz = svc.config.timezone;
    let services = steward_core::workflow::consent::services::all(svc).await?;
    let texts = translations::cached(svc);
    let purposes: Vec<PurposeChoice> = steward_core::workflow::consent::purposes(svc)
        .await?
        .into_iter()
        .map(|(p, n)| {
            let current = state
                .current
                .iter()
                .find(|c| c.purpose_key == p.key)
                .cloned();
            let outdated = current.as_ref().is_some_and(|c| texts.outdated(&p, c));
            PurposeChoice {
                services: steward_core::workflow::consent::services::of(&services, &p.key)
                    .cloned()
                    .collect(),
                s: texts.shown(&p, &n, reader.tr.language()),
                p,
                current,
                outdated,
            }
        })
        .collect();
    let history = state
        .history
        .into_iter()
        .rev()
        .map(|r| HistoryLine {
            at: readable_time(&r.recorded_at, tz, reader.tr),
            // A purpose no longer offered still has its records: they show its key.
            purpose_name: purposes
                .iter()
                .find(|c| c.p.key == r.purpose_key)
                .map_or_else(|| r.purpose_key.to_string(), |c| c.s.name.clone()),
            r,
        })
        .collect();
    render(
        StatusCode::OK,
        &ChoicesPage {
            email: s.subject.as_text(),
            purposes,
            history,
            csrf: s.csrf,
            saved,
            changed,
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )
}

/// The centre itself with an open session, else the form that asks for a link.
pub async fn show(
    svc: web::Data<Services>,
    req: HttpRequest,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, PageError> {
    let reader = Reader::of(&req);
    if let Some(s) = session_of(&svc, &req).await? {
        return choices_page(&svc, reader, s, q.saved == "1", q.changed == "1").await;
    }
    let (csrf, cookie) = public_form_token(&req);
    let mut res = render(
        StatusCode::OK,
        &AskPage {
            email: String::new(),
            errors: FieldErrors::default(),
            csrf,
            sent: false,
            tr: reader.tr,
            here: reader.here,
            brand: reader.brand,
        },
    )?;
    if let Some(c) = cookie {
        res.add_cookie(&c).ok();
    }
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct AskForm {
    email: String,
    csrf: String,
}

pub async fn ask(
    svc: web::Data<Services>,
    req: HttpRequest,
    form: web::Form<AskForm>,
) -> Result<HttpResponse, PageError> {
    if !public_form_token_ok(&req, &form.csrf) {
        return Err(FORM_EXPIRED);
    }
    let Reader { tr, here, brand } = Reader::of(&req);
    let mut errors = FieldErrors::default();
    match EmailAddress::parse(&form.email) {
        Ok(email) => {
            preferences::send_link(&svc, email, tr).await?;
            render(
                StatusCode::OK,
                &AskPage {
                    email: form.email.clone(),
                    errors,
                    csrf: form.csrf.clone(),
                    sent: true,
                    tr,
                    here,
                    brand: brand.clone(),
                },
            )
        }
        Err(e) => {
            errors.add("email", "Email address", e);
            render(
                StatusCode::UNPROCESSABLE_ENTITY,
                &AskPage {
                    email: form.email.clone(),
                    errors: public_errors(errors, tr),
                    csrf: form.csrf.clone(),
                    sent: false,
                    tr,
                    here,
                    brand: brand.clone(),
                },
            )
        }
    }
}

/// The page behind the emailed link: one button, so a mail scanner that follows links does
/// not use up the single-use link.
pub async fn open_page(
    svc: web::Data<Services>,
    req: HttpRequest,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    let (problem, status) = match preferences::link_usable(&svc, &token).await {
        Ok(()) => (None, StatusCode::OK),
        Err(WorkflowError::LinkExpired) => (Some("error-link-expired"), StatusCode::GONE),
        Err(WorkflowError::LinkInvalid) => (Some("error-link-used"), StatusCode::NOT_FOUND),
        Err(e) => return Err(e.into()),
    };
    // The button carries a form token, so another site cannot open a session of its own
    // choosing in this browser (login CSRF).
    let (csrf, cookie) = public_form_token(&req);
    let Reader { tr, here, brand } = Reader::of(&req);
    let mut res = render(
        status,
        &OpenPage {
            token,
            problem,
            csrf,
            tr,
            here,
            brand: brand.clone(),
        },
    )?;
    if let Some(c) = cookie {
        res.add_cookie(&c).ok();
    }
    Ok(res)
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpenForm {
    csrf: String,
}

pub async fn open(
    svc: web::Data<Services>,
    req: HttpRequest,
    path: web::Path<String>,
    form: web::Form<OpenForm>,
) -> Result<HttpResponse, PageError> {
    let token = path.into_inner();
    if !public_form_token_ok(&req, &form.csrf) {
        return Err(PageError::Public(
            StatusCode::FORBIDDEN,
            "error-page-expired",
        ));
    }
    let csrf = form.csrf.clone();
    let Reader { tr, here, brand } = Reader::of(&req);
    match preferences::open(&svc, &token).await {
        Ok(session) => {
            let cookie = Cookie::build(COOKIE, session)
                .path("/privacy/preferences")
                .http_only(true)
                .same_site(SameSite::Lax)
                .secure(is_https(&req))
                .max_age(actix_web::cookie::time::Duration::minutes(30))
                .finish();
            let mut res = redirect("/privacy/preferences");
            res.add_cookie(&cookie).ok();
            Ok(res)
        }
        Err(WorkflowError::LinkExpired) => render(
            StatusCode::GONE,
            &OpenPage {
                token,
                problem: Some("error-link-expired"),
                csrf,
                tr,
                here,
                brand: brand.clone(),
            },
        ),
        Err(WorkflowError::LinkInvalid) => render(
            StatusCode::NOT_FOUND,
            &OpenPage {
                token,
                problem: Some("error-link-used"),
                csrf,
                tr,
                here,
                brand: brand.clone(),
            },
        ),
        Err(e) => Err(e.into()),
    }
}

/// Saves the form: one record per purpose whose choice changed (or was made on an older
/// notice), all in one transaction.
pub async fn save(
    svc: web::Data<Services>,
    req: HttpRequest,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, PageError> {
    let Some(s) = session_of(&svc, &req).await? else {
        return Ok(redirect("/privacy/preferences"));
    };
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    if !field("csrf").is_some_and(|c| steward_core::secrets::same_secret(c, &s.csrf)) {
        return Err(FORM_EXPIRED);
    }
    let state = ledger::state(&svc, &s.subject).await?;
    let texts = translations::cached(&svc);
    let language = crate::language::tr_of(&req).language();
    let mut choices = Vec::new();
    let mut changed = false;
    for (p, n) in steward_core::workflow::consent::purposes(&svc).await? {
        // The notice as the page showed it, in the reader's language.
        let shown = texts.shown(&p, &n, language);
        if p.necessary {
            continue;
        }
        let Some(word) = field(&format!("purpose.{}", p.key)) else {
            continue;
        };
        // The choice was made on the notice the page showed: if a newer one was published
        // meanwhile, nothing is recorded for it and the person is asked again.
        // (A form without the notice's language, from a page served before it was sent,
        // was read in the language the reader still has.)
        if field(&format!("version.{}", p.key)) != Some(shown.version.to_string().as_str())
            || field(&format!("language.{}", p.key)).is_some_and(|l| l != shown.language.as_str())
        {
            changed = true;
            continue;
        }
        let status: ConsentStatus = word
            .parse()
            .map_err(|_| PageError::Public(StatusCode::BAD_REQUEST, "error-form-expired"))?;
        let current = state.current.iter().find(|c| c.purpose_key == p.key);
        let unchanged = current.is_some_and(|c| {
            c.status == status
                && c.notice_version == shown.version
                && c.notice_language.unwrap_or(svc.config.languages.default) == shown.language
        });
        if !unchanged {
            choices.push(Choice {
                purpose: PurposeKey::clone(&p.key),
                status,
                notice_version: Some(shown.version),
                notice_language: Some(shown.language),
            });
        }
    }
    if !choices.is_empty() {
        let entry = Entry {
            subject: s.subject.clone(),
            choices,
            method: ConsentMethod::PreferenceCentre,
            jurisdiction: None,
            note: None,
            proof: Proof {
                ip: crate::client::client_ip(&req),
                user_agent: req
                    .headers()
                    .get("User-Agent")
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string),
                page_url: Some(format!("{}/privacy/preferences", svc.config.base_url)),
                gpc: req.headers().get("Sec-GPC").is_some_and(|v| v == "1"),
                banner_version: None,
            },
            writer: Writer::Subject,
            language: Some(crate::language::tr_of(&req).language()),
        };
        ledger::record(&svc, entry).await?;
    }
    Ok(redirect(if changed {
        "/privacy/preferences?changed=1"
    } else {
        "/privacy/preferences?saved=1"
    }))
}
