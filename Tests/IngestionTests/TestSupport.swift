import Foundation
import Ingestion

/// A real local HTTP server (Fixtures/test_http_server.py) run as a subprocess on 127.0.0.1; stopped by `stop()`.
final class TestHTTPServer {
    let process = Process()
    let port: Int
    /// `http`, or `https` when started with `--tls` (see `TestTLSFiles`).
    let scheme: String

    static let script: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/test_http_server.py").path
    }()

    init(arguments: [String] = []) throws {
        scheme = arguments.contains("--tls") ? "https" : "http"
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script] + arguments
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Our copy of the write end must go, or a server that dies before printing would never give EOF.
        try output.fileHandleForWriting.close()
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw TestError("the test server did not print its port: \(String(decoding: line, as: UTF8.self))")
        }
        self.port = port
    }

    func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)\(path)" }

    /// How many requests `path` received so far.
    func count(_ path: String) throws -> Int {
        let file = NSTemporaryDirectory() + "lienthong-count-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: file) }
        _ = try HTTPFetcher().fetch(url("/count?path=\(path)"), to: file)
        return Int(try String(contentsOfFile: file, encoding: .utf8)) ?? -1
    }

    func stop() {
        // SIGKILL by pid: the server may have inherited a blocked SIGTERM from a Dispatch worker thread.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    deinit { stop() }
}

struct TestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A fresh temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "lienthong-ingestion-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String, modified: Date? = nil) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: "\(path)/\(name)"))
        if let modified {
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: "\(path)/\(name)")
        }
    }

    func read(_ name: String) throws -> String {
        try String(contentsOfFile: "\(path)/\(name)", encoding: .utf8)
    }

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: "\(path)/\(name)") }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Checkpoints kept in memory, standing in for the store (the Storage module is not a dependency of Ingestion).
final class MemoryCheckpoints: Checkpoints {
    var values: [String: String] = [:]

    func value(forKey key: String) throws -> String? { values[key] }

    func apply(_ updates: [CheckpointUpdate]) {
        for update in updates { values[update.key] = update.value }
    }
}

/// A seeded generator so back-off schedules are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The `HTTPFetchError` a fetch threw, or nil when it succeeded or threw something else.
func failure(_ body: () throws -> Any) -> HTTPFetchError? {
    do {
        _ = try body()
        return nil
    } catch let error as HTTPFetchError {
        return error
    } catch {
        return nil
    }
}
