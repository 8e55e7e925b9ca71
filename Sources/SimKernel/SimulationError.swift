/// A failure that stops a run, with where and when it happened.
///
/// Models signal faults by throwing from `SimProcess.resume(_:)` or from a scheduled
/// action; the kernel wraps the error with the simulated time and the name of the
/// process or action, stops the run and rethrows — a fault is never logged and skipped.
public struct SimulationError: Error, CustomStringConvertible {
    /// What kind of failure this is; stable across releases so scripts can match it.
    public enum Code: String, Sendable {
        /// A process or scheduled action threw.
        case modelFault = "model-fault"
        /// An event was scheduled before the current time.
        case scheduleInPast = "schedule-in-past"
        /// A continuous component failed to integrate.
        case integration = "integration"
        /// The simulation was used in a way its contract forbids.
        case misuse = "misuse"
    }

    public let code: Code
    public let message: String
    /// Simulated time at which the failure happened.
    public let time: SimTime
    /// The process, action or component that failed, if known.
    public let source: String?
    /// The error the model threw, if any.
    public let underlying: (any Error)?

    public init(code: Code, message: String, time: SimTime, source: String? = nil, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.time = time
        self.source = source
        self.underlying = underlying.map { $0 }
    }

    public var description: String {
        var text = "[\(code.rawValue)] at t=\(time)"
        if let source { text += " in \(source)" }
        text += ": \(message)"
        if let underlying { text += " (cause: \(underlying))" }
        return text
    }
}

// Errors from model code are values the kernel only carries; it never inspects them
// across threads, so the unchecked conformance is sound.
extension SimulationError: @unchecked Sendable {}
