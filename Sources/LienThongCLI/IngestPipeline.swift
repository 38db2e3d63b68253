import Decoding
import Domain
import Foundation
import Hashing
import Mapping
import Reference
import Resolution
import Storage
import TextEncodings

/// What ingesting one file did.
struct FileIngestReport: Codable {
    var file: String
    var source: String
    var encoding: String?
    var counts: RunCounts
    /// Set when the file was rejected whole (nothing of it applied).
    var rejected: String?
}

/// decode → map → stage → resolve, one transaction per file: a file that cannot be decoded is rolled back
/// whole, and every golden-record change commits together with its feed event.
struct IngestPipeline {
    let mapping: Mapping
    let evaluator: MappingEvaluator
    let store: any Store
    let resolver: ExactResolver
    var resolve = true

    init(mapping: Mapping, reference: ReferenceData, store: any Store, resolve: Bool = true) {
        self.mapping = mapping
        self.evaluator = MappingEvaluator(mapping: mapping, reference: reference)
        self.store = store
        self.resolver = ExactResolver()
        self.resolve = resolve
    }

    /// The decoder options a mapping's input section asks for.
    static func decodeOptions(for input: InputSpec) throws -> DecodeOptions {
        guard let format = InputFormat(rawValue: input.format) else {
            throw UsageError(message: "unknown input format '\(input.format)'")
        }
        var options = DecodeOptions(format: format)
        if let encoding = input.encoding, encoding != "auto" {
            guard let known = TextEncoding(rawValue: encoding) else {
                throw UsageError(message: "unknown encoding '\(encoding)'")
            }
            options.encoding = known
        }
        options.recordPath = input.record
        options.csvHeader = input.csvHeader
        if let delimiter = input.csvDelimiter {
            options.csvDelimiter = delimiter == "\\t" || delimiter == "tab" ? 9 : delimiter.utf8.first
        }
        return options
    }

    /// Ingests one file. A file-level decode failure rolls back and is reported as `rejected`; the run is recorded
    /// in `job_runs` either way.
    func ingest(file path: String, progress: (Int) -> Void = { _ in }) throws -> FileIngestReport {
        let options = try IngestPipeline.decodeOptions(for: mapping.input)
        let time = Clock.now()
        let runID = try store.write { try $0.startRun(source: mapping.source, at: time) }
        var report = FileIngestReport(file: path, source: mapping.source, counts: RunCounts())
        do {
            report = try store.write { transaction in
                try apply(file: path, options: options, in: transaction, at: time, progress: progress)
            }
            try store.write { try $0.finishRun(id: runID, status: "succeeded", counts: report.counts, error: nil, at: Clock.now()) }
        } catch let diagnostic as Diagnostic {
            report.counts = RunCounts()
            report.rejected = diagnostic.description
            try store.write { try $0.finishRun(id: runID, status: "rejected", counts: RunCounts(), error: diagnostic.description, at: Clock.now()) }
        } catch {
            try? store.write { try $0.finishRun(id: runID, status: "failed", counts: RunCounts(), error: "\(error)", at: Clock.now()) }
            throw error
        }
        return report
    }

    private func apply(
        file path: String, options: DecodeOptions, in transaction: any StoreTransaction, at time: String,
        progress: (Int) -> Void
    ) throws -> FileIngestReport {
        var counts = RunCounts()
        var changed: [Int64] = []
        let summary = try RecordDecoder.decodeFile(
            path: path, options: options,
            onRecord: { record in
                counts.read += 1
                if counts.read % 10_000 == 0 { progress(counts.read) }
                switch evaluator.evaluate(record) {
                case .mapped(let mentions, let links):
                    counts.staged += 1
                    for mention in mentions {
                        let content = try MentionContent.json(mention)
                        let (stored, outcome) = try transaction.stage(
                            mention, content: content, contentHash: Digest.sha256Hex(content), at: time)
                        if outcome == .unchanged {
                            counts.mentionsUnchanged += 1
                        } else {
                            counts.mentionsChanged += 1
                            changed.append(stored.id)
                        }
                    }
                    if try transaction.replaceLinks(stated: links, at: time), let first = links.first,
                        let stored = try transaction.mention(key: first.from), !changed.contains(stored.id)
                    {
                        changed.append(stored.id)
                    }
                case .quarantined(let reasons):
                    counts.quarantined += 1
                    try transaction.quarantine(
                        source: mapping.source, location: record.location, rawText: record.rawText, reasons: reasons, at: time)
                }
            },
            onRecordError: { error in
                counts.read += 1
                counts.quarantined += 1
                try transaction.quarantine(
                    source: mapping.source, location: error.location, rawText: error.rawText, reasons: error.reasons, at: time)
            })
        if resolve {
            counts.feedEvents = try resolver.resolve(mentionIDs: changed, in: transaction, at: time).feedEvents
        }
        return FileIngestReport(file: path, source: mapping.source, encoding: summary.encoding.rawValue, counts: counts)
    }
}
