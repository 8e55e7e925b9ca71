import Testing
import SimKernel
import TwinModels

@Suite("Room climate balances")
struct RoomClimateTests {
    /// A sealed, adiabatic 100 m² room: no envelope loss, no leakage, no HVAC.
    static func closedRoom() throws -> RoomClimate {
        var parameters = RoomParameters(floorArea: 100, height: 4, canopyArea: 100)
        parameters.envelopeConductance = 0
        parameters.infiltrationACH = 0
        return try RoomClimate(parameters: parameters)
    }

    static func lit(_ room: RoomClimate, power: Double, lai: Double) {
        var inputs = RoomInputs()
        inputs.lampPAR = 0.555 * power
        inputs.lampNIR = 0.02 * power
        inputs.lampConvective = 0.2 * power
        inputs.lampLongwave = power - inputs.lampPAR - inputs.lampNIR - inputs.lampConvective
        inputs.leafAreaIndex = lai
        room.update(inputs)
    }

    @Test("closed room lit for 24 h stores exactly the lamps' energy (R2)",
          arguments: [Integrator.rk4(step: .seconds(60 as Int64)),
                      .adaptive(method: .rkf45, absoluteTolerance: 1e-9, relativeTolerance: 1e-9, initialStep: .seconds(10 as Int64))])
    func energyConservation(_ integrator: Integrator) throws {
        let room = try Self.closedRoom()
        // 30 W m⁻² keeps a sealed, adiabatic room within the models' range over a day (+≈ 20 K).
        Self.lit(room, power: 3000, lai: 3)
        let start = room.initialState(temperature: 24, relativeHumidity: 65, co2: 800)
        let component = try ContinuousComponent(name: "room", system: room, initialState: start, integrator: integrator)
        try component.advance(to: .hours(24 as Int64))
        let stored = room.storedEnergy(component.y) - room.storedEnergy(start)
        let supplied = 3000.0 * 86_400
        #expect(abs(stored - supplied) / supplied < 1e-6)
        // The canopy transpired (latent heat is part of the stored energy) and the air warmed.
        #expect(component.y[RoomClimate.Index.transpiredWater] > 1)
        #expect(component.y[RoomClimate.Index.airTemperature] > 30)
    }

    @Test("water balance: vapour gained = transpired − condensed, to solver precision")
    func waterBalance() throws {
        let room = try Self.closedRoom()
        Self.lit(room, power: 20_000, lai: 3)
        // Cold mass so that vapour condenses on it while the canopy transpires.
        var start = room.initialState(temperature: 22, relativeHumidity: 85, co2: 600)
        start[RoomClimate.Index.massTemperature] = 12
        let component = try ContinuousComponent(name: "room", system: room, initialState: start,
                                                integrator: .rk4(step: .seconds(30 as Int64)))
        try component.advance(to: .hours(12 as Int64))
        let y = component.y
        let volume = room.parameters.volume
        let gained = volume * (y[RoomClimate.Index.vapourDensity] - start[RoomClimate.Index.vapourDensity])
        let transpired = y[RoomClimate.Index.transpiredWater], condensed = y[RoomClimate.Index.condensedWater]
        #expect(condensed > 0.1)
        #expect(abs(gained - (transpired - condensed)) < 1e-9 * transpired)
    }

    @Test("CO₂ steady state with the canopy off is C_out + ṁ/Q to 1e-9 (R2)")
    func co2SteadyState() throws {
        var parameters = RoomParameters(floorArea: 100, height: 4, canopyArea: 100)
        parameters.infiltrationACH = 0.5
        let room = try RoomClimate(parameters: parameters)
        var inputs = RoomInputs()
        inputs.outdoorTemperature = 20
        inputs.outdoorCO2Density = AirProperties.co2Density(ppm: 420, celsius: 20)
        inputs.co2Injection = 0.3 / 3600
        room.update(inputs)
        let start = room.initialState(temperature: 20, relativeHumidity: 50, co2: 420)
        let component = try ContinuousComponent(name: "room", system: room, initialState: start,
                                                integrator: .rk4(step: .seconds(60 as Int64)))
        try component.advance(to: .hours(96 as Int64))
        let flow = 0.5 * parameters.volume / 3600
        let expected = inputs.outdoorCO2Density + inputs.co2Injection / flow
        #expect(abs(component.y[RoomClimate.Index.co2Density] - expected) / expected < 1e-9)
    }

    @Test("closed-room CO₂ balance: stored CO₂ gained = injected + respired, to solver precision")
    func closedRoomCO2() throws {
        let room = try Self.closedRoom()
        var inputs = RoomInputs()
        inputs.co2Injection = 1e-5
        inputs.cropCO2Uptake = -2e-7          // a dark canopy respires into the room
        inputs.leafAreaIndex = 3
        room.update(inputs)
        let start = room.initialState(temperature: 22, relativeHumidity: 60, co2: 500)
        let component = try ContinuousComponent(name: "room", system: room, initialState: start,
                                                integrator: .rk4(step: .seconds(60 as Int64)))
        try component.advance(to: .hours(24 as Int64))
        let gained = room.parameters.volume
            * (component.y[RoomClimate.Index.co2Density] - start[RoomClimate.Index.co2Density])
        let supplied = (1e-5 + 100 * 2e-7) * 86_400
        #expect(abs(gained - supplied) / supplied < 1e-9)
    }

    @Test("photosynthesis stops at the compensation point: an unfed sealed room never goes below Γ")
    func uptakeLimitedByCO2() throws {
        let room = try Self.closedRoom()
        var inputs = RoomInputs()
        inputs.cropCO2Uptake = 5e-6            // a strong uptake that would empty the room in minutes
        inputs.cropUptakeCO2 = 800
        inputs.leafAreaIndex = 3
        room.update(inputs)
        let start = room.initialState(temperature: 22, relativeHumidity: 60, co2: 800)
        let component = try ContinuousComponent(name: "room", system: room, initialState: start,
                                                integrator: .rk4(step: .seconds(60 as Int64)))
        try component.advance(to: .hours(6 as Int64))
        let ppm = AirProperties.co2PPM(density: component.y[RoomClimate.Index.co2Density],
                                       celsius: component.y[RoomClimate.Index.airTemperature])
        #expect(ppm >= inputs.cropCompensationPoint - 1e-6 && ppm < 60, "CO₂ settled at \(ppm) ppm")
    }

    @Test("a heated room approaches T_out + Q/(UA + ρc_p·Q_inf)")
    func heatingSteadyState() throws {
        let room = try RoomClimate(parameters: RoomParameters(floorArea: 50, height: 3, canopyArea: 0))
        var inputs = RoomInputs()
        inputs.outdoorTemperature = 5
        inputs.sensibleHeat = 4000
        room.update(inputs)
        let component = try ContinuousComponent(
            name: "room", system: room, initialState: room.initialState(temperature: 5, relativeHumidity: 50, co2: 420),
            integrator: .adaptive(method: .rkf45, absoluteTolerance: 1e-10, relativeTolerance: 1e-10, initialStep: .seconds(60 as Int64)))
        try component.advance(to: .days(60 as Int64))
        let p = room.parameters
        let conductance = p.envelopeConductance + AirProperties.volumetricHeatCapacity * p.infiltrationACH * p.volume / 3600
        #expect(abs(component.y[RoomClimate.Index.airTemperature] - (5 + 4000 / conductance)) < 1e-4)
    }

    @Test("invalid room geometry is rejected with the quantity named")
    func validation() {
        #expect(throws: ModelInputError.self) { try RoomClimate(parameters: RoomParameters(floorArea: -5, height: 3, canopyArea: 0)) }
        do {
            _ = try RoomClimate(parameters: RoomParameters(floorArea: 100, height: 3, canopyArea: 5000))
            Issue.record("a canopy of 50 tiers was accepted")
        } catch {
            #expect(error.quantity == "canopy area")
        }
    }
}
