/// FNV-1a, 64 bits, over a string's UTF-8 bytes: a stable, seedless hash (Swift's `hashValue` is seeded per process)
/// for entity-ID fingerprints, quarantine fingerprints and blocking-key hashes that must be equal across runs.
public enum FNV1a {
    public static func hash(_ text: String) -> UInt64 { hash(bytes: text.utf8) }

    public static func hash(bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
