//! The subject's data package: one row per field value, in the spec's long format
//! `store,table,record,field,data_category,value`, streamed from the database page by page.

use actix_web::web::Bytes;
use futures_util::stream::{self, Stream};

use super::encode;
use crate::db::tasks;
use crate::workflow::{Services, WorkflowError};

pub const HEADER: [&str; 6] = [
    "store",
    "table",
    "record",
    "field",
    "data_category",
    "value",
];
const PAGE: i64 = 1000;

struct State {
    svc: Services,
    request_id: crate::domain::RequestId,
    after: Option<(String, i64)>,
    header_sent: bool,
    done: bool,
}

/// The package of a request as a stream of CSV chunks.
pub fn stream(
    svc: Services,
    request_id: crate::domain::RequestId,
) -> impl Stream<Item = Result<Bytes, WorkflowError>> {
    let state = State {
        svc,
        request_id,
        after: None,
        header_sent: false,
        done: false,
    };
    stream::try_unfold(state, |mut st| async move {
        if st.done {
            return Ok(None);
        }
        if !st.header_sent {
            st.header_sent = true;
            return Ok(Some((Bytes::from(encode([HEADER])), st)));
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
            let value = match &r.value_enc {
                Some(v) => st.svc.keys.decrypt(v)?,
                None => String::new(),
            };
            rows.push([
                store,
                r.table_name,
                r.record,
                r.field,
                r.data_category,
                value,
            ]);
        }
        Ok(Some((Bytes::from(encode(rows)), st)))
    })
}
