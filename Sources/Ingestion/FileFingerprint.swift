import Foundation
import Hashing

/// What identifies one delivery of a file in a drop folder: its size and SHA-256. A file delivered again with the
/// same bytes is the same delivery; any change of content gives a new fingerprint and is processed again.
public struct FileFingerprint: Hashable, Sendable, CustomStringConvertible {
    public var size: Int64
    /// Lower-case hex SHA-256 of the content.
    public var sha256: String

    public init(size: Int64, sha256: String) {
        self.size = size
        self.sha256 = sha256
    }

    /// Reads the file and hashes it as a stream (1 MiB chunks), so memory stays fixed whatever the file size. The
    /// size is the number of bytes hashed. Throws `FileFingerprintError` when the file cannot be opened or read.
    public static func compute(path: String) throws -> FileFingerprint {
        do {
            let digest = try Digest.sha256(fileAt: path)
            return FileFingerprint(size: digest.size, sha256: digest.sha256Hex)
        } catch {
            throw FileFingerprintError(underlying: error)
        }
    }

    /// `size=123 sha256=ab…`: the stable text kept in a checkpoint.
    public var description: String { "size=\(size) sha256=\(sha256)" }
}

/// A file that could not be fingerprinted; `localizedDescription` is the system's reason (`cannot open …: Permission
/// denied`), as shown in drop-folder scan reports.
public struct FileFingerprintError: LocalizedError, Hashable, Sendable, CustomStringConvertible {
    public var underlying: FileDigestError
    public var description: String { underlying.description }
    public var errorDescription: String? { underlying.description }
}

/// How a drop-folder file was last dealt with, as kept in its checkpoint: `processed size=… sha256=…` or
/// `rejected size=… sha256=…`.
public struct FileCheckpoint: Hashable, Sendable {
    public enum State: String, Sendable {
        /// Applied (the checkpoint was committed with the file's data).
        case processed
        /// Rejected whole; not retried until its content changes.
        case rejected
    }

    public var state: State
    public var fingerprint: FileFingerprint

    public init(state: State, fingerprint: FileFingerprint) {
        self.state = state
        self.fingerprint = fingerprint
    }

    /// Parses a stored value; nil when it is not one of ours (the file is then treated as new).
    public init?(parsing value: String) {
        let parts = value.split(separator: " ")
        guard parts.count == 3, let state = State(rawValue: String(parts[0])),
            parts[1].hasPrefix("size="), let size = Int64(parts[1].dropFirst(5)),
            parts[2].hasPrefix("sha256="), parts[2].count == 7 + 64
        else { return nil }
        self.init(state: state, fingerprint: FileFingerprint(size: size, sha256: String(parts[2].dropFirst(7))))
    }

    public var value: String { "\(state.rawValue) \(fingerprint)" }
}
