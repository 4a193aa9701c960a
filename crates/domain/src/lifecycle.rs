//! The request state machine of the spec. Every change of state goes through [`next_status`],
//! so a request can never be processed unverified or reopened once closed.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::kinds::UnknownWord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Verifying,
    Verified,
    InProgress,
    Paused,
    Completed,
    Denied,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 8] = [
        Status::Received,
        Status::Verifying,
        Status::Verified,
        Status::InProgress,
        Status::Paused,
        Status::Completed,
        Status::Denied,
        Status::Withdrawn,
    ];
    const WORDS: &'static [&'static str] = &[
        "received",
        "verifying",
        "verified",
        "in_progress",
        "paused",
        "completed",
        "denied",
        "withdrawn",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Verifying => "verifying",
            Status::Verified => "verified",
            Status::InProgress => "in_progress",
            Status::Paused => "paused",
            Status::Completed => "completed",
            Status::Denied => "denied",
            Status::Withdrawn => "withdrawn",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Received => "Received",
            Status::Verifying => "Awaiting identity confirmation",
            Status::Verified => "Identity confirmed",
            Status::InProgress => "In progress",
            Status::Paused => "Waiting for the requester",
            Status::Completed => "Completed",
            Status::Denied => "Refused",
            Status::Withdrawn => "Withdrawn",
        }
    }

    /// The final states: nothing happens to a request after one of these.
    pub const CLOSED: [Status; 3] = [Status::Completed, Status::Denied, Status::Withdrawn];
    /// Every other state: the request is still being worked.
    pub const OPEN: [Status; 5] = [
        Status::Received,
        Status::Verifying,
        Status::Verified,
        Status::InProgress,
        Status::Paused,
    ];

    pub fn is_closed(self) -> bool {
        matches!(self, Status::Completed | Status::Denied | Status::Withdrawn)
    }

    pub fn is_verified(self) -> bool {
        matches!(
            self,
            Status::Verified | Status::InProgress | Status::Completed
        )
    }
}

impl FromStr for Status {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, UnknownWord> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s)
            .ok_or(UnknownWord {
                allowed: Status::WORDS,
            })
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Access and portability results stay downloadable for the subject this long after the
/// request is completed.
pub const PACKAGE_DAYS: i64 = 30;

/// Whether the subject may download their data package now.
pub fn package_downloadable(
    kind: super::kinds::RequestKind,
    status: Status,
    closed_at: Option<chrono::NaiveDateTime>,
    now: chrono::NaiveDateTime,
) -> bool {
    use super::kinds::RequestKind;
    matches!(kind, RequestKind::Access | RequestKind::Portability)
        && status == Status::Completed
        && closed_at.is_some_and(|c| now - c <= chrono::Duration::days(PACKAGE_DAYS))
}

/// What someone does to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    SendVerification,
    Verify,
    Start,
    Pause,
    Resume,
    Extend,
    Deny,
    Complete,
    Withdraw,
}

impl Action {
    pub const STAFF_WORDS: &'static [&'static str] = &[
        "verify", "pause", "resume", "extend", "deny", "complete", "withdraw",
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Action::SendVerification => "send_verification",
            Action::Verify => "verify",
            Action::Start => "start",
            Action::Pause => "pause",
            Action::Resume => "resume",
            Action::Extend => "extend",
            Action::Deny => "deny",
            Action::Complete => "complete",
            Action::Withdraw => "withdraw",
        }
    }

    /// What a staff member is told once the action is done.
    pub fn done_message(self) -> &'static str {
        match self {
            Action::SendVerification => "Verification email sent.",
            Action::Verify => "Identity verified.",
            Action::Start => "Work started.",
            Action::Pause => "Clock paused.",
            Action::Resume => "Clock resumed.",
            Action::Extend => "Deadline extended.",
            Action::Deny => "Request denied.",
            Action::Complete => "Request completed.",
            Action::Withdraw => "Request withdrawn.",
        }
    }

    /// The actions staff may take by name (console buttons, API paths).
    pub fn parse_staff(s: &str) -> Result<Action, UnknownWord> {
        Ok(match s {
            "verify" => Action::Verify,
            "pause" => Action::Pause,
            "resume" => Action::Resume,
            "extend" => Action::Extend,
            "deny" => Action::Deny,
            "complete" => Action::Complete,
            "withdraw" => Action::Withdraw,
            _ => {
                return Err(UnknownWord {
                    allowed: Self::STAFF_WORDS,
                });
            }
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a request that is {} cannot be {}", from.label().to_lowercase(), verb(*action))]
pub struct TransitionError {
    pub from: Status,
    pub action: Action,
}

fn verb(a: Action) -> &'static str {
    match a {
        Action::SendVerification => "sent for verification",
        Action::Verify => "verified",
        Action::Start => "started",
        Action::Pause => "paused",
        Action::Resume => "resumed",
        Action::Extend => "extended",
        Action::Deny => "refused",
        Action::Complete => "completed (it must be verified first)",
        Action::Withdraw => "withdrawn",
    }
}

/// The state after `action`, or why it is not allowed. `before_pause` is the state a paused
/// request returns to on resume.
pub fn next_status(
    from: Status,
    action: Action,
    before_pause: Option<Status>,
) -> Result<Status, TransitionError> {
    use Action as A;
    use Status as S;
    let refused = Err(TransitionError { from, action });
    let open = !from.is_closed();
    match (action, from) {
        (A::SendVerification, S::Received | S::Verifying) => Ok(S::Verifying),
        (A::Verify, S::Received | S::Verifying) => Ok(S::Verified),
        (A::Start, S::Verified) => Ok(S::InProgress),
        (A::Pause, s) if open && s != S::Paused => Ok(S::Paused),
        (A::Resume, S::Paused) => Ok(before_pause
            .filter(|s| !s.is_closed() && *s != S::Paused)
            .unwrap_or(S::Received)),
        (A::Extend, _) if open => Ok(from),
        (A::Deny, _) if open => Ok(S::Denied),
        (A::Withdraw, _) if open => Ok(S::Withdrawn),
        (A::Complete, S::Verified | S::InProgress) => Ok(S::Completed),
        _ => refused,
    }
}

/// Why a request is refused: the list of the spec, nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DenialReason {
    IdentityNotVerified,
    /// CCPA: not made by the consumer or an authorised agent (11 CCR 7102(a)).
    NotConsumerOrAgent,
    ManifestlyUnfounded,
    LegalExemption,
    CcpaException,
    Other,
}

impl DenialReason {
    pub const ALL: [DenialReason; 6] = [
        DenialReason::IdentityNotVerified,
        DenialReason::NotConsumerOrAgent,
        DenialReason::ManifestlyUnfounded,
        DenialReason::LegalExemption,
        DenialReason::CcpaException,
        DenialReason::Other,
    ];
    const WORDS: &'static [&'static str] = &[
        "identity_not_verified",
        "not_consumer_or_agent",
        "manifestly_unfounded",
        "legal_exemption",
        "ccpa_exception",
        "other",
    ];

    pub fn as_str(self) -> &'static str {
        Self::WORDS[self as usize]
    }

    pub fn label(self) -> &'static str {
        match self {
            DenialReason::IdentityNotVerified => "Identity could not be verified",
            DenialReason::NotConsumerOrAgent => {
                "Not made by the consumer or an authorised agent (CCPA)"
            }
            DenialReason::ManifestlyUnfounded => {
                "Manifestly unfounded or excessive (GDPR Art. 12(5))"
            }
            DenialReason::LegalExemption => "Legal exemption (GDPR Art. 17(3) a–e)",
            DenialReason::CcpaException => "CCPA exception",
            DenialReason::Other => "Other (explained below)",
        }
    }

    /// "Other" is only acceptable with an explanation.
    pub fn needs_text(self) -> bool {
        self == DenialReason::Other
    }
}

impl FromStr for DenialReason {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Self, UnknownWord> {
        DenialReason::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(UnknownWord {
                allowed: DenialReason::WORDS,
            })
    }
}

/// A verified request whose every store task is settled (done or exempt), or that had no
/// store to ask, waits only for staff to close it: worth showing apart in the queue.
pub fn ready_to_close(
    status: Status,
    tasks: impl IntoIterator<Item = super::stores::TaskStatus>,
) -> bool {
    matches!(status, Status::Verified | Status::InProgress)
        && tasks.into_iter().all(|t| t.is_settled())
}

#[cfg(test)]
mod ready_tests {
    use super::super::stores::TaskStatus;
    use super::*;

    #[test]
    fn ready_when_every_task_is_settled() {
        use TaskStatus::*;
        assert!(ready_to_close(Status::InProgress, [Done, Exempt]));
        assert!(
            ready_to_close(Status::InProgress, []),
            "no stores: nothing to wait for"
        );
        assert!(!ready_to_close(Status::InProgress, [Done, Failed]));
        assert!(!ready_to_close(Status::InProgress, [Open]));
        assert!(!ready_to_close(Status::Completed, [Done]), "closed already");
        assert!(
            ready_to_close(Status::Verified, []),
            "verified, and no store holds data"
        );
        assert!(!ready_to_close(Status::Received, []), "not verified yet");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action as A;
    use Status as S;

    #[test]
    fn happy_path() {
        let mut s = S::Received;
        for (a, want) in [
            (A::SendVerification, S::Verifying),
            (A::Verify, S::Verified),
            (A::Start, S::InProgress),
            (A::Extend, S::InProgress),
            (A::Complete, S::Completed),
        ] {
            s = next_status(s, a, None).unwrap();
            assert_eq!(s, want);
        }
    }

    #[test]
    fn never_completed_unverified() {
        for s in [S::Received, S::Verifying, S::Paused] {
            assert!(
                next_status(s, A::Complete, Some(S::Verified)).is_err(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn closed_requests_stay_closed() {
        for s in [S::Completed, S::Denied, S::Withdrawn] {
            for a in [
                A::SendVerification,
                A::Verify,
                A::Start,
                A::Pause,
                A::Resume,
                A::Extend,
                A::Deny,
                A::Complete,
                A::Withdraw,
            ] {
                assert!(next_status(s, a, None).is_err(), "{s:?} {a:?}");
            }
        }
    }

    #[test]
    fn pause_returns_to_where_it_was() {
        for s in [S::Received, S::Verifying, S::Verified, S::InProgress] {
            let p = next_status(s, A::Pause, None).unwrap();
            assert_eq!(p, S::Paused);
            assert_eq!(next_status(p, A::Resume, Some(s)).unwrap(), s);
        }
        assert!(next_status(S::Paused, A::Pause, None).is_err());
        assert!(next_status(S::Verified, A::Resume, None).is_err());
    }

    #[test]
    fn deny_and_withdraw_from_any_open_state() {
        for s in [
            S::Received,
            S::Verifying,
            S::Verified,
            S::InProgress,
            S::Paused,
        ] {
            assert_eq!(next_status(s, A::Deny, None).unwrap(), S::Denied);
            assert_eq!(next_status(s, A::Withdraw, None).unwrap(), S::Withdrawn);
        }
    }

    #[test]
    fn verify_only_before_verification() {
        assert!(next_status(S::Verified, A::Verify, None).is_err());
        assert!(next_status(S::InProgress, A::Verify, None).is_err());
    }

    #[test]
    fn words() {
        for s in S::ALL {
            assert_eq!(s.as_str().parse::<S>().unwrap(), s);
        }
        for r in DenialReason::ALL {
            assert_eq!(r.as_str().parse::<DenialReason>().unwrap(), r);
        }
        assert!(
            A::parse_staff("start").is_err(),
            "start is the workflow's, not a staff button"
        );
        let e = next_status(S::Completed, A::Extend, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "a request that is completed cannot be extended"
        );
    }

    #[test]
    fn packages_open_for_thirty_days_after_completion() {
        use crate::kinds::RequestKind;
        let closed = chrono::NaiveDate::from_ymd_opt(2026, 3, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        let at = |days| closed + chrono::Duration::days(days);
        let open = |kind, status, now| package_downloadable(kind, status, Some(closed), now);
        assert!(open(RequestKind::Access, S::Completed, at(30)));
        assert!(open(RequestKind::Portability, S::Completed, at(0)));
        assert!(!open(RequestKind::Access, S::Completed, at(31)));
        assert!(!open(RequestKind::Deletion, S::Completed, at(1)));
        assert!(!open(RequestKind::Access, S::Denied, at(1)));
        assert!(!package_downloadable(
            RequestKind::Access,
            S::Completed,
            None,
            at(1)
        ));
    }
}
