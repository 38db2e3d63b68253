import CMicroHTTPD
import Foundation

/// Validates a configuration and starts a libmicrohttpd daemon for it.
struct DaemonLauncher {
    let configuration: HTTPServerConfiguration
    let core: ServerCore

    func launch() throws -> MHDDaemon {
        try validate()
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        let port = UInt16(configuration.port).bigEndian
        if inet_pton(AF_INET, configuration.host, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port
            return try withUnsafePointer(to: &ipv4) { try start(address: UnsafeRawPointer($0), ipv6: false) }
        }
        if inet_pton(AF_INET6, configuration.host, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port
            return try withUnsafePointer(to: &ipv6) { try start(address: UnsafeRawPointer($0), ipv6: true) }
        }
        throw HTTPServerError.invalidHost(configuration.host)
    }

    private func validate() throws {
        let checks: [(Bool, String)] = [
            ((0...65535).contains(configuration.port), "port must be 0...65535"),
            (configuration.threadPoolSize >= 1, "threadPoolSize must be at least 1"),
            (configuration.connectionLimit >= 1, "connectionLimit must be at least 1"),
            (configuration.perIPConnectionLimit >= 0, "perIPConnectionLimit must not be negative"),
            (configuration.connectionTimeoutSeconds >= 0, "connectionTimeoutSeconds must not be negative"),
            (configuration.maxRequestBodyBytes >= 0, "maxRequestBodyBytes must not be negative"),
            (configuration.connectionMemoryLimitBytes >= 4096, "connectionMemoryLimitBytes must be at least 4096"),
            (configuration.shutdownGracePeriodSeconds >= 0, "shutdownGracePeriodSeconds must not be negative"),
        ]
        if let failed = checks.first(where: { !$0.0 }) { throw HTTPServerError.invalidConfiguration(failed.1) }
    }

    private func start(address: UnsafeRawPointer, ipv6: Bool) throws -> MHDDaemon {
        var flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue
            | MHD_ALLOW_SUSPEND_RESUME.rawValue
        if ipv6 { flags |= MHD_USE_IPv6.rawValue }
        let cls = Unmanaged.passUnretained(core).toOpaque()
        let options: [any CVarArg] = [
            MHD_OPTION.SOCK_ADDR.rawValue, Int(bitPattern: address),
            MHD_OPTION.THREAD_POOL_SIZE.rawValue, UInt32(configuration.threadPoolSize),
            MHD_OPTION.CONNECTION_LIMIT.rawValue, UInt32(configuration.connectionLimit),
            MHD_OPTION.PER_IP_CONNECTION_LIMIT.rawValue, UInt32(configuration.perIPConnectionLimit),
            MHD_OPTION.CONNECTION_TIMEOUT.rawValue, UInt32(configuration.connectionTimeoutSeconds),
            MHD_OPTION.CONNECTION_MEMORY_LIMIT.rawValue, configuration.connectionMemoryLimitBytes,
            MHD_OPTION.URI_LOG_CALLBACK.rawValue, Self.pointerBits(of: uriLogCallback), Int(bitPattern: cls),
            MHD_OPTION.NOTIFY_COMPLETED.rawValue, Self.pointerBits(of: requestCompletedCallback), Int(bitPattern: cls),
            MHD_OPTION.END.rawValue,
        ]
        errno = 0
        let daemon = withVaList(options) { arguments in
            MHD_start_daemon_va(flags, 0, nil, nil, accessHandlerCallback, cls, arguments)
        }
        guard let daemon else {
            let code = errno
            let reason =
                code == 0
                ? "libmicrohttpd refused to start (address in use or an option was rejected)"
                : String(cString: strerror(code))
            throw HTTPServerError.cannotListen(host: configuration.host, port: configuration.port, reason: reason)
        }
        return MHDDaemon(pointer: daemon)
    }

    private static func pointerBits<Function>(of function: Function) -> Int {
        Int(bitPattern: unsafeBitCast(function, to: UnsafeRawPointer.self))
    }
}
