import TwinModels

/// Books a room's device energy into the facility's ledger once per 15-minute demand
/// interval rather than once per control step.
///
/// The ledger prices energy and tracks demand per quarter hour, so when the control period
/// divides 15 minutes a quarter hour's steps can be summed first and booked as their mean
/// power over the interval: the same energy, cost and 15-minute demand (to rounding), for a
/// fifteenth of the ledger work at one-minute steps. Otherwise each step is booked as it ends.
struct EnergyBooking {
    let handles: [EnergyLedger.DeviceHandle]
    /// Whether steps are summed per quarter hour (the control period divides 900 s).
    let batches: Bool
    /// kWh per device since `startHours`.
    private var energy: [Double]
    private var startHours = 0.0
    private var seconds = 0.0

    init(handles: [EnergyLedger.DeviceHandle], controlPeriodSeconds: Double) {
        self.handles = handles
        let perInterval = 900 / controlPeriodSeconds
        batches = perInterval == perInterval.rounded()
        energy = Array(repeating: 0, count: handles.count)
    }

    /// Opens a step starting at `hours`, if none is open.
    @inline(__always) mutating func beginStep(atHours hours: Double) {
        if seconds == 0 { startHours = hours }
    }

    /// Adds device `index` drawing `kW` for `stepSeconds`.
    @inline(__always) mutating func add(_ index: Int, kW: Double, seconds stepSeconds: Double) {
        energy[index] += kW * stepSeconds / 3600
    }

    /// Closes a step of `stepSeconds`; books the buffer when the step ends a quarter hour, or at
    /// every step when not batching.
    mutating func endStep(seconds stepSeconds: Double, endsInterval: Bool, ledger: inout EnergyLedger) throws {
        seconds += stepSeconds
        if !batches || endsInterval { try flush(into: &ledger) }
    }

    /// Books whatever is buffered (also called once at the end of a run).
    mutating func flush(into ledger: inout EnergyLedger) throws {
        guard seconds > 0 else { return }
        for index in energy.indices where energy[index] > 0 {
            try ledger.record(handle: handles[index], powerKW: energy[index] / (seconds / 3600), seconds: seconds,
                              atHours: startHours)
            energy[index] = 0
        }
        seconds = 0
    }
}
