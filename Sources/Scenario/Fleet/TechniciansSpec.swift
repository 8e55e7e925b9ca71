/// The `technicians` section: the maintenance crew and when it works.
public struct TechniciansSpec: Sendable, Equatable {
    /// Crew size, 1…10,000.
    public var count: Int
    /// Working hours; nil means on duty around the clock.
    public var shift: Shift?

    public init(count: Int, shift: Shift?) {
        self.count = count
        self.shift = shift
    }

    /// A daily shift. Time zero is a Monday at 00:00.
    public struct Shift: Sendable, Equatable {
        /// Hour of day the shift starts, 0…23.99.
        public var startHour: Double
        /// Shift length, hours, 0.25…24.
        public var hours: Double
        /// Whether the crew also works on Saturdays and Sundays.
        public var weekends: Bool

        public init(startHour: Double, hours: Double, weekends: Bool) {
            self.startHour = startHour
            self.hours = hours
            self.weekends = weekends
        }

        /// Whether the crew is on duty at `hours` after time zero.
        public func isOnDuty(atHours t: Double) -> Bool {
            let day = (t / 24).rounded(.down)
            // A shift that runs past midnight started the day before.
            for d in [day - 1, day] where worksOn(day: d) {
                let start = d * 24 + startHour
                if t >= start && t < start + hours { return true }
            }
            return false
        }

        /// The first time after `t` (hours) at which the duty state changes; `.infinity` if it
        /// never does (a 24-hour shift every day).
        public func nextChange(afterHours t: Double) -> Double {
            if hours >= 24 && weekends { return .infinity }
            let now = isOnDuty(atHours: t)
            let day = (t / 24).rounded(.down)
            var best = Double.infinity
            // Shift edges are the only candidates; two weeks of them cover every pattern.
            for d in stride(from: day - 1, through: day + 15, by: 1) where worksOn(day: d) {
                for edge in [d * 24 + startHour, d * 24 + startHour + hours] where edge > t && edge < best {
                    if isOnDuty(atHours: edge) != now { best = edge }
                }
            }
            return best
        }

        /// Monday is day 0 (mod 7); weekdays are 0…4.
        func worksOn(day: Double) -> Bool {
            if weekends { return true }
            let weekday = Int(day.truncatingRemainder(dividingBy: 7) + 7) % 7
            return weekday < 5
        }
    }
}
