extension Double {
    /// Two decimals without Foundation, for the agents' reasoning texts: the same digits on
    /// every platform, so audit logs and their digests are reproducible.
    var formatted2: String {
        guard isFinite else { return "\(self)" }
        let scaled = (self * 100).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Int(abs(scaled))
        let cents = magnitude % 100
        return "\(sign)\(magnitude / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
