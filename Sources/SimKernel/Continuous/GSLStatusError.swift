import CGSL

/// A non-success status returned by a GSL function, with GSL's own text for it.
public struct GSLStatusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The GSL status code (see `gsl_errno.h`), never `GSL_SUCCESS`.
    public let status: Int32
    /// The GSL function that returned it.
    public let function: String

    /// Wraps `status` as returned by `function`.
    public init(status: Int32, function: String) {
        self.status = status
        self.function = function
    }

    /// Whether the status is `GSL_EBADFUNC`: the user-supplied function failed, which the
    /// driver callbacks return for NaN or ±∞ derivatives.
    public var isBadFunction: Bool { status == GSL_EBADFUNC }

    /// Whether the status is `GSL_EMAXITER`: the driver hit its step limit.
    public var isStepLimit: Bool { status == GSL_EMAXITER }

    /// GSL's description of the status, from `gsl_strerror`.
    public var reason: String { String(cString: gsl_strerror(status)) }

    /// E.g. `gsl_odeiv2_driver_apply returned GSL status 9 (problem with user-supplied function)`.
    public var description: String { "\(function) returned GSL status \(status) (\(reason))" }
}
