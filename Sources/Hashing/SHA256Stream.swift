import CCrypto

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Incremental SHA-256 through libcrypto's EVP interface: feed bytes in any number of `update` calls, then
/// `finalize()` once. Memory is fixed whatever the input size. Not copyable (it owns an `EVP_MD_CTX`).
public struct SHA256Stream: ~Copyable {
    private let context: OpaquePointer

    public init() {
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL EVP_MD_CTX_new failed (out of memory)") }
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "OpenSSL EVP_DigestInit_ex(SHA-256) failed")
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        precondition(EVP_DigestUpdate(context, base, bytes.count) == 1, "OpenSSL EVP_DigestUpdate failed")
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        Array(bytes).withUnsafeBytes { update($0) }
    }

    /// The SHA-256 of everything added (32 bytes). Consumes the stream.
    public consuming func finalize() -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        precondition(EVP_DigestFinal_ex(context, &output, &length) == 1, "OpenSSL EVP_DigestFinal_ex failed")
        return Array(output.prefix(Int(length)))
    }
}

/// The SHA-256 and size of a file, read as a stream.
public struct FileDigest: Hashable, Sendable {
    /// Bytes read.
    public var size: Int64
    /// SHA-256 of the content (32 bytes).
    public var sha256: [UInt8]

    public init(size: Int64, sha256: [UInt8]) {
        self.size = size
        self.sha256 = sha256
    }

    /// Lower-case hex SHA-256 (64 characters).
    public var sha256Hex: String { Digest.hex(sha256) }
}

/// A file that could not be opened or read while hashing: the system call, the path and `strerror(errno)`.
public struct FileDigestError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `open` or `read`.
    public var operation: String
    public var path: String
    /// The `errno` value.
    public var code: Int32
    /// `strerror(code)`, e.g. `No such file or directory`.
    public var message: String

    public init(operation: String, path: String, code: Int32) {
        self.operation = operation
        self.path = path
        self.code = code
        self.message = String(cString: strerror(code))
    }

    /// `cannot read /drop/a.csv: Permission denied`.
    public var description: String { "cannot \(operation) \(path): \(message)" }
}

extension Digest {
    /// Bytes read per `read(2)` call when hashing a file.
    public static let fileChunkSize = 1 << 20

    /// SHA-256 and size of the file at `path`, read in `chunkSize`-byte chunks (1 MiB by default), so memory stays
    /// fixed whatever the file size. Throws `FileDigestError` when the file cannot be opened or read (a directory
    /// fails with `EISDIR` on the first read).
    public static func sha256(fileAt path: String, chunkSize: Int = fileChunkSize) throws(FileDigestError) -> FileDigest {
        precondition(chunkSize > 0, "chunkSize must be positive")
        var descriptor: Int32
        repeat { descriptor = open(path, O_RDONLY | O_CLOEXEC) } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { throw FileDigestError(operation: "open", path: path, code: errno) }
        defer { close(descriptor) }
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        var stream = SHA256Stream()
        var size: Int64 = 0
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileDigestError(operation: "read", path: path, code: errno)
            }
            if count == 0 { break }
            stream.update(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            size += Int64(count)
        }
        return FileDigest(size: size, sha256: stream.finalize())
    }

    /// Lower-case hex SHA-256 of the file at `path`, streamed in 1 MiB chunks. Throws `FileDigestError`.
    public static func sha256Hex(fileAt path: String) throws(FileDigestError) -> String {
        try sha256(fileAt: path).sha256Hex
    }
}
