import CMicroHTTPD
import Foundation

/// Reads request headers and the peer address of an MHD connection (on the connection's thread only).
enum ConnectionValues {
    static func header(_ name: String, of connection: MHDConnection) -> String? {
        MHD_lookup_connection_value(connection.pointer, .HEADER_KIND, name).map { String(cString: $0) }
    }

    static func headers(of connection: MHDConnection) -> [HTTPHeader] {
        let collector = HeaderCollector()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(
                connection.pointer, .HEADER_KIND, headerCollectingIterator,
                Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.headers
    }

    static func clientAddress(of connection: MHDConnection) -> String {
        guard let address = lt_mhd_connection_client_address(connection.pointer) else { return "" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = Int32(address.pointee.sa_family)
        let written: UnsafePointer<CChar>? =
            switch family {
            case AF_INET:
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                    withUnsafePointer(to: inet.pointee.sin_addr) {
                        inet_ntop(AF_INET, $0, &text, socklen_t(text.count))
                    }
                }
            case AF_INET6:
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { inet6 in
                    withUnsafePointer(to: inet6.pointee.sin6_addr) {
                        inet_ntop(AF_INET6, $0, &text, socklen_t(text.count))
                    }
                }
            default: nil
            }
        guard written != nil else { return "" }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

private final class HeaderCollector {
    var headers: [HTTPHeader] = []
}

private let headerCollectingIterator: MHD_KeyValueIterator = { cls, _, key, value in
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<HeaderCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.headers.append(HTTPHeader(String(cString: key), value.map { String(cString: $0) } ?? ""))
    return .YES
}
