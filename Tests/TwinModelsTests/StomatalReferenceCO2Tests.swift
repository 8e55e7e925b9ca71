import Testing
import SimKernel
import TwinModels

/// The canopy at the reference CO₂'s stomatal resistance (RoomClimate) and the cannabis stress
/// curves that read it (CanopyConditions, CannabisCrop): elevated CO₂ closes stomata and warms
/// the leaves in the room, but the crop's temperature and VPD factors see the leaves as they
/// would be at the reference CO₂, since its CO₂ response already includes the closure.
@Suite("Stomatal reference CO₂")
struct StomatalReferenceCO2Tests {
    /// A 130 m² flower room, lit at ≈ 1000 µmol m⁻² s⁻¹ from HPS-like lamps, LAI 4, settled for an hour
    /// from 25 °C and 55 % at `co2` ppm.
    static func litRoom(co2: Double) throws -> (RoomClimate, [Double]) {
        let room = try RoomClimate(parameters: RoomParameters(floorArea: 130, height: 4, canopyArea: 100))
        var inputs = RoomInputs()
        let power = 60_000.0
        inputs.lampPAR = 0.3 * power
        inputs.lampNIR = 0.2 * power
        inputs.lampConvective = 0.2 * power
        inputs.lampLongwave = 0.3 * power
        inputs.leafAreaIndex = 4
        // Cooling that holds the air near 25 °C against the lamps, so the canopy has a steady air to sit in.
        inputs.sensibleHeat = -0.75 * power
        inputs.outdoorTemperature = 25
        room.update(inputs)
        let start = room.initialState(temperature: 25, relativeHumidity: 55, co2: co2)
        let component = try ContinuousComponent(name: "room", system: room, initialState: start,
                                                integrator: .rk4(step: .seconds(10 as Int64)))
        try component.advance(to: .seconds(600 as Int64))
        return (room, component.y)
    }

    @Test("at the room's own CO₂ the reference canopy temperature is the state's canopy temperature, exactly")
    func identityAtRoomCO2() throws {
        let (room, y) = try Self.litRoom(co2: 1200)
        let co2 = AirProperties.co2PPM(density: y[RoomClimate.Index.co2Density], celsius: y[RoomClimate.Index.airTemperature],
                                       pressure: room.parameters.pressure)
        let t = y.withUnsafeBufferPointer { room.referenceCanopyTemperature(state: $0, stomatalCO2: co2) }
        #expect(t == y[RoomClimate.Index.canopyTemperature])
    }

    @Test("enriched to 1200 ppm, the leaves at the 400 ppm stomatal resistance are cooler, by what 400 ppm itself gives")
    func enrichedCanopyIsWarmerThanReference() throws {
        let (enriched, y) = try Self.litRoom(co2: 1200)
        let (_, z) = try Self.litRoom(co2: 400)
        let tc = y[RoomClimate.Index.canopyTemperature]
        let reference = y.withUnsafeBufferPointer { enriched.referenceCanopyTemperature(state: $0, stomatalCO2: 400) }
        // Closure at 1200 ppm (rf_CO2 = 1.5 against 1.024 at 400) warms the lit canopy by several tenths of a kelvin.
        print("canopy at 1200 ppm \(tc) °C, at the 400 ppm stomatal resistance \(reference) °C")
        #expect(tc - reference > 0.3 && tc - reference < 3)
        // The 400 ppm room's own canopy, in nearly the same air, lands at the same temperature.
        let ambientCanopy = z[RoomClimate.Index.canopyTemperature]
        let airGap = y[RoomClimate.Index.airTemperature] - z[RoomClimate.Index.airTemperature]
        #expect(abs(reference - ambientCanopy) < 0.1 + abs(airGap), "\(reference) vs \(ambientCanopy)")
    }

    @Test("the cannabis temperature and VPD factors read the reference leaf, f_CO2 the room's CO₂")
    func cannabisReadsReferenceLeaf() throws {
        var crop = try CannabisCrop()
        #expect(crop.stomatalReferenceCO2 == crop.parameters.referenceCO2)
        // Actual leaf hot and dry (29 °C, 2.1 kPa), reference leaf at the optimum and inside the VPD band.
        try crop.advance(seconds: 60, conditions: CanopyConditions(
            ppfd: 1000, canopyTemperature: 29, co2: 1200, leafVPD: 2.1, photoperiodHours: 12,
            referenceCanopyTemperature: 26, referenceLeafVPD: 1.2))
        #expect(crop.temperatureFactor == 1 && crop.vpdFactor == 1)
        #expect(abs(crop.co2Factor - GrowthModifiers.lightLimitedCO2(1200, compensationPoint: 40, reference: 400)) < 1e-15)
        // Without reference values the actual leaf is used.
        try crop.advance(seconds: 60, conditions: CanopyConditions(
            ppfd: 1000, canopyTemperature: 29, co2: 1200, leafVPD: 2.1, photoperiodHours: 12))
        #expect(crop.temperatureFactor < 1 && abs(crop.vpdFactor - 0.7) < 1e-12)
    }

    @Test("reference values out of range are rejected with the quantity named")
    func referenceValidated() throws {
        do {
            _ = try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: 400, leafVPD: 1, photoperiodHours: 12,
                                     referenceCanopyTemperature: .nan)
            Issue.record("NaN reference canopy temperature accepted")
        } catch {
            #expect(error.quantity == "reference-CO2 canopy temperature")
        }
        do {
            _ = try CanopyConditions(ppfd: 0, canopyTemperature: 20, co2: 400, leafVPD: 1, photoperiodHours: 12,
                                     referenceLeafVPD: 20)
            Issue.record("reference leaf VPD of 20 kPa accepted")
        } catch {
            #expect(error.quantity == "reference-CO2 leaf VPD")
        }
    }

    @Test("lettuce keeps reading the actual canopy: it has no stress curves at a reference CO₂")
    func lettuceHasNoReference() throws {
        #expect(try LettuceCrop().stomatalReferenceCO2 == nil)
    }
}
