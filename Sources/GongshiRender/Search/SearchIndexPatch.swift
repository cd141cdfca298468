import Foundation

extension SearchIndexWriter {
    /// A change to one token's postings: notice `id` put in (`present`) or taken out.
    public struct PostingChange: Sendable, Equatable {
        public var token: String
        public var id: Int32
        public var present: Bool

        public init(token: String, id: Int32, present: Bool) { self.token = token; self.id = id; self.present = present }
    }

    /// A shard as `write` made it, with `changes` (to tokens of this shard) made: the shard `write` makes from the
    /// changed notices, and how many bytes the index's size (see `Shape`) grew by. Nil when `shard` is not a shard.
    public static func patch(_ shard: Data, changes: [PostingChange]) -> (data: Data, growth: Int)? {
        guard var postings = try? JSONDecoder().decode([String: String].self, from: shard) else { return nil }
        var growth = 0
        for (token, changes) in Dictionary(grouping: changes, by: \.token) {
            let old = postings[token]
            guard var ids = old.map(Self.ids) ?? [] else { return nil }
            for change in changes {
                let at = ids.partitioningIndex { $0 >= change.id }
                let there = at < ids.count && ids[at] == change.id
                if change.present && !there { ids.insert(change.id, at: at) }
                if !change.present && there { ids.remove(at: at) }
            }
            let new = ids.isEmpty ? nil : SearchIndexBuilder.encode(ids)
            func size(_ encoded: String?) -> Int { encoded.map { token.utf8.count + $0.utf8.count + 6 } ?? 0 }
            growth += size(new) - size(old)
            postings[token] = new
        }
        return (try? encoder().encode(postings)).map { ($0, growth) }
    }

    /// The notice numbers of an encoded posting list (differences in base 36), nil when it is not one.
    static func ids(_ encoded: String) -> [Int32]? {
        var ids: [Int32] = [], last: Int64 = 0
        for part in encoded.split(separator: ",") {
            guard let delta = Int64(part, radix: 36), delta >= 0, last + delta <= Int64(Int32.max) else { return nil }
            last += delta
            ids.append(Int32(last))
        }
        return ids
    }
}

extension Array {
    /// The first index whose element satisfies `belongs` (which holds for a suffix of the array), by halving.
    func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
