import Foundation
import SimKernel
import TwinModels
import Control
import Scenario

/// One room of a running facility: its climate state, crop, lights, equipment, sensors and
/// controller, stepped by the facility every control period.
///
/// A class because the kernel's continuous component and the facility's step share it.
final class GrowRoom {
    let spec: RoomSpec
    // Copies of the scenario fields read every step: reading them through `spec` would copy
    // the whole RoomSpec (strings and all) each time.
    let canopyArea: Double
    let lighting: LightingSpec
    let setpointOverrides: SetpointOverrides
    let climate: RoomClimate
    let component: ContinuousComponent
    let fixture: LightingFixture
    // A run is single-threaded: stored properties skip the dynamic exclusivity checks,
    // which cost more than the work they guard (docs/kernel.md).
    @exclusivity(unchecked) var equipment: RoomEquipment
    /// The crop; mutated in place (an observer here would copy it out and back on every change).
    /// Call ``refreshCropView()`` after changing it.
    @exclusivity(unchecked) var crop: (any Crop)?
    /// The crop's state as of the last step, read once per step through the existential so
    /// that everything else reads plain stored values.
    @exclusivity(unchecked) private(set) var cropView = CropView()
    @exclusivity(unchecked) var controller: BaselineClimateController
    @exclusivity(unchecked) var interlock: LightingInterlock
    /// The independent high-CO₂ monitor on the dosing valve.
    @exclusivity(unchecked) var co2Cutout: CO2SafetyCutout
    /// The scenario's alert and interlock rules over this room's channels (nil without rules).
    @exclusivity(unchecked) var rules: RuleEngine?
    /// The channels the rules read, in the engine's signal order, and a buffer for their values.
    let ruleChannels: [RoomChannel]
    @exclusivity(unchecked) var ruleValues: [Double]
    /// The rules' action target for the lamps, if any rule has one.
    let lightsTarget: Int?
    @exclusivity(unchecked) var temperatureSensor: Sensor
    @exclusivity(unchecked) var humiditySensor: Sensor
    @exclusivity(unchecked) var co2Sensor: Sensor
    /// The stage a propagation or veg room hosts; plants leave when they outgrow it. Nil for
    /// rooms that keep their crop to harvest.
    let nurseryStage: CropStage?
    /// Fraction of the fixtures working (a lighting fault dims the room).
    @exclusivity(unchecked) var lightingAvailability = 1.0
    /// Root-zone water-stress coefficient Ks handed to the crop, 0…1; stays 1 unless an
    /// irrigation pump (`RoomMachines`) has been down long enough for the substrate to dry.
    @exclusivity(unchecked) var waterStress = 1.0
    /// Power multipliers of the devices driven by worn machines; nil without room machines.
    @exclusivity(unchecked) var machinePowerFactors: RoomMachinePowerFactors?

    /// The room's account in the facility's energy ledger.
    @exclusivity(unchecked) var ledgerRoom: EnergyLedger.RoomHandle?
    /// Buffers this room's device energy for the ledger (one ledger device per
    /// ``RoomEquipment/Device``, in its order).
    @exclusivity(unchecked) var booking = EnergyBooking(handles: [], controlPeriodSeconds: 60)
    @exclusivity(unchecked) var cachedPhotoperiod: Photoperiod?
    /// What an optimizer or agent has changed on top of the baseline (nothing by default).
    @exclusivity(unchecked) var policy = RoomPolicy()

    // The last step, for recording and KPIs.
    @exclusivity(unchecked) var command = ClimateCommand.off
    @exclusivity(unchecked) var outputs = RoomEquipment.Outputs()
    @exclusivity(unchecked) var lampPower = 0.0
    @exclusivity(unchecked) var ppfd = 0.0
    @exclusivity(unchecked) var lightsOn = false
    @exclusivity(unchecked) var observation = ClimateObservation(lightsOn: false)
    @exclusivity(unchecked) var setpoints: ClimateSetpoints
    /// The stage's fixed reference climate, for scoring (``referenceBand()``).
    @exclusivity(unchecked) var scoringBand: ClimateSetpoints
    @exclusivity(unchecked)
    var outdoor = WeatherSample(temperature: 15, relativeHumidity: 70, globalRadiation: 0, co2: 420, windSpeed: 0)

    // Harvest accounting.
    @exclusivity(unchecked) var harvestedGrams = 0.0
    @exclusivity(unchecked) var harvests = 0
    /// Flower mass the harvested crops lost to temperature and VPD stress, g (whole canopy).
    @exclusivity(unchecked) var stressLossGrams = 0.0
    /// The part of it lost to root-zone water stress, g (whole canopy).
    @exclusivity(unchecked) var waterStressLossGrams = 0.0
    /// Lighting by day and cooling utilisation, for the energy-opportunity analysis.
    @exclusivity(unchecked) var usage = RoomUsage()
    /// Light delivered to the canopy, for DLI.
    @exclusivity(unchecked) var dli = DLIAccumulator()
    @exclusivity(unchecked) var co2InjectedKg = 0.0
    @exclusivity(unchecked) var waterRemovedKg = 0.0
    /// BOPTEST-style integrals: temperature outside setpoint ± 2 °C, K·h.
    @exclusivity(unchecked) var kpis: ClimateKPIAccumulator
    /// Time with the air VPD more than 0.3 kPa off its target, s.
    @exclusivity(unchecked) var vpdOffTargetSeconds = 0.0
    /// Discomfort by light phase and actuator travel.
    @exclusivity(unchecked) var phaseKPIs = RoomPhaseKPIs()

    init(spec: RoomSpec, streams: RandomStreams, physicsStep: SimTime, rules ruleSpecs: [RuleSpec]) throws {
        self.spec = spec
        canopyArea = spec.canopyArea
        lighting = spec.lighting
        setpointOverrides = spec.setpoints
        var parameters = RoomParameters(floorArea: spec.floorArea, height: spec.height, canopyArea: spec.canopyArea)
        if let u = spec.envelopeUValue {
            parameters.envelopeConductance = u * (spec.floorArea + 4 * spec.floorArea.squareRoot() * spec.height)
        }
        parameters.infiltrationACH = spec.infiltrationACH
        climate = try RoomClimate(parameters: parameters)
        component = try ContinuousComponent(
            name: "\(spec.id)/climate", system: climate,
            initialState: climate.initialState(temperature: spec.initialTemperature,
                                               relativeHumidity: spec.initialRelativeHumidity, co2: spec.initialCO2),
            integrator: .rk4(step: physicsStep))
        fixture = try LightingFixture(lampType: spec.lighting.lamp == .led ? .led : .hps, efficacy: spec.lighting.efficacy,
                                      maximumPPFD: spec.lighting.maximumPPFD)
        equipment = try RoomEquipment(spec: spec.hvac)
        crop = try CropFactory.make(spec.crop)
        let start = CropStage(rawValue: spec.crop.startStage)
        nurseryStage = spec.crop.kind == .cannabis && (start == .propagation || start == .vegetative) ? start : nil
        let ideal = spec.sensors == "ideal"
        temperatureSensor = try Sensor(spec: ideal ? .ideal(quantity: "air temperature", unit: "°C") : .airTemperature,
                                       stream: streams.stream("\(spec.id)/sensor/air_temperature"))
        humiditySensor = try Sensor(spec: ideal ? .ideal(quantity: "relative humidity", unit: "%") : .relativeHumidity,
                                    stream: streams.stream("\(spec.id)/sensor/relative_humidity"))
        co2Sensor = try Sensor(spec: ideal ? .ideal(quantity: "CO2", unit: "ppm") : .co2,
                               stream: streams.stream("\(spec.id)/sensor/co2"))
        setpoints = ClimateSetpoints.floweringEarly
        scoringBand = ClimateSetpoints.floweringEarly
        controller = try BaselineClimateController()
        interlock = try LightingInterlock()
        co2Cutout = try CO2SafetyCutout(tripLevel: spec.hvac.co2CutoutPPM)
        var used: [RoomChannel] = []
        for rule in ruleSpecs {
            if let channel = RoomChannel(rawValue: rule.signal), !used.contains(channel) { used.append(channel) }
        }
        ruleChannels = used
        ruleValues = Array(repeating: .nan, count: used.count)
        rules = ruleSpecs.isEmpty ? nil : try RuleEngine(signals: used.map(\.rawValue), rules: ruleSpecs)
        lightsTarget = rules?.targetIndex(of: "lights")
        kpis = try ClimateKPIAccumulator(floorArea: spec.floorArea)
        refreshCropView()
        scoringBand = referenceBand()
        setpoints = stageSetpoints()
    }

    // MARK: State

    var airTemperature: Double { component.y[RoomClimate.Index.airTemperature] }
    var canopyTemperature: Double { component.y[RoomClimate.Index.canopyTemperature] }
    var vapourPressure: Double {
        AirProperties.vapourPressure(density: component.y[RoomClimate.Index.vapourDensity], celsius: airTemperature)
    }
    var relativeHumidity: Double { 100 * vapourPressure / AirProperties.saturationPressure(celsius: airTemperature) }
    var co2: Double {
        AirProperties.co2PPM(density: component.y[RoomClimate.Index.co2Density], celsius: airTemperature,
                             pressure: climate.parameters.pressure)
    }
    /// Air VPD, kPa.
    var airVPD: Double { (AirProperties.saturationPressure(celsius: airTemperature) - vapourPressure) / 1000 }
    /// Leaf VPD, kPa.
    var leafVPD: Double { leafVPD(canopyTemperature: canopyTemperature) }
    /// Leaf VPD of leaves at `canopyTemperature` °C in the room's air, kPa.
    func leafVPD(canopyTemperature: Double) -> Double {
        (AirProperties.saturationPressure(celsius: canopyTemperature) - vapourPressure) / 1000
    }
    /// Canopy temperature had the stomata responded to `stomatalCO2` ppm instead of the room's CO₂, °C.
    func referenceCanopyTemperature(stomatalCO2: Double) -> Double {
        component.y.withUnsafeBufferPointer { climate.referenceCanopyTemperature(state: $0, stomatalCO2: stomatalCO2) }
    }
    /// Dew point of the room air, °C (inverse of the Magnus form used for saturation).
    var dewPoint: Double {
        let x = log(max(vapourPressure, 1e-3) / 610.78)
        return 238.3 * x / (17.2694 - x)
    }
    /// Whole-room transpiration now, kg s⁻¹.
    var transpirationRate: Double {
        component.y.withUnsafeBufferPointer { climate.transpiration(state: $0) } * canopyArea
    }
    var air: AirState {
        AirState(temperature: airTemperature, vapourDensity: component.y[RoomClimate.Index.vapourDensity],
                 pressure: climate.parameters.pressure)
    }

    // MARK: Schedule

    /// Photoperiod hours for the crop's current stage unless the scenario fixes them.
    var photoperiodHours: Double {
        if let hours = lighting.hoursOn { return hours }
        return cropView.photoperiodHours
    }

    /// Target PPFD for the current stage unless the scenario fixes it, µmol m⁻² s⁻¹.
    var targetPPFD: Double {
        let cap = lighting.maximumPPFD
        if let ppfd = lighting.ppfd { return ppfd }
        switch cropView.stage {
        case .propagation?: return min(cap, 200)
        case .vegetative?: return min(cap, 500)
        case .growing?: return min(cap, 250)
        case .flowering?: return cap
        case .harvestReady?, nil: return 0
        }
    }

    /// The stage's climate setpoints with the scenario's overrides and the policy's changes applied.
    func stageSetpoints() -> ClimateSetpoints {
        var s = baselineSetpoints()
        s.dayTemperature += policy.temperatureOffset
        s.nightTemperature += policy.nightTemperatureOffset
        if let c = policy.co2Target { s.co2LightsOn = c }
        s.dayVPD += policy.vpdOffset
        s.nightVPD += policy.vpdOffset
        return s
    }

    /// The fixed reference climate of the crop's current stage: the band comfort and compliance
    /// are scored against (docs/scenario-format.md, "Stage setpoints and comfort bands").
    ///
    /// Neither the scenario's setpoint overrides nor a policy move it, so variants with
    /// different setpoints are scored against the same band and compare fairly. Between crops
    /// (harvested, not replanted) the last band stays.
    func referenceBand() -> ClimateSetpoints {
        switch cropView.stage {
        case .propagation?: .propagation
        case .vegetative?: .vegetative
        case .growing?: .lettuce
        case .flowering?: cropView.daysToHarvest > 21 ? .floweringEarly : .floweringLate
        case .harvestReady?, nil: scoringBand
        }
    }

    /// The stage's climate setpoints with the scenario's overrides: what the baseline
    /// controller holds before any policy.
    func baselineSetpoints() -> ClimateSetpoints {
        var s = referenceBand()
        if let t = setpointOverrides.dayTemperature { s.dayTemperature = t }
        if let t = setpointOverrides.nightTemperature { s.nightTemperature = t }
        if let v = setpointOverrides.vpd { s.dayVPD = v; s.nightVPD = v }
        if let c = setpointOverrides.co2 { s.co2LightsOn = c }
        s.dayTemperature += setpointOverrides.dayTemperatureOffset
        s.nightTemperature += setpointOverrides.nightTemperatureOffset
        return s
    }
}

extension GrowRoom {
    /// Sets the remaining capacity of a device (a fault) or restores it (a repair).
    func setAvailability(_ value: Double, of device: RoomEquipment.Device) {
        if device == .lighting {
            lightingAvailability = value
        } else {
            equipment.setAvailability(value, of: device)
        }
    }
}

/// What the room reads from its crop each step (units as in ``Crop``).
struct CropView {
    var stage: CropStage?
    var photoperiodHours = 0.0
    var daysToHarvest = 0.0
    var leafAreaIndex = 0.0
    var netCO2Uptake = 0.0
    var harvestableDryMass = 0.0
    var totalDryMass = 0.0
    var stomatalReferenceCO2: Double?
}

extension GrowRoom {
    /// Reads the crop once into ``cropView``; called whenever the crop changes.
    func refreshCropView() {
        cropView = crop?.view ?? CropView()
    }
}

extension Crop {
    /// All the values a room reads, in one call on the opened existential.
    var view: CropView {
        CropView(stage: stage, photoperiodHours: scheduledPhotoperiodHours, daysToHarvest: daysToHarvest,
                 leafAreaIndex: leafAreaIndex, netCO2Uptake: netCO2Uptake, harvestableDryMass: harvestableDryMass,
                 totalDryMass: totalDryMass, stomatalReferenceCO2: stomatalReferenceCO2)
    }
}
