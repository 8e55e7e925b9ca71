/// A named piece of continuous state that the kernel integrates between discrete events.
///
/// Holds the state vector `y`, the simulation time it belongs to, the ``ODESystem`` that
/// moves it and the ``Integrator`` setting. Models create one per continuous subsystem (a
/// room's air and thermal mass, a crop's biomass, a motor's winding temperature) and attach
/// it to the kernel, which calls ``advance(to:)`` before every event time; an event handler
/// then reads or sets `y`, or changes the system's inputs, at exactly its own time.
///
/// Determinism: a span is integrated with no wall clock, no randomness and a fixed order of
/// floating-point operations, so the same state, time, inputs and target give the same bits.
/// With ``Integrator/rk4(step:)`` the step grid starts at the component's time at each call
/// and the last step of a span is shortened to land on the target. Results therefore depend
/// on *when* `advance(to:)` is called — which is every event time of the run, including
/// events that do not concern this component. That is inherent to hybrid simulation (an
/// event may change an input there); since the events are themselves deterministic, runs
/// stay reproducible, and calling at times that fall on the grid gives the same bits as one
/// long call. Adaptive methods likewise restart at each call (see ``Integrator``).
///
/// Identity matters (the kernel and models share the instance), so this is a final class.
/// It is not thread-safe: a run is single-threaded.
public final class ContinuousComponent: ContinuousProcess {
    /// A name for error messages and records, e.g. `"room-1/air"`.
    public let name: String
    /// The state, `dimension` values in the system's units. Events may overwrite entries
    /// (a harvest resets biomass); replacing it with an array of another length makes the
    /// next `advance(to:)` throw ``IntegrationError/Code/dimensionMismatch``.
    public var y: [Double] {
        @inlinable get { yStorage }
        @inlinable _modify { yield &yStorage }
    }
    // A component belongs to one simulation on one thread, so its stored state skips the
    // dynamic exclusivity checks (six per RK4 span otherwise). Models in other modules read
    // `y` every step; a direct access to a public stored property from another module is
    // checked whatever the attribute says, so they reach it through inlinable accessors.
    @usableFromInline @exclusivity(unchecked) var yStorage: [Double]
    /// The simulation time `y` belongs to.
    @exclusivity(unchecked) public private(set) var time: SimTime
    /// The right-hand side; its inputs may change between calls.
    public let system: any ODESystem
    /// How spans are integrated.
    public let integrator: Integrator
    /// The number of state variables, read from the system once at creation.
    public let dimension: Int
    /// Right-hand-side evaluations so far, failed spans included: 4 per RK4 step; for adaptive
    /// methods every call GSL makes, rejected steps and finite-difference Jacobians included.
    @exclusivity(unchecked) public private(set) var rhsEvaluations = 0
    /// Steps of the spans completed so far (shortened final steps included).
    @exclusivity(unchecked) public private(set) var steps = 0
    /// The most steps an adaptive method may take in one `advance(to:)` before it fails with
    /// GSL status `GSL_EMAXITER`; must be positive. A guard against an unmeetable tolerance or
    /// an explicit method on a stiff system, which otherwise shrink the step without end.
    /// Unused by RK4, whose step count is fixed by the span.
    @exclusivity(unchecked) public var maximumStepsPerAdvance = 1_000_000

    /// The RK4 step in ticks; unused for adaptive methods.
    private let stepTicks: Int64
    private let driver: GSLDriver?
    /// 6 × dimension doubles, allocated once so that stepping never allocates:
    /// RK4 stages k1…k4, the RK4 trial state, and a copy of `y` at the span start.
    private let workspace: UnsafeMutablePointer<Double>

    /// Creates a component at `startTime` with state `initialState`.
    ///
    /// - Parameters:
    ///   - name: for errors and records.
    ///   - system: the right-hand side; its `dimension` must be positive.
    ///   - initialState: `system.dimension` finite values.
    ///   - startTime: the simulation time of `initialState`; usually the time the model is attached.
    ///   - integrator: the method; steps and tolerances must be positive (tolerances may be zero
    ///     individually, not both).
    /// - Throws: ``IntegrationError`` with code `invalidConfiguration` or `allocationFailure`.
    public init(name: String, system: any ODESystem, initialState: [Double], startTime: SimTime = .zero,
                integrator: Integrator) throws(IntegrationError) {
        let dimension = system.dimension
        func invalid(_ message: String) -> IntegrationError {
            IntegrationError(code: .invalidConfiguration, component: name, time: startTime, target: startTime,
                             message: message)
        }
        guard dimension > 0 else { throw invalid("the system's dimension is \(dimension); it must be positive") }
        guard initialState.count == dimension else {
            throw invalid("the initial state has \(initialState.count) values; the system's dimension is \(dimension)")
        }
        if let i = initialState.firstIndex(where: { !$0.isFinite }) {
            throw invalid("initial state value \(i) is \(initialState[i]); it must be finite")
        }
        switch integrator {
        case .rk4(let step):
            guard step > .zero else { throw invalid("the RK4 step is \(step); it must be positive") }
            stepTicks = step.ticks
            driver = nil
        case .adaptive(let method, let absoluteTolerance, let relativeTolerance, let initialStep):
            guard absoluteTolerance.isFinite, relativeTolerance.isFinite, absoluteTolerance >= 0,
                  relativeTolerance >= 0, absoluteTolerance > 0 || relativeTolerance > 0 else {
                throw invalid("tolerances absolute \(absoluteTolerance), relative \(relativeTolerance): "
                              + "both must be finite and ≥ 0, and at least one positive")
            }
            guard initialStep > .zero else { throw invalid("the initial step is \(initialStep); it must be positive") }
            do {
                driver = try GSLDriver(system: system, dimension: dimension, method: method,
                                       absoluteTolerance: absoluteTolerance, relativeTolerance: relativeTolerance,
                                       initialStep: initialStep.inSeconds)
            } catch {
                throw IntegrationError(code: .allocationFailure, component: name, time: startTime, target: startTime,
                                       gslStatus: error.status, message: "could not allocate the GSL \(method) driver",
                                       underlying: error)
            }
            stepTicks = 0
        }
        self.name = name
        self.system = system
        self.yStorage = initialState
        self.time = startTime
        self.integrator = integrator
        self.dimension = dimension
        workspace = .allocate(capacity: 6 * dimension)
        workspace.initialize(repeating: 0, count: 6 * dimension)
    }

    deinit {
        workspace.deinitialize(count: 6 * dimension)
        workspace.deallocate()
    }

    /// Integrates `y` from ``time`` to `target` and sets ``time`` to `target`.
    ///
    /// Does nothing when `target` equals ``time``. On failure `y` and ``time`` are left as
    /// they were, so the error describes a span that was not taken.
    ///
    /// - Parameter target: the simulation time to reach, ≥ ``time``.
    /// - Throws: ``IntegrationError`` — `backwardsInTime`, `dimensionMismatch`,
    ///   `nonFiniteState` (NaN or ±∞ in the derivatives or the state) or `solverFailure`.
    public func advance(to target: SimTime) throws(IntegrationError) {
        if target == time { return }
        guard target > time else {
            throw IntegrationError(code: .backwardsInTime, component: name, time: time, target: target,
                                   message: "the target is before the component's current time")
        }
        guard maximumStepsPerAdvance > 0 else {
            throw IntegrationError(code: .invalidConfiguration, component: name, time: time, target: target,
                                   message: "maximumStepsPerAdvance is \(maximumStepsPerAdvance); it must be positive")
        }
        guard y.count == dimension else {
            throw IntegrationError(code: .dimensionMismatch, component: name, time: time, target: target,
                                   message: "the state has \(y.count) values; the system's dimension is \(dimension)")
        }
        let n = dimension
        let start = time
        let backup = workspace + 5 * n
        let failure: IntegrationError? = yStorage.withUnsafeMutableBufferPointer { buffer in
            let state = buffer.baseAddress!
            backup.update(from: state, count: n)
            var failure: IntegrationError?
            var taken = 0
            if let driver {
                failure = integrateAdaptive(driver, state: state, from: start, to: target, steps: &taken)
            } else {
                taken = integrateRK4(state: state, from: start, to: target)
                rhsEvaluations += 4 * taken
            }
            if failure == nil, let i = (0..<n).first(where: { !state[$0].isFinite }) {
                failure = IntegrationError(code: .nonFiniteState, component: name, time: start, target: target,
                                           message: "state value \(i) became \(state[i]); "
                                               + "check the derivatives for overflow or division by zero")
            }
            if failure == nil {
                steps += taken
            } else {
                state.update(from: backup, count: n)
            }
            return failure
        }
        if let failure { throw failure }
        time = target
    }

    /// Classical RK4 over [start, target] on a grid of `stepTicks` from `start`, the last step
    /// shortened; returns the number of steps.
    private func integrateRK4(state y: UnsafeMutablePointer<Double>, from start: SimTime, to target: SimTime) -> Int {
        let n = dimension
        let system = self.system
        let k1 = workspace, k2 = workspace + n, k3 = workspace + 2 * n, k4 = workspace + 3 * n
        let trial = workspace + 4 * n
        let yIn = UnsafeBufferPointer(start: UnsafePointer(y), count: n)
        let trialIn = UnsafeBufferPointer(start: UnsafePointer(trial), count: n)
        let tps = Double(SimTime.ticksPerSecond)
        var tick = start.ticks
        var taken = 0
        while tick < target.ticks {
            let stepEnd = target.ticks - tick > stepTicks ? tick + stepTicks : target.ticks
            // Stage times come from integer ticks, so the grid never drifts with rounding.
            let t0 = Double(tick) / tps
            let t1 = Double(stepEnd) / tps
            let h = Double(stepEnd - tick) / tps
            let halfH = 0.5 * h
            let tMid = t0 + halfH
            system.derivatives(t: t0, y: yIn, dydt: UnsafeMutableBufferPointer(start: k1, count: n))
            for i in 0..<n { trial[i] = y[i] + halfH * k1[i] }
            system.derivatives(t: tMid, y: trialIn, dydt: UnsafeMutableBufferPointer(start: k2, count: n))
            for i in 0..<n { trial[i] = y[i] + halfH * k2[i] }
            system.derivatives(t: tMid, y: trialIn, dydt: UnsafeMutableBufferPointer(start: k3, count: n))
            for i in 0..<n { trial[i] = y[i] + h * k3[i] }
            system.derivatives(t: t1, y: trialIn, dydt: UnsafeMutableBufferPointer(start: k4, count: n))
            let sixthH = h / 6
            for i in 0..<n { y[i] += sixthH * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]) }
            tick = stepEnd
            taken += 1
        }
        return taken
    }

    /// One GSL driver call over [start, target]; sets `steps` and returns the failure, if any.
    private func integrateAdaptive(_ driver: GSLDriver, state: UnsafeMutablePointer<Double>,
                                   from start: SimTime, to target: SimTime, steps: inout Int) -> IntegrationError? {
        var t = start.inSeconds
        let evaluationsBefore = driver.evaluations
        defer { rhsEvaluations += driver.evaluations - evaluationsBefore }
        do {
            steps = try driver.apply(from: &t, to: target.inSeconds, y: state, maxSteps: maximumStepsPerAdvance)
            return nil
        } catch {
            let method: String
            if case .adaptive(let m, _, _, _) = integrator { method = m.rawValue } else { method = "adaptive" }
            let badFunction = error.isBadFunction
            return IntegrationError(
                code: badFunction ? .nonFiniteState : .solverFailure, component: name, time: start, target: target,
                gslStatus: error.status,
                message: "GSL \(method) stopped at t = \(t) s with status \(error.status) (\(error.reason))"
                    + (badFunction ? "; the derivatives returned NaN or ±∞" : "")
                    + (error.isStepLimit ? "; more than \(maximumStepsPerAdvance) steps (maximumStepsPerAdvance): "
                        + "the tolerance may be unreachable, or the system stiff (try msbdf)" : ""),
                underlying: error)
        }
    }
}
