import TwinModels
import Scenario

/// Builds a room's crop from its scenario entry.
///
/// Plants that enter a room part-way through their life (a flower room receives plants at the
/// end of veg) are grown to that stage first under standard nursery conditions — the
/// stage's PPFD spread over its photoperiod at 25 °C, 800 ppm and 1.0 kPa leaf VPD — so
/// their leaf area and biomass are what the earlier rooms would have produced.
enum CropFactory {
    /// Nursery PPFD by stage, µmol m⁻² s⁻¹ (docs/model-reference.md §Cannabis stage table:
    /// propagation 100–300, veg 300–600).
    static func nurseryPPFD(_ stage: CropStage) -> Double {
        switch stage {
        case .propagation: 200
        case .vegetative: 500
        default: 900
        }
    }

    /// A new crop for `spec`; `replanting` skips the scenario's `start_day` offset.
    static func make(_ spec: CropSpec, replanting: Bool = false) throws -> (any Crop)? {
        switch spec.kind {
        case .none:
            return nil
        case .lettuce:
            var parameters = LettuceCropParameters()
            if let days = spec.stageDays["growing"] { parameters.plannedDays = days }
            var crop = try LettuceCrop(parameters: parameters)
            if !replanting { try grow(&crop, days: spec.startDay) }
            return crop
        case .cannabis:
            var parameters = CannabisParameters()
            if let pce = spec.photonConversionEfficiency { parameters.photonConversionEfficiency = pce }
            if let days = spec.stageDays["propagation"] { parameters.propagationDays = days }
            if let days = spec.stageDays["vegetative"] { parameters.vegetativeDays = days }
            if let days = spec.stageDays["flowering"] { parameters.floweringDays = days }
            if let t = spec.optimumTemperature { parameters.optimumTemperature = t }
            if let t = spec.maximumTemperature { parameters.maximumTemperature = t }
            var crop = try CannabisCrop(parameters: parameters)
            let target = CropStage(rawValue: spec.startStage) ?? .flowering
            var guardDays = 0
            while crop.stage != target, guardDays < 400 {
                try grow(&crop, days: 1)
                guardDays += 1
            }
            if !replanting { try grow(&crop, days: spec.startDay) }
            return crop
        }
    }

    /// Advances `crop` by `days` in one-hour steps under nursery conditions for its stage.
    static func grow<C: Crop>(_ crop: inout C, days: Double) throws {
        var remaining = days * 86_400
        while remaining > 0 {
            let step = min(3600, remaining)
            let hours = crop.scheduledPhotoperiodHours
            try crop.advance(seconds: step, conditions: CanopyConditions(
                ppfd: nurseryPPFD(crop.stage) * hours / 24, canopyTemperature: 25, co2: 800, leafVPD: 1.0,
                photoperiodHours: hours))
            remaining -= step
        }
    }
}
