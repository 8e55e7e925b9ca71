import Foundation
import Yams
// libyaml as Yams builds it: its event parser lets the budget be checked before Yams builds
// (and hashes, to find repeated keys) a node tree whose size an alias can multiply. Yams
// itself exposes only whole documents.
import CYaml

/// Reads YAML within a `YAMLBudget`: every YAML file TwinLab reads (scenarios, rule files,
/// calibration sets, scenario edits) goes through here, never straight to Yams.
///
/// The text is first walked as libyaml events, counting nodes as they are read: an alias adds
/// the node count of its anchor (known once the anchored node ended), so the expanded size is
/// known without expanding anything, and reading stops at the first node past the limit. Only
/// text within the budget reaches `Yams.compose`, whose work is then bounded by that size.
public enum BoundedYAML {
    /// The text of the file at `path`, refused past `budget.maximumBytes` without reading more
    /// than one byte beyond the limit (a device or a growing file cannot make it read forever).
    ///
    /// - Throws: ``YAMLLimitError`` (`yaml-too-large`) for a file over the limit; the file
    ///   system's error when it cannot be opened or is not UTF-8.
    public static func readFile(_ path: String, budget: YAMLBudget = .standard) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let data = try handle.read(upToCount: budget.maximumBytes + 1) ?? Data()
        if data.count > budget.maximumBytes {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
            throw YAMLLimitError(code: .tooLarge, file: path, limit: budget.maximumBytes, found: max(size, data.count))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CocoaError(.fileReadInapplicableStringEncoding, userInfo: [NSFilePathErrorKey: path])
        }
        return text
    }

    /// The single document of `text` as a Yams node (nil for an empty stream), once the text is
    /// known to be within `budget`; `file` names the text in errors.
    ///
    /// - Throws: ``YAMLLimitError`` past a limit (with the line and column where it was
    ///   crossed); Yams' error for text that is not YAML.
    public static func compose(_ text: String, file: String, budget: YAMLBudget = .standard) throws -> Node? {
        try check(text, file: file, budget: budget)
        // UTF-8 stated: Yams' default encoding reads the environment on every call, 9 % of
        // planning an experiment that parses a scenario per design point.
        return try Yams.compose(yaml: text, .default, .default, .utf8)
    }

    /// Checks `text` against `budget` without building any node.
    ///
    /// Malformed YAML passes: the count stops at the first syntax error, which `Yams.compose`
    /// then reports with its own message.
    public static func check(_ text: String, file: String, budget: YAMLBudget = .standard) throws {
        guard text.utf8.count <= budget.maximumBytes else {
            throw YAMLLimitError(code: .tooLarge, file: file, limit: budget.maximumBytes, found: text.utf8.count)
        }
        var bytes = Array(text.utf8)
        var counter = NodeCounter(file: file, budget: budget)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return }
                try counter.count(event)
            }
        }
    }

    /// Counts nodes in event order, each alias as the size of its anchored node.
    private struct NodeCounter {
        let file: String
        let budget: YAMLBudget
        /// Nodes so far, aliases expanded.
        private var total = 0
        /// For each open list or mapping: `total` when it started, and its anchor.
        private var open: [(start: Int, anchor: String?)] = []
        /// Expanded node count of each anchored node read so far (a later anchor of the same
        /// name replaces it, as in YAML).
        private var anchors: [String: Int] = [:]

        init(file: String, budget: YAMLBudget) {
            self.file = file
            self.budget = budget
        }

        mutating func count(_ event: yaml_event_t) throws {
            switch event.type {
            case YAML_SCALAR_EVENT:
                try add(1, at: event)
                if let anchor = Self.name(event.data.scalar.anchor) { anchors[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                // An undefined alias counts as one node; Yams reports it.
                try add(Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1, at: event)
            case YAML_SEQUENCE_START_EVENT:
                try start(event, anchor: Self.name(event.data.sequence_start.anchor))
            case YAML_MAPPING_START_EVENT:
                try start(event, anchor: Self.name(event.data.mapping_start.anchor))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return }
                if let anchor = closed.anchor { anchors[anchor] = total - closed.start }
            default:
                break
            }
        }

        private mutating func start(_ event: yaml_event_t, anchor: String?) throws {
            let start = total
            try add(1, at: event)
            open.append((start, anchor))
            if open.count > budget.maximumDepth {
                throw limit(.tooDeep, budget.maximumDepth, found: open.count, at: event)
            }
        }

        private mutating func add(_ nodes: Int, at event: yaml_event_t) throws {
            // No overflow: reading stops at the first node past the limit, and an anchor's size
            // is at most the limit.
            total += nodes
            if total > budget.maximumNodes {
                throw limit(.tooManyNodes, budget.maximumNodes, found: total, at: event)
            }
        }

        private func limit(_ code: YAMLLimitError.Code, _ limit: Int, found: Int, at event: yaml_event_t) -> YAMLLimitError {
            YAMLLimitError(code: code, file: file, line: Int(event.start_mark.line) + 1,
                           column: Int(event.start_mark.column) + 1, limit: limit, found: found)
        }

        private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            anchor.map { String(cString: $0) }
        }
    }
}
