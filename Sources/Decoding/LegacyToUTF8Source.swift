import Domain
import TextEncodings

/// Transcodes a legacy Vietnamese stream (TCVN3, VNI, Windows-1258) to UTF-8 on the fly, for the XML parser: libxml2
/// has no VNI converter and no detection, so a legacy file it is not told about (`auto`) or cannot read (VNI) is
/// handed to it as UTF-8. Each read is cut after its last ASCII byte that is not a letter (markup, space, digit,
/// punctuation): VNI writes a letter as a base byte and a modifier byte, and Windows-1258 a tone as a combining byte
/// after its vowel, and neither pair contains such a byte, so no pair is split. Lines are kept, so the parser's line
/// numbers are the file's; a byte the encoding leaves undefined fails the file at its line and column.
final class LegacyToUTF8Source: TranscodingByteSource {
    private let inner: ByteSource
    private let encoding: TextEncoding
    private let name: String
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    var output: [UInt8] = []
    var outputPosition = 0
    private(set) var finished = false
    /// The line and column of `pending`'s first byte, for the place of an undefined byte.
    private var line = 1
    private var column = 1

    init(_ inner: ByteSource, encoding: TextEncoding, name: String) {
        self.inner = inner
        self.encoding = encoding
        self.name = name
    }

    func refill() throws {
        output.removeAll(keepingCapacity: true)
        outputPosition = 0
        let n = try raw.withUnsafeMutableBytes { try inner.read(into: $0) }
        pending.append(contentsOf: raw[0..<n])
        if n == 0 { finished = true }
        let take = finished ? pending.count : Self.safeCut(pending)
        guard take > 0 else { return }
        let text: String
        do {
            text = try pending.withUnsafeBufferPointer { try VietnameseCodec.decodeBuffer(UnsafeBufferPointer(rebasing: $0[0..<take]), as: encoding) }
        } catch let error as TextDecodingError {
            let at = position(after: pending[0..<min(error.byteOffset, take)])
            throw Diagnostic(
                location: SourceLocation(file: name, line: at.line, column: at.column), rule: "encoding.undefined_byte",
                message: "\(error.reason) (file read as \(encoding.rawValue))")
        }
        output.append(contentsOf: text.utf8)
        (line, column) = position(after: pending[0..<take])
        pending.removeFirst(take)
    }

    /// The line and column just after `bytes`, which start at `line`:`column`.
    private func position(after bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else { return (line, column + bytes.count) }
        return (line + bytes.lazy.filter { $0 == 0x0A }.count, bytes.endIndex - lastNewline)
    }

    /// How many bytes of `pending` can be decoded now: up to and including its last ASCII byte that is not a letter;
    /// none while there is no such byte (more is read first), unless a whole megabyte of letters has no break.
    static func safeCut(_ pending: [UInt8]) -> Int {
        if let boundary = pending.lastIndex(where: { $0 < 0x80 && !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) { return boundary + 1 }
        return pending.count > 1 << 20 ? pending.count - 2 : 0
    }
}
