extension MachineModel {
    /// Whether the machine runs under `conditions`: online, not failed, load above zero.
    public func isRunning(under conditions: OperatingConditions) -> Bool {
        // A pattern match, not `==`: the synthesized equality of a String-backed enum is a
        // witness call.
        guard case .online = state.status else { return false }
        return state.failure == nil && conditions.load > 0
    }

    /// Convenience for `advance(seconds:under:)` with the conditions given field by field.
    @discardableResult
    public mutating func advance(
        seconds: Double, load: Double, ambientTemperature: Double, coolingFactor: Double,
        bearingWearMultiplier: Double = 1
    ) throws(ModelInputError) -> MachineFailure? {
        let c = try OperatingConditions(
            load: load, ambientTemperature: ambientTemperature, coolingFactor: coolingFactor,
            bearingWearMultiplier: bearingWearMultiplier)
        return try advance(seconds: seconds, under: c)
    }

    /// The individual damage at failure D_m of `mode`.
    public func damageAtFailure(_ mode: FailureMode) -> Double {
        switch mode {
        case .bearing: bearingDamageAtFailure
        case .insulation: insulationAgeingAtFailure
        case .electrical: electricalDamageAtFailure
        }
    }

    /// Two machines are equal when their parameters, state and last conditions are; the
    /// step caches are not compared.
    public static func == (lhs: MachineModel, rhs: MachineModel) -> Bool {
        lhs.parameters == rhs.parameters && lhs.state == rhs.state && lhs.conditions == rhs.conditions
    }
}
