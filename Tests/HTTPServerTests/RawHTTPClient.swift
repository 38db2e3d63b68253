import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A minimal HTTP/1.1 client over a raw POSIX socket, so tests control exactly what goes on the wire.
final class RawHTTPClient {
    enum Failure: Error {
        case cannotConnect(Int32)
        case sendFailed(Int32)
        case timedOut
        case closedEarly
        case malformed(String)
    }

    private let socketDescriptor: Int32
    private var received: [UInt8] = []

    init(port: Int, receiveTimeoutSeconds: Int = 10) throws {
        socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
        setsockopt(socketDescriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(socketDescriptor)
            throw Failure.cannotConnect(code)
        }
    }

    deinit {
        close(socketDescriptor)
    }

    func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(socketDescriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if sent <= 0 { throw Failure.sendFailed(errno) }
            offset += sent
        }
    }

    /// Reads one complete response (Content-Length, chunked, or until close).
    func readResponse() throws -> RawHTTPResponse {
        let headerEnd = try readUntil(Array("\r\n\r\n".utf8))
        let head = String(decoding: received[..<headerEnd], as: UTF8.self)
        received.removeFirst(headerEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw Failure.malformed(head) }
        let headers = lines.compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
        var response = RawHTTPResponse(status: status, headers: headers, body: [])
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            while true {
                let lineEnd = try readUntil(Array("\r\n".utf8))
                let sizeText = String(decoding: received[..<lineEnd], as: UTF8.self)
                guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                    throw Failure.malformed(sizeText)
                }
                received.removeFirst(lineEnd + 2)
                try fill(size + 2)
                response.body += received[..<size]
                received.removeFirst(size + 2)
                if size == 0 { break }
            }
        } else if let length = response.header("Content-Length").flatMap({ Int($0) }) {
            try fill(length)
            response.body = Array(received[..<length])
            received.removeFirst(length)
        } else {
            while try receiveMore() {}
            response.body = received
            received = []
        }
        return response
    }

    /// Waits until the server closes the connection. Returns false if it was still open at the receive timeout.
    func waitForClose() -> Bool {
        do {
            while try receiveMore() {}
            return true
        } catch {
            return false
        }
    }

    private func readUntil(_ marker: [UInt8]) throws -> Int {
        var searchFrom = 0
        while true {
            if received.count >= marker.count {
                for start in searchFrom...(received.count - marker.count)
                where received[start..<(start + marker.count)].elementsEqual(marker) {
                    return start
                }
                searchFrom = received.count - marker.count + 1
            }
            guard try receiveMore() else { throw Failure.closedEarly }
        }
    }

    private func fill(_ count: Int) throws {
        while received.count < count {
            guard try receiveMore() else { throw Failure.closedEarly }
        }
    }

    /// Appends what arrives; false on orderly close or reset, throws on timeout.
    private func receiveMore() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(socketDescriptor, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            received += chunk[..<count]
            return true
        }
        if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { throw Failure.timedOut }
        return false
    }
}

struct RawHTTPResponse {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The body parsed as a JSON object (empty if it is not one).
    var jsonObject: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}
