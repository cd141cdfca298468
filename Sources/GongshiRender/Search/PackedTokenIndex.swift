/// Numbers distinct packed Han tokens (`SearchIndexBuilder.TokenSet.pair` and single scalars) 0, 1, 2… in the order
/// they first come, with open addressing and a multiplicative hash. Tokenizing a notice meets some ten thousand Han
/// characters and pairs, and writing the index meets every notice's tokens again; `Set<UInt64>` and
/// `[UInt64: …]` hashed each with SipHash (two fifths of tokenizing, and most of the index writer's own time:
/// callgrind, 1,000 notices). Tokens are never 0 (a Han scalar value is at least U+3007), so 0 marks an empty slot.
struct PackedTokenIndex {
    private var slots: [UInt64]
    private var numbers: [Int32]
    /// The tokens, by number.
    private(set) var tokens: [UInt64] = []

    /// Room for `expected` tokens before the table first grows.
    init(expected: Int) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        numbers = Array(repeating: 0, count: size)
        tokens.reserveCapacity(expected)
    }

    /// `token`'s number, numbering it `count` if it is new.
    @discardableResult
    mutating func number(of token: UInt64) -> Int {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: (token &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        while true {
            let slot = slots[index]
            if slot == token { return Int(numbers[index]) }
            if slot == 0 { break }
            index = (index + 1) & mask
        }
        slots[index] = token
        numbers[index] = Int32(tokens.count)
        tokens.append(token)
        if tokens.count * 2 > slots.count { grow() }
        return tokens.count - 1
    }

    /// The tokens in ascending order.
    func sorted() -> [UInt64] { tokens.sorted() }

    private mutating func grow() {
        let old = tokens
        slots = Array(repeating: 0, count: slots.count * 2)
        numbers = Array(repeating: 0, count: slots.count)
        tokens.removeAll(keepingCapacity: true)
        for token in old { number(of: token) }
    }
}
