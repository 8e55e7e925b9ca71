/// One sample delivered by a `Sensor`: the value a controller sees and the ground-truth status.
public struct SensorReading: Sendable, Equatable, Hashable {
    /// The measured value in the sensor's unit (`SensorSpec.unit`), inside
    /// `SensorSpec.validRange`; nil during a dropout.
    public let value: Double?
    /// Ground truth about this sample; never visible to a real controller.
    public let status: SensorStatus

    /// A reading with the given value and status.
    public init(value: Double?, status: SensorStatus) {
        self.value = value
        self.status = status
    }
}
