//! Who may do what. Every console route and API endpoint names one permission; this table is
//! the single place that decides.

use serde::Serialize;

use super::kinds::UnknownWord;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    PrivacyOfficer,
    StoreOwner,
    Auditor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// See the request queue and any request.
    ViewRequests,
    /// Log, verify, pause, extend, deny, complete requests.
    WorkRequests,
    /// Tasks of the stores one owns.
    WorkOwnTasks,
    /// Register and edit data stores (the records of processing).
    ManageStores,
    /// Staff accounts and settings.
    ManageUsers,
    /// Read-only exports, the audit log and the breach register.
    ReadAudit,
    /// Record breaches, mark the regulator notified, notify affected subjects.
    ManageBreaches,
    /// Consent purposes and their notices; consent recorded on a subject's behalf.
    ManageConsent,
}

impl Role {
    pub const ALL: [Role; 4] = [
        Role::Admin,
        Role::PrivacyOfficer,
        Role::StoreOwner,
        Role::Auditor,
    ];
    pub const WORDS: &'static [&'static str] =
        &["admin", "privacy_officer", "store_owner", "auditor"];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::PrivacyOfficer => "privacy_officer",
            Role::StoreOwner => "store_owner",
            Role::Auditor => "auditor",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Role::Admin => "Administrator",
            Role::PrivacyOfficer => "Privacy officer",
            Role::StoreOwner => "Store owner",
            Role::Auditor => "Auditor",
        }
    }

    pub fn parse(s: &str) -> Result<Role, UnknownWord> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(UnknownWord {
                allowed: Role::WORDS,
            })
    }

    pub fn can(self, p: Permission) -> bool {
        use Permission::*;
        match self {
            Role::Admin => true,
            Role::PrivacyOfficer => {
                matches!(
                    p,
                    ViewRequests
                        | WorkRequests
                        | WorkOwnTasks
                        | ManageStores
                        | ReadAudit
                        | ManageBreaches
                        | ManageConsent
                )
            }
            Role::StoreOwner => matches!(p, WorkOwnTasks),
            Role::Auditor => matches!(p, ViewRequests | ReadAudit),
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Role {
    type Err = UnknownWord;
    fn from_str(s: &str) -> Result<Role, UnknownWord> {
        Role::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix() {
        use Permission::*;
        let expect = [
            (
                Role::Admin,
                [true, true, true, true, true, true, true, true],
            ),
            (
                Role::PrivacyOfficer,
                [true, true, true, true, false, true, true, true],
            ),
            (
                Role::StoreOwner,
                [false, false, true, false, false, false, false, false],
            ),
            (
                Role::Auditor,
                [true, false, false, false, false, true, false, false],
            ),
        ];
        for (role, row) in expect {
            let got = [
                ViewRequests,
                WorkRequests,
                WorkOwnTasks,
                ManageStores,
                ManageUsers,
                ReadAudit,
                ManageBreaches,
                ManageConsent,
            ]
            .map(|p| role.can(p));
            assert_eq!(got, row, "{role:?}");
        }
    }

    #[test]
    fn words() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()).unwrap(), r);
        }
        assert!(Role::parse("root").is_err());
    }
}
