/// Electricity accounting per device, room and facility: kWh, energy cost, 15-minute peaks, demand charge.
///
/// Register rooms and devices once, before the run, and keep the integer handles; the hot
/// path `record(handle:powerKW:seconds:atHours:)` then only indexes arrays — no hashing, no string
/// work, and no allocation except one array slot per new 15-minute interval (none at all if
/// `expectedHours` was given). Listing order is registration order, so reports are stable.
///
/// Each recorded step is split at quarter-hour boundaries. Every piece is priced at its start,
/// which is exact for time-of-use windows and real-time steps on whole quarter hours, and its
/// energy is added to the facility's 15-minute interval, from which monthly peaks and the
/// demand charge follow (`DemandCharge`). Simulation hour 0 starts the first interval.
public struct EnergyLedger: Sendable {
    /// A registered room.
    public struct RoomHandle: Sendable, Hashable { public let index: Int }
    /// A registered device.
    public struct DeviceHandle: Sendable, Hashable { public let index: Int }

    /// How energy is priced.
    public let tariff: Tariff
    /// Maps simulation hours to dates for the tariff and billing months.
    public let calendar: SimulationCalendar
    /// The demand charge, if the tariff has one.
    public let demandCharge: DemandCharge?

    /// Room names, in registration order.
    public private(set) var roomNames: [String] = []
    /// Device names, in registration order.
    public private(set) var deviceNames: [String] = []
    /// The room of each device.
    public private(set) var deviceRooms: [RoomHandle] = []
    /// The names registered so far, for the uniqueness checks: searching the name lists made
    /// registering 8 devices in each of 10⁴ rooms quadratic (half of a 4,000-room run's time).
    private var registeredRooms: Set<String> = []
    private var registeredDevices: Set<String> = []
    private var deviceKWh: [Double] = []
    private var deviceCostValues: [Double] = []
    private var roomKWh: [Double] = []
    private var roomCostValues: [Double] = []
    /// Facility energy of each 15-minute interval since hour 0, kWh.
    public private(set) var intervalKWh: [Double] = []
    private var cachedInterval = -1
    private var cachedPrice = 0.0

    /// Creates an empty ledger.
    ///
    /// - Parameters:
    ///   - tariff: energy prices.
    ///   - calendar: the run's calendar.
    ///   - demandCharge: optional monthly demand charge.
    ///   - expectedHours: run length, h, to reserve the interval storage up front.
    public init(tariff: Tariff, calendar: SimulationCalendar, demandCharge: DemandCharge? = nil, expectedHours: Double = 0) {
        self.tariff = tariff
        self.calendar = calendar
        self.demandCharge = demandCharge
        if expectedHours > 0, expectedHours < 1e6 { intervalKWh.reserveCapacity(Int(expectedHours * 4) + 1) }
    }

    /// Registers a room; names must be unique.
    public mutating func registerRoom(_ name: String) throws(ModelInputError) -> RoomHandle {
        guard registeredRooms.insert(name).inserted else {
            throw ModelInputError(code: .inconsistent, quantity: "room name", value: Double(roomNames.count), unit: "",
                                  message: "room '\(name)' is registered twice in the energy ledger")
        }
        roomNames.append(name)
        roomKWh.append(0)
        roomCostValues.append(0)
        return RoomHandle(index: roomNames.count - 1)
    }

    /// Registers a device in a room; device names must be unique.
    public mutating func registerDevice(_ name: String, room: RoomHandle) throws(ModelInputError) -> DeviceHandle {
        guard registeredDevices.insert(name).inserted else {
            throw ModelInputError(code: .inconsistent, quantity: "device name", value: Double(deviceNames.count), unit: "",
                                  message: "device '\(name)' is registered twice in the energy ledger")
        }
        precondition(roomNames.indices.contains(room.index), "room handle from another ledger")
        deviceNames.append(name)
        deviceRooms.append(room)
        deviceKWh.append(0)
        deviceCostValues.append(0)
        return DeviceHandle(index: deviceNames.count - 1)
    }

    /// Records a device drawing constant power over an interval.
    ///
    /// - Parameters:
    ///   - handle: from `registerDevice`.
    ///   - powerKW: electric power, kW, 0–1e5.
    ///   - seconds: duration, s, ≥ 0.
    ///   - atHours: simulation time at the start of the interval, h, ≥ 0.
    public mutating func record(handle: DeviceHandle, powerKW: Double, seconds: Double, atHours: Double)
        throws(ModelInputError) {
        let p = try ModelInputError.check(powerKW, "device power", unit: "kW", in: 0...1e5)
        var remaining = try ModelInputError.check(seconds, "duration", unit: "s", in: 0...1e10) / 3600
        var t = try ModelInputError.check(atHours, "record time", unit: "h", in: 0...1e7)
        // A device that is off books nothing (its demand interval may not exist yet, which is
        // the same as zero).
        guard p > 0 else { return }
        let d = handle.index
        let r = deviceRooms[d].index
        while remaining > 0 {
            let k = Int(t * 4)
            let end = Double(k + 1) * DemandCharge.intervalHours
            let dt = min(remaining, end - t)
            if k != cachedInterval {
                cachedInterval = k
                cachedPrice = tariff.price(atHours: Double(k) * DemandCharge.intervalHours, calendar: calendar)
            }
            while intervalKWh.count <= k { intervalKWh.append(0) }
            let e = p * dt
            let cost = e * cachedPrice
            intervalKWh[k] += e
            deviceKWh[d] += e
            deviceCostValues[d] += cost
            roomKWh[r] += e
            roomCostValues[r] += cost
            remaining -= dt
            t = end
        }
    }

    /// Energy of a device, kWh.
    public func energyKWh(_ device: DeviceHandle) -> Double { deviceKWh[device.index] }
    /// Energy cost of a device, currency.
    public func energyCost(_ device: DeviceHandle) -> Double { deviceCostValues[device.index] }
    /// Energy of a room (sum of its devices), kWh.
    public func energyKWh(_ room: RoomHandle) -> Double { roomKWh[room.index] }
    /// Energy cost of a room, currency.
    public func energyCost(_ room: RoomHandle) -> Double { roomCostValues[room.index] }

    /// Facility energy, kWh (sum over rooms, in registration order).
    public var totalEnergyKWh: Double { roomKWh.reduce(0, +) }
    /// Facility energy cost, currency.
    public var totalEnergyCost: Double { roomCostValues.reduce(0, +) }

    /// Highest 15-minute average facility power of each billing month, in time order.
    public var monthlyPeaks: [DemandCharge.MonthlyPeak] {
        DemandCharge.monthlyPeaks(intervalKWh: intervalKWh, calendar: calendar)
    }

    /// Highest 15-minute average facility power over the run, kW.
    public var peakKW: Double { (intervalKWh.max() ?? 0) / DemandCharge.intervalHours }

    /// Demand charges over all billing months, currency (0 without a demand charge).
    public var demandCost: Double { demandCharge?.charge(for: monthlyPeaks) ?? 0 }

    /// Energy cost plus demand charges, currency.
    public var totalCost: Double { totalEnergyCost + demandCost }

    /// Facility electricity per gram of harvested product, kWh g⁻¹ (docs/model-reference.md
    /// §Energy per gram: an efficient LED cannabis facility at ≈ 650 g m⁻² lands near 0.7–1.2;
    /// the band scales with yield).
    ///
    /// - Parameter yieldGrams: harvested mass, g, > 0.
    public func kWhPerGram(yieldGrams: Double) throws(ModelInputError) -> Double {
        let g = try ModelInputError.check(yieldGrams, "yield", unit: "g", in: 0...1e12)
        guard g > 0 else {
            throw ModelInputError(code: .outOfRange, quantity: "yield", value: g, unit: "g", validRange: 0...1e12,
                                  message: "kWh per gram needs a yield above 0 g")
        }
        return totalEnergyKWh / g
    }
}
