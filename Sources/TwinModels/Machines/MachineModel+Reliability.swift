import Foundation

extension MachineModel {
    /// Population hazard rate under `conditions` at the current state, failures per running
    /// hour: Σ_m (β_m/η_m)(d_m/η_m)^(β_m−1)·ḋ_m, with the insulation rate at the current hot
    /// spot. It is what a fleet-level estimator sees: it does not know this machine's
    /// thresholds. 0 after a failure.
    public func hazardRate(under conditions: OperatingConditions) -> Double {
        guard state.failure == nil else { return 0 }
        let point = operatingPoint(for: conditions)
        let p = parameters
        let perSecond = p.bearingLife.hazardPerDamage(damage: state.bearingDamage) * point.bearingRate
            + p.insulationLife.hazardPerDamage(damage: state.insulationAgeing) * point.ageingRate(at: state.hotSpotTemperature)
            + p.electricalLife.hazardPerDamage(damage: state.electricalDamage) * point.electricalRate
        return perSecond * 3600
    }

    /// Population probability of failing within the next `hours` (≥ 0) of running under
    /// `conditions`, given survival so far: 1 − exp(−ΔH), ΔH the growth of the summed
    /// cumulative hazards along the projected damage. 1 after a failure.
    public func failureProbability(withinHours hours: Double, under conditions: OperatingConditions) -> Double {
        guard state.failure == nil else { return 1 }
        let t = max(0, hours) * 3600
        let point = operatingPoint(for: conditions)
        let p = parameters
        let s = state
        let ageing = point.ageingPath(from: s.hotSpotTemperature).ageing(after: t)
        let dH = p.bearingLife.cumulativeHazard(damage: s.bearingDamage + point.bearingRate * t)
            - p.bearingLife.cumulativeHazard(damage: s.bearingDamage)
            + p.insulationLife.cumulativeHazard(damage: s.insulationAgeing + ageing)
            - p.insulationLife.cumulativeHazard(damage: s.insulationAgeing)
            + p.electricalLife.cumulativeHazard(damage: s.electricalDamage + point.electricalRate * t)
            - p.electricalLife.cumulativeHazard(damage: s.electricalDamage)
        return 1 - exp(-dH)
    }

    /// This machine's remaining useful life if it runs from now on under `conditions`
    /// (load > 0 assumed running whatever the status), in running hours, and the mode that
    /// ends it.
    ///
    /// Closed form per mode from the deterministic damage and the drawn threshold: bearing and
    /// electrical damage grow linearly, (D_m − d_m)/ḋ_m; insulation follows the exponential
    /// temperature path (Simpson over the transient, then the steady rate). The minimum over
    /// the modes is the RUL, so under steady conditions it falls by exactly one hour per
    /// running hour and is 0 at the failure. 0 after a failure.
    public func remainingUsefulLife(under conditions: OperatingConditions) -> RemainingLife {
        if let failure = state.failure { return RemainingLife(hours: 0, mode: failure.mode) }
        let point = operatingPoint(for: conditions)
        var best = RemainingLife(hours: .infinity, mode: nil)
        let bearing = Self.linearTime(state.bearingDamage, bearingDamageAtFailure, point.bearingRate)
        if bearing < best.hours { best = RemainingLife(hours: bearing, mode: .bearing) }
        let needed = insulationAgeingAtFailure - state.insulationAgeing
        let insulation = needed <= 0 ? 0
            : point.ageingPath(from: state.hotSpotTemperature).time(toAge: needed)
        if insulation < best.hours { best = RemainingLife(hours: insulation, mode: .insulation) }
        let electrical = Self.linearTime(state.electricalDamage, electricalDamageAtFailure, point.electricalRate)
        if electrical < best.hours { best = RemainingLife(hours: electrical, mode: .electrical) }
        best.hours /= 3600
        return best
    }

    private static func linearTime(_ damage: Double, _ atFailure: Double, _ rate: Double) -> Double {
        if damage >= atFailure { return 0 }
        return rate > 0 ? (atFailure - damage) / rate : .infinity
    }

    /// Ground-truth labels at the current instant, with the RUL under `conditions`.
    public func groundTruth(under conditions: OperatingConditions) -> MachineGroundTruth {
        var dominant = FailureMode.bearing
        var active: FailureMode?
        for mode in FailureMode.allCases {
            let used = lifeConsumed(mode)
            if used > lifeConsumed(dominant) { dominant = mode }
            if state.onsets[mode] != nil, active.map({ used > lifeConsumed($0) }) ?? true { active = mode }
        }
        if let failure = state.failure { active = failure.mode }
        return MachineGroundTruth(
            dominantMode: dominant, activeFault: active, faultOnsetSeconds: active.flatMap { state.onsets[$0] },
            bearingWear: bearingWear, insulationLifeConsumed: insulationLifeConsumed,
            electricalStress: electricalStress,
            remainingUsefulLifeHours: remainingUsefulLife(under: conditions).hours, failure: state.failure)
    }
}
