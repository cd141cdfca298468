import Foundation
import GongshiCore
import GongshiRender

/// The search index, with reuse: when the listed notices are the ones the last build indexed, in the same order and
/// with the same settings, and only a few changed, the shards holding tokens the changed notices lost or gained are
/// patched from the published files and every other index file is kept; otherwise (or when the patched index would
/// need another number of shards) the index is written whole from every notice's tokens. A kept file that was changed
/// since it was published is made again.
extension RenderStep {
    /// With more changed notices than this the index is written whole (their tokens touch shards all over it).
    static let mostPatchedNotices = 64

    /// Writes the index; returns what it was made from, for the next build.
    func searchIndex() throws -> SearchState {
        let notices = renderer.model.notices, stored = tokens.store()
        let writer = SearchIndexWriter(count: notices.count,
                                       doc: { [notices[$0].title, SiteURLs.notice(notices[$0]), notices[$0].date.description, notices[$0].org] },
                                       tokens: { stored.tokens(for: notices[$0].sourceDigest) ?? SearchIndexBuilder.TokenSet() })
        var state = SearchState(settings: renderer.model.config.digest, shape: .init(size: 0), notices: notices)
        if let last = previousSearch, let shape = try patchSearchIndex(writer, from: last, to: state, tokens: stored) {
            state.shape = shape
        } else {
            state.shape = try writer.write { try write($0, $1, key: Digest.of($1)) }
        }
        return state
    }

    /// The index patched from the last one, nil (with nothing written) when it cannot be.
    private func patchSearchIndex(_ writer: SearchIndexWriter, from last: SearchState, to state: SearchState,
                                  tokens: TokenStore) throws -> SearchIndexWriter.Shape? {
        guard last.settings == state.settings, last.paths == state.paths else { return nil }
        let changed = state.digests.indices.filter { state.digests[$0] != last.digests[$0] }
        guard changed.count <= Self.mostPatchedNotices else { return nil }
        var changes: [Int: [SearchIndexWriter.PostingChange]] = [:]
        for id in changed {
            guard let old = previousTokens.tokens(for: last.digests[id])?.strings, let new = tokens.tokens(for: state.digests[id])?.strings else { return nil }
            for (token, present) in old.subtracting(new).map({ ($0, false) }) + new.subtracting(old).map({ ($0, true) }) {
                let shard = Int(SearchIndexBuilder.shardHash(token) % UInt32(last.shape.shards))
                changes[shard, default: []].append(.init(token: token, id: Int32(id), present: present))
            }
        }
        var patched: [Int: Data] = [:], growth = 0
        for (shard, shardChanges) in changes {
            let path = SearchIndexWriter.shardPath(shard)
            guard let record = previous[path], let data = output.published(path, size: record.size, modified: record.modified),
                  let made = SearchIndexWriter.patch(data, changes: shardChanges) else { return nil }
            patched[shard] = made.data
            growth += made.growth
        }
        let shape = SearchIndexWriter.Shape(size: last.shape.size + growth)
        guard shape.shards == last.shape.shards else { return nil }
        let meta = try writer.meta(shards: shape.shards)
        try write("search/meta.json", meta, key: Digest.of(meta))
        var remade: [Int] = []
        for shard in 0..<shape.shards {
            let path = SearchIndexWriter.shardPath(shard)
            if let data = patched[shard] { try write(path, data, key: Digest.of(data)) } else if try !keepAsPublished(path) { remade.append(shard) }
        }
        try writer.writeShards(remade, of: shape) { try write(SearchIndexWriter.shardPath($0), $1, key: Digest.of($1)) }
        let changedChunks = Set(changed.map { $0 / SearchIndexBuilder.docsPerChunk })
        for chunk in 0..<writer.docsChunks {
            let path = SearchIndexWriter.docsPath(chunk)
            if try changedChunks.contains(chunk) || !keepAsPublished(path) {
                let data = try writer.docs(chunk)
                try write(path, data, key: Digest.of(data))
            }
        }
        return shape
    }

    /// Keeps a file the last build wrote, if it is still as published.
    private func keepAsPublished(_ path: String) throws -> Bool {
        guard let record = previous[path] else { return false }
        return try kept(path, key: record.key)
    }
}
