/// What a room used, kept for the energy-opportunity analysis: per simulated day its lit hours,
/// lighting energy and what that energy cost; over the run its cooling utilisation.
struct RoomUsage {
    struct Day {
        var litHours = 0.0
        var lightingKWh = 0.0
        var lightingCost = 0.0
    }

    private(set) var days: [Day] = []
    /// Σ cooling command × hours, and the hours counted.
    private(set) var coolingCommandHours = 0.0
    private(set) var hours = 0.0
    /// The largest cooling command of any step, 0…1.
    private(set) var peakCoolingCommand = 0.0

    mutating func record(day: Int, lampKW: Double, coolingCommand: Double, hours stepHours: Double, price: Double) {
        hours += stepHours
        coolingCommandHours += coolingCommand * stepHours
        peakCoolingCommand = max(peakCoolingCommand, coolingCommand)
        guard lampKW > 0 else { return }
        while days.count <= day { days.append(Day()) }
        days[day].litHours += stepHours
        days[day].lightingKWh += lampKW * stepHours
        days[day].lightingCost += lampKW * stepHours * price
    }

    /// Mean cooling command over the run, 0…1: the unit's utilisation.
    var coolingUtilisation: Double { hours > 0 ? coolingCommandHours / hours : 0 }
}
