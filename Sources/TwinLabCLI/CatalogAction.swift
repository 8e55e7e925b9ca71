import Foundation
import Catalog
import Reports

/// What `twinlab catalog list` and `catalog show` do; neither writes to the catalog.
public struct CatalogAction: Sendable {
    public var catalogPath: String
    public var json = false

    public init(catalogPath: String) { self.catalogPath = catalogPath }

    /// Which runs `catalog list` shows; nil fields do not filter.
    public struct Filter: Sendable, Equatable {
        /// Only runs of this scenario id.
        public var scenario: String?
        /// Only runs in this status.
        public var status: RunStatus?
        /// Only runs started at or after this moment.
        public var since: Date?

        public init(scenario: String? = nil, status: RunStatus? = nil, since: Date? = nil) {
            self.scenario = scenario
            self.status = status
            self.since = since
        }
    }

    /// Lists the newest `limit` runs that pass `filter`; a run whose writer died reads as
    /// incomplete (the catalog itself is not changed: the next `twinlab run` records that).
    public func list(limit: Int, filter: Filter = Filter(), out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        withCatalog(err: err) { catalog in
            let records = try catalog.runsAsSeenNow(limit: limit, scenario: filter.scenario, status: filter.status,
                                                    since: filter.since)
            out(json ? JSONOutput.encode(records) : KPIReport.runList(records))
            return .success
        }
    }

    /// Shows one run, found by its id or a unique prefix of it.
    public func show(run prefix: String, out: (String) -> Void, err: (String) -> Void) -> ExitStatus {
        withCatalog(err: err) { catalog in
            let matches = try catalog.runsAsSeenNow().filter { $0.runID.hasPrefix(prefix) }
            guard matches.count == 1, let record = matches.first else {
                err(matches.isEmpty
                    ? "error: no run '\(prefix)' in catalog '\(catalogPath)' (see twinlab catalog list)"
                    : "error: '\(prefix)' matches \(matches.count) runs; give more of the id")
                return .ioError
            }
            out(json ? JSONOutput.encode(record) : KPIReport.runDetail(record))
            return .success
        }
    }

    /// Opens the catalog read-only, so listing never creates, upgrades or repairs a file.
    private func withCatalog(err: (String) -> Void, _ body: (RunCatalog) throws -> ExitStatus) -> ExitStatus {
        do {
            return try body(try RunCatalog(readingFrom: catalogPath))
        } catch {
            err("error: \(error)")
            return .ioError
        }
    }
}
