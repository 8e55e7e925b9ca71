/// Kinds of rows in a fleet run's `events` dataset; the code is the raw value.
enum FleetEventKind: Int, CaseIterable {
    case failure, repairStart, repairEnd, approvalPending, approved, rejected
    case pmStart, pmEnd, cbmStart, cbmEnd, partShortage, restock
    /// Alert raised / cleared (value: rule index) and agent decision (value: action code).
    case alertRaised, alertCleared, decision
    /// A preventive or condition-based work order opened (value: the mode whose part it renews):
    /// the maintenance decision itself, hours before the job may start (`pm_start`, `cbm_start`).
    case pmOrdered, cbmOrdered

    /// The name stored in the dataset's `kinds` attribute.
    var name: String {
        switch self {
        case .failure: "failure"
        case .repairStart: "repair_start"
        case .repairEnd: "repair_end"
        case .approvalPending: "approval_pending"
        case .approved: "approved"
        case .rejected: "rejected"
        case .pmStart: "pm_start"
        case .pmEnd: "pm_end"
        case .cbmStart: "cbm_start"
        case .cbmEnd: "cbm_end"
        case .partShortage: "part_shortage"
        case .restock: "restock"
        case .alertRaised: "alert_raised"
        case .alertCleared: "alert_cleared"
        case .decision: "decision"
        case .pmOrdered: "pm_ordered"
        case .cbmOrdered: "cbm_ordered"
        }
    }
}
