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
public struct SearchIndexBuilder: Sendable {
    public static let docsPerChunk = 500
    /// Aimed-at size of one index shard, in bytes.
    public static let targetShardSize = 48 * 1024

    /// Han characters and pairs packed in integers (cheap to hash and small in memory), words as strings.
    private var hanPostings: [UInt64: PostingList] = [:]
    private var wordPostings: [String: PostingList] = [:]
    private var docs: [[String]] = []

    /// One token's notice numbers, ascending, as differences from the previous number in LEB128 bytes: most
    /// differences of a common token take one byte instead of an `Int32`'s four (at 100,000 notices the postings are
    /// most of the index's memory).
    struct PostingList: Sendable {
        private(set) var bytes: [UInt8] = []
        private var last: Int32 = 0

        mutating func append(_ id: Int32) {
            var delta = UInt32(id - last)
            last = id
            while delta >= 0x80 {
                bytes.append(UInt8(delta & 0x7F) | 0x80)
                delta >>= 7
            }
            bytes.append(UInt8(delta))
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

    public init() {}

    /// Adds the next notice (ids are given in order, newest first).
    public mutating func add(title: String, url: String, date: String, org: String, text: String) {
        add(title: title, url: url, date: date, org: org, tokens: Self.tokenSet(in: title + "\n" + org + "\n" + text))
    }

    /// Adds the next notice with its tokens already made (see `tokenSet(in:)`), e.g. on another thread.
    public mutating func add(title: String, url: String, date: String, org: String, tokens: TokenSet) {
        let id = Int32(docs.count)
        docs.append([title, url, date, org])
        for token in tokens.han { hanPostings[token, default: PostingList()].append(id) }
        for token in tokens.words { wordPostings[token, default: PostingList()].append(id) }
    }

    /// The tokens of one text: Han characters and pairs packed as integers, ASCII words as strings; each list
    /// sorted, without repeats (so the build cache stores and reads them as they are).
    public struct TokenSet: Sendable, Equatable {
        public var han: [UInt64] = []
        public var words: [String] = []

        public init(han: [UInt64] = [], words: [String] = []) { self.han = han; self.words = words }

        /// Bit 62 marks a pair (first scalar in bits 21–41, second in 0–20); a single character is its scalar value.
        static func pair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { 1 << 62 | UInt64(a.value) << 21 | UInt64(b.value) }

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
        // Sized up front: a notice has a few thousand distinct characters and pairs, and growing a set rehashes it.
        var han = Set<UInt64>(minimumCapacity: text.utf8.count / 4), words = Set<String>()
        var previousHan: Unicode.Scalar?
        var word = String.UnicodeScalarView()
        func endWord() {
            if !word.isEmpty { words.insert(String(word)); word = String.UnicodeScalarView() }
        }
        for raw in text.unicodeScalars {
            let scalar = normalize(raw)
            if isHan(scalar) {
                endWord()
                han.insert(UInt64(scalar.value))
                if let p = previousHan { han.insert(TokenSet.pair(p, scalar)) }
                previousHan = scalar
            } else if scalar.isASCII, let lower = asciiAlphanumericLowercased(scalar) {
                previousHan = nil
                word.append(lower)
            } else {
                previousHan = nil
                endWord()
            }
        }
        endWord()
        return TokenSet(han: han.sorted(), words: words.sorted())
    }

    static func isHan(_ s: Unicode.Scalar) -> Bool {
        (0x3400...0x4DBF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value) || (0xF900...0xFAFF).contains(s.value)
            || (0x20000...0x2FA1F).contains(s.value) || s.value == 0x3007
    }

    /// Full-width letters and digits (ａ, ２) as their ASCII forms.
    static func normalize(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if (0xFF10...0xFF19).contains(s.value) || (0xFF21...0xFF3A).contains(s.value) || (0xFF41...0xFF5A).contains(s.value) {
            return Unicode.Scalar(s.value - 0xFEE0)!
        }
        return s
    }

    static func asciiAlphanumericLowercased(_ s: Unicode.Scalar) -> Unicode.Scalar? {
        switch s.value {
        case 0x30...0x39, 0x61...0x7A: return s
        case 0x41...0x5A: return Unicode.Scalar(s.value + 32)!
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

    /// `ids` (ascending) as the differences between neighbours in base 36 (lowercase), separated by commas.
    static func encode(_ ids: [Int32]) -> String {
        var list = PostingList()
        for id in ids { list.append(id) }
        return list.encoded
    }

    /// The index files, paths relative to the output root, collected (see `write(_:)`).
    public func files() throws -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        try write { files.append(($0, $1)) }
        return files
    }

    /// Hands each index file to `sink` (paths relative to the output root), in a fixed order. Shards are encoded on
    /// every core a few at a time and handed on at once, so the encoded index is never all in memory.
    public func write(_ sink: (String, Data) throws -> Void) throws {
        let han = Array(hanPostings.keys), words = Array(wordPostings.keys)
        let tokenCount = han.count + words.count
        @Sendable func token(_ i: Int) -> String { i < han.count ? TokenSet.string(han[i]) : words[i - han.count] }
        @Sendable func postings(_ i: Int) -> PostingList { i < han.count ? hanPostings[han[i]]! : wordPostings[words[i - han.count]]! }
        let names = parallelMap(tokenCount) { token($0) }
        // Each list is encoded twice (for the size that sets the shard count, then in its shard) so the encoded
        // lists are never all in memory at once.
        let totalSize = parallelMap(tokenCount) { names[$0].utf8.count + postings($0).encoded.utf8.count + 6 }.reduce(0, +)
        var shardCount = 1
        while shardCount < 4096 && totalSize / shardCount > Self.targetShardSize { shardCount *= 2 }
        var grouped = [[Int]](repeating: [], count: shardCount)
        for i in 0..<tokenCount { grouped[Int(Self.shardHash(names[i]) % UInt32(shardCount))].append(i) }
        let members = grouped
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let meta: [String: Int] = ["version": 1, "shards": shardCount, "chunk": Self.docsPerChunk, "count": docs.count]
        try sink("search/meta.json", try encoder.encode(meta))
        let batch = 64
        for first in stride(from: 0, to: shardCount, by: batch) {
            let made = parallelMap(min(batch, shardCount - first)) { offset in
                Result {
                    let shard = Dictionary(uniqueKeysWithValues: members[first + offset].map { (names[$0], postings($0).encoded) })
                    return try encoder.encode(shard)
                }
            }
            for (offset, data) in made.enumerated() { try sink("search/index/\(first + offset).json", try data.get()) }
        }
        var chunk = 0
        while chunk * Self.docsPerChunk < max(docs.count, 1) {
            let slice = Array(docs[min(docs.count, chunk * Self.docsPerChunk)..<min(docs.count, (chunk + 1) * Self.docsPerChunk)])
            try sink("search/docs/\(chunk).json", try encoder.encode(slice))
            chunk += 1
        }
    }
}
