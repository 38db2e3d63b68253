import Decoding
import Domain
import Foundation
import Mapping
import Reference
import TextEncodings

/// `lienthong bench decode|map`: throughput of the decoder alone, and of decoder plus mapping evaluator,
/// over a whole file with nothing stored.
enum BenchCommand {
    static let command = Command(
        name: "bench", summary: "measure decode and mapping throughput on a file (records/s, MB/s)",
        usage: "decode FILE [--format F] [--encoding E] [--record PATH] [--delimiter C] | map --mapping M FILE [--runs N]",
        options: [
            .value("--mapping", "M", "map: the mapping file (its input section sets format and encoding)"),
            .value("--format", "FORMAT", "decode: csv, json or xml (default: from the file extension)"),
            .value("--encoding", "ENC", "decode: text encoding (default auto)"),
            .value("--record", "PATH", "decode: XML record element or JSON pointer to the record array"),
            .value("--schema", "XSD", "decode: validate XML against this XSD while decoding"),
            .value("--delimiter", "C", "decode: CSV delimiter (default: sniffed)"),
            .value("--runs", "N", "passes of each measurement; the fastest is reported (default 1)"),
            .value("--remember", "N", "map: recent results each costly normaliser keeps (default 8192; 0 = none)"),
        ],
        examples: [
            "lienthong bench decode out/bench/population.xml --record cong_dan",
            "lienthong bench map --mapping Mappings/population.yaml out/bench/population.xml --runs 3 --json",
        ],
        details: """
            decode runs the decoder over the whole file; map runs it twice per pass, once alone and once with the
            mapping evaluator on every record, and reports the overhead of mapping and normalisation as a percentage
            of decode time. Nothing is stored. Reference data is loaded (and its name index built) before timing.
            """,
        run: run)

    /// One timed pass over a file.
    struct Measurement: Encodable, Equatable {
        var records: Int
        var recordErrors: Int
        var seconds: Double
        var recordsPerSecond: Double
        var megabytesPerSecond: Double

        init(summary: DecodeSummary, bytes: Int, seconds: Double) {
            records = summary.records
            recordErrors = summary.recordErrors
            self.seconds = seconds
            let safe = max(seconds, 1e-9)
            recordsPerSecond = Double(summary.records + summary.recordErrors) / safe
            megabytesPerSecond = Double(bytes) / 1_000_000 / safe
        }
    }

    /// What the evaluator made of the records (so the work cannot be skipped, and as a sanity check).
    struct MappingCounts: Encodable, Equatable {
        var mapped = 0
        var quarantined = 0
        var mentions = 0
        var links = 0
        var findings = 0
    }

    struct Report: Encodable {
        var file: String
        var bytes: Int
        var format: String
        var decode: Measurement
        var decodeAndMap: Measurement?
        var mappingCounts: MappingCounts?
        /// (decode+map − decode) / decode, in percent.
        var overheadPercent: Double?
        /// The evaluator's `rememberedResults` (map only).
        var rememberedResults: Int?
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard let action = arguments.positionals.first else {
            throw UsageError(message: "expected decode or map", verb: "bench")
        }
        guard arguments.positionals.count == 2 else { throw UsageError(message: "expected exactly one FILE", verb: "bench") }
        let file = arguments.positionals[1]
        let runs = try arguments.int("--runs", default: 1, verb: "bench", range: 1...100)
        let bytes = fileSize(file)
        let report: Report
        switch action {
        case "decode":
            let options = try DecodeOptions.from(arguments, file: file, verb: "bench")
            let decode = try best(of: runs) { try timeDecode(file, options) }
            report = Report(file: file, bytes: bytes, format: options.format.rawValue, decode: decode)
        case "map":
            guard let mappingPath = arguments.value("--mapping") else {
                throw UsageError(message: "map needs --mapping M", verb: "bench")
            }
            let mapping = try MappingLoader.load(path: mappingPath)
            let reference = try context.reference()
            _ = reference.findProvinces2025(foldedName: "ha noi")  // builds the name index outside the timings
            let remember = try arguments.int("--remember", default: 8_192, verb: "bench", range: 0...10_000_000)
            let options = try IngestPipeline.decodeOptions(for: mapping.input)
            var counts = MappingCounts()
            let decode = try best(of: runs) { try timeDecode(file, options) }
            let mapped = try best(of: runs) {
                counts = MappingCounts()
                // A fresh evaluator per pass: nothing remembered from the pass before.
                let evaluator = MappingEvaluator(mapping: mapping, reference: reference, rememberedResults: remember)
                return try timeDecodeAndMap(file, options, evaluator, &counts)
            }
            report = Report(
                file: file, bytes: bytes, format: options.format.rawValue, decode: decode, decodeAndMap: mapped,
                mappingCounts: counts, overheadPercent: (mapped.seconds - decode.seconds) / max(decode.seconds, 1e-9) * 100,
                rememberedResults: remember)
        default:
            throw UsageError(message: "unknown action '\(action)' (decode, map)", verb: "bench")
        }
        if context.wantsJSON {
            try context.console.json(report)
        } else {
            write(report, to: context.console)
        }
        return ExitCode.ok
    }

    private static func write(_ report: Report, to console: Console) {
        func line(_ label: String, _ measurement: Measurement) -> String {
            "\(label) \(measurement.records) records (\(measurement.recordErrors) record errors) in "
                + "\(format(measurement.seconds, 3)) s: \(format(measurement.recordsPerSecond, 0)) records/s, "
                + "\(format(measurement.megabytesPerSecond, 1)) MB/s"
        }
        console.out("\(report.file) (\(report.format), \(format(Double(report.bytes) / 1_000_000, 1)) MB)")
        console.out(line("decode:       ", report.decode))
        if let mapped = report.decodeAndMap, let overhead = report.overheadPercent {
            console.out(line("decode + map: ", mapped))
            let perRecord = (mapped.seconds - report.decode.seconds) / Double(max(mapped.records, 1)) * 1e6
            console.out("mapping overhead: \(format(overhead, 1)) % of decode time (\(format(perRecord, 2)) µs per record)")
            if let counts = report.mappingCounts {
                console.out(
                    "mapped \(counts.mapped), quarantined \(counts.quarantined), mentions \(counts.mentions), "
                        + "links \(counts.links), findings \(counts.findings)")
            }
        }
    }

    private static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The fastest of `runs` passes.
    private static func best(of runs: Int, _ measure: () throws -> Measurement) throws -> Measurement {
        var fastest = try measure()
        for _ in 1..<runs {
            let next = try measure()
            if next.seconds < fastest.seconds { fastest = next }
        }
        return fastest
    }

    private static func timeDecode(_ file: String, _ options: DecodeOptions) throws -> Measurement {
        var fields = 0
        let start = ContinuousClock.now
        let summary = try RecordDecoder.decodeFile(
            path: file, options: options,
            onRecord: { record in if case .object(let members) = record.fields { fields &+= members.count } },
            onRecordError: { _ in })
        let seconds = seconds(since: start)
        if fields < 0 { Swift.print(fields) }  // keeps the records observed
        return Measurement(summary: summary, bytes: fileSize(file), seconds: seconds)
    }

    private static func timeDecodeAndMap(
        _ file: String, _ options: DecodeOptions, _ evaluator: MappingEvaluator, _ counts: inout MappingCounts
    ) throws -> Measurement {
        var tally = MappingCounts()
        let start = ContinuousClock.now
        let summary = try RecordDecoder.decodeFile(
            path: file, options: options,
            onRecord: { record in
                switch evaluator.evaluate(record) {
                case .mapped(let mentions, let links):
                    tally.mapped += 1
                    tally.mentions += mentions.count
                    tally.links += links.count
                    for mention in mentions { tally.findings += mention.findings.count }
                case .quarantined:
                    tally.quarantined += 1
                }
            },
            onRecordError: { _ in })
        let seconds = seconds(since: start)
        counts = tally
        return Measurement(summary: summary, bytes: fileSize(file), seconds: seconds)
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
