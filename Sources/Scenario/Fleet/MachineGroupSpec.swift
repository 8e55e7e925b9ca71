import TwinModels

/// One `fleet.machines[]` entry: `count` identical machines of one kind under one operating
/// scenario.
///
/// The preset (`MachineScenarioPreset`) gives load, cooling, bearing wear multiplier and initial
/// bearing wear; each may be overridden field by field.
public struct MachineGroupSpec: Sendable, Equatable {
    /// Prefix of the machine ids (`<prefix>-1`, `<prefix>-2`, …).
    public var idPrefix: String
    public var kind: MachineKind
    /// Machines in the group, 1…10,000.
    public var count: Int
    public var preset: MachineScenarioPreset
    /// Air around the machines, °C (−40…60).
    public var ambientTemperature: Double
    /// Shaft load, × rated (0…2); nil takes the preset's.
    public var load: Double?
    /// Fraction of nominal cooling (0…1); nil takes the preset's.
    public var coolingFactor: Double?
    /// Bearing damage-rate multiplier (0.1…100); nil takes the preset's.
    public var bearingWearMultiplier: Double?
    /// Fraction of the bearings' individual life used at the start (0…0.99); nil takes the
    /// preset's.
    public var initialBearingWear: Double?

    public init(idPrefix: String, kind: MachineKind, count: Int, preset: MachineScenarioPreset = .normal,
                ambientTemperature: Double = 25, load: Double? = nil, coolingFactor: Double? = nil,
                bearingWearMultiplier: Double? = nil, initialBearingWear: Double? = nil) {
        self.idPrefix = idPrefix
        self.kind = kind
        self.count = count
        self.preset = preset
        self.ambientTemperature = ambientTemperature
        self.load = load
        self.coolingFactor = coolingFactor
        self.bearingWearMultiplier = bearingWearMultiplier
        self.initialBearingWear = initialBearingWear
    }

    /// The machines' operating conditions: the preset's with the overrides applied.
    public func conditions() throws(ModelInputError) -> OperatingConditions {
        let base = try preset.conditions(ambientTemperature: ambientTemperature)
        return try OperatingConditions(
            load: load ?? base.load, ambientTemperature: ambientTemperature,
            coolingFactor: coolingFactor ?? base.coolingFactor,
            bearingWearMultiplier: bearingWearMultiplier ?? base.bearingWearMultiplier)
    }

    /// The id of the group's `index`-th machine (0-based).
    public func machineID(_ index: Int) -> String { "\(idPrefix)-\(index + 1)" }
}
