//! The subject's data package: one row per field value, in the spec's long format
//! `store,table,record,field,data_category,value`, streamed from the database page by page,
//! with a last column `is_null` that tells a field holding nothing (`true`, value empty) from
//! one holding empty text (`false`, value empty).

use actix_web::web::Bytes;
use futures_util::stream::{self, Stream};

use super::encode;
use crate::workflow::error::WorkflowError;
use crate::workflow::services::Services;
use steward_db::{requests, tasks};

/// The column headings, as the spec names them (staff and the API get these).
pub const HEADER: [&str; 7] = [
    "store",
    "table",
    "record",
    "field",
    "data_category",
    "value",
    "is_null",
];

/// The column headings and the words for yes and no of one reader's package: the subject's
/// own download is in their language; staff and the API get the spec's English words.
#[derive(Debug, Clone)]
pub struct Columns {
    header: [String; 7],
    yes: String,
    no: String,
    /// The name of this portal as the store of the person's requests and consent records.
    portal: String,
}

impl Columns {
    pub fn spec() -> Columns {
        Columns {
            header: HEADER.map(str::to_string),
            yes: "true".into(),
            no: "false".into(),
            portal: PORTAL_STORE.into(),
        }
    }

    pub fn in_language(tr: steward_l10n::Tr) -> Columns {
        Columns {
            header: [
                "package-store",
                "package-table",
                "package-record",
                "package-field",
                "package-category",
                "package-value",
                "package-is-null",
            ]
            .map(|id| tr.t(id)),
            yes: tr.t("package-true"),
            no: tr.t("package-false"),
            portal: tr.t("package-portal"),
        }
    }

    fn is_null(&self, null: bool) -> String {
        if null { &self.yes } else { &self.no }.clone()
    }
}
const PAGE: i64 = 1000;

struct State {
    svc: Services,
    request_id: steward_domain::RequestId,
    after: Option<(String, i64)>,
    header_sent: bool,
    done: bool,
    portal_sent: bool,
    columns: Columns,
}

/// Steward is itself a data store: the person's consent records and privacy requests.
pub const PORTAL_STORE: &str = "Privacy portal";

/// The rows Steward itself holds about the request's subject, in the package's format.
async fn portal_rows(
    svc: &Services,
    request_id: steward_domain::RequestId,
    columns: &Columns,
) -> Result<Vec<[String; 7]>, WorkflowError> {
    let (history, requests) = svc
        .db
        .run(move |c| {
            let r = requests::find(c, &request_id)?.ok_or(WorkflowError::NotFound)?;
            Ok::<_, WorkflowError>((
                steward_db::consent::history_of(c, &r.email_index)?,
                requests::of_person(c, &r.email_index)?,
            ))
        })
        .await?;
    let mut rows: Vec<[String; 7]> = crate::workflow::consent::reports::package_rows(&history)
        .into_iter()
        .map(|[t, r, f, cat, v]| {
            [
                columns.portal.clone(),
                t,
                r,
                f,
                cat,
                v,
                columns.is_null(false),
            ]
        })
        .collect();
    for r in requests {
        let fields: [(&str, Option<String>); 6] = [
            ("kind", Some(r.kind.as_str().into())),
            ("jurisdiction", Some(r.jurisdiction.as_str().into())),
            ("language", Some(r.language.as_str().into())),
            ("status", Some(r.status.as_str().into())),
            ("received_at", Some(crate::export::utc(&r.received_at))),
            ("closed_at", r.closed_at.as_ref().map(crate::export::utc)),
        ];
        for (f, v) in fields {
            let null = v.is_none();
            rows.push([
                columns.portal.clone(),
                "privacy_requests".into(),
                r.public_id.to_string(),
                f.into(),
                "user.privacy_request".into(),
                v.unwrap_or_default(),
                columns.is_null(null),
            ]);
        }
    }
    Ok(rows)
}

/// The package of a request as a stream of CSV chunks.
pub fn stream(
    svc: Services,
    request_id: steward_domain::RequestId,
    columns: Columns,
) -> impl Stream<Item = Result<Bytes, WorkflowError>> {
    let state = State {
        svc,
        request_id,
        after: None,
        header_sent: false,
        done: false,
        columns,
        portal_sent: false,
    };
    stream::try_unfold(state, |mut st| async move {
        if st.done {
            if st.portal_sent {
                return Ok(None);
            }
            st.portal_sent = true;
            let rows = portal_rows(&st.svc, st.request_id.clone(), &st.columns).await?;
            return Ok(Some((Bytes::from(encode(rows)), st)));
        }
        if !st.header_sent {
            st.header_sent = true;
            return Ok(Some((Bytes::from(encode([st.columns.header.clone()])), st)));
        }
        let (rid, after) = (st.request_id.clone(), st.after.clone());
        let page = st
            .svc
            .db
            .run(move |c| tasks::records_page(c, &rid, after, PAGE))
            .await?;
        if page.len() < PAGE as usize {
            st.done = true;
        }
        let Some((last, _)) = page.last() else {
            return Ok(Some((Bytes::new(), st)));
        };
        st.after = Some((last.task_id.to_string(), last.seq));
        let mut rows = Vec::with_capacity(page.len());
        for (r, store) in page {
            let null = r.value_enc.is_none();
            let value = match &r.value_enc {
                Some(v) => st.svc.keys.open(
                    v,
                    steward_db::slots::task_record(&steward_db::slots::task_record_row(
                        &r.task_id, r.seq,
                    )),
                )?,
                None => String::new(),
            };
            rows.push([
                store,
                r.table_name,
                r.record,
                r.field,
                r.data_category,
                value,
                st.columns.is_null(null),
            ]);
        }
        Ok(Some((Bytes::from(encode(rows)), st)))
    })
}
