import SimKernel
import TwinModels
import Control

extension GrowRoom {
    /// What happened in a room's step that the run records as an event.
    struct StepNotes {
        var lightsSwitched = false
        var newStage: CropStage?
        /// Grams harvested from the whole canopy this step (0 if none).
        var harvestedGrams = 0.0
        /// Dry grams of plants moved on to the next room this step (0 if none).
        var transferredGrams = 0.0
        /// The high-temperature interlock switched the lights off this step.
        var interlockTripped = false
        var co2CutoutTripped = false
        /// Alert events the rules raised or cleared this step (in the engine's `events`).
        var alertEvents = 0
    }

    /// One control period starting at `hours`.
    ///
    /// In order: score the climate the room reached, grow the crop over the period just ended
    /// under that climate, harvest and replant when due, read the sensors, let the controller
    /// decide (the high-temperature interlock and the rules' interlocks may hold the lamps off),
    /// evaluate the alert rules, then set lamps and devices for the next period and book their energy.
    ///
    /// - Parameters:
    ///   - hours: simulation time, h.
    ///   - seconds: the control period, s.
    ///   - hourOfDay: local clock time, h.
    ///   - weather: outdoor conditions now.
    ///   - co2Tank: the facility's CO₂ supply, nil for unlimited.
    ///   - ledger: books every device's energy and cost.
    func step(atHours hours: Double, seconds: Double, hourOfDay: Double, weather: WeatherSample, co2Tank: Container?,
              now: SimTime, price: Double, ledger: inout EnergyLedger) throws -> StepNotes {
        var notes = StepNotes()
        outdoor = weather
        let band = lightsOn ? scoringBand.dayTemperature : scoringBand.nightTemperature
        try kpis.addTemperature(atHours: hours, temperature: airTemperature, lower: band - 2, upper: band + 2)
        let vpdTarget = lightsOn ? scoringBand.dayVPD : scoringBand.nightVPD
        if abs(airVPD - vpdTarget) > 0.3, hours > 0 { vpdOffTargetSeconds += seconds }
        phaseKPIs.addClimate(atHours: hours, temperature: airTemperature, relativeHumidity: relativeHumidity, vpd: airVPD,
                             co2: co2, lightsOn: lightsOn, band: scoringBand)

        if hours > 0 { try dli.add(ppfd: ppfd, seconds: seconds) }
        if let before = cropView.stage {
            // Mutated in place: copying the existential out would copy the crop every step.
            if hours > 0 {
                // Crops with stress curves defined at a reference CO₂ also see the leaves as
                // they would be with the stomata at that CO₂ (CanopyConditions).
                let referenceTemperature = cropView.stomatalReferenceCO2.map { referenceCanopyTemperature(stomatalCO2: $0) }
                let referenceVPD = referenceTemperature.map { leafVPD(canopyTemperature: $0) }
                try crop?.advance(seconds: seconds, conditions: CanopyConditions(
                    ppfd: ppfd, canopyTemperature: canopyTemperature, co2: co2, leafVPD: leafVPD,
                    photoperiodHours: photoperiodHours, waterStress: waterStress,
                    referenceCanopyTemperature: referenceTemperature, referenceLeafVPD: referenceVPD))
                refreshCropView()
            }
            let stage = cropView.stage ?? before
            // Propagation and veg rooms pass their plants on when they outgrow the room's stage;
            // flower and lettuce rooms keep them to harvest.
            let outgrown = nurseryStage.map { stage != $0 } ?? false
            if stage == .harvestReady || outgrown {
                if outgrown {
                    notes.transferredGrams = cropView.totalDryMass * canopyArea
                } else {
                    notes.harvestedGrams = cropView.harvestableDryMass * canopyArea
                    if let cannabis = crop as? CannabisCrop {
                        stressLossGrams += cannabis.stressLoss * canopyArea
                        waterStressLossGrams += cannabis.waterStressFlowerLoss * canopyArea
                    }
                    harvestedGrams += notes.harvestedGrams
                    harvests += 1
                }
                crop = spec.crop.replant ? try CropFactory.make(spec.crop, replanting: true) : nil
                refreshCropView()
                notes.newStage = cropView.stage
            } else if stage != before {
                notes.newStage = stage
            }
        }
        scoringBand = referenceBand()
        setpoints = stageSetpoints()

        // Whole seconds from the tick count, so sample spacings are exact and the sensors'
        // per-step factors stay cached.
        let t = now.inSeconds
        let measuredTemperature = try temperatureSensor.read(trueValue: airTemperature, atSeconds: t).value
        let measuredHumidity = try humiditySensor.read(trueValue: relativeHumidity, atSeconds: t).value
        let measuredCO2 = try co2Sensor.read(trueValue: co2, atSeconds: t).value

        // Rules read the channels as they stand: the room now, the sensors' new samples.
        observation = ClimateObservation(airTemperature: measuredTemperature, relativeHumidity: measuredHumidity,
                                         co2: measuredCO2, lightsOn: lightsOn)
        var ruleLights = true
        if rules != nil {
            for (k, channel) in ruleChannels.enumerated() { ruleValues[k] = channel.value(in: self) }
            notes.alertEvents = ruleValues.withUnsafeBufferPointer { rules!.evaluate(time: t, values: $0) }
            if let target = lightsTarget { ruleLights = rules!.override(forTargetAt: target).map { $0 != 0 } ?? true }
        }

        let wasOn = lightsOn
        let tripsBefore = interlock.trips
        // The interlock is a separate hard-wired thermostat, as in practice, so a stuck or
        // drifting controller sensor cannot defeat it.
        let allowed = interlock.allowsLights(measuredTemperature: airTemperature)
        notes.interlockTripped = interlock.trips > tripsBefore
        lightsOn = try photoperiod().isOn(hourOfDay: hourOfDay) && allowed && policy.lightsAllowed && ruleLights
        notes.lightsSwitched = wasOn != lightsOn && hours > 0
        ppfd = lightsOn ? targetPPFD * lightingAvailability * policy.lightFraction : 0
        lampPower = try fixture.electricPower(ppfd: ppfd) * canopyArea
        let lamp = fixture.heat(electricPower: lampPower)

        observation = ClimateObservation(airTemperature: measuredTemperature, relativeHumidity: measuredHumidity,
                                         co2: measuredCO2, lightsOn: lightsOn)
        command = controller.command(for: observation, setpoints: setpoints, dt: seconds)
        if policy.minimumOutdoorAir > 0 { command.outdoorAir = max(command.outdoorAir, policy.minimumOutdoorAir) }
        // The high-CO₂ monitor reads its own sensor (the true value here), like the interlock.
        let cutoutTripsBefore = co2Cutout.trips
        if !co2Cutout.allowsDosing(measuredCO2: co2) { command.co2Injection = 0 }
        notes.co2CutoutTripped = co2Cutout.trips > cutoutTripsBefore
        phaseKPIs.addCommand(command, lighting: lighting.maximumPPFD > 0 ? ppfd / lighting.maximumPPFD : 0)

        let supply = co2Tank.map { $0.level / seconds } ?? .infinity
        outputs = equipment.outputs(for: command, air: air, outdoor: weather.temperature, co2Supply: supply)
        if let factors = machinePowerFactors { factors.apply(to: &outputs) }
        let total = outputs.total
        if let co2Tank, total.co2 > 0 { _ = co2Tank.draw(upTo: total.co2 * seconds, at: now) }
        co2InjectedKg += total.co2 * seconds
        waterRemovedKg += max(0, -total.water) * seconds

        var inputs = RoomInputs()
        inputs.outdoorTemperature = weather.temperature
        inputs.outdoorVapourDensity = AirProperties.vapourDensity(
            pressure: weather.relativeHumidity / 100 * AirProperties.saturationPressure(celsius: weather.temperature),
            celsius: weather.temperature)
        inputs.outdoorCO2Density = AirProperties.co2Density(ppm: weather.co2, celsius: weather.temperature,
                                                            pressure: climate.parameters.pressure)
        inputs.lampPAR = lamp.par
        inputs.lampNIR = lamp.nir
        inputs.lampConvective = lamp.convective
        inputs.lampLongwave = lamp.longwave
        inputs.sensibleHeat = total.sensibleHeat
        inputs.water = total.water
        inputs.co2Injection = total.co2
        inputs.outdoorAirFlow = total.outdoorAirFlow
        inputs.cropCO2Uptake = cropView.netCO2Uptake
        inputs.cropUptakeCO2 = co2
        inputs.leafAreaIndex = cropView.leafAreaIndex
        inputs.waterStress = waterStress
        climate.update(inputs)

        usage.record(day: Int(hours / 24), lampKW: lampPower / 1000, coolingCommand: command.cooling,
                     hours: seconds / 3600, price: price)
        booking.beginStep(atHours: hours)
        booking.add(0, kW: lampPower / 1000, seconds: seconds)
        for device in RoomEquipment.Device.allCases.dropFirst() {
            booking.add(device.rawValue, kW: outputs[device].electricPower / 1000, seconds: seconds)
        }
        // Quarter hours end on whole multiples of 900 s of the tick clock.
        let end = now + .seconds(seconds)
        try booking.endStep(seconds: seconds, endsInterval: end.ticks % SimTime.seconds(900 as Int64).ticks == 0,
                            ledger: &ledger)
        return notes
    }

    /// The photoperiod in force: the scenario's hours or the stage's, switching on at the set
    /// hour (or the policy's).
    func photoperiod() throws -> Photoperiod {
        let hours = photoperiodHours
        let onHour = policy.lightsOnHour ?? lighting.lightsOnHour
        if let cached = cachedPhotoperiod, cached.hoursOn == hours, cached.lightsOnHour == onHour { return cached }
        let made = try Photoperiod(hoursOn: hours, lightsOnHour: onHour)
        cachedPhotoperiod = made
        return made
    }
}
