import SimKernel
import TwinModels

/// The work orders of one machine: corrective repair after a failure, preventive and
/// condition-based maintenance, and the approval step, as a kernel process.
///
/// A corrective order takes a spare bearing first when the bearings failed (waiting for a
/// restock if the store is empty, without holding a technician), then a technician
/// (priority 0), repairs for a time drawn from the machine's own repair stream, and sends
/// the repair for review: APPROVED puts the machine back ONLINE, REJECTED repeats the work
/// (no new part). Preventive orders (priority 1) keep the machine running until part and
/// technician are there, then hold it in MAINTENANCE. A failure during a preventive order
/// turns it into a corrective one, keeping the part and technician it has.
final class FleetMachine: SimProcess {
    enum Job: Equatable {
        case none
        case corrective(FailureMode)
        /// Scheduled preventive maintenance: new bearings.
        case preventive
        /// Condition-based maintenance renewing the given mode's part.
        case conditionBased(FailureMode)
    }

    enum Phase { case idle, queued, awaitingPart, awaitingTechnician, working, reviewing }

    let index: Int
    unowned let world: FleetWorld
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) private(set) var job = Job.none
    @exclusivity(unchecked) private(set) var phase = Phase.idle
    @exclusivity(unchecked) private var hasPart = false
    @exclusivity(unchecked) private var hasTechnician = false
    @exclusivity(unchecked) private var rework = false
    @exclusivity(unchecked) private var requestedAt = 0.0
    @exclusivity(unchecked) private var workStartedAt = 0.0
    @exclusivity(unchecked) private var repairStream: RandomStream
    @exclusivity(unchecked) private var approvalStream: RandomStream

    init(index: Int, id: String, world: FleetWorld) {
        self.index = index
        self.world = world
        repairStream = world.simulation.streams.stream("fleet/\(id)/repair")
        approvalStream = world.simulation.streams.stream("fleet/\(id)/approval")
        super.init(name: "machine \(id)")
    }

    /// True when no work order is open.
    var isIdle: Bool { phase == .idle }

    /// Opens a maintenance order on an idle machine; returns whether it did.
    @discardableResult
    func order(_ newJob: Job) -> Bool {
        guard phase == .idle else { return false }
        job = newJob
        phase = .queued
        activate()
        return true
    }

    /// The machine failed: the open order (if any) becomes a corrective one.
    func failed(_ mode: FailureMode) {
        job = .corrective(mode)
        rework = false
        switch phase {
        case .idle:
            phase = .queued
            activate()
        case .queued:
            break
        default:
            interrupt(.custom("failure"))
        }
    }

    override func resume(_ wake: Wake) throws {
        switch wake {
        case .started:
            passivate()
            return
        case .received:
            _ = received(from: world.spares)
            hasPart = true
        case .granted:
            hasTechnician = true
            world.technicianGranted(index, for: jobType, waitedHours: now.inHours - requestedAt)
        case .timeout where phase == .working:
            finishWork()
            return
        case .timeout where phase == .reviewing:
            if approvalStream.uniform() >= world.spec.approval.probabilityRejected {
                world.approved(index)
                close()
                return
            }
            world.rejected(index)
            rework = true
        case .interrupted:
            // A failure cut a preventive order short.
            if phase == .working { world.maintenanceAborted(index, startedAt: workStartedAt) }
            if hasPart, !needsPart {
                world.spares.insert(1, at: now)
                hasPart = false
            }
        default:
            break
        }
        try proceed()
    }

    /// The open order's type (`.none` never asks for a technician).
    private var jobType: FleetLedger.JobType {
        switch job {
        case .corrective, .none: .corrective
        case .preventive: .preventive
        case .conditionBased: .conditionBased
        }
    }

    private var needsPart: Bool {
        switch job {
        case .corrective(let mode): mode == .bearing && !rework
        case .preventive: true
        case .conditionBased(let mode): mode == .bearing
        case .none: false
        }
    }

    private func proceed() throws {
        guard job != .none else { return close() }
        if needsPart && !hasPart {
            if tryGet(from: world.spares) != nil {
                hasPart = true
            } else {
                world.partShortage(index)
                phase = .awaitingPart
                get(from: world.spares)
                return
            }
        }
        if !hasTechnician {
            requestedAt = now.inHours
            let priority = jobType == .corrective ? 0 : 1
            if tryAcquire(world.technicians, priority: priority) {
                hasTechnician = true
                world.technicianGranted(index, for: jobType, waitedHours: 0)
            } else {
                phase = .awaitingTechnician
                request(world.technicians, priority: priority)
                return
            }
        }
        phase = .working
        workStartedAt = now.inHours
        let hours: Double
        switch job {
        case .corrective(let mode):
            hours = max(0, world.spec.repairTime.sample(using: &repairStream))
            world.workStarted(index, kind: .repairStart, mode: mode)
        case .preventive:
            hours = world.spec.maintenance.preventiveDurationHours
            world.workStarted(index, kind: .pmStart, mode: .bearing)
        case .conditionBased(let mode):
            hours = world.spec.maintenance.preventiveDurationHours
            world.workStarted(index, kind: .cbmStart, mode: mode)
        case .none:
            hours = 0
        }
        hold(.hours(hours))
    }

    private func finishWork() {
        release(world.technicians)
        hasTechnician = false
        world.technicianWorked(from: workStartedAt, to: now.inHours)
        switch job {
        case .corrective(let mode):
            world.repairFinished(index, mode: mode, renewPart: !rework)
            hasPart = false
            phase = .reviewing
            hold(.hours(world.spec.approval.reviewHours))
        case .preventive:
            world.maintenanceFinished(index, kind: .pmEnd, mode: .bearing)
            hasPart = false
            close()
        case .conditionBased(let mode):
            world.maintenanceFinished(index, kind: .cbmEnd, mode: mode)
            hasPart = false
            close()
        case .none:
            close()
        }
    }

    private func close() {
        job = .none
        phase = .idle
        rework = false
        passivate()
    }
}
