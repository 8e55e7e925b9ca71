import SimKernel
import Scenario
import TwinModels

/// Takes one technician slot out of service while the crew is off shift.
///
/// Shifts are modelled by blocking, not by changing the resource's capacity: one blocker per
/// technician requests a slot at the shift's end with priority −1, ahead of every work order,
/// and releases it when the next shift starts. A technician busy at the end of the shift
/// finishes the job on overtime (no preemption); no new job starts off shift, and queued work
/// waits for the next shift.
final class TechnicianShiftBlocker: SimProcess {
    let shift: ShiftCalendar
    let technicians: Resource
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private var holding = false

    init(index: Int, shift: ShiftCalendar, technicians: Resource) {
        self.shift = shift
        self.technicians = technicians
        super.init(name: "off-shift blocker \(index)")
    }

    override func resume(_ wake: Wake) throws {
        switch wake {
        case .granted:
            // A job that ran through the whole off-shift period: the shift has begun again.
            if shift.isWorking(atHours: now.inHours) {
                release(technicians)
            } else {
                holding = true
            }
            waitForChange()
        case .timeout where holding:
            release(technicians)
            holding = false
            waitForChange()
        default:
            if shift.isWorking(atHours: now.inHours) { waitForChange() } else { request(technicians, priority: -1) }
        }
    }

    private func waitForChange() {
        let next = shift.nextChange(afterHours: now.inHours)
        if next.isFinite { hold(until: .hours(next)) } else { passivate() }
    }
}
