import Dispatch
import Domain
import Foundation
import HTTPServer
import QueryAPI
import Reference

/// `lienthong serve`: the query API and feed over HTTP until SIGTERM or SIGINT.
enum ServeCommand {
    static let command = Command(
        name: "serve", summary: "serve the query API and the feed over HTTP (until SIGTERM / SIGINT)",
        usage: "[--listen HOST:PORT] [--threads N]",
        options: [
            .value("--listen", "HOST:PORT", "address to listen on (default 127.0.0.1:8080; port 0 picks a free one)"),
            .value("--threads", "N", "request threads (default 4)"),
        ],
        examples: ["lienthong serve --listen 127.0.0.1:8080 --store sqlite:/var/lib/lienthong/store.db"],
        details: """
            Prints 'listening on http://HOST:PORT' on stdout once ready. Routes are documented in Schemas/openapi.json
            (also served at /v1/openapi.json). On SIGTERM or SIGINT it stops accepting connections, answers waiting
            long-polls, finishes requests in flight and exits 0.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let listen = arguments.value("--listen") ?? "127.0.0.1:8080"
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
            throw UsageError(message: "--listen expects HOST:PORT, not '\(listen)'", verb: "serve")
        }
        var configuration = HTTPServerConfiguration()
        configuration.host = String(listen[..<colon])
        configuration.port = port
        configuration.threadPoolSize = try arguments.int("--threads", default: 4, verb: "serve", range: 1...256)
        let api = QueryAPI(store: try context.store(), openAPIDocument: try openAPIDocument())
        let server = HTTPServer(configuration: configuration) { api.handle($0) }
        do {
            try server.start()
        } catch let error as HTTPServerError {
            context.console.error("lienthong serve: \(error.description)")
            return ExitCode.failure
        }
        api.start()
        context.console.out("listening on http://\(configuration.host):\(server.port)")
        context.console.flush()
        waitForTermination()
        api.stop()
        server.stop()
        context.console.error(#"{"level":"info","msg":"stopped","reason":"signal"}"#)
        return ExitCode.ok
    }

    /// The OpenAPI document shipped beside the reference data (`Schemas/openapi.json`).
    static func openAPIDocument() throws -> [UInt8] {
        guard let reference = ReferenceData.defaultDirectory() else { throw UsageError(message: "Schemas/openapi.json not found", verb: "serve") }
        let path = URL(fileURLWithPath: reference).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/openapi.json").path
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "cannot read \(path)", verb: "serve") }
        return Array(data)
    }

    /// Blocks until SIGTERM or SIGINT.
    static func waitForTermination() {
        let done = DispatchSemaphore(value: 0)
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}
