/// How much YAML TwinLab agrees to read: bytes, nodes after alias expansion, and nesting depth.
///
/// A YAML alias (`*a`) stands for the whole node its anchor (`&a`) names, so a few hundred bytes
/// can describe billions of nodes ("billion laughs"): nine levels that each repeat the previous
/// one nine times, one of them as a mapping key, kept `twinlab validate` busy for minutes. The
/// budget is checked while the text is read event by event (`BoundedYAML`), before any node
/// tree is built, so a hostile file costs time and memory in proportion to its size, never to
/// its expansion. The limits are documented in docs/scenario-format.md ("Limits").
public struct YAMLBudget: Sendable, Equatable {
    /// Largest file or text accepted, bytes (UTF-8).
    public var maximumBytes: Int
    /// Most nodes (scalars, lists, mappings) in the document, counting every node an alias
    /// stands for as many times as the alias is used.
    public var maximumNodes: Int
    /// Deepest nesting of lists and mappings (the composer recurses once per level).
    public var maximumDepth: Int

    public init(maximumBytes: Int, maximumNodes: Int, maximumDepth: Int) {
        self.maximumBytes = maximumBytes
        self.maximumNodes = maximumNodes
        self.maximumDepth = maximumDepth
    }

    /// The budget of every YAML file TwinLab reads: 32 MiB, 2,000,000 nodes, 64 levels.
    ///
    /// 100,000 rooms written with crop, lighting and setpoints (≈ 20 nodes and 200 bytes
    /// each) fit; Yams keeps a few hundred bytes per node, so the node limit also caps the
    /// memory a document can take at well under 1 GiB. Scenarios nest at most 6 levels.
    public static let standard = YAMLBudget(maximumBytes: 32 << 20, maximumNodes: 2_000_000, maximumDepth: 64)
}
