/// The development stage of a room's crop, as reported to lighting schedules, reports and datasets.
///
/// Lettuce uses `growing` then `harvestReady`; short-day crops (cannabis) go
/// `propagation` → `vegetative` → `flowering` → `harvestReady`. The raw values are stable
/// labels for recorded datasets.
public enum CropStage: String, Sendable, Codable, CaseIterable, Equatable {
    /// Rooting cuttings or seedlings under low light (cannabis clones, 18/6).
    case propagation
    /// Leaf and stem growth under long days (cannabis 18/6).
    case vegetative
    /// Inflorescence growth under short days (cannabis 12/12).
    case flowering
    /// A crop with a single growth phase from transplant to harvest (lettuce).
    case growing
    /// The planned harvest has been reached; the crop waits to be cut.
    case harvestReady
}
