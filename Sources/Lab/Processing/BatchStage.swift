/// Where a batch is in the plant; the raw values are the codes of the `stage` column.
enum BatchStage: Int, CaseIterable {
    case waitingDrying, drying, waitingCuring, curing, waitingTrimming, trimming, waitingPackaging, packaging, finished

    var name: String {
        switch self {
        case .waitingDrying: "waiting_drying"
        case .drying: "drying"
        case .waitingCuring: "waiting_curing"
        case .curing: "curing"
        case .waitingTrimming: "waiting_trimming"
        case .trimming: "trimming"
        case .waitingPackaging: "waiting_packaging"
        case .packaging: "packaging"
        case .finished: "finished"
        }
    }
}
