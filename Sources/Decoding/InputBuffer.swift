import Domain
import TextEncodings

/// A sliding window over a byte source, with line/column bookkeeping.
///
/// Parsers scan `storage[0..<count]` directly. When a parser needs more bytes it calls `fill(keepingFrom:)`, which
/// drops everything before the given index (after counting its newlines), moves the rest to the front and reads
/// more. Memory is bounded by the largest record plus one chunk.
final class InputBuffer {
    /// The window. Only `storage[0..<count]` is valid.
    private(set) var storage: [UInt8]
    /// Number of valid bytes in `storage`.
    private(set) var count = 0
    /// Absolute offset (in the stream) of `storage[0]`.
    private(set) var base = 0
    /// True once the source reported end of input.
    private(set) var isEOF = false
    /// The file name used in locations.
    let name: String

    private let source: ByteSource
    private let chunkSize: Int
    // Line bookkeeping: `line` is the line number at absolute offset `countedTo`; `lineStart` is where it begins.
    private var line = 1
    private var lineStart = 0
    private var countedTo = 0

    init(source: ByteSource, name: String, chunkSize: Int = 1 << 20) {
        self.source = source
        self.name = name
        self.chunkSize = chunkSize
        self.storage = [UInt8](repeating: 0, count: chunkSize)
    }

    /// Total bytes read so far.
    var bytesRead: Int { base + count }

    /// Discards bytes before `keep` (an index into `storage`), then reads at least one more chunk (more when the
    /// kept part is large, so that huge records are re-scanned only a logarithmic number of times).
    /// Returns false when nothing more could be read.
    @discardableResult
    func fill(keepingFrom keep: Int) throws -> Bool {
        if isEOF { return false }
        let keep = max(0, min(keep, count))
        advanceLines(to: base + keep)
        let kept = count - keep
        if keep > 0 && kept > 0 {
            storage.withUnsafeMutableBytes { raw in
                guard let p = raw.baseAddress else { return }
                (p + 0).copyMemory(from: p + keep, byteCount: kept)
            }
        }
        base += keep
        count = kept
        let want = max(chunkSize, kept)
        if storage.count < kept + want {
            storage.append(contentsOf: [UInt8](repeating: 0, count: kept + want - storage.count))
        }
        var added = 0
        while added < want {
            let n = try storage.withUnsafeMutableBytes { raw in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[(count + added)..<(count + want)]))
            }
            if n == 0 { isEOF = true; break }
            added += n
        }
        count += added
        return added > 0
    }

    /// Reads until at least `bytes` are buffered (or input ends); used for sniffing.
    func prefetch(_ bytes: Int) throws {
        while count < bytes && !isEOF {
            try fill(keepingFrom: 0)
        }
    }

    /// Drops `n` leading bytes (a BOM) without counting them as a column.
    func skipPrefix(_ n: Int) {
        guard n > 0, n <= count else { return }
        storage.withUnsafeMutableBytes { raw in
            guard let p = raw.baseAddress else { return }
            p.copyMemory(from: p + n, byteCount: count - n)
        }
        count -= n
        base += n
        lineStart = base
        countedTo = base
    }

    /// 1-based line and byte column of `index` (an index into `storage`), plus its absolute offset.
    /// Positions are normally asked for in increasing order; earlier positions still in the window also work.
    func position(of index: Int) -> (line: Int, column: Int, offset: Int) {
        let absolute = base + max(0, min(index, count))
        if absolute >= countedTo {
            advanceLines(to: absolute)
            return (line, absolute - lineStart + 1, absolute)
        }
        // Backwards: count newlines between `absolute` and `countedTo`, then find the start of that line.
        var lineNumber = line
        var k = countedTo - base - 1
        while k >= index && k >= 0 { if storage[k] == 0x0A { lineNumber -= 1 }; k -= 1 }
        var start = index
        while start > 0 && storage[start - 1] != 0x0A { start -= 1 }
        let startAbsolute = start == 0 && lineNumber == line ? min(lineStart, base) : base + start
        return (lineNumber, absolute - startAbsolute + 1, absolute)
    }

    /// A `SourceLocation` for `index`.
    func location(of index: Int, pointer: String? = nil) -> SourceLocation {
        let p = position(of: index)
        return SourceLocation(file: name, line: p.line, column: p.column, byteOffset: p.offset, pointer: pointer)
    }

    /// A file-level diagnostic at `index`.
    func diagnostic(at index: Int, rule: String, _ message: String) -> Diagnostic {
        Diagnostic(location: location(of: index), rule: rule, message: message)
    }

    /// The bytes of `range` as text for quarantine, truncated to `limit` bytes; decoded with `encoding` when
    /// possible, otherwise as lossy UTF-8.
    func rawText(_ range: Range<Int>, encoding: TextEncoding, limit: Int = 4096) -> String {
        let end = min(range.upperBound, range.lowerBound + limit, count)
        guard range.lowerBound < end else { return "" }
        let slice = storage[range.lowerBound..<end]
        let text = encoding.isASCIICompatible && encoding != .utf8
            ? (try? VietnameseCodec.decode(slice, as: encoding)) ?? String(decoding: slice, as: UTF8.self)
            : String(decoding: slice, as: UTF8.self)
        return end < range.upperBound ? text + "…" : text
    }

    private func advanceLines(to absolute: Int) {
        guard absolute > countedTo else { return }
        storage.withUnsafeBufferPointer { p in
            var k = countedTo - base
            let end = absolute - base
            while k < end {
                if p[k] == 0x0A { line += 1; lineStart = base + k + 1 }
                k += 1
            }
        }
        countedTo = absolute
    }
}
