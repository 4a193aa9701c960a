//! Who may see and who may work a store's tasks.

use crate::auth::Staff;
use steward_db::models::StoreRow;
use steward_domain::Permission;

/// Privacy staff see every task; a store owner only those of stores they own.
pub fn may_see(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::ViewRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}

pub(super) fn may_work(staff: &Staff, store: &StoreRow) -> bool {
    staff.role.can(Permission::WorkRequests)
        || (staff.role.can(Permission::WorkOwnTasks) && store.owner_id == staff.user.id)
}
