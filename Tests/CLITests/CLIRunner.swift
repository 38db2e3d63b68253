import Foundation

/// Runs the real `lienthong` binary the build produced.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        return FileManager.default.currentDirectoryPath
    }()

    /// `$LIENTHONG_BIN`, else the debug build next to the test bundle, else `.build/debug/lienthong`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["LIENTHONG_BIN"] { return path }
        let besideTests = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("lienthong").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        for directory in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug"] {
            let path = "\(packageRoot)/\(directory)/lienthong"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return "\(packageRoot)/.build/debug/lienthong"
    }()

    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "lienthong-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    var store: String { "sqlite:\(directory)/store.db" }

    /// Runs `lienthong ARGS` in the package root (so the shipped Mappings/ are found); stdin is `input` through a
    /// pipe (a scripted, non-TTY stdin), or closed. `unprivileged`: as user and group 65534 (nobody) when the tests
    /// run as root, so that file permissions apply (through util-linux `setpriv`).
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil, unprivileged: Bool = false) throws -> Result {
        let process = Process()
        if unprivileged && geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLIRunner.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "LIENTHONG_STORE")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            // A child may exit before reading all of its input (an empty queue): neither SIGPIPE nor FileHandle's
            // `try!` on EPIPE may take the test run down, so write with POSIX and ignore a closed pipe.
            signal(SIGPIPE, SIG_IGN)
            let descriptor = stdin.fileHandleForWriting.fileDescriptor
            var bytes = Array(input.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { break }
                bytes = bytes.dropFirst(written)
            }
            try stdin.fileHandleForWriting.close()
        }
        // Read both pipes before waiting so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Generates a small registry set into `directory/data`.
    func generate(persons: Int = 400, seed: Int = 11) throws -> String {
        let out = "\(directory)/data"
        let result = try run(["generate", "--persons", "\(persons)", "--seed", "\(seed)", "--out", out])
        guard result.status == 0 else { throw CLIError(message: "generate failed: \(result.stderr)") }
        return out
    }

    struct CLIError: Error { var message: String }

    /// Rows of a query on a store (`sqlite:PATH` or a path), tab-separated, through Python's sqlite3: the tests do
    /// not link SQLite, so that what they read or forge goes around the binary.
    static func query(_ store: String, _ sql: String) throws -> [String] {
        let script = "import sqlite3,sys\nc=sqlite3.connect(sys.argv[1])\nfor r in c.execute(sys.argv[2]): print('\\t'.join(map(str,r)))"
        return try python(script, store, sql).split(separator: "\n").map(String.init)
    }

    /// Runs SQL statements on a store (forging rows the binary would never write) and commits.
    static func execute(_ store: String, _ sql: String) throws {
        _ = try python("import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", store, sql)
    }

    private static func python(_ script: String, _ store: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, store.hasPrefix("sqlite:") ? String(store.dropFirst(7)) : store, sql]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIError(message: "python3 sqlite3 failed on: \(sql)") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The port of the `listening on http://127.0.0.1:PORT` line a `serve` child prints first on `pipe`.
    static func listeningPort(_ pipe: Pipe) throws -> Int {
        var line = Data()
        while !line.contains(10) {
            let chunk = pipe.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: "127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            throw CLIError(message: "serve did not report its port: \(text)")
        }
        return port
    }
}
