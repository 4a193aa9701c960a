//! The consent API: purposes and notices (staff), site keys (admins), the ledger's export,
//! and the public calls a website makes with its site key (the banner's read and write,
//! `POST /api/v1/consent`), with CORS limited to each key's origins.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, ResponseError, web};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::consent_services::ServiceJson;
use super::json;
use super::vocab;
use crate::error::ApiError;
use crate::reports::{ExportQuery, consent_download, export_filter};
use crate::staff::ApiStaff;
use steward_core::export::utc;
use steward_core::records::{ConsentRow, CurrentRow, NoticeRow, PurposeRow};
use steward_core::workflow::Services;
use steward_core::workflow::consent::ledger::{self, Choice, Entry, Proof, Writer};
use steward_core::workflow::consent::services::{self as purpose_services, Service};
use steward_core::workflow::consent::site_keys::{self, KeyRefusal};
use steward_core::workflow::consent::translations::{self, Shown};
use steward_core::workflow::consent::{self, NewPurpose};
use steward_domain::Jurisdiction;
use steward_domain::consent::{self as rules, ConsentMethod, ConsentStatus, PurposeKey, Subject};

pub use crate::access::SITE_KEY_HEADER;

/// A purpose with its current notice.
#[derive(Serialize, ToSchema)]
pub struct PurposeJson {
    key: PurposeKey,
    name: String,
    description: String,
    sale_or_sharing: bool,
    necessary: bool,
    notice_version: i32,
    notice_text: String,
    notice_sha256: String,
    #[schema(format = DateTime)]
    published_at: String,
    /// The language of the name, description and notice; each language's notice has
    /// versions of its own.
    notice_language: Option<steward_domain::Language>,
    /// No text in the language asked for: the shop's default language is shown.
    fallback: bool,
    /// Who receives the data, and what each keeps in the browser.
    services: Vec<ServiceJson>,
}

impl PurposeJson {
    pub(super) fn of(p: &PurposeRow, n: &NoticeRow, services: &[Service]) -> Self {
        PurposeJson {
            services: ServiceJson::list(services, &p.key),
            key: p.key.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            sale_or_sharing: p.sale_or_sharing,
            necessary: p.necessary,
            notice_version: n.version,
            notice_text: n.text.clone(),
            notice_sha256: n.sha256.clone(),
            published_at: utc(&n.published_at),
            notice_language: None,
            fallback: false,
        }
    }

    /// The purpose as one reader is shown it, in their language where the shop wrote one.
    pub(super) fn shown(p: &PurposeRow, s: Shown, services: &[Service]) -> Self {
        PurposeJson {
            services: ServiceJson::list(services, &p.key),
            key: p.key.clone(),
            name: s.name,
            description: s.description,
            sale_or_sharing: p.sale_or_sharing,
            necessary: p.necessary,
            notice_version: s.version,
            notice_text: s.text,
            notice_sha256: s.sha256,
            published_at: utc(&s.published_at),
            notice_language: Some(s.language),
            fallback: s.fallback,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PurposeList {
    items: Vec<PurposeJson>,
}

/// A subject's standing choice for one purpose: its latest record.
#[derive(Serialize, ToSchema)]
pub struct CurrentJson {
    purpose: PurposeKey,
    status: ConsentStatus,
    notice_version: i32,
    /// The language of the notice the choice was made on (none: the shop's default).
    notice_language: Option<steward_domain::Language>,
    /// A newer notice was published in that language since: the choice is asked again.
    outdated: bool,
    #[schema(format = DateTime)]
    recorded_at: String,
    record_id: String,
}

impl CurrentJson {
    pub(super) fn of(c: &CurrentRow, outdated: bool) -> Self {
        CurrentJson {
            purpose: c.purpose_key.clone(),
            status: c.status,
            notice_version: c.notice_version,
            notice_language: c.notice_language,
            outdated,
            recorded_at: utc(&c.recorded_at),
            record_id: c.record_id.clone(),
        }
    }
}

/// One record of the ledger with its proof (what the answers below share).
#[derive(Serialize, ToSchema)]
pub struct RecordFields {
    id: String,
    purpose: PurposeKey,
    status: ConsentStatus,
    notice_version: i32,
    method: ConsentMethod,
    jurisdiction: Option<Jurisdiction>,
    /// The language the choice was offered in (banner and preference centre).
    language: Option<steward_domain::Language>,
    /// The language of the notice it was made on: differs from `language` when the shop
    /// had no text in the visitor's language (none: the shop's default).
    notice_language: Option<steward_domain::Language>,
    #[schema(format = DateTime)]
    recorded_at: String,
    page_url: Option<String>,
    banner_version: Option<String>,
    note: Option<String>,
    pseudonymised: bool,
}

impl RecordFields {
    fn of(r: &ConsentRow) -> Self {
        RecordFields {
            id: r.id.clone(),
            purpose: r.purpose_key.clone(),
            status: r.status,
            notice_version: r.notice_version,
            method: r.method,
            jurisdiction: r.jurisdiction,
            language: r.language,
            notice_language: r.notice_language,
            recorded_at: utc(&r.recorded_at),
            page_url: r.page_url.clone(),
            banner_version: r.banner_version.clone(),
            note: r.note.clone(),
            pseudonymised: r.pseudonymised_at.is_some(),
        }
    }
}

/// A record in a subject's history.
#[derive(Serialize, ToSchema)]
pub struct RecordJson {
    #[serde(flatten)]
    record: RecordFields,
    /// The call carried a Global Privacy Control signal.
    gpc: bool,
}

impl RecordJson {
    fn of(r: &ConsentRow) -> Self {
        RecordJson {
            record: RecordFields::of(r),
            gpc: r.gpc,
        }
    }
}

/// What a Global Privacy Control signal did in this call.
#[derive(Serialize, ToSchema)]
pub struct GpcJson {
    /// The signal was present and every sale/sharing purpose now stands withdrawn.
    honoured: bool,
    /// The records the signal wrote.
    records: Vec<String>,
}

impl GpcJson {
    pub(super) fn of(w: &ledger::Written) -> Self {
        GpcJson {
            honoured: w.gpc_honoured,
            records: w.gpc_records.clone(),
        }
    }
}

/// `POST /api/v1/consent`'s answer: the record written, and what the call's Global Privacy
/// Control signal did.
#[derive(Serialize, ToSchema)]
pub struct RecordAnswer {
    #[serde(flatten)]
    record: RecordFields,
    gpc: GpcJson,
}

/// A subject's current choices and every record, oldest first.
#[derive(Serialize, ToSchema)]
pub struct SubjectConsent {
    subject: String,
    current: Vec<CurrentJson>,
    history: Vec<RecordJson>,
}

/// A new site key: the key itself is shown this once.
#[derive(Serialize, ToSchema)]
pub struct SiteKeyCreated {
    id: String,
    name: String,
    origins: Vec<String>,
    key: String,
    #[schema(format = DateTime)]
    created_at: String,
}

pub(super) fn text_field(
    value: &Option<String>,
    name: &'static str,
    max: usize,
) -> Result<Option<String>, ApiError> {
    let t = json::text(value);
    if t.chars().count() > max {
        return Err(ApiError::field(
            name,
            format!("{name} is longer than {max} characters"),
        ));
    }
    Ok(Some(t).filter(|t| !t.trim().is_empty()))
}

pub(super) fn parsed<T>(name: &'static str, r: Result<T, String>) -> Result<T, ApiError> {
    r.map_err(|e| ApiError::field(name, format!("{name} {e}")))
}

/// `POST /api/v1/purposes`: a consent purpose with its first notice.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "key": "newsletter", "name": "Newsletter",
    "notice_text": "We send you our newsletter about once a month. You can unsubscribe at any time.",
    "description": "Product news by email", "necessary": false, "sale_or_sharing": false
}))]
pub struct NewPurposeBody {
    #[schema(required = true, schema_with = vocab::purpose_key)]
    key: Option<String>,
    #[schema(required = true, max_length = 200)]
    name: Option<String>,
    /// The notice shown with the choice (its first version).
    #[schema(required = true)]
    notice_text: Option<String>,
    #[schema(max_length = 2000)]
    description: Option<String>,
    /// Strictly necessary: always granted, never asked.
    necessary: Option<bool>,
    /// A sale or sharing under the CCPA: a Global Privacy Control signal opts out of it.
    sale_or_sharing: Option<bool>,
}

pub async fn create_purpose(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: NewPurposeBody = json::body(&body)?;
    let key = parsed("key", PurposeKey::parse(&json::text(&b.key)))?;
    let name = json::text(&b.name);
    if name.trim().is_empty() || name.chars().count() > 200 {
        return Err(ApiError::field(
            "name",
            "name is required (at most 200 characters)",
        ));
    }
    let p = NewPurpose {
        key,
        name: name.trim().to_string(),
        description: text_field(&b.description, "description", 2000)?.unwrap_or_default(),
        sale_or_sharing: b.sale_or_sharing == Some(true),
        necessary: b.necessary == Some(true),
        notice_text: parsed(
            "notice_text",
            rules::notice_text(&json::text(&b.notice_text)),
        )?,
    };
    let (p, n) = consent::create_purpose(&svc, p, staff.0.actor()).await?;
    Ok(HttpResponse::Created()
        .insert_header(("Location", format!("/api/v1/purposes/{}", p.key)))
        .json(PurposeJson::of(&p, &n, &[])))
}

pub async fn purposes(svc: web::Data<Services>, _s: ApiStaff) -> Result<HttpResponse, ApiError> {
    let services = purpose_services::all(&svc).await?;
    let items = consent::purposes(&svc)
        .await?
        .iter()
        .map(|(p, n)| PurposeJson::of(p, n, &services))
        .collect();
    Ok(HttpResponse::Ok().json(PurposeList { items }))
}

/// `POST /api/v1/purposes/{key}/notices`: a new version of a purpose's notice.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "notice_text": "We send you our newsletter about twice a month. You can unsubscribe at any time."
}))]
pub struct NoticeBody {
    #[schema(required = true)]
    notice_text: Option<String>,
}

pub async fn publish(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let key = PurposeKey::parse(&path)
        .map_err(|_| ApiError::status(StatusCode::NOT_FOUND, "no such purpose"))?;
    let b: NoticeBody = json::body(&body)?;
    let text = parsed(
        "notice_text",
        rules::notice_text(&json::text(&b.notice_text)),
    )?;
    let n = consent::publish_notice(&svc, key.clone(), text, staff.0.actor()).await?;
    let (p, _) = consent::purpose(&svc, key).await?;
    let services = purpose_services::all(&svc).await?;
    Ok(HttpResponse::Created().json(PurposeJson::of(&p, &n, &services)))
}

/// `POST /api/v1/purposes/{key}/translations`: the purpose's name, description and notice in
/// another language than the shop's default, as that language's next version.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "language": "de", "name": "Newsletter", "description": "Neuigkeiten per E-Mail",
    "notice_text": "Wir senden Ihnen etwa einmal im Monat unseren Newsletter. Sie können ihn jederzeit abbestellen."
}))]
pub struct TranslationBody {
    #[schema(required = true, schema_with = vocab::language)]
    language: Option<String>,
    #[schema(required = true, max_length = 200)]
    name: Option<String>,
    #[schema(max_length = 2000)]
    description: Option<String>,
    #[schema(required = true)]
    notice_text: Option<String>,
}

/// The purpose as readers of that language are now shown it.
pub async fn translate(
    svc: web::Data<Services>,
    staff: ApiStaff,
    path: web::Path<String>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let key = PurposeKey::parse(&path)
        .map_err(|_| ApiError::status(StatusCode::NOT_FOUND, "no such purpose"))?;
    let b: TranslationBody = json::body(&body)?;
    let language = json::text(&b.language)
        .parse::<steward_domain::Language>()
        .map_err(|e| ApiError::field("language", format!("language {e}")))?;
    translations::publish(
        &svc,
        staff.0.actor(),
        key.clone(),
        language,
        json::text(&b.name),
        json::text(&b.description),
        json::text(&b.notice_text),
    )
    .await?;
    let (p, notices) = consent::purpose(&svc, key).await?;
    let n = notices
        .last()
        .cloned()
        .ok_or_else(|| ApiError::status(StatusCode::NOT_FOUND, "no such purpose"))?;
    let texts = translations::cached(&svc);
    let services = purpose_services::all(&svc).await?;
    Ok(HttpResponse::Created().json(PurposeJson::shown(
        &p,
        texts.shown(&p, &n, language),
        &services,
    )))
}

/// `POST /api/v1/site-keys`: a key for the consent banner, for these origins only.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"name": "Shop front", "origins": ["https://shop.example"]}))]
pub struct SiteKeyBody {
    #[schema(required = true)]
    name: Option<String>,
    /// The pages' origins (`https://host[:port]`) the key answers.
    #[schema(required = true)]
    origins: Option<Vec<String>>,
}

pub async fn create_site_key(
    svc: web::Data<Services>,
    staff: ApiStaff,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let b: SiteKeyBody = json::body(&body)?;
    let origins = b.origins.unwrap_or_default();
    let (row, key) = site_keys::create(&svc, json::text(&b.name), origins, staff.0.actor()).await?;
    Ok(HttpResponse::Created().json(SiteKeyCreated {
        origins: row.origin_list().map(str::to_string).collect(),
        created_at: utc(&row.created_at),
        id: row.id,
        name: row.name,
        key,
    }))
}

pub async fn records_csv(
    svc: web::Data<Services>,
    staff: ApiStaff,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    let filter = export_filter(&q)?;
    Ok(consent_download(&svc, &staff.0, &q, filter).await?)
}

#[derive(serde::Deserialize)]
pub struct SubjectQuery {
    subject: Option<String>,
}

pub async fn subject(
    svc: web::Data<Services>,
    _s: ApiStaff,
    q: web::Query<SubjectQuery>,
) -> Result<HttpResponse, ApiError> {
    let given = q.subject.clone().unwrap_or_default();
    let subject = parsed("subject", Subject::parse(&given))?;
    let state = ledger::state(&svc, &subject).await?;
    let purposes = consent::purposes(&svc).await?;
    let texts = translations::cached(&svc);
    let outdated = |c: &CurrentRow| {
        purposes
            .iter()
            .find(|(p, _)| p.key == c.purpose_key)
            .is_some_and(|(p, _)| texts.outdated(p, c))
    };
    Ok(HttpResponse::Ok().json(SubjectConsent {
        subject: subject.as_text(),
        current: state
            .current
            .iter()
            .map(|c| CurrentJson::of(c, outdated(c)))
            .collect(),
        history: state.history.iter().map(RecordJson::of).collect(),
    }))
}

/// `GET /api/v1/consent/{id}`: one record (a visitor's receipt names it) with its proof.
#[derive(Serialize, ToSchema)]
pub struct RecordProof {
    #[serde(flatten)]
    record: RecordFields,
    subject_kind: steward_domain::consent::SubjectKind,
    gpc: bool,
    user_agent: Option<String>,
    /// The client address was recorded (as a keyed hash, never the address itself).
    ip_recorded: bool,
    /// The site key the record came through, for the banner and a shop's own calls.
    site_key_id: Option<String>,
    /// The staff member who recorded it on the subject's behalf.
    recorded_by: Option<String>,
    /// The exact notice the subject was shown.
    notice: Option<NoticeProof>,
}

#[derive(Serialize, ToSchema)]
pub struct NoticeProof {
    version: i32,
    sha256: String,
    text: String,
    #[schema(format = DateTime)]
    published_at: String,
}

pub async fn record_by_id(
    svc: web::Data<Services>,
    _s: ApiStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let Some((r, n)) = ledger::record_by_id(&svc, path.into_inner()).await? else {
        return Err(ApiError::status(
            StatusCode::NOT_FOUND,
            "no consent record has this id",
        ));
    };
    Ok(HttpResponse::Ok().json(RecordProof {
        record: RecordFields::of(&r),
        subject_kind: r.subject_kind,
        gpc: r.gpc,
        user_agent: r.user_agent.clone(),
        ip_recorded: r.ip_hmac.is_some(),
        site_key_id: r.site_key_id.clone(),
        recorded_by: r.recorded_by.as_ref().map(|u| u.as_str().to_string()),
        notice: n.map(|n| NoticeProof {
            version: n.version,
            sha256: n.sha256,
            text: n.text,
            published_at: utc(&n.published_at),
        }),
    }))
}

// --- Public calls with a site key ---------------------------------------------------------

pub(super) fn header(req: &HttpRequest, name: &str) -> Option<String> {
    req.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

pub(super) fn proof(
    req: &HttpRequest,
    page_url: Option<String>,
    banner_version: Option<String>,
) -> Proof {
    Proof {
        ip: crate::client::client_ip(req),
        user_agent: header(req, "User-Agent"),
        page_url,
        gpc: header(req, "Sec-GPC").as_deref() == Some("1"),
        banner_version,
    }
}

/// Adds the CORS headers for an allowed origin, on success and on error alike, so the
/// banner can read why a call failed.
pub(super) fn cors(mut res: HttpResponse, origin: Option<&str>) -> HttpResponse {
    use actix_web::http::header::{HeaderName, HeaderValue};
    let h = res.headers_mut();
    h.insert(
        HeaderName::from_static("vary"),
        HeaderValue::from_static("Origin"),
    );
    if let Some(o) = origin
        && let Ok(v) = HeaderValue::from_str(o)
    {
        h.insert(HeaderName::from_static("access-control-allow-origin"), v);
    }
    res
}

fn refusal(r: KeyRefusal) -> HttpResponse {
    match r {
        KeyRefusal::Unknown => ApiError::Status {
            status: StatusCode::UNAUTHORIZED,
            message: format!("a valid site key is required in {SITE_KEY_HEADER}"),
            field: Some("X-Steward-Site-Key".into()),
        },
        KeyRefusal::Origin => ApiError::Status {
            status: StatusCode::FORBIDDEN,
            message: "this site key is not allowed from this origin".into(),
            field: Some("Origin".into()),
        },
    }
    .error_response()
}

/// The site key of a public call, or the refusal as a response.
async fn site_key(
    svc: &Services,
    req: &HttpRequest,
    key: Option<String>,
) -> Result<Result<steward_core::records::SiteKeyRow, HttpResponse>, ApiError> {
    let origin = header(req, "Origin");
    Ok(site_keys::check(svc, key, origin).await?.map_err(refusal))
}

/// CORS pre-flight: allowed for origins some live site key lists (the pre-flight carries no
/// key; the call itself is checked against its own key's origins).
pub async fn preflight(
    svc: web::Data<Services>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let Some(origin) = header(&req, "Origin") else {
        return Ok(HttpResponse::NoContent().finish());
    };
    if !site_keys::origin_known(&svc, origin.clone()).await? {
        return Ok(cors(HttpResponse::Forbidden().finish(), None));
    }
    Ok(cors(
        HttpResponse::NoContent()
            .insert_header(("Access-Control-Allow-Methods", "GET, POST"))
            .insert_header((
                "Access-Control-Allow-Headers",
                "Content-Type, Accept, X-Steward-Site-Key",
            ))
            .insert_header(("Access-Control-Max-Age", "600"))
            .finish(),
        Some(&origin),
    ))
}

/// Runs a public handler with its site key, adding CORS to whatever it answers.
pub(super) async fn public<F, Fut>(svc: &Services, req: &HttpRequest, f: F) -> HttpResponse
where
    F: FnOnce(steward_core::records::SiteKeyRow) -> Fut,
    Fut: std::future::Future<Output = Result<HttpResponse, ApiError>>,
{
    public_with_key(svc, req, crate::access::site_key(req.headers()), f).await
}

/// [`public`] with the key given: the banner's read may name it in its query instead of a
/// header, which keeps the read a CORS simple request (no pre-flight round trip).
pub(super) async fn public_with_key<F, Fut>(
    svc: &Services,
    req: &HttpRequest,
    key: Option<String>,
    f: F,
) -> HttpResponse
where
    F: FnOnce(steward_core::records::SiteKeyRow) -> Fut,
    Fut: std::future::Future<Output = Result<HttpResponse, ApiError>>,
{
    let origin = header(req, "Origin");
    let res = match site_key(svc, req, key).await {
        Err(e) => e.error_response(),
        // Refused keys get no CORS headers: a page elsewhere learns nothing.
        Ok(Err(refused)) => return cors(refused, None),
        Ok(Ok(key)) => f(key).await.unwrap_or_else(|e| e.error_response()),
    };
    cors(res, origin.as_deref())
}

/// `POST /api/v1/consent`: one record, from a website with its site key or from staff with
/// a token (who may record on the subject's behalf, with a note).
pub async fn record(svc: web::Data<Services>, req: HttpRequest, body: web::Bytes) -> HttpResponse {
    // The route table's guard let a staff token through only with the permission it needs.
    if crate::access::site_key(req.headers()).is_none()
        && let Some(staff) = crate::access::staff_of(&req)
    {
        let w = Writer::Staff {
            actor: staff.actor(),
        };
        let written = match parse_record(&req, &body, w) {
            Ok((entry, purpose)) => ledger::record(&svc, entry)
                .await
                .map_err(ApiError::from)
                .and_then(|w| record_answer(&w, &purpose)),
            Err(e) => Err(e),
        };
        return written.unwrap_or_else(|e| e.error_response());
    }
    let origin = header(&req, "Origin");
    let site = Writer::Site {
        key_id: String::new(),
    };
    let (entry, purpose) = match parse_record(&req, &body, site) {
        Ok(parsed) => parsed,
        // A bad body is answered only to a caller whose key holds.
        Err(e) => {
            let (s, r) = (svc.clone(), req.clone());
            return public(&s, &r, |_| async move { Err(e) }).await;
        }
    };
    match ledger::record_for_site(
        &svc,
        crate::access::site_key(req.headers()),
        origin.clone(),
        entry,
    )
    .await
    {
        Ok(Ok(w)) => cors(
            record_answer(&w, &purpose).unwrap_or_else(|e| e.error_response()),
            origin.as_deref(),
        ),
        Ok(Err(refused)) => cors(refusal(refused), None),
        // Refused input comes after the key held; anything else may not have checked it.
        Err(e @ steward_core::workflow::WorkflowError::Invalid { .. }) => {
            cors(ApiError::from(e).error_response(), origin.as_deref())
        }
        Err(e) => cors(ApiError::from(e).error_response(), None),
    }
}

/// The 201 for a recorded choice, or a 409 when the GPC signal kept a grant from being made.
fn record_answer(w: &ledger::Written, purpose: &PurposeKey) -> Result<HttpResponse, ApiError> {
    let Some(r) = w
        .records
        .iter()
        .find(|r| &r.purpose_key == purpose && r.method != ConsentMethod::Gpc)
    else {
        return Err(ApiError::Status {
            status: StatusCode::CONFLICT,
            message: "the browser's Global Privacy Control signal opts out of sale or sharing; the grant was not recorded".into(),
            field: Some("status".into()),
        });
    };
    Ok(HttpResponse::Created().json(RecordAnswer {
        record: RecordFields::of(r),
        gpc: GpcJson::of(w),
    }))
}

/// `POST /api/v1/consent`: one choice of one subject, with its proof. With a site key, the
/// subject is the banner's visitor id; an email address or customer id needs a staff token.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "subject": "ada@example.org", "purpose": "newsletter", "status": "granted",
    "method": "staff", "note": "Asked at the counter, signed form no. 118", "jurisdiction": "gdpr"
}))]
pub struct ConsentBody {
    /// An email address or a customer id (with a staff token); the banner's visitor id (32
    /// hex digits) with a site key; staff name a site's visitor as
    /// `visitor:<site key id>:<visitor id>`.
    #[schema(required = true)]
    subject: Option<String>,
    #[schema(required = true)]
    purpose: Option<String>,
    #[schema(required = true, schema_with = vocab::consent_status)]
    status: Option<String>,
    /// The notice version the subject saw; the current one if not given.
    notice_version: Option<i32>,
    #[schema(schema_with = vocab::consent_method)]
    method: Option<String>,
    #[schema(schema_with = vocab::jurisdiction)]
    jurisdiction: Option<String>,
    /// Required when staff record on a subject's behalf.
    note: Option<String>,
    page_url: Option<String>,
}

fn parse_record(
    req: &HttpRequest,
    body: &[u8],
    writer: Writer,
) -> Result<(Entry, PurposeKey), ApiError> {
    let b: ConsentBody = json::body(body)?;
    let given = json::text(&b.subject);
    let purpose = parsed("purpose", PurposeKey::parse(&json::text(&b.purpose)))?;
    let status: ConsentStatus = json::text(&b.status)
        .parse()
        .map_err(|e| ApiError::field("status", format!("status {e}")))?;
    let notice_version = b.notice_version;
    let staff = matches!(writer, Writer::Staff { .. });
    // A site key is public (it is in the shop's pages): with it, a browser records choices
    // for its own visitor id only, on that key's site. Email addresses and customer ids need
    // a staff token, which stays on the shop's server.
    let subject = match &writer {
        Writer::Site { key_id } => {
            // The key is checked with the write, which scopes the visitor to its site
            // (`ledger::record_for_site`); until then only the id's shape is checked.
            let site = if key_id.is_empty() {
                "unchecked"
            } else {
                key_id
            };
            Subject::visitor(site, given.trim()).map_err(|_| ApiError::Status {
                status: StatusCode::FORBIDDEN,
                message: "with a site key, subject must be the banner's visitor id; recording consent for an email address or customer id needs a staff API token".into(),
                field: Some("subject".into()),
            })?
        }
        _ => parsed("subject", Subject::parse(&given))?,
    };
    let method = match json::text(&b.method).as_str() {
        "" => ConsentMethod::Api,
        m => match m.parse::<ConsentMethod>() {
            Ok(ConsentMethod::Staff) if !staff => {
                return Err(ApiError::field(
                    "method",
                    "method staff needs a staff token",
                ));
            }
            Ok(ConsentMethod::PreferenceCentre) if !staff => {
                return Err(ApiError::field(
                    "method",
                    "method preference_centre is recorded by Steward's own preference centre only",
                ));
            }
            Ok(m) if ConsentMethod::CALLER_WORDS.contains(&m.as_str()) => m,
            _ => {
                return Err(ApiError::field(
                    "method",
                    format!(
                        "method must be one of: {}",
                        ConsentMethod::CALLER_WORDS.join(", ")
                    ),
                ));
            }
        },
    };
    let note = text_field(&b.note, "note", ledger::MAX_PROOF_LEN)?;
    if method == ConsentMethod::Staff && note.is_none() {
        return Err(ApiError::field(
            "note",
            "note is required when staff record on a subject's behalf",
        ));
    }
    let jurisdiction = match json::text(&b.jurisdiction).as_str() {
        "" => None,
        j => Some(
            j.parse::<Jurisdiction>()
                .map_err(|e| ApiError::field("jurisdiction", format!("jurisdiction {e}")))?,
        ),
    };
    let page_url = text_field(&b.page_url, "page_url", ledger::MAX_PROOF_LEN)?;
    let entry = Entry {
        subject,
        choices: vec![Choice {
            purpose: purpose.clone(),
            status,
            notice_version,
            notice_language: None,
        }],
        method,
        jurisdiction,
        note,
        proof: proof(req, page_url, None),
        writer,
        language: None,
    };
    Ok((entry, purpose))
}
