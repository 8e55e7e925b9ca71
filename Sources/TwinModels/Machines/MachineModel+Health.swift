import Foundation

extension MachineModel {
    /// Fraction of the bearings' individual life consumed, w_b = d_b/D_b, 0…1.
    public var bearingWear: Double { min(1, state.bearingDamage / bearingDamageAtFailure) }

    /// Fraction of the insulation's individual life consumed, 0…1.
    public var insulationLifeConsumed: Double { min(1, state.insulationAgeing / insulationAgeingAtFailure) }

    /// Fraction of the individual electrical-stress life consumed, 0…1.
    public var electricalStress: Double { min(1, state.electricalDamage / electricalDamageAtFailure) }

    /// Fraction of its individual life `mode` has consumed, 0…1.
    public func lifeConsumed(_ mode: FailureMode) -> Double {
        switch mode {
        case .bearing: bearingWear
        case .insulation: insulationLifeConsumed
        case .electrical: electricalStress
        }
    }

    /// Health score 0…100: 100·Π_m (1 − w_m) over the three modes' consumed life fractions.
    ///
    /// 100 for a new machine, 0 exactly when any mode reaches its failure threshold, and
    /// strictly decreasing in every damage; the product form lets two half-used modes
    /// (25) score worse than one (50). A modelling choice, not a standard.
    public var healthScore: Double {
        100 * (1 - bearingWear) * (1 - insulationLifeConsumed) * (1 - electricalStress)
    }

    /// Broadband RMS vibration on the bearing housing while running, mm/s; 0 when stopped.
    ///
    /// Piecewise exponential in the wear w_b (Gebraeel-type exponential degradation signal,
    /// docs/model-reference.md §Failure and wear): v₀·(v_BC/v₀)^(w/f_on) up to the onset
    /// fraction f_on, where it leaves zone B, then v_BC·(v_f/v_BC)^((w − f_on)/(1 − f_on)) up to
    /// v_f = `vibrationAtFailureFactor`·v_CD (zone D) at failure.
    public var vibration: Double {
        guard isRunning(under: conditions) else { return 0 }
        return runningVibration
    }

    var runningVibration: Double {
        let p = parameters
        let w = bearingWear
        let onset = p.faultOnsetFraction
        let boundary = p.vibrationLimits.zoneBUpper
        if w <= onset { return p.baselineVibration * pow(boundary / p.baselineVibration, w / onset) }
        let atFailure = p.vibrationAtFailureFactor * p.vibrationLimits.zoneCUpper
        return boundary * pow(atFailure / boundary, (w - onset) / (1 - onset))
    }

    /// Electric power drawn under the last conditions, kW (0 when stopped).
    public var power: Double {
        guard isRunning(under: conditions) else { return 0 }
        let p = parameters
        let w = bearingWear
        return conditions.load * p.ratedPower + p.losses(atLoad: conditions.load)
            + p.bearingFrictionLossAtFailure * p.ratedPower * w * w
    }

    /// Frame temperature, °C: T_amb + f_h·(T_hot − T_amb).
    public var housingTemperature: Double {
        let ambient = conditions.ambientTemperature
        return ambient + parameters.housingRiseFraction * (state.hotSpotTemperature - ambient)
    }

    /// All signals at the current instant (conditions of the last span).
    public var signals: MachineSignals {
        let v = vibration
        return MachineSignals(
            power: power, temperature: housingTemperature, hotSpotTemperature: state.hotSpotTemperature,
            vibration: v, vibrationZone: parameters.vibrationLimits.zone(forVelocity: v),
            runtimeHours: state.runtimeSeconds / 3600, healthScore: healthScore, status: state.status,
            running: isRunning(under: conditions))
    }
}
