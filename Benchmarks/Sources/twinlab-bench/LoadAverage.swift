#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine's 1-minute load average, recorded with each result because the host is shared.
enum LoadAverage {
    static var oneMinute: Double {
        var loads = [0.0, 0.0, 0.0]
        return getloadavg(&loads, 3) >= 1 ? loads[0] : .nan
    }
}
