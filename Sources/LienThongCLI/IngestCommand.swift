import Domain
import Foundation
import Ingestion
import Mapping
import Storage

enum IngestCommand {
    static let command = Command(
        name: "ingest", summary: "read registry files, drop folders or HTTP(S) exports through a mapping into the store",
        usage: "--mapping FILE [--no-resolve] [--remap-all] [--snapshot [--tombstones retire|keep] [--tombstone-limit P%]] "
            + "[--drop DIR [--glob PATTERN] [--move-processed]] [INPUT...]",
        options: [
            .value("--mapping", "FILE", "mapping file (Mappings/*.yaml) describing the input layout"),
            .flag("--no-resolve", "stage mentions only; run 'lienthong resolve' later (with --snapshot, what retired mentions leave is resolved)"),
            .flag("--remap-all", "map every record, also those whose fingerprint says they are unchanged"),
            .flag("--snapshot", "the input is the whole source: its mentions the input leaves out are missing (one INPUT, or --drop)"),
            .value("--tombstones", "POLICY", "--snapshot: 'retire' missing mentions (default) or 'keep' them and only count them"),
            .value("--tombstone-limit", "P%", "--snapshot: reject an input that would retire more than P% of the source (default 20%)"),
            .value("--drop", "DIR", "process the new and changed files of a drop folder (one round; run it from cron)"),
            .value("--glob", "PATTERN", "drop-folder file names to take (default '*.FORMAT' of the mapping, e.g. '*.csv')"),
            .flag("--move-processed", "move applied files to DIR/processed/, rejected ones to DIR/failed/ (+ NAME.reason.txt)"),
            .value("--settle", "S", "skip drop files modified less than S seconds ago: still being written (default 5)"),
            .value("--connect-timeout", "S", "HTTP: seconds allowed to connect (default 10)"),
            .value("--timeout", "S", "HTTP: seconds allowed per attempt, body included (default 300; 0 = none)"),
            .value("--retries", "N", "HTTP: retries on connection errors, timeouts, 5xx and 429 (default 3; never 4xx)"),
            .value("--page-param", "NAME", "HTTP: page with ?NAME=1,2,… until a page has no records"),
            .value("--first-page", "N", "HTTP: first value of --page-param (default 1)"),
            .value("--max-pages", "N", "HTTP: stop with an error after N pages (default 10000)"),
            .value("--bearer-token-file", "F", "HTTP: send 'Authorization: Bearer' with the token read from file F"),
            .value("--basic-auth-file", "F", "HTTP: Basic authentication with the 'user:password' line of file F"),
            .value("--cacert", "FILE", "HTTPS: PEM bundle of the certificate authorities to trust"),
            .value("--cert", "FILE", "HTTPS: PEM client certificate (mutual TLS)"),
            .value("--key", "FILE", "HTTPS: PEM private key of --cert"),
            .value("--max-bytes", "N", "HTTP: reject a response body larger than N bytes (suffix K, M or G allowed)"),
        ] + ResolverOptions.specs,
        examples: [
            "lienthong ingest --mapping Mappings/population.yaml out/population.xml",
            "lienthong ingest --mapping Mappings/land.yaml --store sqlite:/var/lib/lienthong/store.db land-*.csv",
            "lienthong ingest --mapping Mappings/land.yaml --drop /srv/drop/land --glob 'land-*.csv' --move-processed",
            "lienthong ingest --mapping Mappings/population.yaml --snapshot --tombstone-limit 5% exports/population-2026-11.xml",
            "lienthong ingest --mapping Mappings/land.yaml https://land.example.gov.vn/export/land.csv --retries 5",
            "lienthong ingest --mapping Mappings/enterprise.yaml --bearer-token-file /etc/lienthong/dkkd.token \\\n"
                + "      --page-param page --max-bytes 200M https://api.example.gov.vn/enterprises",
            "lienthong ingest --mapping Mappings/population.yaml --cacert ca.pem --cert client.pem --key client.key "
                + "https://dancu.example.gov.vn/export.xml",
        ],
        details: """
            Each file is applied in one transaction: a file that cannot be decoded is rejected whole (nothing applied,
            the reason with file:line:col on stderr, exit 1); records that fail mapping are quarantined with every
            reason and the rest goes on. Re-ingesting an unchanged file changes nothing.

            Unchanged records: mentions keep a fingerprint of the decoded record they came from, salted with the
            mapping file, the reference data and the program binary. A record whose fingerprint is already stored is
            counted as staged (and "unchanged, not re-mapped") without being mapped again, so a changed file costs
            about its decoding plus its changed records. Editing the mapping, the reference data or upgrading
            re-maps every record once; --remap-all does so on demand.

            Drop folder (--drop DIR): each round takes the regular files directly in DIR whose names match --glob, in
            name order. A file is processed once, tracked by path + size + SHA-256 in the store's checkpoints; the
            checkpoint commits in the same transaction as the file's data, so a crash never marks a file processed
            without its data. A changed file (new checksum) is processed again. A file modified within the last
            --settle seconds, or whose size changes while it is checksummed, is still being written and waits for
            the next round; hidden names (.export.csv.part) never match, so writers can write there and rename.
            A rejected file is not retried until its content changes.

            Full snapshots (--snapshot): the input (one file, one HTTP export with all its pages, or each drop-folder
            file) is the whole source. Live mentions of the mapping's source that it does not contain — records
            deleted upstream, and records that now fail mapping — are missing: 'retire' tombstones them (a version
            without content; they leave their entities, an entity left without members is retired with an
            entity.retired event; a later input containing the record brings it back), 'keep' only counts them. An
            input that would retire more than --tombstone-limit of the source's live mentions is rejected whole, so
            that a truncated export never empties a registry. The source's open quarantine is replaced by the
            input's own failures. Without --snapshot every input only adds and changes.

            HTTP(S) pull (INPUT starting with http:// or https://): the body streams to a temporary file and is
            decoded like a file; record locations name the URL. The stored ETag / Last-Modified are sent as
            If-None-Match / If-Modified-Since: 304 means "not modified" and nothing is applied. New validators are
            stored in the same transaction as the data. Connection errors, timeouts, 5xx and 429 are retried with
            exponential back-off and jitter (honouring Retry-After); other 4xx are not. Pages follow
            'Link: <…>; rel="next"' headers, or --page-param; all pages apply in one transaction. Secrets are read
            from files only; URLs carrying user:password are refused. Errors name the URL and the HTTP status or
            curl error.
            """,
        run: run)

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        let mappingPath = try arguments.required("--mapping", verb: "ingest")
        let drop = arguments.value("--drop")
        guard !arguments.positionals.isEmpty || drop != nil else {
            throw UsageError(message: "no INPUT files, URLs or --drop DIR given", verb: "ingest")
        }
        let urls = arguments.positionals.filter(isURL)
        try checkOptionsApply(arguments, hasURLs: !urls.isEmpty, hasDrop: drop != nil)
        let snapshot = try snapshotPolicy(arguments, inputs: arguments.positionals.count + (drop == nil ? 0 : 1))
        let mapping = try MappingLoader.load(path: mappingPath)
        let pull = urls.isEmpty ? nil : try httpPull(arguments)
        let folder = try drop.map { try dropFolder($0, arguments, mapping: mapping) }
        // Runs are recorded under the mapping's source: claim it as a daemon claims its jobs (which claim it too), so a
        // daemon starting meanwhile does not mark this run interrupted, and an ingest never runs beside a job or another
        // ingest of the same source.
        let store = try context.store()
        guard let claim = try SourceClaim.claim([mapping.source], in: store) else {
            context.console.error("\(mapping.source): another process (a daemon's job or another ingest) is running this source now; run again later")
            return ExitCode.failure
        }
        defer { claim.release() }
        var pipeline = IngestPipeline(
            mapping: mapping, reference: try context.reference(), store: store,
            resolver: try context.resolver(), resolve: !arguments.has("--no-resolve"))
        if arguments.has("--remap-all") { pipeline.fingerprint = nil }
        pipeline.snapshot = snapshot
        let console = context.console
        var reports: [FileIngestReport] = []
        for input in arguments.positionals {
            let report: FileIngestReport
            if let pull, isURL(input) {
                report = try pipeline.pull(
                    url: input, using: pull, notify: { console.error($0) }, progress: { console.progress("\(input): \($0) records") })
            } else {
                report = try pipeline.ingest(file: input) { console.progress("\(input): \($0) records") }
            }
            console.endProgress()
            reports.append(report)
            if let rejected = report.rejected { console.error("rejected: \(rejected)") }
        }
        if let folder {
            let round = try pipeline.ingest(dropFolder: folder, move: arguments.has("--move-processed")) { name, count in
                console.progress("\(name): \(count) records")
            }
            console.endProgress()
            for report in round { if let rejected = report.rejected { console.error("rejected: \(rejected)") } }
            reports += round
        }
        if context.wantsJSON {
            try console.json(reports)
        } else {
            if reports.isEmpty { console.out("\(drop ?? ""): no files match") }
            for report in reports { console.out(describe(report)) }
        }
        return reports.contains { $0.rejected != nil } ? ExitCode.failure : ExitCode.ok
    }

    static func describe(_ report: FileIngestReport) -> String {
        let moved = report.movedTo.map { " → \($0)" } ?? ""
        if report.rejected != nil { return "\(report.file): rejected (nothing applied)\(moved)" }
        if let skipped = report.skipped { return "\(report.file): \(skipped); nothing applied\(moved)" }
        let c = report.counts
        let pages = report.pages.map { ", \($0) page\($0 == 1 ? "" : "s")" } ?? ""
        let unchanged = c.recordsUnchanged > 0 ? " (\(c.recordsUnchanged) unchanged, not re-mapped)" : ""
        let missing = c.mentionsMissing > 0 ? "; \(c.mentionsMissing) missing from the snapshot, \(c.mentionsRetired) retired" : ""
        return "\(report.file) [\(report.source), \(report.encoding ?? "?")\(pages)]: \(c.read) read = \(c.staged) staged\(unchanged) + "
            + "\(c.quarantined) quarantined; mentions \(c.mentionsChanged) new/changed, \(c.mentionsUnchanged) unchanged; "
            + "\(c.feedEvents) feed events\(missing)\(moved)"
    }

    static func isURL(_ input: String) -> Bool {
        let lower = input.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    // MARK: - Options

    static let httpOptions = [
        "--connect-timeout", "--timeout", "--retries", "--page-param", "--first-page", "--max-pages", "--bearer-token-file",
        "--basic-auth-file", "--cacert", "--cert", "--key", "--max-bytes",
    ]
    static let dropOptions = ["--glob", "--settle"]

    /// Connector options given without their connector are usage errors, not silently ignored.
    static func checkOptionsApply(_ arguments: ParsedArguments, hasURLs: Bool, hasDrop: Bool) throws {
        if !hasURLs, let name = httpOptions.first(where: { arguments.value($0) != nil }) {
            throw UsageError(message: "\(name) applies to http:// or https:// INPUTs only", verb: "ingest")
        }
        let dropOption = dropOptions.first { arguments.value($0) != nil } ?? (arguments.has("--move-processed") ? "--move-processed" : nil)
        if !hasDrop, let name = dropOption {
            throw UsageError(message: "\(name) applies to --drop only", verb: "ingest")
        }
        if arguments.value("--first-page") != nil && arguments.value("--page-param") == nil {
            throw UsageError(message: "--first-page needs --page-param", verb: "ingest")
        }
    }

    /// `--snapshot` with its policy options; the options without it, or a snapshot of several inputs at once, are
    /// usage errors (which of two files would be the whole source?).
    static func snapshotPolicy(_ arguments: ParsedArguments, inputs: Int) throws -> SnapshotPolicy? {
        guard arguments.has("--snapshot") else {
            if let name = ["--tombstones", "--tombstone-limit"].first(where: { arguments.value($0) != nil }) {
                throw UsageError(message: "\(name) applies to --snapshot only", verb: "ingest")
            }
            return nil
        }
        guard inputs == 1 else {
            throw UsageError(
                message: "--snapshot takes one INPUT or one --drop DIR (each of its files is a whole snapshot), got \(inputs)", verb: "ingest")
        }
        var policy = SnapshotPolicy()
        if let text = arguments.value("--tombstones") {
            guard let tombstones = SnapshotPolicy.Tombstones(rawValue: text) else {
                throw UsageError(message: "--tombstones expects retire or keep, got '\(text)'", verb: "ingest")
            }
            policy.tombstones = tombstones
        }
        if let text = arguments.value("--tombstone-limit") {
            guard let limit = SnapshotPolicy.limit(parsing: text) else {
                throw UsageError(message: "--tombstone-limit expects a share from 0% to 100%, got '\(text)'", verb: "ingest")
            }
            policy.limit = limit
        }
        return policy
    }

    /// The HTTP options as `HTTPPullSettings` (the daemon's connector settings), checked as the configuration
    /// loader checks them, then built by the same `HTTPPullSettings.pull()`.
    static func httpPull(_ arguments: ParsedArguments) throws -> HTTPPull {
        var settings = HTTPPullSettings()
        settings.connectTimeout = try seconds(arguments, "--connect-timeout") ?? settings.connectTimeout
        settings.timeout = try seconds(arguments, "--timeout") ?? settings.timeout
        settings.retries = try arguments.int("--retries", default: settings.retries, verb: "ingest", range: 0...20)
        settings.bearerTokenFile = arguments.value("--bearer-token-file")
        settings.basicAuthFile = arguments.value("--basic-auth-file")
        settings.caFile = try readableFile(arguments, "--cacert")
        settings.certificateFile = try readableFile(arguments, "--cert")
        settings.keyFile = try readableFile(arguments, "--key")
        if let conflict = settings.conflict { throw UsageError(message: conflict, verb: "ingest") }
        if let text = arguments.value("--max-bytes") {
            guard let limit = byteCount(text), limit > 0 else {
                throw UsageError(message: "--max-bytes expects a positive byte count such as 5000000 or 200M, got '\(text)'", verb: "ingest")
            }
            settings.maxBytes = limit
        }
        if let name = arguments.value("--page-param") {
            if let problem = HTTPPullSettings.pageParameterProblem(name) {
                throw UsageError(message: "--page-param \(problem)", verb: "ingest")
            }
            settings.pageParameter = name
            settings.firstPage = try arguments.int("--first-page", default: 1, verb: "ingest", range: 0...1_000_000)
        }
        settings.maxPages = try arguments.int("--max-pages", default: 10_000, verb: "ingest", range: 1...1_000_000)
        do {
            return try settings.pull()
        } catch let error as CredentialFileError {
            throw UsageError(message: error.description, verb: "ingest")
        }
    }

    static func dropFolder(_ directory: String, _ arguments: ParsedArguments, mapping: Mapping) throws -> DropFolder {
        do {
            let glob = try GlobPattern(arguments.value("--glob") ?? "*.\(mapping.input.format)")
            return try DropFolder(directory: directory, glob: glob, settleSeconds: try seconds(arguments, "--settle") ?? 5)
        } catch let error as GlobPatternError {
            throw UsageError(message: error.description, verb: "ingest")
        } catch let error as DropFolderError {
            throw UsageError(message: "--drop \(error.description)", verb: "ingest")
        }
    }

    static func seconds(_ arguments: ParsedArguments, _ name: String) throws -> Double? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0, value <= 86_400 else {
            throw UsageError(message: "\(name) expects seconds between 0 and 86400 (decimals allowed), got '\(text)'", verb: "ingest")
        }
        return value
    }

    static func readableFile(_ arguments: ParsedArguments, _ name: String) throws -> String? {
        guard let path = arguments.value(name) else { return nil }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw UsageError(message: "\(name) \(path): no such readable file", verb: "ingest")
        }
        return path
    }

    /// `5000`, `64K`, `200M`, `2G` (binary multiples).
    static func byteCount(_ text: String) -> Int64? {
        let multipliers: [Character: Int64] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        guard let last = text.last?.uppercased().first else { return nil }
        if let multiplier = multipliers[last] {
            guard let number = Int64(text.dropLast()) else { return nil }
            let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
            return overflow ? nil : product
        }
        return Int64(text)
    }
}
