import Foundation
import Ingestion
import Mapping
import Resolution
import Scheduling
import Storage

/// What `lienthong serve --config FILE` runs: the store, the HTTP listener and limits, logging, resolver
/// thresholds and the sources with their schedules. Read by `ServiceConfigurationLoader`; paths are absolute
/// (relative ones in the file are taken from the file's directory).
struct ServiceConfiguration: Sendable {
    var store: String?
    /// `store_connections:`: the connections kept to the store (`Context.storeConnections`); nil = the default.
    var storeConnections: Int?
    var listen = "127.0.0.1:8080"
    var threads = 4
    var idleTimeoutSeconds = 30
    var maxBodyBytes = 1 << 20
    /// How long SIGTERM waits for requests in flight and the running job before giving up on them.
    var shutdownGraceSeconds = 30.0
    var logLevel = ServiceLog.Level.info
    var timeZone = CronExpression.defaultTimeZone
    /// The resolver's thresholds (`resolver:`), checked by the loader (`ResolverSettings.problem`).
    var resolver = ResolverSettings()
    var sources: [SourceConfiguration] = []
    /// API keys declared under `keys:` (`ConfiguredKeys` brings the store in line at start and on reload).
    var keys: [APIKey] = []
}

/// One registry feed the daemon syncs on a schedule.
struct SourceConfiguration: Sendable {
    /// Where the records come from.
    enum Connector: Sendable, Equatable {
        /// One file, re-read when its size, modification time or SHA-256 changed.
        case file(path: String)
        /// New and changed files of a directory.
        case dropFolder(directory: String, glob: String?, settleSeconds: Double, moveProcessed: Bool)
        /// An HTTP(S) export, skipped when its ETag / Last-Modified did not change.
        case http(url: String, pull: HTTPPullSettings)
    }

    /// The job's name (`lienthong jobs run NAME`; `job_runs.source`).
    var name: String
    /// population, land, enterprise or commune: what the mapping produces (checked against the mapping).
    var registry: String
    var mapping: String
    var connector: Connector
    /// Overrides the mapping's `input.encoding` (`auto`, `utf-8`, `windows-1258`, `tcvn3`, `vni`).
    var encoding: String?
    var schedule: Schedule
    /// Set for `mode: snapshot` (each input is the whole source); nil for incremental sources.
    var snapshot: SnapshotPolicy?
    /// Failed runs are retried this many times with back-off before waiting for the next scheduled slot.
    var retries = 3
    var retryBase = 30.0
    var retryCap = 3_600.0
    /// The mapping file, loaded and checked.
    var loadedMapping: Mapping?
}
