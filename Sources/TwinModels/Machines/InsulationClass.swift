/// Thermal class of a winding's insulation system and its hot-spot temperature limit.
///
/// Limits are the thermal-class temperatures of IEC 60085, which IEC 60034-1 applies to
/// rotating machines: B 130 °C, F 155 °C, H 180 °C. At the class temperature the insulation
/// reaches its reference life (`MachineParameters.insulationReferenceLifeHours`).
public enum InsulationClass: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case b = "B"
    case f = "F"
    case h = "H"

    /// Hot-spot temperature limit, °C (IEC 60085 thermal class).
    public var hotSpotLimit: Double {
        switch self {
        case .b: 130
        case .f: 155
        case .h: 180
        }
    }
}
