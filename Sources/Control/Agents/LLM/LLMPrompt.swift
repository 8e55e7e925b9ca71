/// The chat-completions request the LLM agent sends for one alert: the decision contract as
/// the system message, the alert's context as a JSON user message.
///
/// The body is built as a `JSONValue` and serialised canonically, so the same context and
/// model always give the same bytes: that is what the cassette's key hashes.
public enum LLMPrompt {
    /// The system message: the role, the reply contract, units and the decision rules of thumb.
    public static let system = """
        You are the maintenance decision agent of an industrial machine fleet (pumps, motors, \
        compressors, conveyors). An alert rule has fired on one machine; the user message is the \
        alert's context as JSON: machineID, kind, timeHours (simulation time, h), ruleID, severity \
        (INFO, WARNING, CRITICAL), signal (temperature, power, vibration, other), value (the reading \
        that raised the alert: frame temperature in °C, power in kW, vibration RMS velocity in mm/s), \
        recentTemperature / recentPower / recentVibration (last readings, oldest first; power is null \
        while the machine is stopped), healthScore (0 to 100, 100 = new), openWorkOrder (true when \
        the machine already has an open work order or is down), maintenanceCount, ratedPowerKW, \
        meanRepairHours (hands-on time of a corrective repair), plannedMaintenanceHours (duration \
        of a planned job) and downtimeCostPerHour (currency per hour out of service).

        Decide what to do. Reply with exactly one JSON object and nothing else (no prose, no code \
        fences), with exactly these seven keys:
        {"rootCause": string, the most likely cause,
         "riskLevel": one of "LOW", "MEDIUM", "HIGH", "CRITICAL",
         "action": one of "MAINTENANCE" (open a maintenance order, the machine keeps running \
        until it starts), "OFFLINE" (stop the machine now, then maintain it), "NONE" (do nothing),
         "reasoning": string, why, citing the numbers,
         "estimatedSavings": number >= 0, currency saved by acting rather than running to failure,
         "preventedLoss": number >= 0, currency of the failure the action avoids,
         "humanRecommendation": string, what an operator should check or do}

        Guidance: overheating calls for MAINTENANCE; a power spike points to an electrical fault \
        and calls for OFFLINE; rising vibration calls for MAINTENANCE, severe (CRITICAL) vibration \
        for OFFLINE. A failure costs about meanRepairHours × downtimeCostPerHour; a planned job \
        costs plannedMaintenanceHours × downtimeCostPerHour.
        """

    /// The full request body: `model`, `temperature: 0`, `response_format: json_object` and
    /// the two messages.
    public static func requestBody(model: String, context: AnomalyContext) -> JSONValue {
        .object([
            ("model", .string(model)),
            ("temperature", .number(0)),
            ("response_format", .object([("type", .string("json_object"))])),
            ("messages", .array([
                .object([("role", .string("system")), ("content", .string(system))]),
                .object([("role", .string("user")), ("content", .string(contextJSON(context).serialized))]),
            ])),
        ])
    }

    /// The context as the user message's JSON object (NaN readings become null).
    public static func contextJSON(_ c: AnomalyContext) -> JSONValue {
        func numbers(_ values: [Double]) -> JSONValue { .array(values.map { .number($0) }) }
        return .object([
            ("machineID", .string(c.machineID)),
            ("kind", .string(c.kind)),
            ("timeHours", .number(c.timeHours)),
            ("ruleID", .string(c.ruleID)),
            ("severity", .string(c.severity.rawValue)),
            ("signal", .string(c.signal.rawValue)),
            ("value", .number(c.value)),
            ("recentTemperature", numbers(c.recentTemperature)),
            ("recentPower", numbers(c.recentPower)),
            ("recentVibration", numbers(c.recentVibration)),
            ("healthScore", .number(c.healthScore)),
            ("openWorkOrder", .bool(c.openWorkOrder)),
            ("maintenanceCount", .number(Double(c.maintenanceCount))),
            ("ratedPowerKW", .number(c.ratedPowerKW)),
            ("meanRepairHours", .number(c.meanRepairHours)),
            ("plannedMaintenanceHours", .number(c.plannedMaintenanceHours)),
            ("downtimeCostPerHour", .number(c.downtimeCostPerHour)),
        ])
    }
}
