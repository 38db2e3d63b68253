/// The input bytes handed to libxml2, kept so that a record's raw text can be taken straight from the source
/// (`rawBytes(from:to:)`) instead of being re-serialised from parser events.
///
/// The source is read into the window in chunks and libxml2's reads are served from there (`serve`). Before each
/// chunk is read the window drops what the caller says is parsed (libxml2 keeps its own copy of anything it has not
/// parsed yet, and offsets are positions in the byte stream). A record still open at that point has its first
/// `limit + 1` bytes saved aside, so a record that spans chunks (even one far longer than a chunk) is served from the
/// saved head plus the window. Memory is one chunk, the saved head, and whatever the caller keeps (a cut start tag).
struct XMLInputWindow {
    /// Raw text is capped at this many bytes (plus "…"), as `XMLRawTextWriter` caps it.
    let limit: Int
    private var storage: UnsafeMutableRawBufferPointer
    /// Absolute offset of `storage[0]` in the input.
    private(set) var base = 0
    /// Valid bytes in `storage`.
    private(set) var count = 0
    /// Absolute offset just past the last byte handed to the parser (`base...end`).
    private(set) var handed = 0
    /// The head of the open record whose start the window has moved past: bytes `savedStart..<savedEnd`.
    private var saved: [UInt8] = []
    private var savedStart = -1
    private var savedEnd = 0

    init(capacity: Int, limit: Int = 4096) {
        self.limit = limit
        storage = .allocate(byteCount: max(capacity, 16), alignment: 16)
    }

    /// Frees the storage; the window is unusable afterwards.
    func deallocate() { storage.deallocate() }

    /// Absolute offset just past the last byte read.
    var end: Int { base + count }

    /// Copies the next bytes for the parser into `buffer` and returns their count (0 at end of input). When every
    /// byte held has been handed on, first drops the bytes before `keep` (saving the head of the record starting at
    /// `openRecord` when it is dropped) and reads up to `chunkSize` bytes from `source`.
    mutating func serve(
        into buffer: UnsafeMutableRawBufferPointer, from source: ByteSource, chunkSize: Int, keepingFrom keep: Int, openRecord: Int?
    ) throws -> Int {
        if handed == end { try refill(from: source, chunkSize: chunkSize, keepingFrom: keep, openRecord: openRecord) }
        let n = min(buffer.count, end - handed)
        guard n > 0, let to = buffer.baseAddress, let from = storage.baseAddress else { return 0 }
        to.copyMemory(from: from + (handed - base), byteCount: n)
        handed += n
        return n
    }

    /// Every byte held has been handed on: the next `serve` reads a chunk (and drops what is parsed).
    var isAllHanded: Bool { handed == end }

    /// The offset of the `<` of a tag still open at absolute offset `offset` (a `<` with no `>` after it), looking back
    /// at most `distance` bytes among those held; nil when there is none. A `>` inside an attribute value hides its tag:
    /// the caller then treats it as closed (a record starting there is re-serialised, never wrong).
    func tagOpen(before offset: Int, within distance: Int) -> Int? {
        guard let bytes = storage.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
        var k = min(offset, end) - 1
        let stop = max(base, offset - distance)
        while k >= stop {
            switch bytes[k - base] {
            case UInt8(ascii: "<"): return k
            case UInt8(ascii: ">"): return nil
            default: k -= 1
            }
        }
        return nil
    }

    private mutating func refill(from source: ByteSource, chunkSize: Int, keepingFrom keep: Int, openRecord: Int?) throws {
        let keep = min(max(keep, base), end)
        if let start = openRecord, start < keep, start >= 0 { saveHead(of: start) }
        let kept = end - keep
        if kept > 0, keep > base, let p = storage.baseAddress {
            p.copyMemory(from: p + (keep - base), byteCount: kept)
        }
        base = keep
        count = kept
        if storage.count < kept + chunkSize {
            let grown = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 * (kept + chunkSize), alignment: 16)
            if kept > 0, let to = grown.baseAddress, let from = storage.baseAddress { to.copyMemory(from: from, byteCount: kept) }
            storage.deallocate()
            storage = grown
        }
        count += try source.read(into: UnsafeMutableRawBufferPointer(rebasing: storage[kept..<(kept + chunkSize)]))
    }

    /// True when the byte at absolute offset `offset` is still in the window.
    func holds(_ offset: Int) -> Bool { offset >= base && offset < end }

    /// The record text between absolute offsets `start` and `end`, capped at `limit` bytes on a UTF-8 boundary plus
    /// "…"; nil when those bytes are no longer held (the caller then re-serialises).
    func rawBytes(from start: Int, to stop: Int) -> [UInt8]? {
        guard start <= stop, stop <= end else { return nil }
        let capped = stop - start > limit
        let want = capped ? start + limit : stop
        var bytes: [UInt8]
        if start >= base {
            bytes = Array(UnsafeRawBufferPointer(rebasing: storage[(start - base)..<(want - base)]))
        } else {
            guard start == savedStart, savedEnd >= base || savedEnd >= want else { return nil }
            bytes = Array(saved[0..<(min(savedEnd, want) - start)])
            if want > savedEnd { bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[(savedEnd - base)..<(want - base)])) }
        }
        guard capped else { return bytes }
        bytes.removeLast(bytes.count - XMLRawTextWriter.characterBoundary(in: bytes, atOrBefore: bytes.count))
        bytes.append(contentsOf: "…".utf8)
        return bytes
    }

    private mutating func saveHead(of start: Int) {
        if savedStart != start {
            guard start >= base else { return }  // not held and not saved: rawBytes will say so
            saved.removeAll(keepingCapacity: true)
            savedStart = start
            savedEnd = start
        }
        let upTo = min(start + limit + 1, end)
        guard savedEnd < upTo, savedEnd >= base else { return }
        saved.append(contentsOf: UnsafeRawBufferPointer(rebasing: storage[(savedEnd - base)..<(upTo - base)]))
        savedEnd = upTo
    }
}
