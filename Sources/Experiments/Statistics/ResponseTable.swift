/// One response's observations as a variant × seed grid, seeds ascending, NaN where a run is missing.
///
/// Fixing the seed order (ascending) fixes the order of every sum, so the statistics do not
/// depend on the order the observations arrived in; the grid makes pairing by seed (common
/// random numbers) a matter of walking two rows side by side.
struct ResponseTable {
    let variantCount: Int
    let seedCount: Int
    /// Row v holds variant v's values at seeds[0..<seedCount]; NaN marks no finite observation.
    var values: [Double]

    init(variants: Int, seeds: Int) {
        variantCount = variants
        seedCount = seeds
        values = Array(repeating: .nan, count: variants * seeds)
    }

    subscript(variant: Int, seed: Int) -> Double {
        get { values[variant * seedCount + seed] }
        set { values[variant * seedCount + seed] = newValue }
    }

    /// Variant v's finite values in seed order.
    func row(_ variant: Int) -> [Double] {
        values[variant * seedCount ..< (variant + 1) * seedCount].filter { !$0.isNaN }
    }

    /// x_v,s − x_w,s for every seed s at which both variants have a value, in seed order.
    func pairedDifferences(_ v: Int, minus w: Int) -> [Double] {
        var differences: [Double] = []
        differences.reserveCapacity(seedCount)
        for s in 0..<seedCount {
            let a = self[v, s], b = self[w, s]
            if !a.isNaN, !b.isNaN { differences.append(a - b) }
        }
        return differences
    }
}
