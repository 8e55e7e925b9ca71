/// The order of events that fall on the same tick: lower values run first.
///
/// Ties in time are broken by priority and then by the sequence number the event got
/// when it was scheduled, so no two events ever compare equal (docs/design.md). Interrupts
/// use `.urgent`, like SimPy's `URGENT`, so a process learns of an interruption before
/// anything else happens at that instant.
public struct EventPriority: Hashable, Comparable, Sendable, Codable {
    public var rawValue: UInt8

    @inlinable public init(_ rawValue: UInt8) { self.rawValue = rawValue }

    /// Interrupts and other kernel bookkeeping that must precede ordinary events.
    @inlinable public static var urgent: EventPriority { EventPriority(0) }
    /// Before ordinary events at the same instant (e.g. a controller that must see a state first).
    @inlinable public static var high: EventPriority { EventPriority(64) }
    /// The default for timeouts, wake-ups and scheduled actions.
    @inlinable public static var normal: EventPriority { EventPriority(128) }
    /// After ordinary events at the same instant (e.g. end-of-instant sampling and recording).
    @inlinable public static var low: EventPriority { EventPriority(192) }

    @inlinable public static func < (a: EventPriority, b: EventPriority) -> Bool { a.rawValue < b.rawValue }
}
