/// LEB128: an unsigned number in 7-bit groups, lowest first, the high bit set on every byte but the last, so small
/// numbers (the common case) take one byte. Written by the search index's posting lists and the build cache's notice
/// entries; each reads it back in its own loop (one into search.js's base 36, one with bounds checks).
public enum LEB128 {
    @inlinable
    public static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
