import Decoding
import Domain
import Foundation
import Hashing
import Ingestion
import Mapping
import Reference
import Resolution
import Storage
import TextEncodings

/// What ingesting one file, one HTTP export or one drop-folder file did.
struct FileIngestReport: Codable {
    /// The file path or URL.
    var file: String
    var source: String
    var encoding: String?
    var counts: RunCounts
    /// Set when the input was rejected whole (nothing of it applied): a decode failure or an HTTP failure.
    var rejected: String?
    /// Set when the input was deliberately left alone: not modified (HTTP 304), already processed, still being
    /// written … Nothing was applied.
    var skipped: String?
    /// HTTP: the number of non-empty pages applied.
    var pages: Int?
    /// Drop folder / file: the file is still being written (modified within the settle time, or changing while
    /// read): it waits for a later run.
    var waiting: Bool?
    /// The input could not be fetched (HTTP: connection, timeout, status) or read (a drop file's permissions, I/O
    /// errors): nothing of it was looked at, so worth retrying, unlike `rejected` content.
    var fetchFailed: Bool?
    /// Drop folder: where the file was moved (`processed/` or `failed/`).
    var movedTo: String?
}

/// One body to decode: the local file and the name its records are located by (the file itself, or the URL).
struct IngestInput {
    var path: String
    var name: String
}

/// A source's connector checkpoints read from the store (writes go through `StoreTransaction.setCheckpoint` in the
/// transaction of the data they describe).
struct StoreCheckpoints: Checkpoints {
    let store: any Store
    let source: String

    func value(forKey key: String) throws -> String? {
        try store.read { try $0.checkpoint(source: source, key: key) }
    }
}

/// decode → map → stage → resolve, one transaction per input: a file (or all pages of one HTTP export) that cannot
/// be decoded is rolled back whole, and every golden-record change commits together with its feed event and with the
/// connector checkpoint (ETag, file checksum) that says the input was applied.
struct IngestPipeline {
    let mapping: Mapping
    let evaluator: MappingEvaluator
    let store: any Store
    let resolver: Resolver
    var resolve = true
    /// The name runs are recorded under in `job_runs` (the daemon's source name; the mapping's source by default).
    var jobName: String
    /// Overrides the mapping's `input.encoding` (a daemon source's `encoding:`).
    var encodingOverride: String?
    /// Checked every 1,000 records: when set, the input's transaction is rolled back and the run recorded as
    /// `cancelled` (SIGTERM during a long ingest).
    var cancellation: CancellationFlag?
    /// Fingerprints decoded records so that unchanged ones skip mapping and staging (nil: every record is mapped).
    var fingerprint: RecordFingerprint?
    /// Set when each input is the whole source (a full snapshot): the source's live mentions an input does not
    /// contain are missing, and retired or kept as the policy says. Nil: incremental, absence means nothing.
    var snapshot: SnapshotPolicy?

    init(mapping: Mapping, reference: ReferenceData, store: any Store, resolver: Resolver, resolve: Bool = true) {
        self.mapping = mapping
        self.evaluator = MappingEvaluator(mapping: mapping, reference: reference)
        self.store = store
        self.resolver = resolver
        self.resolve = resolve
        self.jobName = mapping.source
        self.fingerprint = RecordFingerprint(mapping: mapping, reference: reference)
    }

    var checkpoints: StoreCheckpoints { StoreCheckpoints(store: store, source: mapping.source) }

    /// A snapshot through a mapping with keyed outputs: several records may state one mention, and a stored
    /// mention's fingerprint names only the last of them, so an unchanged record could not tell which mentions it
    /// still contains. Every record is mapped (what the snapshot contains must be known exactly).
    private var sharesMentions: Bool { snapshot != nil && mapping.outputs.contains { $0.key != nil } }

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
        options.xmlNamespaces = input.xmlNamespaces
        for (column, others) in input.csvAliases {
            for other in others { options.csvColumnAliases[other] = column }
        }
        options.xmlSchemaPath = input.xmlSchema
        if let delimiter = input.csvDelimiter {
            options.csvDelimiter = DecodeOptions.delimiterByte(delimiter)
        }
        return options
    }

    /// Ingests one file. A file-level decode failure rolls back and is reported as `rejected`; the run is recorded
    /// in `job_runs` either way.
    func ingest(file path: String, progress: (Int) -> Void = { _ in }) throws -> FileIngestReport {
        try ingest(inputs: [IngestInput(path: path, name: path)], label: path, progress: progress)
    }

    /// Ingests several bodies as one unit (the pages of one export) in one transaction that also sets `checkpoints`.
    /// When rejected, nothing is applied and `rejectedCheckpoints` are set instead (with the run's record).
    func ingest(
        inputs: [IngestInput], label: String, checkpoints: [CheckpointUpdate] = [],
        rejectedCheckpoints: [CheckpointUpdate] = [], progress: (Int) -> Void = { _ in }
    ) throws -> FileIngestReport {
        var input = mapping.input
        if let encodingOverride { input.encoding = encodingOverride }
        let options = try IngestPipeline.decodeOptions(for: input)
        let time = Clock.now()
        let runID = try store.write { try $0.startRun(source: jobName, at: time) }
        var report = FileIngestReport(file: label, source: mapping.source, counts: RunCounts())
        do {
            report = try store.write { transaction in
                let applied = try apply(inputs: inputs, label: label, options: options, in: transaction, at: time, progress: progress)
                try set(checkpoints, in: transaction, at: time)
                return applied
            }
            try store.write { try $0.finishRun(id: runID, status: "succeeded", counts: report.counts, error: nil, at: Clock.now()) }
        } catch let diagnostic as Diagnostic {
            report.counts = RunCounts()
            report.rejected = diagnostic.description
            try store.write { transaction in
                try transaction.finishRun(id: runID, status: "rejected", counts: RunCounts(), error: diagnostic.description, at: Clock.now())
                try set(rejectedCheckpoints, in: transaction, at: time)
            }
        } catch let cancelled as IngestCancelled {
            try? store.write { try $0.finishRun(id: runID, status: "cancelled", counts: RunCounts(), error: cancelled.description, at: Clock.now()) }
            throw cancelled
        } catch {
            try? store.write { try $0.finishRun(id: runID, status: "failed", counts: RunCounts(), error: "\(error)", at: Clock.now()) }
            throw FailedRunRecorded(error: error)
        }
        return report
    }

    /// Records a run that applied nothing (an HTTP failure, a 304) so that `job_runs` shows every attempt.
    func recordRun(status: String, error: String?) throws {
        let time = Clock.now()
        try store.write { transaction in
            let id = try transaction.startRun(source: jobName, at: time)
            try transaction.finishRun(id: id, status: status, counts: RunCounts(), error: error, at: time)
        }
    }

    /// Counts the records of a body without applying anything (decides whether a counted page is empty).
    func countRecords(path: String) throws -> Int {
        let options = try IngestPipeline.decodeOptions(for: mapping.input)
        return try RecordDecoder.decodeFile(path: path, options: options, onRecord: { _ in }, onRecordError: { _ in }).records
    }

    private func set(_ updates: [CheckpointUpdate], in transaction: any StoreTransaction, at time: String) throws {
        for update in updates {
            try transaction.setCheckpoint(source: mapping.source, key: update.key, value: update.value, at: time)
        }
    }

    private func apply(
        inputs: [IngestInput], label: String, options: DecodeOptions, in transaction: any StoreTransaction, at time: String,
        progress: (Int) -> Void
    ) throws -> FileIngestReport {
        try resolver.prepareIndex(in: transaction)
        var counts = RunCounts()
        var changed = ChangedMentions()
        var seen: Set<Int64> = []
        var encoding: String?
        // A snapshot is measured against what was live before it (mentions it adds must not dilute the tombstone
        // limit), and replaces the source's open quarantine: records still failing are quarantined again below.
        let liveBefore = snapshot == nil ? [] : try transaction.mentionIDs(source: mapping.source)
        if snapshot != nil { try transaction.supersedeQuarantine(source: mapping.source) }
        var firstLoad = try transaction.hasMentions(source: mapping.source) ? nil : FirstLoadMemory(source: mapping.source)
        for input in inputs {
            let renamed = input.name != input.path
            let summary: DecodeSummary
            do {
                summary = try RecordDecoder.decodeFile(
                    path: input.path, options: options,
                    onRecord: { original in
                        var record = original
                        if renamed { record.location.file = input.name }
                        counts.read += 1
                        if counts.read % 1_000 == 0 {
                            if counts.read % 10_000 == 0 { progress(counts.read) }
                            if cancellation?.isSet == true { throw IngestCancelled() }
                        }
                        let staged = try stage(record, counts: &counts, changed: &changed, firstLoad: &firstLoad, in: transaction, at: time)
                        if snapshot != nil { seen.formUnion(staged) }
                    },
                    onRecordError: { error in
                        var location = error.location
                        if renamed { location.file = input.name }
                        counts.read += 1
                        counts.quarantined += 1
                        try transaction.quarantine(
                            source: mapping.source, location: location, rawText: error.rawText, record: nil, reasons: error.reasons,
                            at: time)
                    })
            } catch var diagnostic as Diagnostic {
                if renamed && diagnostic.location.file == input.path { diagnostic.location.file = input.name }
                throw diagnostic
            }
            encoding = encoding ?? summary.encoding.rawValue
        }
        var retired: [Int64] = []
        if let snapshot {
            let missing = liveBefore.filter { !seen.contains($0) }
            counts.mentionsMissing = missing.count
            if snapshot.tombstones == .retire {
                try snapshot.check(missing: missing.count, live: liveBefore.count, input: label)
                retired = missing
            }
        }
        if resolve || !retired.isEmpty {
            counts.record(try resolver.resolve(changed: resolve ? changed.ids : [], retired: retired, in: transaction, at: time))
        }
        return FileIngestReport(file: label, source: mapping.source, encoding: encoding, counts: counts)
    }

    /// Maps and stages one decoded record, or only counts it when its mentions were staged from an identical record
    /// under the same mapping (`RecordFingerprint`): mapping it again would give the same mentions and links.
    /// Returns the ids of the record's mentions (none when it was quarantined).
    private func stage(
        _ record: RawRecord, counts: inout RunCounts, changed: inout ChangedMentions, firstLoad: inout FirstLoadMemory?,
        in transaction: any StoreTransaction, at time: String
    ) throws -> [Int64] {
        let digest = fingerprint?.digest(record.fields)
        if let digest, !sharesMentions, firstLoad?.isNew(digest: digest) != true {
            let unchanged = try transaction.mentionIDs(recordDigest: digest)
            if !unchanged.isEmpty {
                counts.staged += 1
                counts.recordsUnchanged += 1
                counts.mentionsUnchanged += unchanged.count
                return unchanged
            }
        }
        switch evaluator.evaluate(record) {
        case .mapped(let mentions, let links):
            return try stageMapped(
                mentions, links: links, recordDigest: digest, counts: &counts, changed: &changed, firstLoad: &firstLoad, in: transaction,
                at: time)
        case .quarantined(let reasons):
            counts.quarantined += 1
            try transaction.quarantine(
                source: mapping.source, location: record.location, rawText: record.rawText, record: record.fields, reasons: reasons,
                at: time)
            return []
        }
    }

    /// Stages a mapped record's mentions (a new version only when the content changed), each marked with the
    /// record's fingerprint, and its links. Returns the mentions' ids.
    @discardableResult
    func stageMapped(
        _ mentions: [Mention], links: [MentionLink], recordDigest: String?, counts: inout RunCounts, changed: inout ChangedMentions,
        firstLoad: inout FirstLoadMemory?, in transaction: any StoreTransaction, at time: String
    ) throws -> [Int64] {
        counts.staged += 1
        var ids: [Int64] = []
        var staged: [MentionKey: Int64] = [:]
        var inserted: Set<MentionKey> = []
        for mention in mentions {
            let content = try MentionContent.json(mention)
            let (stored, outcome) = try transaction.stage(
                mention, content: content, contentHash: Digest.sha256Hex(content), recordDigest: recordDigest,
                knownNew: firstLoad?.isNew(mention.key) == true, at: time)
            firstLoad?.staged(mention.key)
            ids.append(stored.id)
            staged[mention.key] = stored.id
            if outcome == .inserted { inserted.insert(mention.key) }
            if outcome == .unchanged {
                counts.mentionsUnchanged += 1
            } else {
                counts.mentionsChanged += 1
                changed.insert(stored.id)
                try resolver.index(stored, in: transaction)
            }
        }
        if let first = links.first,
            try transaction.replaceLinks(stated: links, ids: staged, firstIsNew: inserted.contains(first.from), at: time)
        {
            if let id = try staged[first.from] ?? transaction.mention(key: first.from)?.id { changed.insert(id) }
        }
        if let recordDigest { firstLoad?.staged(digest: recordDigest) }
        return ids
    }
}

/// Set from another thread to stop an ingest at its next check (the input's transaction rolls back).
final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    var isSet: Bool { lock.withLock { set } }
    func cancel() { lock.withLock { set = true } }
}

/// Thrown inside an input's transaction when its `CancellationFlag` is set: nothing of the input is applied.
struct IngestCancelled: Error, CustomStringConvertible {
    var description: String { "cancelled: the daemon is stopping; nothing of this input was applied" }
}

extension RunCounts {
    /// What the resolver did for a run: feed events and candidate pairs by band.
    mutating func record(_ resolution: ResolutionSummary) {
        feedEvents = resolution.feedEvents
        pairsAutoLinked = resolution.pairsAutoLinked
        pairsInReview = resolution.pairsInReview
        pairsRejected = resolution.pairsRejected
        mentionsRetired = resolution.mentionsRetired
    }
}

/// An error that ended an input's run after the run was recorded as `failed` (callers must not record it again).
struct FailedRunRecorded: Error, CustomStringConvertible {
    var error: any Error
    var description: String { "\(error)" }
}

/// Mention ids changed by one input, in staging order, each once.
struct ChangedMentions {
    private(set) var ids: [Int64] = []
    private var seen: Set<Int64> = []

    mutating func insert(_ id: Int64) {
        if seen.insert(id).inserted { ids.append(id) }
    }
}

// MARK: - Connectors

extension IngestPipeline {
    /// Pulls one HTTP(S) export (all its pages) and applies it in one transaction with its new validators.
    /// A 304 applies nothing and keeps the stored validators; an HTTP failure is reported as `rejected`.
    func pull(url: String, using pull: HTTPPull, notify: (String) -> Void, progress: (Int) -> Void) throws -> FileIngestReport {
        let directory = NSTemporaryDirectory() + "lienthong-pull-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var report = FileIngestReport(file: url, source: mapping.source, counts: RunCounts())
        let outcome: PullOutcome
        do {
            outcome = try pull.run(
                url: url, checkpoints: checkpoints, into: directory,
                isEmptyPage: { try countRecords(path: $0.path) == 0 },
                onRetry: { notify($0.description) })
        } catch let error as HTTPFetchError {
            report.rejected = error.description
            report.fetchFailed = true
            try recordRun(status: "failed", error: error.description)
            return report
        } catch var diagnostic as Diagnostic {
            diagnostic.location.file = url
            report.rejected = diagnostic.description
            try recordRun(status: "rejected", error: diagnostic.description)
            return report
        }
        switch outcome {
        case .notModified:
            report.skipped = "not modified (HTTP 304)"
            try recordRun(status: "not_modified", error: nil)
            return report
        case .downloaded(let pages, let updates):
            report = try ingest(
                inputs: pages.map { IngestInput(path: $0.path, name: $0.url) }, label: url, checkpoints: updates, progress: progress)
            report.pages = pages.count
            return report
        }
    }

    /// One round over a drop folder: applies new and changed files in name order (each with its checkpoint in its
    /// own transaction), reports the others, and with `move` files them under `processed/` or `failed/`.
    func ingest(dropFolder folder: DropFolder, move: Bool, progress: (String, Int) -> Void) throws -> [FileIngestReport] {
        let scan = try folder.scan(checkpoints: checkpoints)
        var reports: [FileIngestReport] = []
        for file in scan.ready {
            var report = try ingest(
                inputs: [IngestInput(path: file.path, name: file.path)], label: file.path,
                checkpoints: [file.checkpoint(.processed)], rejectedCheckpoints: [file.checkpoint(.rejected)],
                progress: { progress(file.name, $0) })
            if move {
                report.movedTo = try report.rejected.map { try folder.moveToFailed(file, reason: $0) } ?? folder.moveToProcessed(file)
            }
            reports.append(report)
        }
        for file in scan.alreadyProcessed {
            var report = skipped(file.path, "already processed (same path, size and SHA-256)")
            if move { report.movedTo = try folder.moveToProcessed(file) }
            reports.append(report)
        }
        for file in scan.previouslyRejected {
            var report = skipped(file.path, "rejected earlier; not retried until its content changes")
            if move { report.movedTo = try folder.moveToFailed(file, reason: "rejected by an earlier run (same SHA-256); see job_runs") }
            reports.append(report)
        }
        for file in scan.unreadable {
            var report = skipped(file.path, file.reason)
            report.rejected = "\(file.path) \(file.reason)"
            report.fetchFailed = true
            reports.append(report)
        }
        for file in scan.notReady {
            var report = skipped(file.path, file.reason)
            report.waiting = true
            reports.append(report)
        }
        for file in scan.ignored {
            reports.append(skipped(file.path, file.reason))
        }
        return reports.sorted { $0.file < $1.file }
    }

    private func skipped(_ file: String, _ reason: String) -> FileIngestReport {
        FileIngestReport(file: file, source: mapping.source, counts: RunCounts(), skipped: reason)
    }
}
