/// The operating status a machine reports; set by the caller (maintenance policy, operator,
/// decision agent), never by the model itself.
///
/// Only an `.online` machine that has not failed and has a load above zero runs: it draws
/// power, heats up, wears and accumulates runtime. A failed machine stays stopped whatever its
/// status until it is repaired.
public enum MachineStatus: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// In service and allowed to run.
    case online = "ONLINE"
    /// Taken out of service for maintenance; stopped.
    case maintenance = "MAINTENANCE"
    /// Switched off (failed, awaiting approval, or not needed); stopped.
    case offline = "OFFLINE"
}
