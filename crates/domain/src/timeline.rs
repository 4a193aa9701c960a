//! What a request's timeline records: one word per kind of entry, with the sentence staff read.

use crate::kinds::word_enum;
use crate::lifecycle::Action;
use crate::stores::TaskStatus;

word_enum!(
    /// What a timeline entry records.
    TimelineAction {
        Received => "received", "Request received";
        VerificationSent => "verification_sent", "Confirmation email sent";
        SendVerification => "send_verification", "Confirmation email sent again";
        Verified => "verified", "Identity confirmed";
        Verify => "verify", "Identity verified by staff";
        Start => "start", "Sent to the data stores";
        Pause => "pause", "Waiting for information from the requester";
        Resume => "resume", "Work resumed";
        Extend => "extend", "Deadline extended";
        Deny => "deny", "Request refused";
        Complete => "complete", "Request completed";
        Withdraw => "withdraw", "Request withdrawn";
        EmailFailed => "email_failed", "Email could not be sent";
        ProofReceived => "proof_received", "Proof of the agent's authority received";
        DeadlineRecalculated => "deadline_recalculated", "Due date recalculated";
        TaskOpen => "task_open", "A data store task was reopened";
        TaskRunning => "task_running", "A data store task is running";
        TaskDone => "task_done", "A data store finished";
        TaskExempt => "task_exempt", "A data store recorded an exemption";
        TaskFailed => "task_failed", "A data store failed";
        TaskSent => "task_sent", "Sent to a store's webhook";
        TaskHanded => "task_handed", "Waiting for a store owner";
        TaskPreview => "task_preview", "A data store previewed a correction";
        CorrectionApplied => "correction_applied", "Correction applied in a data store";
        CorrectionFailed => "correction_failed", "A correction could not be applied";
    }
);

impl TimelineAction {
    /// The entry a request's own action writes.
    pub fn of(action: Action) -> TimelineAction {
        match action {
            Action::SendVerification => TimelineAction::SendVerification,
            Action::Verify => TimelineAction::Verify,
            Action::Start => TimelineAction::Start,
            Action::Pause => TimelineAction::Pause,
            Action::Resume => TimelineAction::Resume,
            Action::Extend => TimelineAction::Extend,
            Action::Deny => TimelineAction::Deny,
            Action::Complete => TimelineAction::Complete,
            Action::Withdraw => TimelineAction::Withdraw,
        }
    }

    /// The entry a store task moving to this status writes.
    pub fn task(status: TaskStatus) -> TimelineAction {
        match status {
            TaskStatus::Open => TimelineAction::TaskOpen,
            TaskStatus::Running => TimelineAction::TaskRunning,
            TaskStatus::Done => TimelineAction::TaskDone,
            TaskStatus::Exempt => TimelineAction::TaskExempt,
            TaskStatus::Failed => TimelineAction::TaskFailed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_and_task_status_has_its_own_entry() {
        let mut seen = std::collections::HashSet::new();
        for a in [
            Action::SendVerification,
            Action::Verify,
            Action::Start,
            Action::Pause,
            Action::Resume,
            Action::Extend,
            Action::Deny,
            Action::Complete,
            Action::Withdraw,
        ] {
            assert_eq!(TimelineAction::of(a).as_str(), a.as_str());
            assert!(seen.insert(TimelineAction::of(a)));
        }
        for s in TaskStatus::ALL {
            assert_eq!(
                TimelineAction::task(*s).as_str(),
                format!("task_{}", s.as_str())
            );
            assert!(seen.insert(TimelineAction::task(*s)));
        }
    }
}
