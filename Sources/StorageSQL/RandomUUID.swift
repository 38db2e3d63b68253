/// Random (version 4) UUIDs for feed event ids, drawn from the system's generator (`getrandom`). Foundation's
/// `UUID()` opens and reads `/dev/urandom` for every id on Linux: three system calls per feed event.
enum RandomUUID {
    /// A new random UUID in lower case, `xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`.
    static func lowercased() -> String {
        var generator = SystemRandomNumberGenerator()
        // Version 4 in the high nibble of byte 6, variant 10 in the top bits of byte 8.
        let high = (generator.next() & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000
        let low = (generator.next() & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { out in
            var k = 0
            func put(_ value: UInt64, nibbles: ClosedRange<Int>) {
                for nibble in nibbles.reversed() {
                    out[k] = digits[Int((value >> UInt64(4 * nibble)) & 0xF)]
                    k += 1
                    if k == 8 || k == 13 || k == 18 || k == 23 { out[k] = UInt8(ascii: "-"); k += 1 }
                }
            }
            put(high, nibbles: 0...15)
            put(low, nibbles: 0...15)
            return k
        }
    }
}
