import Foundation
import Ingestion
import Mapping
import Reference
import Resolution
import Storage

/// One run of one configured source: its connector's new input through the ingest pipeline, each input in its own
/// transaction with its checkpoint. Unchanged input (same file checksum, HTTP 304) applies nothing.
struct SourceJob {
    /// How a run ended, for the scheduler.
    enum Outcome: Equatable {
        /// Everything new was applied (or rejected as content, which a retry would not change).
        case succeeded(RunCounts, inputs: Int, rejected: Int)
        /// Worth retrying: the export could not be fetched, the file could not be read, or the store failed.
        case failed(String)
        /// The daemon is stopping: the input in progress was rolled back.
        case cancelled
        /// A file is still being written: what was ready was applied; run again soon for the rest.
        case waiting(RunCounts, String)
    }

    let source: SourceConfiguration
    let store: any Store
    let reference: ReferenceData
    let resolver: Resolver
    var cancellation: CancellationFlag?

    func run() -> Outcome {
        guard let mapping = source.loadedMapping else { return .failed("the mapping \(source.mapping) is not loaded") }
        var pipeline = IngestPipeline(mapping: mapping, reference: reference, store: store, resolver: resolver)
        pipeline.jobName = source.name
        pipeline.encodingOverride = source.encoding
        pipeline.snapshot = source.snapshot
        pipeline.cancellation = cancellation
        do {
            let reports = try inputs(pipeline, mapping: mapping)
            if let fetch = reports.first(where: { $0.fetchFailed == true }) {
                // An HTTP pull records its own failed run; an unreadable drop file is recorded here.
                if !isHTTP { try pipeline.recordRun(status: "failed", error: fetch.rejected) }
                return .failed(fetch.rejected ?? "fetch failed")
            }
            let applied = reports.filter { $0.rejected == nil && $0.skipped == nil }
            if applied.isEmpty && !reports.contains(where: { $0.rejected != nil }) && !isHTTP {
                // Nothing new: one row says the source was looked at (an HTTP 304 records its own).
                try pipeline.recordRun(status: "unchanged", error: reports.first?.skipped)
            }
            let counts = applied.reduce(RunCounts()) { $0 + $1.counts }
            if let waiting = reports.first(where: { $0.waiting == true }) {
                return .waiting(counts, "\(waiting.file): \(waiting.skipped ?? "still being written")")
            }
            return .succeeded(counts, inputs: applied.count, rejected: reports.filter { $0.rejected != nil }.count)
        } catch is IngestCancelled {
            return .cancelled
        } catch let recorded as FailedRunRecorded {
            return .failed("\(recorded)")
        } catch {
            try? pipeline.recordRun(status: "failed", error: "\(error)")
            return .failed("\(error)")
        }
    }

    private var isHTTP: Bool {
        if case .http = source.connector { return true }
        return false
    }

    private func inputs(_ pipeline: IngestPipeline, mapping: Mapping) throws -> [FileIngestReport] {
        switch source.connector {
        case .file(let path):
            guard FileManager.default.fileExists(atPath: path) else {
                throw SourceJobError(message: "the file \(path) does not exist")
            }
            let url = URL(fileURLWithPath: path)
            let folder = try DropFolder(
                directory: url.deletingLastPathComponent().path, glob: try GlobPattern.literal(url.lastPathComponent), settleSeconds: 2)
            return try pipeline.ingest(dropFolder: folder, move: false) { _, _ in }
        case .dropFolder(let directory, let glob, let settle, let move):
            let folder = try DropFolder(
                directory: directory, glob: try GlobPattern(glob ?? "*.\(mapping.input.format)"), settleSeconds: settle)
            return try pipeline.ingest(dropFolder: folder, move: move) { _, _ in }
        case .http(let url, let settings):
            let pull = try settings.pull()
            return [
                try pipeline.pull(
                    url: url, using: pull,
                    notify: { ServiceLog.write(.warn, "retrying fetch", [("source", .text(source.name)), ("reason", .text($0))]) },
                    progress: { _ in })
            ]
        }
    }
}

struct SourceJobError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
