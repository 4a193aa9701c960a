//! The downloads that the console and the API both offer (regulators' reports, the consent
//! records, the breach register): one parser for their ranges and one response per report,
//! so neither side calls the other's handlers.

use actix_web::HttpResponse;
use actix_web::body::{BodySize, BoxBody, MessageBody};
use actix_web::http::StatusCode;
use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use steward_core::auth::Staff;
use steward_core::export;
use steward_core::workflow::consent::reports as consent_reports;
use steward_core::workflow::export_permits::ExportPermit;
use steward_core::workflow::{Services, WorkflowError, breaches, exports};
use steward_domain::Role;
use steward_domain::consent::PurposeKey;
use steward_domain::filters::{AuditFilter, RecordFilter};

/// Rows per page of a keyset-paged export: each page is one index range scan, so larger
/// pages cost no more per row and save round trips.
const KEYED_PAGE_ROWS: i64 = 2_000;

#[derive(Deserialize, Default, Clone, Debug)]
#[serde(default)]
pub struct ReportQuery {
    pub from: String,
    pub to: String,
    pub year: String,
    pub include: String,
    pub actor: String,
    pub action: String,
}

fn day(name: &'static str, s: &str) -> Result<Option<NaiveDate>, ApiError> {
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map(Some)
        .map_err(|_| ApiError::field(name, format!("{name} must be a date such as 2026-01-31")))
}

/// `from` and `to` as days, `to` inclusive (so `?from=2026-01-01&to=2026-12-31` is the year).
pub fn range(q: &ReportQuery) -> Result<(Option<NaiveDate>, Option<NaiveDate>), ApiError> {
    let from = day("from", &q.from)?;
    let to = day("to", &q.to)?;
    if let (Some(f), Some(t)) = (from, to)
        && t < f
    {
        return Err(ApiError::field("to", "to must not be before from"));
    }
    Ok((from, to.and_then(|t| t.succ_opt())))
}

pub fn year(q: &ReportQuery, default: i32) -> Result<i32, ApiError> {
    if q.year.is_empty() {
        return Ok(default);
    }
    q.year
        .parse::<i32>()
        .ok()
        .filter(|y| (2000..=9999).contains(y))
        .ok_or_else(|| ApiError::field("year", "year must be a calendar year such as 2026"))
}

/// The response for one report, audited with its range.
pub async fn report(
    svc: &Services,
    staff: &Staff,
    name: &'static str,
    q: &ReportQuery,
) -> Result<HttpResponse, ApiError> {
    let svc = svc.clone();
    match name {
        "requests" => {
            let (from, to) = range(q)?;
            let identity = match q.include.as_str() {
                "" => false,
                "identity" if staff.role == Role::Admin => true,
                "identity" => {
                    return Err(ApiError::Status {
                        status: StatusCode::FORBIDDEN,
                        message: "only administrators may export identities".into(),
                        field: Some("include".into()),
                    });
                }
                _ => return Err(ApiError::field("include", "include may only be identity")),
            };
            let permit = steward_core::workflow::records::export_downloaded(
                &svc,
                staff.actor(),
                "requests",
                serde_json::json!({"from": q.from, "to": q.to, "identity": identity}),
            )
            .await?;
            let mut header = exports::REQUESTS_HEADER.to_vec();
            if identity {
                header.extend(exports::IDENTITY_HEADER);
            }
            let body = export::stream_keyed("requests.csv", header, move |after| {
                let svc = svc.clone();
                async move {
                    exports::requests_page(&svc, from, to, identity, after, KEYED_PAGE_ROWS).await
                }
            });
            Ok(held(permit, body))
        }
        "ccpa-metrics" => {
            let year = year(q, chrono::Datelike::year(&svc.today()))?;
            let lines = exports::ccpa_metrics(&svc, year).await?;
            let _permit = steward_core::workflow::records::export_downloaded(
                &svc,
                staff.actor(),
                "ccpa-metrics",
                serde_json::json!({"year": year}),
            )
            .await?;
            let mut rows = vec![
                exports::METRICS_HEADER
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ];
            rows.extend(lines.iter().map(|l| exports::metric_cells(year, l)));
            Ok(csv_body(&format!("ccpa-metrics-{year}.csv"), rows))
        }
        "ropa" => {
            let rows = exports::ropa_rows(&svc).await?;
            let _permit = steward_core::workflow::records::export_downloaded(
                &svc,
                staff.actor(),
                "ropa",
                serde_json::json!({}),
            )
            .await?;
            let mut all = vec![
                exports::ropa_header()
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            ];
            all.extend(rows);
            Ok(csv_body("ropa.csv", all))
        }
        "audit" => {
            let (from, to) = range(q)?;
            let midnight = |d: NaiveDate| d.and_hms_opt(0, 0, 0).expect("midnight");
            let filter = AuditFilter {
                from: from.map(midnight),
                to: to.map(midnight),
                actor: Some(q.actor.clone()).filter(|a| !a.is_empty()),
                action: Some(q.action.clone()).filter(|a| !a.is_empty()),
            };
            let permit = steward_core::workflow::records::export_downloaded(&svc, staff.actor(), "audit", serde_json::json!({"from": q.from, "to": q.to, "actor": q.actor, "action": q.action})).await?;
            let body =
                export::stream_keyed("audit.csv", exports::AUDIT_HEADER.to_vec(), move |after| {
                    let (svc, filter) = (svc.clone(), filter.clone());
                    async move {
                        exports::audit_page(&svc, filter, after.unwrap_or(0), KEYED_PAGE_ROWS).await
                    }
                });
            Ok(held(permit, body))
        }
        _ => Err(ApiError::status(StatusCode::NOT_FOUND, "no such report")),
    }
}

/// The response with the export's permit, released when its body ends (sent whole, or the
/// client gone).
pub fn held(permit: ExportPermit, res: HttpResponse) -> HttpResponse {
    res.map_body(|_, body| {
        BoxBody::new(Held {
            body,
            _permit: permit,
        })
    })
}

struct Held {
    body: BoxBody,
    /// Held for its `Drop`, which ends the export.
    _permit: ExportPermit,
}

impl MessageBody for Held {
    type Error = Box<dyn std::error::Error>;

    fn size(&self) -> BodySize {
        self.body.size()
    }

    fn poll_next(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<actix_web::web::Bytes, Self::Error>>> {
        std::pin::Pin::new(&mut self.get_mut().body).poll_next(cx)
    }
}

/// A small report (one row per store or per request type) as one CSV body.
fn csv_body(filename: &str, rows: Vec<Vec<String>>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header(("Content-Disposition", export::attachment(filename)))
        .body(export::encode(rows))
}

#[derive(serde::Deserialize)]
pub struct ExportQuery {
    from: Option<String>,
    to: Option<String>,
    purpose: Option<String>,
}

/// `YYYY-MM-DD` (from the start of that day) or an RFC 3339 instant.
fn instant(
    name: &'static str,
    s: &str,
    end_of_day: bool,
) -> Result<chrono::NaiveDateTime, ApiError> {
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        let d = if end_of_day {
            d.succ_opt().unwrap_or(d)
        } else {
            d
        };
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight"));
    }
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.naive_utc())
        .map_err(|_| {
            ApiError::field(
                name,
                format!("{name} must be a date (YYYY-MM-DD) or an RFC 3339 time"),
            )
        })
}

impl ExportQuery {
    /// The range as the audit row records it.
    pub fn range(&self) -> Value {
        json!({"from": self.from, "to": self.to, "purpose": self.purpose})
    }
}

pub fn export_filter(q: &ExportQuery) -> Result<RecordFilter, ApiError> {
    let f = RecordFilter {
        from: q
            .from
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| instant("from", s, false))
            .transpose()?,
        to: q
            .to
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| instant("to", s, true))
            .transpose()?,
        purpose: q
            .purpose
            .as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                PurposeKey::parse(s).map_err(|e| ApiError::field("purpose", format!("purpose {e}")))
            })
            .transpose()?,
    };
    if let (Some(a), Some(b)) = (f.from, f.to)
        && a >= b
    {
        return Err(ApiError::field("to", "to must be after from"));
    }
    Ok(f)
}

/// The consent export, streamed page by page (keyset-paged, so records committed during
/// the download neither repeat nor push others out); audited, and one of the staff
/// member's export permits held until it ends.
pub async fn consent_download(
    svc: &Services,
    staff: &Staff,
    q: &ExportQuery,
    filter: RecordFilter,
) -> Result<HttpResponse, WorkflowError> {
    let permit = steward_core::workflow::records::export_downloaded(
        svc,
        staff.actor(),
        "consent",
        q.range(),
    )
    .await?;
    let svc = svc.clone();
    let body = steward_core::export::stream_keyed(
        "consent.csv",
        consent_reports::RECORDS_HEADER.to_vec(),
        move |after| {
            let (svc, filter) = (svc.clone(), filter.clone());
            async move { consent_reports::records_page(&svc, filter, after, 2_000).await }
        },
    );
    Ok(held(permit, body))
}

/// The breach register, streamed page by page.
pub fn breaches_stream(svc: &Services) -> HttpResponse {
    let svc = svc.clone();
    export::stream("breaches.csv", breaches::CSV_HEADER, move |offset| {
        let svc = svc.clone();
        async move {
            let page = breaches::page(&svc, offset, export::PAGE_ROWS).await?;
            Ok::<_, WorkflowError>(page.iter().map(breaches::csv_row).collect())
        }
    })
}

/// Every purpose's services and what they keep in the browser, as CSV (audited).
pub async fn services_download(
    svc: &Services,
    staff: &Staff,
) -> Result<HttpResponse, WorkflowError> {
    let body = steward_core::workflow::consent::services::csv(svc, staff.actor()).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            export::attachment("consent-services.csv"),
        ))
        .body(body))
}
