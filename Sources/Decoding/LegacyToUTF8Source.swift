import Domain
import TextEncodings

/// Transcodes a legacy Vietnamese stream (TCVN3, VNI, Windows-1258) to UTF-8 on the fly, for the XML parser: libxml2
/// has no VNI converter and no detection, so a legacy file it is not told about (`auto`) or cannot read (VNI) is
/// handed to it as UTF-8. The last byte of every read waits for the next one: VNI writes a letter as a base byte and a
/// modifier byte, and Windows-1258 a tone as a combining byte after its vowel, so a pair is never split. Lines are
/// kept, so the parser's line numbers are the file's; a byte the encoding leaves undefined fails the file at its line.
final class LegacyToUTF8Source: TranscodingByteSource {
    private let inner: ByteSource
    private let encoding: TextEncoding
    private let name: String
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    var output: [UInt8] = []
    var outputPosition = 0
    private(set) var finished = false
    /// Newlines before `pending`, for the line of an undefined byte.
    private var lines = 1

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
        let take = finished ? pending.count : pending.count - 1
        guard take > 0 else { return }
        let text: String
        do {
            text = try pending.withUnsafeBufferPointer { try VietnameseCodec.decodeBuffer(UnsafeBufferPointer(rebasing: $0[0..<take]), as: encoding) }
        } catch let error as TextDecodingError {
            let before = pending[0..<min(error.byteOffset, take)]
            let line = lines + before.lazy.filter { $0 == 0x0A }.count
            let column = before.count - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            throw Diagnostic(
                location: SourceLocation(file: name, line: line, column: column), rule: "encoding.undefined_byte",
                message: "\(error.reason) (file read as \(encoding.rawValue))")
        }
        output.append(contentsOf: text.utf8)
        lines += pending[0..<take].lazy.filter { $0 == 0x0A }.count
        pending.removeFirst(take)
    }
}
