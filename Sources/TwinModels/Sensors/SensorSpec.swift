/// The error model of one measuring channel: noise, bias, drift, quantisation, sampling,
/// range clamping, dropouts and stuck-at faults.
///
/// A measured sample is built from the true value x at time t (s) as
///
///     m = clamp(quantise(x + bias + d(t) + σ(x)·z), validRange)
///     σ(x) = noiseSD + relativeNoiseSD·|x|,   z ~ N(0, 1)
///     d(t) = driftPerDay·(t − t_cal)/86 400 + W(t),   W a random walk with SD driftRandomWalkSDPerDay·√days
///
/// The additive-plus-proportional noise mirrors how datasheets state accuracy for NDIR CO₂
/// and quantum sensors ("±(30 ppm + 3 % of reading)"). Quantisation is round-to-nearest on a
/// grid of `resolution`; clamping to `validRange` is what a 4–20 mA or Modbus transmitter does
/// at the ends of its span. Dropouts and stuck values are two-state Markov chains on the sample
/// grid (see `Sensor` for the exact transition rules and the stationary dropout fraction).
///
/// Typical values for a grow room (used by the presets; datasheet figures are quoted from the
/// manufacturers' public data sheets, from memory, and should be checked before calibrating a
/// particular installation):
/// - Air temperature, Sensirion SHT31/SHT35 class: accuracy about ±0.2 °C, long-term drift
///   below 0.03 °C per year, 16-bit output (0.01 °C is plenty), span −40…125 °C.
/// - Relative humidity, same sensors: accuracy ±2 % RH (SHT31), repeatability 0.2 % RH (3σ),
///   long-term drift below 0.25 % RH per year, span 0…100 %. Polymer RH sensors drift faster
///   in warm, humid, VOC-laden rooms, so the preset doubles the datasheet figure.
/// - CO₂, NDIR (Sensirion SCD30 class, ±(30 ppm + 3 % of reading); industrial probes such
///   as the Vaisala GMP252 are of the same order and specify their stability in ppm or % of
///   reading per year), span 0…10 000 ppm.
/// - PPFD, silicon quantum sensor (Apogee SQ-500 class): calibration uncertainty about ±5 %,
///   drift below 2 % per year, span 0…4000 µmol m⁻² s⁻¹.
///
/// The presets treat a stated accuracy "±a" as about 2σ of the sample-to-sample error a
/// controller sees (noise SD = a/2) and leave `bias` at 0: a scenario that wants unit-to-unit
/// calibration spread sets `bias` per sensor (draw it from N(0, a/2) with the sensor's own
/// stream). Dropout and stuck rates are engineering assumptions (no published field rates for
/// grow rooms): one short communication gap every few days, one stuck episode per year.
public struct SensorSpec: Sendable, Equatable, Hashable {
    /// Name of the measured quantity, e.g. `"air temperature"` (used in labels and errors).
    public var quantity: String
    /// Unit of the value and of every additive parameter below, e.g. `"°C"`.
    public var unit: String
    /// Additive Gaussian noise standard deviation, `unit`, ≥ 0.
    public var noiseSD: Double
    /// Noise standard deviation proportional to |true value|, dimensionless fraction, 0…1.
    public var relativeNoiseSD: Double
    /// Constant offset added to every sample, `unit` (calibration error).
    public var bias: Double
    /// Deterministic linear drift, `unit` per day, counted from the last calibration.
    public var driftPerDay: Double
    /// Random-walk drift: standard deviation of the walk's increment over one day, `unit`, ≥ 0
    /// (after n days the walk's SD is this value times √n).
    public var driftRandomWalkSDPerDay: Double
    /// Quantisation step, `unit`, ≥ 0; 0 means no quantisation.
    public var resolution: Double
    /// Sampling period, s, ≥ 0. Reads sooner than this after the last sample return the held
    /// previous reading (sample-and-hold); 0 samples on every read.
    public var samplingPeriodSeconds: Double
    /// The transmitter's span, `unit`; samples are clamped into it. Bounds may be infinite.
    public var validRange: ClosedRange<Double>
    /// Probability, per sample taken while not already in a dropout, that a dropout episode
    /// starts, 0…1.
    public var dropoutProbability: Double
    /// Mean dropout length, samples, ≥ 1 (geometric lengths: each further sample ends the
    /// episode with probability 1/meanDropoutLength).
    public var meanDropoutLength: Double
    /// Stuck-at fault rate, episodes per day of operation, ≥ 0 (Poisson hazard).
    public var stuckRatePerDay: Double
    /// Mean stuck-episode duration, h, > 0 (exponential, resolved on the sample grid).
    public var meanStuckHours: Double
    /// |drift| above which a `.driftBeyondThreshold` fault episode is recorded, `unit`, ≥ 0;
    /// 0 disables drift labelling.
    public var driftFaultThreshold: Double

    /// A spec with every error source given explicitly; the defaults describe an ideal channel.
    public init(
        quantity: String,
        unit: String,
        noiseSD: Double = 0,
        relativeNoiseSD: Double = 0,
        bias: Double = 0,
        driftPerDay: Double = 0,
        driftRandomWalkSDPerDay: Double = 0,
        resolution: Double = 0,
        samplingPeriodSeconds: Double = 0,
        validRange: ClosedRange<Double> = -Double.infinity...Double.infinity,
        dropoutProbability: Double = 0,
        meanDropoutLength: Double = 1,
        stuckRatePerDay: Double = 0,
        meanStuckHours: Double = 1,
        driftFaultThreshold: Double = 0
    ) {
        self.quantity = quantity
        self.unit = unit
        self.noiseSD = noiseSD
        self.relativeNoiseSD = relativeNoiseSD
        self.bias = bias
        self.driftPerDay = driftPerDay
        self.driftRandomWalkSDPerDay = driftRandomWalkSDPerDay
        self.resolution = resolution
        self.samplingPeriodSeconds = samplingPeriodSeconds
        self.validRange = validRange
        self.dropoutProbability = dropoutProbability
        self.meanDropoutLength = meanDropoutLength
        self.stuckRatePerDay = stuckRatePerDay
        self.meanStuckHours = meanStuckHours
        self.driftFaultThreshold = driftFaultThreshold
    }

    /// Long-run fraction of samples lost to dropouts, pL/(1 + pL) with p =
    /// `dropoutProbability` and L = `meanDropoutLength` (≈ pL when pL ≪ 1).
    public var expectedDropoutFraction: Double {
        let pl = dropoutProbability * meanDropoutLength
        return pl / (1 + pl)
    }

    /// Checks every parameter against its documented range.
    ///
    /// - Throws: `ModelInputError` naming the first invalid parameter.
    public func validate() throws(ModelInputError) {
        let big = Double.greatestFiniteMagnitude
        _ = try ModelInputError.check(noiseSD, "\(quantity) sensor noise SD", unit: unit, in: 0...big)
        _ = try ModelInputError.check(relativeNoiseSD, "\(quantity) sensor relative noise SD", unit: "1", in: 0...1)
        _ = try ModelInputError.check(bias, "\(quantity) sensor bias", unit: unit, in: -big...big)
        _ = try ModelInputError.check(driftPerDay, "\(quantity) sensor drift", unit: "\(unit)/d", in: -big...big)
        _ = try ModelInputError.check(
            driftRandomWalkSDPerDay, "\(quantity) sensor drift random-walk SD", unit: "\(unit)/√d", in: 0...big)
        _ = try ModelInputError.check(resolution, "\(quantity) sensor resolution", unit: unit, in: 0...big)
        _ = try ModelInputError.check(samplingPeriodSeconds, "\(quantity) sensor sampling period", unit: "s", in: 0...big)
        if validRange.lowerBound.isNaN || validRange.upperBound.isNaN {
            throw ModelInputError(code: .notFinite, quantity: "\(quantity) sensor valid range", value: .nan, unit: unit)
        }
        _ = try ModelInputError.check(dropoutProbability, "\(quantity) sensor dropout probability", unit: "1", in: 0...1)
        _ = try ModelInputError.check(meanDropoutLength, "\(quantity) sensor mean dropout length", unit: "samples", in: 1...big)
        _ = try ModelInputError.check(stuckRatePerDay, "\(quantity) sensor stuck rate", unit: "1/d", in: 0...big)
        _ = try ModelInputError.check(
            meanStuckHours, "\(quantity) sensor mean stuck duration", unit: "h", in: Double.leastNormalMagnitude...big)
        _ = try ModelInputError.check(driftFaultThreshold, "\(quantity) sensor drift fault threshold", unit: unit, in: 0...big)
    }
}
