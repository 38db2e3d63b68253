import Foundation
import Testing

@testable import HTTPServer

/// Starts a server on 127.0.0.1 with an ephemeral port.
func startedServer(
    _ configuration: HTTPServerConfiguration = HTTPServerConfiguration(), handler: @escaping HTTPHandler
) throws -> HTTPServer {
    let server = HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    #expect(server.port > 0)
    return server
}

/// Polls `condition` every 10 ms for up to `seconds`; returns whether it became true.
func eventually(within seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

/// Every request context created by the server must be released once its connections are done.
func expectNoLeakedRequestContexts(_ server: HTTPServer, sourceLocation: SourceLocation = #_sourceLocation) {
    let released = eventually { server.liveRequestContexts == 0 }
    #expect(released, "request contexts still alive: \(server.liveRequestContexts)", sourceLocation: sourceLocation)
}

/// Echoes method, decoded path, raw target, query and body as JSON.
let echoHandler: HTTPHandler = { request in
    let query = request.queryItems.map { [$0.name, $0.value] }
    let fields: [String: Any] = [
        "method": request.method, "path": request.path, "target": request.target, "query": query,
        "x": request.query("x") ?? NSNull(), "custom": request.header("x-CUSTOM") ?? NSNull(),
        "body": String(decoding: request.body, as: UTF8.self), "client": request.clientAddress,
    ]
    let data = (try? JSONSerialization.data(withJSONObject: fields)) ?? Data()
    return .respond(.json([UInt8](data)))
}
