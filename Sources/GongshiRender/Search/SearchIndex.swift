import GongshiMarkdown
import Foundation
import GongshiCore

/// The offline full-text search index, built at build time and read by assets/search.js.
///
/// Chinese has no spaces between words, so text is indexed as single Han characters and character
/// bigrams; Latin letters and digits as lowercase words. Postings (notice numbers, newest first = 0)
/// are delta-encoded in base 36 and spread over shards by a hash of the token, so a query downloads
/// only the few shards its tokens live in. Format (all JSON):
/// - `search/meta.json`: `{"version":1,"shards":N,"chunk":500,"count":K}`
/// - `search/index/<n>.json`: `{"token":"id,delta,delta…"}` for tokens whose FNV-1a-32 hash mod N is n
/// - `search/docs/<c>.json`: `[[title,url,date,org],…]` for notices c*500 ..< (c+1)*500
/// This type holds the format's rules and the tokenizer; `SearchIndexWriter` writes the files.
public enum SearchIndexBuilder {
    public static let docsPerChunk = 500
    /// Aimed-at size of one index shard, in bytes.
    public static let targetShardSize = 48 * 1024

    /// One token's notice numbers, ascending, as differences from the previous number in LEB128 bytes: most
    /// differences of a common token take one byte instead of an `Int32`'s four (at 100,000 notices the postings are
    /// most of the index's memory).
    struct PostingList: Sendable {
        private(set) var bytes: [UInt8] = []
        private var last: Int32 = 0

        mutating func append(_ id: Int32) {
            LEB128.append(UInt64(UInt32(id - last)), to: &bytes)
            last = id
        }

        /// The differences as search.js reads them: base 36 (lowercase), separated by commas.
        var encoded: String {
            let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count * 2)
            var buffer = [UInt8](repeating: 0, count: 8)
            var delta: UInt32 = 0, shift: UInt32 = 0
            for byte in bytes {
                delta |= UInt32(byte & 0x7F) << shift
                shift += 7
                guard byte & 0x80 == 0 else { continue }
                if !out.isEmpty { out.append(UInt8(ascii: ",")) }
                var length = 0
                repeat {
                    buffer[length] = digits[Int(delta % 36)]
                    delta /= 36
                    length += 1
                } while delta > 0
                out.append(contentsOf: buffer[0..<length].reversed())
                delta = 0; shift = 0
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The tokens of one text: Han characters and pairs packed as integers, ASCII words as strings; each list
    /// sorted, without repeats (so the build cache stores and reads them as they are).
    public struct TokenSet: Sendable, Equatable {
        public var han: [UInt64] = []
        public var words: [String] = []

        public init(han: [UInt64] = [], words: [String] = []) { self.han = han; self.words = words }

        /// Bit 62 marks a pair (first scalar in bits 21–41, second in 0–20); a single character is its scalar value.
        static func pair(_ a: UInt32, _ b: UInt32) -> UInt64 { 1 << 62 | UInt64(a) << 21 | UInt64(b) }

        /// The UTF-8 bytes of a packed token, one by one (what `shardHash` and the index's size are made of). Han
        /// scalars (U+3007 and up) take three bytes, or four above U+FFFF; they are made here directly, without the
        /// generic encoder (this runs for every token of every notice, in each pass that writes the index).
        @inline(__always)
        static func forEachUTF8Byte(of key: UInt64, _ body: (UInt8) -> Void) {
            @inline(__always) func scalar(_ v: UInt32) {
                if v < 0x10000 {
                    body(UInt8(0xE0 | v >> 12))
                } else {
                    body(UInt8(0xF0 | v >> 18))
                    body(UInt8(0x80 | (v >> 12) & 0x3F))
                }
                body(UInt8(0x80 | (v >> 6) & 0x3F))
                body(UInt8(0x80 | v & 0x3F))
            }
            if key & (1 << 62) != 0 { scalar(UInt32((key >> 21) & 0x1F_FFFF)) }
            scalar(UInt32(key & 0x1F_FFFF))
        }

        static func string(_ key: UInt64) -> String {
            if key & (1 << 62) == 0 { return String(Unicode.Scalar(UInt32(key))!) }
            let a = Unicode.Scalar(UInt32((key >> 21) & 0x1F_FFFF))!, b = Unicode.Scalar(UInt32(key & 0x1F_FFFF))!
            return String(a) + String(b)
        }

        public var strings: Set<String> { Set(han.map(TokenSet.string)).union(words) }
    }

    /// Tokens of `text`: each Han character, each pair of adjacent Han characters, each ASCII word (lowercase).
    /// assets/search.js implements the same rules for queries.
    public static func tokens(in text: String) -> Set<String> { tokenSet(in: text).strings }

    public static func tokenSet(in text: String) -> TokenSet {
        // Sized up front: a notice has a few thousand distinct characters and pairs, and growing a table rehashes it.
        var han = PackedTokenIndex(expected: text.utf8.count / 4), words = Set<String>()
        var previousHan: UInt32 = 0
        var word: [UInt8] = []
        func endWord() {
            if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
        }
        // The scalars are decoded from the UTF-8 bytes here (a String's bytes are valid UTF-8): going through
        // `unicodeScalars` cost twice as many instructions per character (callgrind, 1,000 notices).
        var text = text
        text.withUTF8 { bytes in
            var at = 0
            while at < bytes.count {
                let lead = UInt32(bytes[at])
                var value: UInt32
                switch lead {
                case ..<0x80: value = lead; at += 1
                case ..<0xE0: value = (lead & 0x1F) << 6 | UInt32(bytes[at + 1] & 0x3F); at += 2
                case ..<0xF0:
                    value = (lead & 0x0F) << 12 | UInt32(bytes[at + 1] & 0x3F) << 6 | UInt32(bytes[at + 2] & 0x3F); at += 3
                default:
                    value = (lead & 0x07) << 18 | UInt32(bytes[at + 1] & 0x3F) << 12 | UInt32(bytes[at + 2] & 0x3F) << 6
                        | UInt32(bytes[at + 3] & 0x3F)
                    at += 4
                }
                value = normalize(value)
                if isHan(value) {
                    endWord()
                    han.number(of: UInt64(value))
                    if previousHan != 0 { han.number(of: TokenSet.pair(previousHan, value)) }
                    previousHan = value
                } else if let lower = asciiAlphanumericLowercased(value) {
                    previousHan = 0
                    word.append(lower)
                } else {
                    previousHan = 0
                    endWord()
                }
            }
        }
        endWord()
        return TokenSet(han: han.sorted(), words: words.sorted())
    }

    static func isHan(_ value: UInt32) -> Bool {
        (0x3400...0x4DBF).contains(value) || (0x4E00...0x9FFF).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0x20000...0x2FA1F).contains(value) || value == 0x3007
    }

    /// Full-width letters and digits (ａ, ２) as their ASCII forms.
    static func normalize(_ value: UInt32) -> UInt32 {
        (0xFF10...0xFF19).contains(value) || (0xFF21...0xFF3A).contains(value) || (0xFF41...0xFF5A).contains(value) ? value - 0xFEE0 : value
    }

    /// An ASCII letter (lowercased) or digit as its byte, nil for anything else.
    static func asciiAlphanumericLowercased(_ value: UInt32) -> UInt8? {
        switch value {
        case 0x30...0x39, 0x61...0x7A: return UInt8(value)
        case 0x41...0x5A: return UInt8(value + 32)
        default: return nil
        }
    }

    /// FNV-1a, 32 bits, over UTF-8: the shard function shared with search.js.
    public static func shardHash(_ token: String) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        for byte in token.utf8 {
            h ^= UInt32(byte)
            h = h &* 0x0100_0193
        }
        return h
    }

    /// `shardHash` of a packed Han token, without making its string.
    static func shardHash(han key: UInt64) -> UInt32 {
        var h: UInt32 = 0x811C_9DC5
        TokenSet.forEachUTF8Byte(of: key) { byte in h = (h ^ UInt32(byte)) &* 0x0100_0193 }
        return h
    }

    /// `ids` (ascending) as the differences between neighbours in base 36 (lowercase), separated by commas.
    static func encode(_ ids: [Int32]) -> String {
        var list = PostingList()
        for id in ids { list.append(id) }
        return list.encoded
    }
}
