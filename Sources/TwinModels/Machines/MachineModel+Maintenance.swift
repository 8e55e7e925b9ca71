import SimKernel

extension MachineModel {
    /// Corrective repair of `mode` with a fresh part whose life threshold is `newThreshold`
    /// (E = −ln U, drawn by the caller).
    ///
    /// - bearing: bearings replaced, bearing damage 0;
    /// - insulation: winding rewound, insulation ageing 0;
    /// - electrical: connections, contactor and cable ends renewed, electrical damage 0.
    ///
    /// The mode's onset is cleared and, if it was the failed mode, the failure too (a machine
    /// failed by another mode stays failed). The status is not touched: the caller decides
    /// when the machine goes back ONLINE (e.g. after an approval step).
    ///
    /// - Throws: `ModelInputError` for a threshold outside 1e-12…1000.
    public mutating func repair(_ mode: FailureMode, newThreshold: Double) throws(ModelInputError) {
        let threshold = try FailureThresholds.check(newThreshold, mode)
        renewPart(mode, threshold: threshold)
    }

    /// `repair(_:newThreshold:)` drawing the new part's threshold from `stream` (one open
    /// uniform).
    public mutating func repair(_ mode: FailureMode, stream: inout RandomStream) {
        let threshold = FailureThresholds.exponential(uniform: stream.uniformOpen())
        renewPart(mode, threshold: threshold)
    }

    /// Preventive maintenance: bearings replaced and relubricated (bearing wear back to 0,
    /// new bearing threshold `newBearingThreshold`).
    ///
    /// Insulation ageing and electrical stress are not renewable on site short of a rewind or
    /// an electrical repair, so they are kept. Equivalent to `repair(.bearing, …)`.
    public mutating func preventiveMaintenance(newBearingThreshold: Double) throws(ModelInputError) {
        try repair(.bearing, newThreshold: newBearingThreshold)
    }

    /// Preventive maintenance drawing the new bearings' threshold from `stream`.
    public mutating func preventiveMaintenance(stream: inout RandomStream) {
        repair(.bearing, stream: &stream)
    }
}
