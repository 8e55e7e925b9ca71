import Foundation

/// The process that writes a run: its PID and host, stored so a dead writer can be detected.
///
/// PIDs are only meaningful on their own host, and the OS reuses them: a `running` row whose
/// PID was reused by an unrelated process looks alive until that process exits. That errs on
/// the safe side (a live run is never marked incomplete by mistake).
public struct RunWriter: Sendable, Equatable {
    /// The writer's process id.
    public var pid: Int32
    /// The writer's host name (`gethostname`).
    public var host: String

    public init(pid: Int32, host: String) {
        self.pid = pid
        self.host = host
    }

    /// The calling process on this host.
    public static var current: RunWriter {
        RunWriter(pid: getpid(), host: currentHost)
    }

    /// This machine's host name, without DNS lookups.
    public static var currentHost: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the process still exists on this host (a zombie counts as gone).
    ///
    /// Only meaningful when `host` is this machine.
    public var isAliveOnThisHost: Bool {
        guard pid > 0 else { return false }
        if kill(pid, 0) != 0 && errno != EPERM { return false }
        // A killed child that its parent has not reaped yet still answers kill(pid, 0).
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].drop { $0 == " " }.first
        return state != "Z" && state != "X"
    }
}
