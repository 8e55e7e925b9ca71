/// The kinds of rotating equipment the twin models: industrial machines and the facility's own
/// HVAC and water-handling drives.
///
/// Every kind is an induction-motor drive with rolling bearings; the kind selects a parameter
/// preset (`MachineParameters.preset(for:)`) and nothing else, so a scenario can describe an
/// unusual machine by overriding preset fields.
public enum MachineKind: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    /// A centrifugal pump on a 4-pole motor (irrigation, chilled water).
    case pump
    /// A general-purpose motor drive.
    case motor
    /// A large screw or centrifugal compressor (chiller, compressed air).
    case compressor
    /// A belt conveyor on a geared motor (post-harvest line).
    case conveyor
    /// An air-handling fan.
    case fan
    /// A stand-alone dehumidifier (hermetic refrigerant compressor plus fan).
    case dehumidifier
}
