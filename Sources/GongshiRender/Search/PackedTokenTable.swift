/// The distinct packed Han tokens of one text (`SearchIndexBuilder.TokenSet.pair` and single scalars), collected
/// with open addressing and a multiplicative hash. A notice has some ten thousand Han characters and pairs, most
/// repeated; `Set<UInt64>` hashed each one with SipHash, which was two fifths of tokenizing (callgrind, 1,000
/// notices). Tokens are never 0 (a Han scalar value is at least U+3007), so 0 marks an empty slot.
struct PackedTokenTable {
    private var slots: [UInt64]
    private var mask: Int
    private(set) var count = 0

    /// Room for `expected` tokens before the table first grows.
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    mutating func insert(_ token: UInt64) {
        var index = Self.home(token, mask)
        while true {
            let slot = slots[index]
            if slot == token { return }
            if slot == 0 { break }
            index = (index + 1) & mask
        }
        slots[index] = token
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// The tokens in ascending order.
    func sorted() -> [UInt64] {
        var tokens: [UInt64] = []
        tokens.reserveCapacity(count)
        for slot in slots where slot != 0 { tokens.append(slot) }
        tokens.sort()
        return tokens
    }

    @inline(__always)
    private static func home(_ token: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (token &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for token in old where token != 0 { insert(token) }
    }
}
