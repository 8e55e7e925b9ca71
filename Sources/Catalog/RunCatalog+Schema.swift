import GRDB

/// The catalog's SQL schema, as the migrations that build it.
extension RunCatalog {
    /// The schema migrations, in order. Never edit a shipped migration; add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-runs") { db in
            try db.create(table: RunRecord.databaseTableName) { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("run_id", .text).notNull().unique()
                table.column("scenario_id", .text).notNull().indexed()
                table.column("scenario_hash", .text).notNull()
                table.column("seed", .text).notNull()
                table.column("twinlab_version", .text).notNull()
                table.column("fingerprint", .text)
                table.column("status", .text).notNull().indexed()
                table.column("started_at", .text).notNull()
                table.column("finished_at", .text)
                table.column("wall_seconds", .double)
                table.column("output_path", .text)
                table.column("kpis", .text).notNull().defaults(to: "{}")
                table.column("error", .text)
                table.column("writer_pid", .integer)
                table.column("writer_host", .text)
                table.check(sql: "status IN ('running', 'complete', 'failed', 'incomplete')")
            }
        }
        // The simulated span and what the run holds, for `catalog list`. Rows from before stay
        // NULL: the catalog does not open run files to guess them.
        migrator.registerMigration("v2-horizon-kind") { db in
            try db.alter(table: RunRecord.databaseTableName) { table in
                table.add(column: "horizon_hours", .double)
                table.add(column: "run_kind", .text)
            }
            try db.create(index: "runs_on_started_at", on: RunRecord.databaseTableName, columns: ["started_at"])
        }
        // The SHA-256 of the output file's content (its `output_digest`), so a file can be
        // matched to its row. Older rows stay NULL.
        migrator.registerMigration("v3-output-digest") { db in
            try db.alter(table: RunRecord.databaseTableName) { table in
                table.add(column: "output_digest", .text)
            }
        }
        return migrator
    }
}
