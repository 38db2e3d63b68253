import Foundation
import Testing

/// Signal handlers are installed before anything else: a SIGTERM that arrives while the daemon is still starting
/// (here: while it reads its configuration from a FIFO) is a graceful stop once start-up is done, not a kill.
@Suite struct DaemonStartupSignalTests {
    @Test func aStopRequestedDuringStartUpEndsInAGracefulStop() throws {
        let runner = try CLIRunner()
        signal(SIGPIPE, SIG_IGN)
        let fifo = "\(runner.directory)/lienthong.yaml"
        #expect(mkfifo(fifo, 0o600) == 0)
        let log = "\(runner.directory)/daemon.log"
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
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Opening the FIFO for writing returns once the daemon has opened it for reading: it is inside start-up.
        let writer = try #require(FileHandle(forWritingAtPath: fifo))
        kill(process.processIdentifier, SIGTERM)
        Thread.sleep(forTimeInterval: 0.2)
        try writer.write(contentsOf: Data("store: \(runner.store)\nsources: []\n".utf8))
        try writer.close()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0, "killed by the signal instead of stopping: \(process.terminationReason) \(process.terminationStatus)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(#""msg":"started""#) && text.contains(#""msg":"stopped""#), "\(text)")
    }
}
