import Domain
import Foundation
@testable import Decoding

/// A temporary directory for real input files; removed on deinit.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lienthong-decoding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(bytes).write(to: file)
        return file.path
    }

    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }
}

/// Everything a decode produced.
struct Decoded {
    var records: [RawRecord] = []
    var errors: [RecordError] = []
    var summary: DecodeSummary?

    static func file(_ path: String, _ options: DecodeOptions) throws -> Decoded {
        var result = Decoded()
        result.summary = try RecordDecoder.decodeFile(
            path: path, options: options, onRecord: { result.records.append($0) }, onRecordError: { result.errors.append($0) })
        return result
    }
}
