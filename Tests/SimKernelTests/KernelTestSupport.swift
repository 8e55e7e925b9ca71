import SimKernel

/// A process driven by a closure, for tests that need many small behaviours.
final class ScriptedProcess: SimProcess {
    var step = 0
    var wakes: [Wake] = []
    let body: (ScriptedProcess, Wake) throws -> Void

    init(_ name: String, body: @escaping (ScriptedProcess, Wake) throws -> Void) {
        self.body = body
        super.init(name: name)
    }

    override func resume(_ wake: Wake) throws {
        wakes.append(wake)
        try body(self, wake)
        step += 1
    }
}

/// Records "name@time" strings in firing order.
final class Journal {
    var entries: [String] = []
    func log(_ text: String, _ time: SimTime) { entries.append("\(text)@\(time.inSeconds)") }
}
