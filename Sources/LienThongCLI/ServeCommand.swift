import Dispatch
import Domain
import Foundation
import HTTPServer
import QueryAPI
import Reference
import Resolution
import Storage

/// `lienthong serve`: the daemon — the query API and feed over HTTP, scheduled sync jobs, webhook deliveries and
/// metrics, until SIGTERM or SIGINT; SIGHUP reloads the configuration.
enum ServeCommand {
    static let command = Command(
        name: "serve", summary: "run the daemon: query API, feed, scheduled sync jobs, webhooks, metrics (until SIGTERM)",
        usage: "[--config FILE] [--listen HOST:PORT] [--threads N] [--idle-timeout S] [--max-body BYTES]",
        options: [
            .value("--config", "FILE", "daemon configuration (YAML; see deploy/lienthong.yaml and 'lienthong config check')"),
            .value("--listen", "HOST:PORT", "address to listen on (overrides the file; default 127.0.0.1:8080; port 0 picks a free one)"),
            .value("--threads", "N", "request threads (default 4)"),
            .value("--idle-timeout", "S", "close a connection idle or stalled mid-request for S seconds (default 30)"),
            .value("--max-body", "BYTES", "refuse request bodies larger than this with 413 (default 1048576)"),
        ],
        examples: [
            "lienthong serve --config /etc/lienthong/lienthong.yaml",
            "lienthong serve --listen 127.0.0.1:8080 --store sqlite:/var/lib/lienthong/store.db",
        ],
        details: """
            Prints 'listening on http://HOST:PORT' on stdout once ready (and sends READY=1 to NOTIFY_SOCKET when
            set). Logs are JSON lines on stderr. Routes are documented in Schemas/openapi.json (also served at
            /v1/openapi.json); GET /metrics is Prometheus text.

            With --config, each source runs on its schedule, one job at a time; a slot missed while the daemon was
            down runs once at start; failed runs are retried with back-off ('lienthong jobs' shows and steers them).
            Webhook subscriptions ('lienthong webhooks') are delivered continuously.

            SIGTERM / SIGINT: /readyz turns 503, the running job rolls back its current input, the listener closes,
            waiting long-polls are answered, requests in flight finish (within shutdown_grace, default 30 s), exit 0.
            SIGHUP: the configuration file is read again; an invalid one is refused (the reason is logged) and the
            running one kept. Sources, schedules, resolver thresholds and the log level change at once; the listen
            address, limits and store need a restart.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let signals = SignalWaiter()
        let configPath = arguments.value("--config")
        var configuration = ServiceConfiguration()
        if let configPath {
            do {
                configuration = try ServiceConfigurationLoader.load(path: configPath)
            } catch {
                context.console.error(error.description)
                context.console.error("lienthong serve: \(configPath) has \(error.lines.count) error(s); not started")
                return ExitCode.failure
            }
            context.configuredStore = configuration.store
            context.configuredStoreConnections = configuration.storeConnections
        }
        ServiceLog.setLevel(configuration.logLevel)
        let listenText = arguments.value("--listen") ?? configuration.listen
        guard let listen = ListenAddress(listenText) else {
            throw UsageError(message: "--listen expects HOST:PORT, not '\(listenText)'", verb: "serve")
        }
        var server = HTTPServerConfiguration()
        server.host = listen.host
        server.port = listen.port
        server.threadPoolSize = try arguments.int("--threads", default: configuration.threads, verb: "serve", range: 1...256)
        server.connectionTimeoutSeconds = try arguments.int(
            "--idle-timeout", default: configuration.idleTimeoutSeconds, verb: "serve", range: 1...3_600)
        server.maxRequestBodyBytes = try arguments.int("--max-body", default: configuration.maxBodyBytes, verb: "serve", range: 0...(1 << 30))
        server.shutdownGracePeriodSeconds = configuration.shutdownGraceSeconds

        let store = try context.store()
        if let configPath {
            do {
                log(try ConfiguredKeys.apply(configuration.keys, to: store, at: Clock.now()))
            } catch {
                ServiceLog.write(.error, "cannot apply the configured keys", [("error", .text("\(error)"))])
                context.console.error("lienthong serve: \(configPath): \(error); not started")
                return ExitCode.failure
            }
        }
        let reference = try context.reference()
        let metrics = DaemonMetrics(store: store)
        let api = QueryAPI(
            store: store, openAPIDocument: try openAPIDocument(), metricsText: { metrics.render() },
            observe: { route, status, seconds in metrics.recordRequest(route: route, status: status, seconds: seconds) })
        let http = HTTPServer(configuration: server) { api.handle($0) }
        let scheduler = JobScheduler(
            sources: configuration.sources, settings: configuration.resolver, store: store, reference: reference,
            metrics: metrics)
        try scheduler.recoverInterruptedRuns()
        do {
            try http.start()
        } catch let error as HTTPServerError {
            ServiceLog.write(.error, "cannot listen", [("address", .text(listenText)), ("error", .text(error.description))])
            context.console.error("lienthong serve: \(error.description)")
            return ExitCode.failure
        }
        api.start()
        let loops = backgroundLoops(scheduler: scheduler, store: store, metrics: metrics)
        loops.forEach { $0.start() }
        context.console.out("listening on http://\(server.host):\(http.port)")
        context.console.flush()
        let notifier = SystemdNotifier()
        ServiceLog.write(
            .info, "started",
            [("address", .text("\(server.host):\(http.port)")), ("sources", .int(Int64(configuration.sources.count))), ("store", .text(context.storeURL))])
        notifier.notify("READY=1")

        signals.wait(
            reload: {
                guard let configPath else { return }
                reload(configPath, store: store, scheduler: scheduler, notifier: notifier)
            })

        notifier.notify("STOPPING=1")
        ServiceLog.write(.info, "stopping", [("reason", "signal"), ("running_job", .text(scheduler.runningSource ?? ""))])
        let watchdog = ShutdownWatchdog(seconds: configuration.shutdownGraceSeconds + 10)
        api.beginDraining()
        scheduler.cancellation.cancel()
        loops.forEach { $0.stop() }
        http.stop()
        api.stop()
        watchdog.disarm()
        ServiceLog.write(.info, "stopped", [("reason", "signal")])
        return ExitCode.ok
    }

    /// The scheduler's and the webhook deliverer's threads.
    static func backgroundLoops(scheduler: JobScheduler, store: any Store, metrics: DaemonMetrics) -> [BackgroundLoop] {
        let jobs = BackgroundLoop(name: "jobs", idleInterval: 1) { scheduler.pass() }
        let dispatcher = WebhookDispatcher(store: store)
        let deliveries = BackgroundLoop(name: "webhooks", idleInterval: 1) {
            do {
                var delivered = false
                for (_, turn) in try dispatcher.round() {
                    switch turn {
                    case .delivered:
                        delivered = true
                        metrics.recordDelivery("delivered")
                    case .failed: metrics.recordDelivery("failed")
                    case .gone: metrics.recordDelivery("gone")
                    case .caughtUp, .backingOff, .disabled: break
                    }
                }
                return delivered
            } catch {
                ServiceLog.write(.error, "webhook round failed", [("error", .text("\(error)"))])
                return false
            }
        }
        return [jobs, deliveries]
    }

    /// SIGHUP: a valid file replaces the keys, sources, thresholds and log level; an invalid one (or keys that cannot
    /// be applied) is refused and logged.
    static func reload(_ path: String, store: any Store, scheduler: JobScheduler, notifier: SystemdNotifier) {
        notifier.notify("RELOADING=1")
        defer { notifier.notify("READY=1") }
        do {
            let configuration = try ServiceConfigurationLoader.load(path: path)
            log(try ConfiguredKeys.apply(configuration.keys, to: store, at: Clock.now()))
            scheduler.reconfigure(sources: configuration.sources, settings: configuration.resolver)
            ServiceLog.setLevel(configuration.logLevel)
            ServiceLog.write(.info, "configuration reloaded", [("file", .text(path)), ("sources", .int(Int64(configuration.sources.count)))])
        } catch {
            ServiceLog.write(
                .error, "configuration refused; keeping the running one", [("file", .text(path)), ("errors", .text("\(error)"))])
        }
    }

    /// One log line per key the configuration created, updated or revoked (ids only: they are not secret).
    static func log(_ report: ConfiguredKeys.Report) {
        for (action, ids) in [("created", report.created), ("updated", report.updated), ("revoked", report.revoked)] {
            for id in ids { ServiceLog.write(.info, "configured key \(action)", [("key", .text(id))]) }
        }
    }

    /// The OpenAPI document shipped beside the reference data (`Schemas/openapi.json`).
    static func openAPIDocument() throws -> [UInt8] {
        guard let reference = ReferenceData.defaultDirectory() else { throw UsageError(message: "Schemas/openapi.json not found", verb: "serve") }
        let path = URL(fileURLWithPath: reference).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Schemas/openapi.json").path
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "cannot read \(path)", verb: "serve") }
        return Array(data)
    }
}
