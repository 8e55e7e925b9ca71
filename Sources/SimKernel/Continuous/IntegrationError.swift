/// A failure to set up or advance a ``ContinuousComponent``; the run stops with it.
///
/// When ``ContinuousComponent/advance(to:)`` throws, the component's state and time are
/// left as they were before the call, so the error describes a span that was not taken.
public struct IntegrationError: Error, CustomStringConvertible {
    /// What went wrong, for callers that branch on it.
    public enum Code: String, Sendable, Equatable {
        /// The component was built with an unusable integrator setting or initial state.
        case invalidConfiguration
        /// `advance(to:)` was asked to go to a time before the component's current time.
        case backwardsInTime
        /// The state vector no longer has `dimension` entries (it was replaced by one of another size).
        case dimensionMismatch
        /// The derivatives or the resulting state contain NaN or an infinity.
        case nonFiniteState
        /// GSL reported a status other than success (step size underflow, too many steps, …).
        case solverFailure
        /// GSL could not allocate its driver.
        case allocationFailure
    }

    /// What went wrong.
    public let code: Code
    /// The name of the component that failed.
    public let component: String
    /// The component's time at the start of the failed span (its time is still this).
    public let time: SimTime
    /// The time the span was meant to reach.
    public let target: SimTime
    /// The GSL status code when GSL reported the failure, otherwise `nil`.
    public let gslStatus: Int32?
    /// A sentence naming the component, the times and, when relevant, the GSL status.
    public let message: String
    /// The lower-level cause (a ``GSLStatusError`` for GSL failures), if any.
    public let underlying: (any Error)?

    /// Builds an error; `message` should say what happened in the caller's terms, and the
    /// full ``description`` adds the component and times.
    public init(code: Code, component: String, time: SimTime, target: SimTime,
                gslStatus: Int32? = nil, message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.component = component
        self.time = time
        self.target = target
        self.gslStatus = gslStatus
        self.message = message
        self.underlying = underlying
    }

    /// One line naming the component, the span, the code and the cause.
    public var description: String {
        var text = "continuous component '\(component)': \(code.rawValue) advancing from \(time) to \(target): \(message)"
        if let underlying { text += " (cause: \(underlying))" }
        return text
    }
}
