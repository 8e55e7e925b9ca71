import CGSL

/// Owns a GSL `gsl_odeiv2_driver` and the `gsl_odeiv2_system` it points to, and routes
/// GSL's C callbacks to a Swift ``ODESystem``.
///
/// The C system struct is heap-allocated because the driver keeps a pointer to it for its
/// whole life; its `params` is this object, passed unretained (the driver cannot outlive
/// its owner, so no reference cycle is needed to keep it alive). Both are freed in `deinit`.
/// Not thread-safe, like the component that owns it: a run is single-threaded.
final class GSLDriver {
    /// The system GSL integrates.
    let system: any ODESystem
    /// Its dimension, read once.
    let dimension: Int
    /// The first trial step in seconds, reinstated after a failure.
    let initialStep: Double
    /// RHS evaluations so far, including those made for finite-difference Jacobians.
    private(set) var evaluations = 0

    private let cSystem: UnsafeMutablePointer<gsl_odeiv2_system>
    private let driver: UnsafeMutablePointer<gsl_odeiv2_driver>
    /// 3 × dimension doubles for finite-difference Jacobians: f(t, y), f at the shifted point, shifted y.
    private let scratch: UnsafeMutablePointer<Double>

    /// GSL's default handler aborts the process; all statuses are checked instead. Static
    /// `let`s are initialised exactly once, thread-safely, on first use.
    static let errorHandlerDisabled: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Allocates the driver.
    ///
    /// - Parameters:
    ///   - system: the right-hand side; `dimension` must equal `system.dimension`.
    ///   - method: the GSL stepper.
    ///   - absoluteTolerance, relativeTolerance: GSL's `epsabs` and `epsrel` for `gsl_odeiv2_control_y_new`.
    ///   - initialStep: the first trial step in seconds.
    /// - Throws: the GSL status when the driver cannot be allocated.
    init(system: any ODESystem, dimension: Int, method: Integrator.AdaptiveMethod,
         absoluteTolerance: Double, relativeTolerance: Double, initialStep: Double) throws(GSLStatusError) {
        _ = Self.errorHandlerDisabled
        let stepType: UnsafePointer<gsl_odeiv2_step_type>
        switch method {
        case .rkf45: stepType = cgsl_step_rkf45()
        case .rkck: stepType = cgsl_step_rkck()
        case .rk8pd: stepType = cgsl_step_rk8pd()
        case .msbdf: stepType = cgsl_step_msbdf()
        }
        let cSystem = UnsafeMutablePointer<gsl_odeiv2_system>.allocate(capacity: 1)
        // The callbacks are non-capturing closures, so they convert to C function pointers;
        // everything they need arrives through `params`.
        cSystem.initialize(to: gsl_odeiv2_system(
            function: { t, y, dydt, params in
                Unmanaged<GSLDriver>.fromOpaque(params!).takeUnretainedValue()
                    .evaluate(t: t, y: y!, dydt: dydt!)
            },
            jacobian: { t, y, dfdy, dfdt, params in
                Unmanaged<GSLDriver>.fromOpaque(params!).takeUnretainedValue()
                    .evaluateJacobian(t: t, y: y!, dfdy: dfdy!, dfdt: dfdt!)
            },
            dimension: dimension,
            params: nil))
        guard let driver = gsl_odeiv2_driver_alloc_y_new(cSystem, stepType, initialStep,
                                                         absoluteTolerance, relativeTolerance) else {
            cSystem.deinitialize(count: 1)
            cSystem.deallocate()
            throw GSLStatusError(status: Int32(GSL_ENOMEM), function: "gsl_odeiv2_driver_alloc_y_new")
        }
        self.system = system
        self.dimension = dimension
        self.initialStep = initialStep
        self.cSystem = cSystem
        self.driver = driver
        scratch = .allocate(capacity: 3 * dimension)
        scratch.initialize(repeating: 0, count: 3 * dimension)
        // GSL reads `params` at every call, so it can be set once `self` exists.
        cSystem.pointee.params = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        gsl_odeiv2_driver_free(driver)
        cSystem.deinitialize(count: 1)
        cSystem.deallocate()
        scratch.deinitialize(count: 3 * dimension)
        scratch.deallocate()
    }

    /// Integrates `y` from `t` to `t1` (seconds) and returns the number of accepted steps.
    ///
    /// The stepper and its history are reset first: the span starts at an event, where
    /// inputs or the state may have jumped, so multistep history from before it is invalid.
    /// The adaptive step size carries over from the previous span.
    ///
    /// - Parameters:
    ///   - t: on entry the start time in seconds; on exit the time reached (`t1` on success).
    ///   - t1: the target time in seconds, ≥ `t`.
    ///   - y: `dimension` doubles, advanced in place (partially advanced on failure).
    ///   - maxSteps: the most steps this span may take, > 0. Without a limit some steppers
    ///     (rkck, msbdf) crawl forever with ever smaller steps when the tolerance cannot be met.
    /// - Throws: the first non-success GSL status (`GSL_EMAXITER` when `maxSteps` is exceeded);
    ///   the step size is then reset to `initialStep`.
    func apply(from t: inout Double, to t1: Double, y: UnsafeMutablePointer<Double>,
               maxSteps: Int) throws(GSLStatusError) -> Int {
        let resetStatus = gsl_odeiv2_driver_reset(driver)
        guard resetStatus == GSL_SUCCESS else {
            throw GSLStatusError(status: resetStatus, function: "gsl_odeiv2_driver_reset")
        }
        // The reset also zeroes the driver's step counter, so the limit is per span.
        let limitStatus = gsl_odeiv2_driver_set_nmax(driver, UInt(maxSteps))
        guard limitStatus == GSL_SUCCESS else {
            throw GSLStatusError(status: limitStatus, function: "gsl_odeiv2_driver_set_nmax")
        }
        let status = gsl_odeiv2_driver_apply(driver, &t, t1, y)
        guard status == GSL_SUCCESS else {
            // Leave the driver usable for a later, corrected attempt; a failure after a
            // failure is reported as the first one, so the reset's own status is secondary.
            _ = gsl_odeiv2_driver_reset_hstart(driver, initialStep)
            throw GSLStatusError(status: status, function: "gsl_odeiv2_driver_apply")
        }
        return Int(driver.pointee.e.pointee.count)
    }

    /// GSL's `function` callback: f(t, y), rejecting non-finite derivatives with
    /// `GSL_EBADFUNC`, which GSL's evolve loop treats as fatal rather than shrinking the step.
    private func evaluate(t: Double, y: UnsafePointer<Double>, dydt: UnsafeMutablePointer<Double>) -> Int32 {
        evaluations += 1
        system.derivatives(t: t, y: UnsafeBufferPointer(start: y, count: dimension),
                           dydt: UnsafeMutableBufferPointer(start: dydt, count: dimension))
        for i in 0..<dimension where !dydt[i].isFinite { return Int32(GSL_EBADFUNC) }
        return Int32(GSL_SUCCESS)
    }

    /// GSL's `jacobian` callback: the model's analytic Jacobian if it has one, otherwise
    /// forward differences with steps of √ε · max(|y_j|, 1) (and likewise for t).
    private func evaluateJacobian(t: Double, y: UnsafePointer<Double>,
                                  dfdy: UnsafeMutablePointer<Double>, dfdt: UnsafeMutablePointer<Double>) -> Int32 {
        let n = dimension
        if system.jacobian(t: t, y: UnsafeBufferPointer(start: y, count: n),
                           dfdy: UnsafeMutableBufferPointer(start: dfdy, count: n * n),
                           dfdt: UnsafeMutableBufferPointer(start: dfdt, count: n)) {
            for i in 0..<(n * n) where !dfdy[i].isFinite { return Int32(GSL_EBADFUNC) }
            for i in 0..<n where !dfdt[i].isFinite { return Int32(GSL_EBADFUNC) }
            return Int32(GSL_SUCCESS)
        }
        let f0 = scratch, f1 = scratch + n, shifted = scratch + 2 * n
        let sqrtEpsilon = Double.ulpOfOne.squareRoot()
        var status = evaluate(t: t, y: y, dydt: f0)
        guard status == GSL_SUCCESS else { return status }
        shifted.update(from: y, count: n)
        for j in 0..<n {
            let yj = y[j]
            shifted[j] = yj + sqrtEpsilon * max(abs(yj), 1)
            // Divide by the increment actually represented, not the one intended.
            let h = shifted[j] - yj
            status = evaluate(t: t, y: shifted, dydt: f1)
            guard status == GSL_SUCCESS else { return status }
            for i in 0..<n { dfdy[i * n + j] = (f1[i] - f0[i]) / h }
            shifted[j] = yj
        }
        let tShifted = t + sqrtEpsilon * max(abs(t), 1)
        status = evaluate(t: tShifted, y: y, dydt: f1)
        guard status == GSL_SUCCESS else { return status }
        let ht = tShifted - t
        for i in 0..<n { dfdt[i] = (f1[i] - f0[i]) / ht }
        return Int32(GSL_SUCCESS)
    }
}
