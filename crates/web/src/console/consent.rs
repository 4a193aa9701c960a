//! Consent in the console: purposes with their figures and opt-in chart, a purpose's notice
//! versions side by side with what changed, publishing, one subject's history (and recording
//! a choice on their behalf), site keys, and the CSV downloads.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use super::Nav;
use crate::error::PageError;
use crate::render::{redirect, render};
use crate::reports::{ExportQuery, consent_download, export_filter};
use crate::staff::ConsoleStaff;
use steward_core::records::{
    ConsentRow, CurrentRow, NoticeRow, PurposeRow, ServiceRow, SiteKeyRow, StorageRow,
};
use steward_core::workflow::consent::ledger::{self, Choice, Entry, Proof, Writer};
use steward_core::workflow::consent::reports::{self, PurposeFigures};
use steward_core::workflow::consent::{self, NewPurpose, site_keys};
use steward_core::workflow::{Services, WorkflowError};
use steward_domain::Permission;
use steward_domain::consent::{
    self as rules, ConsentMethod, ConsentStatus, DiffLine, PurposeKey, Subject,
};
use steward_domain::validation::FieldErrors;

/// The opt-in chart of one purpose as SVG coordinates (drawn server-side: no script).
pub struct Chart {
    pub points: String,
    pub dots: Vec<(i64, i64, String)>,
    pub labels: Vec<(i64, String)>,
    pub summary: String,
}

const CHART_W: i64 = 360;
const CHART_H: i64 = 120;

fn chart(f: &PurposeFigures) -> Chart {
    let step = (CHART_W - 40) / 11;
    let mut points = Vec::new();
    let mut dots = Vec::new();
    let mut labels = Vec::new();
    for (i, m) in f.months.iter().enumerate() {
        let x = 20 + step * i as i64;
        if i % 2 == 0 {
            labels.push((x, m.month.format("%b").to_string()));
        }
        if let Some(p) = m.percent() {
            let y = 10 + ((100.0 - p) * (CHART_H - 30) as f64 / 100.0).round() as i64;
            points.push(format!("{x},{y}"));
            dots.push((
                x,
                y,
                format!(
                    "{}: {:.0}% granted of {} choices",
                    m.month.format("%B %Y"),
                    p,
                    m.granted + m.withdrawn
                ),
            ));
        }
    }
    let last = f
        .months
        .iter()
        .rev()
        .find_map(|m| m.percent().map(|p| (m.month, p)));
    let summary = match last {
        Some((m, p)) => format!(
            "Opt-in rate by month; latest {}: {:.0}% of choices granted",
            m.format("%B %Y"),
            p
        ),
        None => "No choices recorded in the last twelve months".into(),
    };
    Chart {
        points: points.join(" "),
        dots,
        labels,
        summary,
    }
}

pub struct PurposeLine {
    pub p: PurposeRow,
    pub n: NoticeRow,
    pub f: PurposeFigures,
    pub chart: Chart,
}

pub struct RecordLine {
    pub r: ConsentRow,
    pub at: String,
}

#[derive(Template)]
#[template(path = "console/consent.html")]
struct ConsentPage {
    nav: Nav,
    purposes: Vec<PurposeLine>,
    can_manage: bool,
    subject: String,
    found: Option<(Vec<CurrentRow>, Vec<RecordLine>)>,
    errors: FieldErrors,
    form: RecordForm,
    flash: Option<&'static str>,
    settings: steward_core::config::consent::ConsentSettings,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PageQuery {
    subject: String,
    saved: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RecordForm {
    pub csrf: String,
    pub subject: String,
    pub purpose: String,
    pub status: String,
    pub note: String,
}

async fn consent_page(
    svc: &Services,
    staff: &ConsoleStaff,
    subject: String,
    form: RecordForm,
    mut errors: FieldErrors,
    flash: Option<&'static str>,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let mut purposes = Vec::new();
    for (p, n) in consent::purposes(svc).await? {
        let f = reports::figures(svc, p.key.clone()).await?;
        let chart = chart(&f);
        purposes.push(PurposeLine { p, n, f, chart });
    }
    let mut found = None;
    if !subject.trim().is_empty() {
        match Subject::parse(&subject) {
            Ok(s) => {
                let state = ledger::state(svc, &s).await?;
                let tz = svc.config.timezone;
                let lines = state
                    .history
                    .into_iter()
                    .map(|r| RecordLine {
                        at: steward_core::workflow::breaches::to_local_text(&r.recorded_at, tz),
                        r,
                    })
                    .collect();
                found = Some((state.current, lines));
            }
            Err(e) => errors.add("subject", "Email or id", e),
        }
    }
    render(
        status,
        &ConsentPage {
            nav: Nav::new(staff, "consent"),
            purposes,
            can_manage: staff.0.role.can(Permission::ManageConsent),
            subject,
            found,
            errors,
            form,
            flash,
            settings: svc.config.consent.clone(),
        },
    )
}

pub async fn page(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, PageError> {
    let flash = (q.saved == "1").then_some("The choice was recorded.");
    let form = RecordForm {
        subject: q.subject.clone(),
        ..Default::default()
    };
    consent_page(
        &svc,
        &staff,
        q.subject.clone(),
        form,
        FieldErrors::default(),
        flash,
        StatusCode::OK,
    )
    .await
}

/// Staff record a choice on the subject's behalf (by phone, by letter), with a note.
pub async fn record(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<RecordForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let subject = errors.check("subject", "Email or id", Subject::parse(&f.subject));
    let purpose = errors.check("purpose", "Purpose", PurposeKey::parse(&f.purpose));
    let status = errors.check("status", "Choice", f.status.parse::<ConsentStatus>());
    let note = f.note.trim().to_string();
    if note.is_empty() {
        errors.add(
            "note",
            "Note",
            "is required: say how the subject told you (e.g. by phone on 3 May)",
        );
    }
    if let (Some(subject), Some(purpose), Some(status), true) =
        (subject, purpose, status, errors.is_empty())
    {
        let entry = Entry {
            subject,
            choices: vec![Choice {
                purpose,
                status,
                notice_version: None,
                notice_language: None,
            }],
            method: ConsentMethod::Staff,
            jurisdiction: None,
            note: Some(note),
            proof: Proof::default(),
            writer: Writer::Staff {
                actor: staff.0.actor(),
            },
            language: None,
        };
        match ledger::record(&svc, entry).await {
            Ok(_) => {
                let q =
                    serde_urlencoded::to_string([("subject", f.subject.as_str()), ("saved", "1")])
                        .unwrap_or_default();
                return Ok(redirect(&format!("/console/consent?{q}")));
            }
            Err(WorkflowError::Invalid { field, message }) => errors.add(field, "", message),
            Err(e) => return Err(e.into()),
        }
    }
    let subject = f.subject.clone();
    consent_page(
        &svc,
        &staff,
        subject,
        f,
        errors,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PurposeForm {
    pub csrf: String,
    pub key: String,
    pub name: String,
    pub description: String,
    pub sale_or_sharing: String,
    pub necessary: String,
    pub notice_text: String,
}

#[derive(Template)]
#[template(path = "console/purpose_new.html")]
struct NewPurposePage {
    nav: Nav,
    f: PurposeForm,
    errors: FieldErrors,
}

pub async fn new_purpose_form(staff: ConsoleStaff) -> Result<HttpResponse, PageError> {
    render(
        StatusCode::OK,
        &NewPurposePage {
            nav: Nav::new(&staff, "consent"),
            f: PurposeForm::default(),
            errors: FieldErrors::default(),
        },
    )
}

pub async fn new_purpose(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<PurposeForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let mut errors = FieldErrors::default();
    let key = errors.check("key", "Key", PurposeKey::parse(&f.key));
    if f.name.trim().is_empty() {
        errors.add("name", "Name", "is required");
    }
    let text = errors.check(
        "notice_text",
        "Notice text",
        rules::notice_text(&f.notice_text),
    );
    if let (Some(key), Some(notice_text), true) = (key, text, errors.is_empty()) {
        let p = NewPurpose {
            key: key.clone(),
            name: f.name.trim().to_string(),
            description: f.description.trim().to_string(),
            sale_or_sharing: !f.sale_or_sharing.is_empty(),
            necessary: !f.necessary.is_empty(),
            notice_text,
        };
        match consent::create_purpose(&svc, p, staff.0.actor()).await {
            Ok(_) => return Ok(redirect(&format!("/console/consent/purposes/{key}"))),
            Err(WorkflowError::Invalid { field, message }) => errors.add(field, "Key", message),
            Err(e) => return Err(e.into()),
        }
    }
    render(
        StatusCode::UNPROCESSABLE_ENTITY,
        &NewPurposePage {
            nav: Nav::new(&staff, "consent"),
            f,
            errors,
        },
    )
}

pub struct VersionView {
    pub n: NoticeRow,
    pub published: String,
    /// What changed from the version before (empty for the first).
    pub diff: Vec<DiffLine>,
}

/// The purpose page's "Add a service" form, kept as typed when it is refused.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct ServiceForm {
    pub csrf: String,
    pub name: String,
    pub provider: String,
    pub privacy_url: String,
    /// One cookie or storage key a line: `name, kind, lifetime[, third-party]`.
    pub storage: String,
}

/// What the purpose page's two forms hold: as typed when one was refused, else empty (the
/// notice form starts from the current text).
#[derive(Default)]
pub struct PurposeForms {
    pub notice_text: Option<String>,
    pub service: ServiceForm,
    pub translation: TranslationForm,
    pub errors: FieldErrors,
}

/// The translation form as typed, kept on an error.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct TranslationForm {
    pub csrf: String,
    pub language: String,
    pub name: String,
    pub description: String,
    pub text: String,
}

/// A service with its storage written as the form's lines.
pub struct ServiceView {
    pub s: ServiceRow,
    pub items: Vec<StorageRow>,
}

#[derive(Template)]
#[template(path = "console/purpose.html")]
struct PurposePage {
    nav: Nav,
    p: PurposeRow,
    versions: Vec<VersionView>,
    services: Vec<ServiceView>,
    can_manage: bool,
    notice_text: String,
    service: ServiceForm,
    /// The purpose's current text in each other language, and the form to add one.
    translations: Vec<steward_core::records::TranslationRow>,
    translation: TranslationForm,
    /// The languages a translation may be in: all but the shop's default.
    languages: Vec<steward_domain::Language>,
    errors: FieldErrors,
}

pub(super) async fn purpose_page(
    svc: &Services,
    staff: &ConsoleStaff,
    key: &str,
    forms: PurposeForms,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let PurposeForms {
        notice_text,
        service,
        translation,
        errors,
    } = forms;
    let texts = consent::translations::cached(svc);
    let key = PurposeKey::parse(key).map_err(|_| PageError::not_found())?;
    let all_services = consent::services::all(svc).await?;
    let services = consent::services::of(&all_services, &key)
        .map(|(s, items)| ServiceView {
            s: s.clone(),
            items: items.clone(),
        })
        .collect();
    let (p, notices) = consent::purpose(svc, key).await?;
    let tz = svc.config.timezone;
    let mut versions: Vec<VersionView> = Vec::new();
    for (i, n) in notices.iter().enumerate() {
        let diff = if i == 0 {
            vec![]
        } else {
            rules::diff_lines(&notices[i - 1].text, &n.text)
        };
        versions.push(VersionView {
            published: steward_core::workflow::breaches::to_local_text(&n.published_at, tz),
            n: n.clone(),
            diff,
        });
    }
    versions.reverse();
    let notice_text = notice_text.unwrap_or_else(|| {
        versions
            .first()
            .map(|v| v.n.text.clone())
            .unwrap_or_default()
    });
    render(
        status,
        &PurposePage {
            nav: Nav::new(staff, "consent"),
            translations: texts.current_of(&p.key),
            versions,
            services,
            can_manage: staff.0.role.can(Permission::ManageConsent),
            notice_text,
            service,
            translation,
            languages: steward_domain::Language::ALL
                .iter()
                .copied()
                .filter(|l| *l != svc.config.languages.default)
                .collect(),
            p,
            errors,
        },
    )
}

pub async fn purpose(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    purpose_page(&svc, &staff, &path, PurposeForms::default(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct PublishForm {
    csrf: String,
    notice_text: String,
}

pub async fn publish(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<PublishForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let key = PurposeKey::parse(&path).map_err(|_| PageError::not_found())?;
    let mut errors = FieldErrors::default();
    if let Some(text) = errors.check(
        "notice_text",
        "Notice text",
        rules::notice_text(&form.notice_text),
    ) {
        match consent::publish_notice(&svc, key.clone(), text, staff.0.actor()).await {
            Ok(_) => return Ok(redirect(&format!("/console/consent/purposes/{key}"))),
            Err(WorkflowError::Invalid { field, message }) => {
                errors.add(field, "Notice text", message)
            }
            Err(e) => return Err(e.into()),
        }
    }
    let forms = PurposeForms {
        notice_text: Some(form.notice_text.clone()),
        errors,
        ..PurposeForms::default()
    };
    purpose_page(&svc, &staff, &path, forms, StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(Template)]
#[template(path = "console/site_keys.html")]
struct SiteKeysPage {
    nav: Nav,
    keys: Vec<(SiteKeyRow, String)>,
    created: Option<String>,
    can_manage: bool,
    name: String,
    origins: String,
    errors: FieldErrors,
    steward_url: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SiteKeyForm {
    csrf: String,
    name: String,
    origins: String,
}

async fn site_keys_page(
    svc: &Services,
    staff: &ConsoleStaff,
    created: Option<String>,
    form: SiteKeyForm,
    errors: FieldErrors,
    status: StatusCode,
) -> Result<HttpResponse, PageError> {
    let tz = svc.config.timezone;
    let keys = site_keys::list(svc)
        .await?
        .into_iter()
        .map(|k| {
            let at = steward_core::workflow::breaches::to_local_text(&k.created_at, tz);
            (k, at)
        })
        .collect();
    render(
        status,
        &SiteKeysPage {
            nav: Nav::new(staff, "consent"),
            keys,
            created,
            can_manage: staff.0.role.can(Permission::ManageUsers),
            name: form.name,
            origins: form.origins,
            errors,
            steward_url: svc.config.base_url.clone(),
        },
    )
}

pub async fn site_keys_list(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
) -> Result<HttpResponse, PageError> {
    site_keys_page(
        &svc,
        &staff,
        None,
        SiteKeyForm::default(),
        FieldErrors::default(),
        StatusCode::OK,
    )
    .await
}

pub async fn site_key_create(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    form: web::Form<SiteKeyForm>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    let f = form.into_inner();
    let origins: Vec<String> = f
        .origins
        .split([',', '\n', ' '])
        .map(|s| s.trim().to_string())
        .collect();
    match site_keys::create(&svc, f.name.clone(), origins, staff.0.actor()).await {
        // Shown once, on this answer only (no redirect carries the key in a URL).
        Ok((_, key)) => {
            site_keys_page(
                &svc,
                &staff,
                Some(key),
                SiteKeyForm::default(),
                FieldErrors::default(),
                StatusCode::OK,
            )
            .await
        }
        Err(WorkflowError::Invalid { field, message }) => {
            let mut errors = FieldErrors::default();
            errors.add(field, "", message);
            site_keys_page(
                &svc,
                &staff,
                None,
                f,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfOnly {
    csrf: String,
}

pub async fn site_key_revoke(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
    form: web::Form<CsrfOnly>,
) -> Result<HttpResponse, PageError> {
    staff.check_csrf(&form.csrf)?;
    site_keys::revoke(&svc, path.into_inner(), staff.0.actor()).await?;
    Ok(redirect("/console/consent/site-keys"))
}

pub async fn records_csv(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, PageError> {
    let filter = export_filter(&q).map_err(|e| PageError::bad_request(&e.to_string()))?;
    Ok(consent_download(&svc, &staff.0, &q, filter).await?)
}

/// Who currently stands where for one purpose (e.g. the opt-outs a vendor must honour).
pub async fn current_csv(
    svc: web::Data<Services>,
    staff: ConsoleStaff,
    path: web::Path<String>,
) -> Result<HttpResponse, PageError> {
    let key = PurposeKey::parse(&path).map_err(|_| PageError::not_found())?;
    consent::purpose(&svc, key.clone()).await?;
    let permit = steward_core::workflow::records::export_downloaded(
        &svc,
        staff.0.actor(),
        "consent-current",
        serde_json::json!({"purpose": key}),
    )
    .await?;
    let svc = svc.get_ref().clone();
    let name = format!("consent-current-{key}.csv");
    let body =
        steward_core::export::stream_keyed(&name, reports::CURRENT_HEADER.to_vec(), move |after| {
            let (svc, key) = (svc.clone(), key.clone());
            async move { reports::current_page(&svc, key, after, 2_000).await }
        });
    Ok(crate::reports::held(permit, body))
}
