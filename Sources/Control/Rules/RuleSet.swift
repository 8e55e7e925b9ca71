/// A named list of rules together with the signal names they read.
///
/// Presets are written for one entity with short signal names (`"temperature"`); `scoped(to:)`
/// prefixes them for a host that watches many entities through one engine
/// (`"pump-1.temperature"`).
public struct RuleSet: Sendable, Hashable {
    /// What the set is for, e.g. `"document-defaults"`.
    public let name: String
    /// The rules, in evaluation order.
    public let rules: [RuleSpec]

    public init(name: String, rules: [RuleSpec]) {
        self.name = name
        self.rules = rules
    }

    /// The distinct signal names the rules read, in order of first use.
    public var signals: [String] {
        var names: [String] = []
        for rule in rules where !names.contains(rule.signal) { names.append(rule.signal) }
        return names
    }

    /// The same rules with `entity + "."` in front of every rule id and signal name (actions
    /// keep their targets, which the host resolves per entity).
    public func scoped(to entity: String) -> RuleSet {
        RuleSet(name: name, rules: rules.map { $0.renamed(id: "\(entity).\($0.id)", signal: "\(entity).\($0.signal)") })
    }

    /// Several sets evaluated by one engine, in order.
    public static func combined(_ sets: [RuleSet], name: String) -> RuleSet {
        RuleSet(name: name, rules: sets.flatMap(\.rules))
    }
}

extension RuleSpec {
    /// A copy with another id and signal (both are names, so no number needs re-checking).
    public func renamed(id: String, signal: String) -> RuleSpec {
        var copy = self
        copy.rename(id: id, signal: signal)
        return copy
    }
}
