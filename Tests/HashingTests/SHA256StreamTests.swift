import Foundation
import Hashing
import Testing

@Suite struct SHA256StreamTests {
    /// Deterministic pseudo-random bytes (SplitMix64), so a failure is reproducible.
    static func pseudoRandomBytes(_ count: Int, seed: UInt64 = 0x4C69_656E_5468_6F6E) -> [UInt8] {
        var state = seed
        var bytes = [UInt8]()
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            withUnsafeBytes(of: z.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Array(bytes.prefix(count))
    }

    /// Writes `bytes` to a fresh temporary file, runs `body` with its path, then removes it.
    func withTemporaryFile(_ bytes: [UInt8], _ body: (String) throws -> Void) throws {
        let path = NSTemporaryDirectory() + "lienthong-hashing-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    @Test func knownVectorForABC() throws {
        var stream = SHA256Stream()
        stream.update(Array("a".utf8))
        stream.update(Array("bc".utf8))
        #expect(Digest.hex(stream.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        try withTemporaryFile(Array("abc".utf8)) { path in
            let hex = try Digest.sha256Hex(fileAt: path)
            #expect(hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        }
    }

    @Test func emptyInputEqualsOneShot() throws {
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        let stream = SHA256Stream()
        #expect(Digest.hex(stream.finalize()) == empty)
        #expect(Digest.sha256Hex([UInt8]()) == empty)
        try withTemporaryFile([]) { path in
            let digest = try Digest.sha256(fileAt: path)
            #expect(digest.size == 0)
            #expect(digest.sha256Hex == empty)
        }
    }

    @Test func multiChunkFileEqualsOneShot() throws {
        // 3.5 MiB: three full 1 MiB reads and a half one.
        let bytes = Self.pseudoRandomBytes(3 * (1 << 20) + (1 << 19))
        let oneShot = Digest.sha256Hex(bytes)
        try withTemporaryFile(bytes) { path in
            let digest = try Digest.sha256(fileAt: path)
            #expect(digest.size == Int64(bytes.count))
            #expect(digest.sha256Hex == oneShot)
            #expect(try Digest.sha256Hex(fileAt: path) == oneShot)
            // Odd chunk sizes, including ones that do not divide the size and a 1-byte one on a prefix.
            for chunkSize in [4096, 65_537, 3_000_001] {
                #expect(try Digest.sha256(fileAt: path, chunkSize: chunkSize) == digest, "chunk size \(chunkSize)")
            }
        }
        let prefix = Array(bytes.prefix(5000))
        try withTemporaryFile(prefix) { path in
            let byteByByte = try Digest.sha256(fileAt: path, chunkSize: 1)
            #expect(byteByByte.sha256Hex == Digest.sha256Hex(prefix))
        }
    }

    @Test func updatesInUnevenPiecesEqualOneShot() {
        let bytes = Self.pseudoRandomBytes(1_000_003)
        var stream = SHA256Stream()
        var offset = 0
        var piece = 1
        while offset < bytes.count {
            let end = min(bytes.count, offset + piece)
            stream.update(bytes[offset..<end])
            offset = end
            piece = piece * 3 + 1
        }
        #expect(stream.finalize() == Digest.sha256(bytes))
    }

    @Test func unreadablePathsThrow() throws {
        let missing = NSTemporaryDirectory() + "lienthong-missing-" + UUID().uuidString
        #expect(throws: FileDigestError(operation: "open", path: missing, code: ENOENT)) {
            try Digest.sha256Hex(fileAt: missing)
        }
        #expect(FileDigestError(operation: "open", path: missing, code: ENOENT).description
            == "cannot open \(missing): No such file or directory")
        // A directory opens but cannot be read.
        #expect(throws: FileDigestError(operation: "read", path: NSTemporaryDirectory(), code: EISDIR)) {
            try Digest.sha256(fileAt: NSTemporaryDirectory())
        }
        // Permission denied (meaningless as root, who reads anything).
        if geteuid() != 0 {
            try withTemporaryFile(Array("secret".utf8)) { path in
                try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: path)
                #expect(throws: FileDigestError(operation: "open", path: path, code: EACCES)) {
                    try Digest.sha256Hex(fileAt: path)
                }
            }
        }
    }
}
