import Domain
import Testing
@testable import Decoding

/// Where an XML parse stops: a consumer's error ends it at once, and a file that fails is not read to its end.
@Suite struct XMLStoppingTests {
    /// Serves bytes from memory and counts how many were read.
    final class CountingSource: ByteSource {
        private let inner: MemoryByteSource
        private(set) var bytesRead = 0
        init(_ bytes: [UInt8]) { inner = MemoryByteSource(bytes) }
        func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
            let n = try inner.read(into: buffer)
            bytesRead += n
            return n
        }
    }

    struct Refused: Error, Equatable { var record: Int }

    /// `count` records, many chunks long.
    private static func document(records count: Int, badAfter bad: Int? = nil) -> [UInt8] {
        var xml = "<?xml version=\"1.0\"?>\n<ds>\n"
        for k in 0..<count {
            xml += "  <r id=\"\(k)\"><t>Nguyễn Văn \(k)</t></r>\n"
            if k == bad { xml += "  <r><t>1</u></r>\n" }
        }
        return Array((xml + "</ds>\n").utf8)
    }

    @Test func aConsumersErrorEndsTheParseAndIsRethrownAsItIs() throws {
        let bytes = Self.document(records: 20_000)
        let source = CountingSource(bytes)
        let reader = XMLRecordReader(name: "d.xml", options: DecodeOptions(format: .xml))
        var delivered = 0
        #expect(throws: Refused(record: 3)) {
            try reader.run(source: source, onRecord: { _ in
                delivered += 1
                if delivered == 3 { throw Refused(record: 3) }
            }, onRecordError: { _ in })
        }
        #expect(delivered == 3, "no record is handed on after the consumer threw")
        #expect(source.bytesRead < bytes.count / 4, "read \(source.bytesRead) of \(bytes.count) bytes")
    }

    @Test func aFileThatFailsEarlyIsNotReadToItsEnd() throws {
        let bytes = Self.document(records: 20_000, badAfter: 10)
        let source = CountingSource(bytes)
        let reader = XMLRecordReader(name: "d.xml", options: DecodeOptions(format: .xml))
        do {
            try reader.run(source: source, onRecord: { _ in }, onRecordError: { _ in })
            Issue.record("expected a diagnostic")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == "xml.tag_mismatch" && diagnostic.location.line == 14, "\(diagnostic)")
        }
        #expect(source.bytesRead < bytes.count / 4, "read \(source.bytesRead) of \(bytes.count) bytes")
    }

    @Test func aSourceThatFailsToReadNamesTheLineReached() throws {
        final class FailingSource: ByteSource {
            let inner = MemoryByteSource(XMLStoppingTests.document(records: 20_000))
            var served = 0
            func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
                guard served < 100_000 else { throw SourceReadError(code: 5) }
                let n = try inner.read(into: buffer)
                served += n
                return n
            }
        }
        let reader = XMLRecordReader(name: "d.xml", options: DecodeOptions(format: .xml))
        var delivered = 0
        do {
            try reader.run(source: FailingSource(), onRecord: { _ in delivered += 1 }, onRecordError: { _ in })
            Issue.record("expected a diagnostic")
        } catch let diagnostic as Diagnostic {
            #expect(diagnostic.rule == "io.read_failed" && diagnostic.message.contains("errno 5"), "\(diagnostic)")
            #expect((diagnostic.location.line ?? 0) > 1000, "\(diagnostic)")
        }
        #expect(delivered > 1000 && delivered < 20_000)
    }
}
