import Foundation

/// `lienthong serve --config FILE` as a child process: its port, its JSON-lines log (stderr, kept in a file), its
/// signals and its exit; plus a unix datagram socket standing in for systemd's NOTIFY_SOCKET.
final class DaemonProcess {
    let process = Process()
    let logPath: String
    private(set) var port = 0

    init(config: String, directory: String, notifySocket: String? = nil, extra: [String] = []) throws {
        logPath = "\(directory)/daemon-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: CLIRunner.binary)
        process.arguments = ["serve", "--config", config, "--listen", "127.0.0.1:0"] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: CLIRunner.packageRoot)
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "LIENTHONG_STORE")
        environment.removeValue(forKey: "NOTIFY_SOCKET")
        if let notifySocket { environment["NOTIFY_SOCKET"] = notifySocket }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        do {
            port = try CLIRunner.listeningPort(out)
        } catch {
            throw CLIRunner.CLIError(message: "\(error)\n\(log)")
        }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// The log's JSON objects.
    var logEvents: [[String: Any]] {
        log.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the exit; nil when it did not exit within `seconds`.
    func waitForExit(seconds: Double) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Polls `condition` every 100 ms for up to `seconds`.
    static func eventually(_ seconds: Double, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try condition()
    }

    /// GET over real HTTP (curl through URLSession is not needed: a one-shot request on a raw socket is enough).
    func get(_ path: String) throws -> (status: Int, body: String) {
        let connection = try QueryAPIAbuseCLITests.RawConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let text = connection.readToEnd().text
        let status = Int(text.split(separator: " ").dropFirst().first ?? "") ?? 0
        let body = text.range(of: "\r\n\r\n").map { String(text[$0.upperBound...]) } ?? ""
        return (status, body)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// A unix datagram socket bound to a temporary path: what systemd listens on for sd_notify.
final class NotifyListener {
    let path: String
    private let socket: Int32

    init(directory: String) throws {
        path = "\(directory)/notify-\(UUID().uuidString.prefix(8)).sock"
        socket = Foundation.socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw CLIRunner.CLIError(message: "cannot bind \(path): \(errno)") }
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Datagrams received within `seconds` (stops early once `until` has been seen).
    func receive(seconds: Double, until: String? = nil) -> [String] {
        var messages: [String] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                messages.append(String(decoding: buffer[0..<count], as: UTF8.self))
                if let until, messages.last == until { break }
            }
        }
        return messages
    }

    deinit {
        close(socket)
        unlink(path)
    }
}
