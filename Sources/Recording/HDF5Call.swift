import CHDF5

/// Checked wrappers around raw HDF5 calls that turn failures into ``HDF5Error``.
///
/// Two rules from the toolchain notes live here. HDF5's automatic error printing is switched
/// per thread, so every public entry point calls ``prepare()`` on whatever thread it runs on.
/// And an error left on a thread's error stack makes the thread-safe libhdf5 print
/// "infinite loop closing library" at exit, so every failure path takes (and thereby clears)
/// the stack through ``takeErrorStack()``.
enum HDF5Call {
    /// Silences HDF5's automatic error printing on the calling thread.
    static func prepare() {
        _ = library
        _ = chdf5_silence_errors()
    }

    /// Opts out of HDF5's exit handler before the library first starts.
    ///
    /// TwinLab closes every file it opens itself (writers with the strong close degree), so
    /// the handler has nothing to do for a healthy run. It only ever met files whose close had
    /// failed, and after a full disk HDF5 1.10.8 crashes there (SIGSEGV in `H5close`, after
    /// TwinLab had already reported the error and marked the run failed). A file left open at
    /// exit is then exactly like a killed writer's, which the run file format is built for.
    private static let library: Void = {
        _ = H5dont_atexit()
    }()

    /// Returns the calling thread's HDF5 error stack as text and clears it.
    static func takeErrorStack() -> String {
        let collector = StackCollector()
        withExtendedLifetime(collector) {
            let context = Unmanaged.passUnretained(collector).toOpaque()
            _ = H5Ewalk2(chdf5_e_default(), H5E_WALK_DOWNWARD, { _, entry, context in
                guard let entry, let context else { return 0 }
                let collector = Unmanaged<StackCollector>.fromOpaque(context).takeUnretainedValue()
                let function = entry.pointee.func_name.map { String(cString: $0) } ?? "?"
                // Some descriptions embed ctime() output with its newline; keep the cause on one line.
                let text = (entry.pointee.desc.map { String(cString: $0) } ?? "")
                    .split(whereSeparator: \.isNewline).joined(separator: " ")
                collector.lines.append(text.isEmpty ? function : "\(function): \(text)")
                return 0
            }, context)
        }
        _ = H5Eclear2(chdf5_e_default())
        return collector.lines.joined(separator: " <- ")
    }

    /// Builds an error whose cause is the current HDF5 error stack (which this clears).
    static func failure(_ code: HDF5Error.Code, _ message: String, path: String) -> HDF5Error {
        HDF5Error(code: code, message: message, path: path, cause: takeErrorStack())
    }

    /// Throws when an `herr_t` status is negative.
    static func check(
        _ status: herr_t, _ code: HDF5Error.Code, path: String, _ message: @autoclosure () -> String
    ) throws {
        if status < 0 { throw failure(code, message(), path: path) }
    }

    /// Returns a valid identifier or throws when HDF5 returned a negative one.
    static func id(
        _ id: hid_t, _ code: HDF5Error.Code, path: String, _ message: @autoclosure () -> String
    ) throws -> hid_t {
        if id < 0 { throw failure(code, message(), path: path) }
        return id
    }

    /// Converts an `htri_t` to a Bool, throwing when HDF5 reported an error.
    static func truth(
        _ value: htri_t, _ code: HDF5Error.Code, path: String, _ message: @autoclosure () -> String
    ) throws -> Bool {
        if value < 0 { throw failure(code, message(), path: path) }
        return value > 0
    }

    /// Closes an identifier during cleanup, where a failure can only be discarded (but not left on the stack).
    static func closeQuietly(_ id: hid_t, _ close: (hid_t) -> herr_t) {
        guard id >= 0 else { return }
        if close(id) < 0 { _ = takeErrorStack() }
    }

    /// Creates a variable-length UTF-8 string type; the caller closes it.
    static func makeVariableStringType(path: String) throws -> hid_t {
        let type = try id(H5Tcopy(chdf5_c_s1()), .invalidArgument, path: path, "cannot create a string type")
        if H5Tset_size(type, chdf5_variable()) < 0 || H5Tset_cset(type, H5T_CSET_UTF8) < 0 {
            let error = failure(.invalidArgument, "cannot configure a UTF-8 string type", path: path)
            closeQuietly(type, H5Tclose)
            throw error
        }
        return type
    }

    /// Joins an object path and a child name the way HDF5 spells absolute paths.
    static func join(_ parent: String, _ child: String) -> String {
        if child.hasPrefix("/") { return child }
        return parent == "/" ? "/\(child)" : "\(parent)/\(child)"
    }
}

/// Accumulates error-stack lines for the `H5Ewalk2` callback, which cannot capture context.
private final class StackCollector {
    var lines: [String] = []
}
