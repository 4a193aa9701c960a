//! The rules behind the regulator's reports: how a request's response time and punctuality
//! are counted (11 CCR 7101(b)), and how CCPA metrics are grouped (11 CCR 7102(a)).

use chrono::NaiveDate;

use super::{DenialReason, RequestKind, Status};

/// The request types 11 CCR 7102(a) counts, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum CcpaType {
    Know,
    Delete,
    Correct,
    OptOut,
    Limit,
}

impl CcpaType {
    pub const ALL: [CcpaType; 5] = [
        CcpaType::Know,
        CcpaType::Delete,
        CcpaType::Correct,
        CcpaType::OptOut,
        CcpaType::Limit,
    ];

    /// Access and portability are both requests to know; restriction and objection are not
    /// CCPA rights and are not counted.
    pub fn of(kind: RequestKind) -> Option<CcpaType> {
        match kind {
            RequestKind::Access | RequestKind::Portability => Some(CcpaType::Know),
            RequestKind::Deletion => Some(CcpaType::Delete),
            RequestKind::Correction => Some(CcpaType::Correct),
            RequestKind::OptOut => Some(CcpaType::OptOut),
            RequestKind::LimitUse => Some(CcpaType::Limit),
            RequestKind::Restriction | RequestKind::Objection => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CcpaType::Know => "know",
            CcpaType::Delete => "delete",
            CcpaType::Correct => "correct",
            CcpaType::OptOut => "opt_out",
            CcpaType::Limit => "limit",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CcpaType::Know => "Requests to know (access, portability)",
            CcpaType::Delete => "Requests to delete",
            CcpaType::Correct => "Requests to correct",
            CcpaType::OptOut => "Requests to opt out of sale or sharing",
            CcpaType::Limit => "Requests to limit use of sensitive personal information",
        }
    }
}

/// The denial columns of 11 CCR 7102(a).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenialColumn {
    NotVerifiable,
    NotConsumerOrAgent,
    Exempt,
    Other,
}

impl DenialColumn {
    pub const ALL: [DenialColumn; 4] = [
        DenialColumn::NotVerifiable,
        DenialColumn::NotConsumerOrAgent,
        DenialColumn::Exempt,
        DenialColumn::Other,
    ];

    /// Each reason staff pick lands in exactly one column (SPEC § Exports).
    pub fn of(reason: Option<DenialReason>) -> DenialColumn {
        match reason {
            Some(DenialReason::IdentityNotVerified) => DenialColumn::NotVerifiable,
            Some(DenialReason::NotConsumerOrAgent) => DenialColumn::NotConsumerOrAgent,
            Some(DenialReason::LegalExemption | DenialReason::CcpaException) => {
                DenialColumn::Exempt
            }
            Some(DenialReason::ManifestlyUnfounded | DenialReason::Other) | None => {
                DenialColumn::Other
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DenialColumn::NotVerifiable => "not verifiable",
            DenialColumn::NotConsumerOrAgent => "not made by the consumer or an authorised agent",
            DenialColumn::Exempt => "exempt",
            DenialColumn::Other => "other",
        }
    }
}

/// Calendar days from receipt to the response (the request's closing), for closed requests.
pub fn days_to_respond(received: NaiveDate, closed: Option<NaiveDate>) -> Option<i64> {
    closed.map(|c| (c - received).num_days())
}

/// Whether the response came by the (extended) due date; `None` while open.
pub fn on_time(closed: Option<NaiveDate>, effective_due: NaiveDate) -> Option<bool> {
    closed.map(|c| c <= effective_due)
}

/// A response that counts for 7102's "days to substantively respond": complied with or
/// denied (a withdrawn request got no substantive response).
pub fn responded(status: Status) -> bool {
    matches!(status, Status::Completed | Status::Denied)
}

/// The median of whole days, as a decimal (the mean of the two middle values for an even
/// count); `None` for no values.
pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2] as f64
    } else {
        (values[n / 2 - 1] + values[n / 2]) as f64 / 2.0
    })
}

pub fn mean(values: &[i64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<i64>() as f64 / values.len() as f64)
}

/// One decimal place, or empty when there is no value (a CSV cell or a table cell).
pub fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn every_reason_has_one_column() {
        assert_eq!(
            DenialColumn::of(Some(DenialReason::IdentityNotVerified)),
            DenialColumn::NotVerifiable
        );
        assert_eq!(
            DenialColumn::of(Some(DenialReason::NotConsumerOrAgent)),
            DenialColumn::NotConsumerOrAgent
        );
        assert_eq!(
            DenialColumn::of(Some(DenialReason::LegalExemption)),
            DenialColumn::Exempt
        );
        assert_eq!(
            DenialColumn::of(Some(DenialReason::CcpaException)),
            DenialColumn::Exempt
        );
        assert_eq!(
            DenialColumn::of(Some(DenialReason::ManifestlyUnfounded)),
            DenialColumn::Other
        );
        assert_eq!(
            DenialColumn::of(Some(DenialReason::Other)),
            DenialColumn::Other
        );
    }

    #[test]
    fn types() {
        assert_eq!(CcpaType::of(RequestKind::Portability), Some(CcpaType::Know));
        assert_eq!(CcpaType::of(RequestKind::Objection), None);
    }

    #[test]
    fn days_and_punctuality() {
        assert_eq!(
            days_to_respond(d("2026-01-01"), Some(d("2026-01-31"))),
            Some(30)
        );
        assert_eq!(days_to_respond(d("2026-01-01"), None), None);
        assert_eq!(on_time(Some(d("2026-02-15")), d("2026-02-15")), Some(true));
        assert_eq!(on_time(Some(d("2026-02-16")), d("2026-02-15")), Some(false));
        assert_eq!(on_time(None, d("2026-02-15")), None);
    }

    #[test]
    fn median_and_mean() {
        assert_eq!(median(&mut [5, 1, 3]), Some(3.0));
        assert_eq!(median(&mut [4, 1, 3, 2]), Some(2.5));
        assert_eq!(median(&mut []), None);
        assert_eq!(mean(&[1, 2, 4]), Some(7.0 / 3.0));
        assert_eq!(one_decimal(Some(7.0 / 3.0)), "2.3");
        assert_eq!(one_decimal(None), "");
    }
}
