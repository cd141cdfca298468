import Foundation
import GongshiCore

/// Writes the search index (the format is in `SearchIndexBuilder`) from each notice's tokens, never holding all its
/// postings: a first pass over the tokens measures the index, which sets the number of shards; then each pass builds
/// the postings of a group of shards (about `bytesPerPass` encoded), hands those shards on and lets them go.
/// Within a pass the shards are split over the cores, each of which reads every notice's tokens (`tokens` is called
/// from several threads at once, for each notice once per core and pass).
public struct SearchIndexWriter: Sendable {
    let count: Int
    let doc: @Sendable (Int) -> [String]
    let tokens: @Sendable (Int) -> SearchIndexBuilder.TokenSet
    /// About how many bytes of encoded postings one pass makes (100,000 notices make about 120 MB in all: three passes;
    /// with 24 MB, six passes took 1.7 s longer and the peak was the same, 525 MB, set while rendering).
    let bytesPerPass: Int
    let lanes = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The index of `count` notices: notice `id` (0 = newest) is listed as `doc(id)` (title, URL, date, org) and
    /// found by `tokens(id)`.
    public init(count: Int, doc: @escaping @Sendable (Int) -> [String], tokens: @escaping @Sendable (Int) -> SearchIndexBuilder.TokenSet,
                bytesPerPass: Int = 48 << 20) {
        self.count = count; self.doc = doc; self.tokens = tokens; self.bytesPerPass = bytesPerPass
    }

    /// How many shards the index has, and the bytes they take in all (what sets the count).
    public struct Shape: Sendable, Equatable {
        public var shards: Int
        public var size: Int

        public init(size: Int) {
            var shards = 1
            while shards < 4096 && size / shards > SearchIndexBuilder.targetShardSize { shards *= 2 }
            self.shards = shards; self.size = size
        }
    }

    /// Hands each index file to `sink` (paths relative to the output root), in a fixed order; returns the index's shape.
    @discardableResult
    public func write(_ sink: (String, Data) throws -> Void) throws -> Shape {
        let shape = Shape(size: parallelMap(lanes) { indexSize(lane: $0) }.reduce(0, +))
        try sink("search/meta.json", meta(shards: shape.shards))
        try writeShards(Array(0..<shape.shards), of: shape) { try sink(Self.shardPath($0), $1) }
        for chunk in 0..<docsChunks { try sink(Self.docsPath(chunk), try docs(chunk)) }
        return shape
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func shardPath(_ shard: Int) -> String { "search/index/\(shard).json" }
    public static func docsPath(_ chunk: Int) -> String { "search/docs/\(chunk).json" }

    public func meta(shards: Int) throws -> Data {
        try Self.encoder().encode(["version": 1, "shards": shards, "chunk": SearchIndexBuilder.docsPerChunk, "count": count])
    }

    /// The lists of notices (title, URL, date, org), `docsPerChunk` to a file; an empty index has one, empty.
    public var docsChunks: Int { max(1, (count + SearchIndexBuilder.docsPerChunk - 1) / SearchIndexBuilder.docsPerChunk) }

    public func docs(_ chunk: Int) throws -> Data {
        let ids = min(count, chunk * SearchIndexBuilder.docsPerChunk)..<min(count, (chunk + 1) * SearchIndexBuilder.docsPerChunk)
        return try Self.encoder().encode(ids.map(doc))
    }

    /// Makes the shards `wanted` (ascending) of an index of `shape`, reading every notice's tokens once per core and
    /// pass, and hands each to `sink` in order.
    public func writeShards(_ wanted: [Int], of shape: Shape, _ sink: (Int, Data) throws -> Void) throws {
        let share = shape.size / shape.shards * wanted.count
        let passes = min(wanted.count, max(1, (share + bytesPerPass - 1) / bytesPerPass))
        for pass in 0..<passes {
            let group = ShardGroup(shards: wanted[(pass * wanted.count / passes)..<((pass + 1) * wanted.count / passes)], of: shape.shards)
            let made = parallelMap(lanes) { lane in Result { try shards(group, lane: lane) } }
            var files: [(shard: Int, data: Data)] = []
            for lane in made { files += try lane.get() }
            for file in files.sorted(by: { $0.shard < $1.shard }) { try sink(file.shard, file.data) }
        }
    }

    /// Which shards a pass makes, of how many.
    struct ShardGroup {
        let shards: ArraySlice<Int>
        let of: Int
        /// By shard number: whether the group makes it (asked for every token of every notice in every pass, so an
        /// array, not a set that hashes the number).
        let makes: [Bool]
        init(shards: ArraySlice<Int>, of: Int) {
            self.shards = shards; self.of = of
            var makes = [Bool](repeating: false, count: of)
            for shard in shards { makes[shard] = true }
            self.makes = makes
        }
        func shard(_ hash: UInt32) -> Int { Int(hash % UInt32(of)) }
    }

    /// The bytes the index's shards take for the tokens whose hash falls to `lane`: each token's name, its encoded
    /// postings and the JSON around them (6 bytes), as `shards` will write them.
    private func indexSize(lane: Int) -> Int {
        var han = PackedTokenIndex(expected: 1 << 12), hanLengths: [EncodedLength] = []
        var words: [String: EncodedLength] = [:]
        for id in 0..<count {
            let set = tokens(id), number = Int32(id)
            for token in set.han where Int(SearchIndexBuilder.shardHash(han: token) % UInt32(lanes)) == lane {
                let n = han.number(of: token)
                if n == hanLengths.count { hanLengths.append(EncodedLength()) }
                hanLengths[n].add(number)
            }
            for word in set.words where Int(SearchIndexBuilder.shardHash(word) % UInt32(lanes)) == lane {
                words[word, default: EncodedLength()].add(number)
            }
        }
        var size = 0
        for (n, token) in han.tokens.enumerated() {
            var name = 0
            SearchIndexBuilder.TokenSet.forEachUTF8Byte(of: token) { _ in name += 1 }
            size += name + hanLengths[n].bytes + 6
        }
        for (word, length) in words { size += word.utf8.count + length.bytes + 6 }
        return size
    }

    /// The shards of `group` that fall to `lane`, encoded.
    private func shards(_ group: ShardGroup, lane: Int) throws -> [(shard: Int, data: Data)] {
        func mine(_ hash: UInt32) -> Bool {
            let shard = group.shard(hash)
            return shard % lanes == lane && group.makes[shard]
        }
        var han = PackedTokenIndex(expected: 1 << 12), hanLists: [SearchIndexBuilder.PostingList] = []
        var words: [String: SearchIndexBuilder.PostingList] = [:]
        for id in 0..<count {
            let set = tokens(id), number = Int32(id)
            for token in set.han where mine(SearchIndexBuilder.shardHash(han: token)) {
                let n = han.number(of: token)
                if n == hanLists.count { hanLists.append(.init()) }
                hanLists[n].append(number)
            }
            for word in set.words where mine(SearchIndexBuilder.shardHash(word)) { words[word, default: .init()].append(number) }
        }
        // Each shard's postings are encoded and let go one shard at a time.
        var members: [Int: (han: [Int], words: [String])] = [:]
        for shard in group.shards where shard % lanes == lane { members[shard] = ([], []) }
        for (n, token) in han.tokens.enumerated() { members[group.shard(SearchIndexBuilder.shardHash(han: token))]!.han.append(n) }
        for word in words.keys { members[group.shard(SearchIndexBuilder.shardHash(word))]!.words.append(word) }
        let encoder = Self.encoder()
        return try members.keys.sorted().map { shard in
            var contents: [String: String] = [:]
            for n in members[shard]!.han {
                contents[SearchIndexBuilder.TokenSet.string(han.tokens[n])] = hanLists[n].encoded
                hanLists[n] = .init()
            }
            for word in members[shard]!.words { contents[word] = words.removeValue(forKey: word)!.encoded }
            return (shard, try encoder.encode(contents))
        }
    }
}

/// How long a token's postings are once encoded (see `SearchIndexBuilder.PostingList.encoded`), counted as notice
/// numbers come without keeping them.
private struct EncodedLength {
    private var last: Int32 = 0
    private(set) var bytes = 0

    mutating func add(_ id: Int32) {
        var delta = UInt32(id - last)
        last = id
        if bytes > 0 { bytes += 1 }
        repeat {
            bytes += 1
            delta /= 36
        } while delta > 0
    }
}
