/// The typing slip the comparisons forgive: two values of equal length that differ in exactly one position, or in
/// exactly two neighbouring positions swapped ("0123456789" / "0123456780", "1023456789"). Used by document numbers,
/// postal codes and full birth dates. No allocation: these run for compared pairs whose values differ.
enum OneTypo {
    /// On bytes.
    static func apart(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        guard x.count == y.count else { return false }
        var differing = 0
        var first = 0
        for index in x.indices where x[index] != y[index] {
            differing += 1
            if differing > 2 { return false }
            if differing == 1 { first = index } else if index != first + 1 { return false }
        }
        if differing == 1 { return true }
        return differing == 2 && x[first] == y[first + 1] && x[first + 1] == y[first]
    }

    /// On the strings' UTF-8 bytes.
    static func apart(_ x: String, _ y: String) -> Bool {
        withBytes(x, y) { apart($0, $1) }
    }

    /// On the decimal digits of two non-negative numbers (yyyymmdd dates); numbers of different digit counts are not.
    static func apart(_ p: Int, _ q: Int) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { digits in
            let x = decimal(p, into: UnsafeMutableBufferPointer(rebasing: digits[0..<20]))
            let y = decimal(q, into: UnsafeMutableBufferPointer(rebasing: digits[20..<40]))
            return apart(UnsafeBufferPointer(x), UnsafeBufferPointer(y))
        }
    }

    /// Writes `value`'s decimal digits at the end of `buffer` and returns them.
    private static func decimal(_ value: Int, into buffer: UnsafeMutableBufferPointer<UInt8>) -> UnsafeMutableBufferPointer<UInt8> {
        var rest = max(value, 0)
        var start = buffer.count
        repeat {
            start -= 1
            buffer[start] = UInt8(0x30 + rest % 10)
            rest /= 10
        } while rest > 0 && start > 0
        return UnsafeMutableBufferPointer(rebasing: buffer[start...])
    }

    /// Runs `body` on the UTF-8 bytes of both strings, without copying them when they are native (contiguous).
    static func withBytes<R>(_ x: String, _ y: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = x.utf8.withContiguousStorageIfAvailable({ x in y.utf8.withContiguousStorageIfAvailable { y in body(x, y) } }),
            let result
        {
            return result
        }
        return Array(x.utf8).withUnsafeBufferPointer { x in Array(y.utf8).withUnsafeBufferPointer { y in body(x, y) } }
    }
}
