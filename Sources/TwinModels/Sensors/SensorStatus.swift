/// What a sensor sample is worth to a consumer: a live value, nothing, or a frozen value.
///
/// A stuck sensor is indistinguishable from a healthy one by its status alone in the field;
/// the twin reports `.stuck` here so that recorders and scoring code can label samples, and
/// controllers under test must only ever read `SensorReading.value`.
public enum SensorStatus: String, Sendable, Equatable, Hashable, CaseIterable {
    /// A fresh measurement (with noise, bias, drift and quantisation applied).
    case ok
    /// No value was delivered (communication loss, transmitter reset); `value` is nil.
    case dropout
    /// The transmitter repeats the value it held when the fault started.
    case stuck
}
