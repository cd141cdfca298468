import Foundation
import GongshiCore
import GongshiRender

/// What a build's search index was made from (`search.bin` in the cache folder): the settings, the index's size and,
/// for each notice number, a digest of the notice's file path and the digest of its bytes. The next build tells from
/// it which notices changed and whether the numbers still stand for the same notices (see `SearchIndexStep`).
struct SearchState: Sendable, Equatable {
    var settings: UInt64
    var shape: SearchIndexWriter.Shape
    var paths: [UInt64]
    var digests: [UInt64]

    init(settings: UInt64, shape: SearchIndexWriter.Shape, notices: [NoticeSummary]) {
        self.settings = settings
        self.shape = shape
        paths = notices.map { Digest.of($0.sourcePath) }
        digests = notices.map(\.sourceDigest)
    }

    /// Settings, size and count, then each notice's path digest and file digest: 8 bytes each.
    func encoded() -> Data {
        var words = [settings, UInt64(shape.size), UInt64(paths.count)]
        for i in paths.indices { words += [paths[i], digests[i]] }
        return words.withUnsafeBytes { Data($0) }
    }

    /// The state `encoded` wrote; nil for anything else.
    init?(_ data: Data) {
        guard data.count >= 24, data.count % 8 == 0 else { return nil }
        let words = data.withUnsafeBytes { raw in (0..<(data.count / 8)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self) } }
        let count = Int(words[2])
        guard words[1] <= UInt64(Int.max), count >= 0, words.count == 3 + 2 * count else { return nil }
        settings = words[0]
        shape = SearchIndexWriter.Shape(size: Int(words[1]))
        paths = (0..<count).map { words[3 + 2 * $0] }
        digests = (0..<count).map { words[4 + 2 * $0] }
    }
}
