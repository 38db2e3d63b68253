#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TextEncodings

/// A forward-only supplier of bytes.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes into `buffer`; 0 means end of input.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

/// Reads a file with `read(2)`; the file is closed on deinit.
final class FileByteSource: ByteSource {
    private let fd: Int32

    /// Opens `path` for reading, or nil (with `errno` set) when it cannot be opened.
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        self.fd = fd
    }

    deinit { close(fd) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let n = Glibc.read(fd, base, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw SourceReadError(code: errno)
        }
    }
}

/// An I/O failure while reading.
struct SourceReadError: Error { var code: Int32 }

/// Serves bytes that are already in memory.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = min(buffer.count, bytes.count - position)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + n)]))
        }
        position += n
        return n
    }
}

/// Transcodes a UTF-16 stream (BOM decides the byte order; little-endian without one) to UTF-8 on the fly, so the
/// byte scanners only ever see UTF-8. Byte offsets reported downstream are offsets in the UTF-8 stream.
final class UTF16ToUTF8Source: TranscodingByteSource {
    private let inner: ByteSource
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var carry: [UInt8] = []
    var output: [UInt8] = []
    var outputPosition = 0
    private var bigEndian = false
    private var started = false
    private(set) var finished = false
    private var consumed = 0

    init(_ inner: ByteSource) { self.inner = inner }

    func refill() throws {
        output.removeAll(keepingCapacity: true)
        outputPosition = 0
        let n = try raw.withUnsafeMutableBytes { try inner.read(into: $0) }
        var units = carry
        units.append(contentsOf: raw[0..<n])
        carry.removeAll(keepingCapacity: true)
        var i = 0
        if !started, units.count >= 2 || n == 0 {
            started = true
            if units.count >= 2, units[0] == 0xFE, units[1] == 0xFF { bigEndian = true; i = 2 }
            else if units.count >= 2, units[0] == 0xFF, units[1] == 0xFE { i = 2 }
        }
        func unit(_ k: Int) -> UInt32 {
            bigEndian ? UInt32(units[k]) << 8 | UInt32(units[k + 1]) : UInt32(units[k + 1]) << 8 | UInt32(units[k])
        }
        while i + 1 < units.count {
            var value = unit(i)
            var width = 2
            if value >= 0xD800 && value <= 0xDBFF {
                if i + 3 >= units.count {
                    if n == 0 { throw TextDecodingError(encoding: .utf16, byteOffset: consumed + i, reason: "lone high surrogate") }
                    break
                }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    throw TextDecodingError(encoding: .utf16, byteOffset: consumed + i, reason: "lone high surrogate")
                }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                width = 4
            } else if value >= 0xDC00 && value <= 0xDFFF {
                throw TextDecodingError(encoding: .utf16, byteOffset: consumed + i, reason: "lone low surrogate")
            }
            if let scalar = Unicode.Scalar(value), let encoded = UTF8.encode(scalar) { output.append(contentsOf: encoded) }
            i += width
        }
        carry.append(contentsOf: units[i...])
        consumed += i
        if n == 0 {
            if !carry.isEmpty {
                throw TextDecodingError(encoding: .utf16, byteOffset: consumed, reason: "odd number of bytes in UTF-16")
            }
            finished = true
        }
    }
}

/// A source that converts another one's bytes: `refill` replaces `output` with the next converted bytes (possibly none)
/// or sets `finished`; reads are served from `output`.
protocol TranscodingByteSource: ByteSource {
    var output: [UInt8] { get }
    var outputPosition: Int { get set }
    var finished: Bool { get }
    func refill() throws
}

extension TranscodingByteSource {
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while outputPosition >= output.count {
            if finished { return 0 }
            try refill()
        }
        let n = min(buffer.count, output.count - outputPosition)
        output.withUnsafeBytes { source in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[outputPosition..<(outputPosition + n)]))
        }
        outputPosition += n
        return n
    }
}

/// Serves already-read bytes first, then the rest of another source (used after sniffing the first 64 KiB).
final class PrefixedByteSource: ByteSource {
    private var prefix: [UInt8]
    private var position = 0
    private let rest: ByteSource

    init(prefix: [UInt8], rest: ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        if position < prefix.count {
            let n = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { source in
                buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[position..<(position + n)]))
            }
            position += n
            if position == prefix.count { prefix = [] ; position = Int.max }
            return n
        }
        return try rest.read(into: buffer)
    }

    /// Reads up to `count` bytes from `source` (fewer only at end of input).
    static func readSample(_ source: ByteSource, count: Int) throws -> [UInt8] {
        var sample = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = try sample.withUnsafeMutableBytes { try source.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
            if n == 0 { break }
            filled += n
        }
        sample.removeLast(count - filled)
        return sample
    }
}
