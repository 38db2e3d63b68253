import Foundation
import Testing

/// Signal handlers are installed before anything else: a SIGTERM that arrives while the daemon is still starting
/// (here: while it reads its configuration from a FIFO) is a graceful stop once start-up is done, not a kill; a
/// second one ends a start-up that hangs.
@Suite struct DaemonStartupSignalTests {
    /// `serve` reading its configuration from a FIFO, and the FIFO opened for writing: that returns once the daemon
    /// has opened it for reading, so the daemon is inside start-up until the FIFO is written.
    static func launch(_ runner: CLIRunner, log: String) throws -> (Process, FileHandle) {
        signal(SIGPIPE, SIG_IGN)
        let fifo = "\(runner.directory)/lienthong.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["serve", "--config", fifo, "--listen", "127.0.0.1:0"]
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LIENTHONG_STORE")
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        guard let writer = FileHandle(forWritingAtPath: fifo) else {
            kill(process.processIdentifier, SIGKILL)
            throw CLIRunner.CLIError(message: "cannot open \(fifo)")
        }
        return (process, writer)
    }

    static func waitForExit(_ process: Process) {
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test func aStopRequestedDuringStartUpEndsInAGracefulStop() throws {
        let runner = try CLIRunner()
        let log = "\(runner.directory)/daemon.log"
        let (process, writer) = try Self.launch(runner, log: log)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        kill(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        try writer.write(contentsOf: Data("store: \(runner.store)\nsources: []\n".utf8))
        try writer.close()
        Self.waitForExit(process)
        #expect(!process.isRunning)
        #expect(
            process.terminationReason == .exit && process.terminationStatus == 0,
            "killed by the signal instead of stopping: \(process.terminationReason) \(process.terminationStatus)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(#""msg":"started""#) && text.contains(#""msg":"stopped""#), "\(text)")
    }

    @Test func aSecondStopRequestEndsAHangingStartUpAtOnce() throws {
        let runner = try CLIRunner()
        let log = "\(runner.directory)/daemon.log"
        let (process, writer) = try Self.launch(runner, log: log)
        defer {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            try? writer.close()
        }
        kill(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        #expect(process.isRunning, "one stop request waits for start-up to finish")
        kill(process.processIdentifier, SIGINT)
        Self.waitForExit(process)
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 1)
        #expect(try String(contentsOfFile: log, encoding: .utf8).contains("stopped during start-up by a second signal"))
    }
}
