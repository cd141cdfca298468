import GongshiContent
import GongshiRender
import GongshiOutput
import Foundation
import GongshiCore
#if canImport(Glibc)
import Glibc
#endif

/// The `details-<n>.bin` files of a cache: each notice's front matter in compact form (see `DetailCodec`), one after another; the
/// notice's entry in `notices-<n>.bin` says where its bytes are. A notice's details are read and decoded only when asked for, alone
/// (a read at its offset: nothing of the file stays in memory), so a build keeps only summaries in memory while it
/// renders, and one that changed one notice reads a few (the feed's newest, an inspection page's members).
final class DetailStore: @unchecked Sendable {
    /// Where a notice's details are: the file (in the cache folder), the digest of the file they were decoded from,
    /// the byte range.
    struct Place: Sendable {
        var file: String
        var digest: UInt64
        var range: Range<Int>
    }

    private let folder: URL
    private let places: [String: Place]
    /// Open files by name (pread is safe from several threads at once).
    private var descriptors: [String: Int32] = [:]
    private let lock = NSLock()

    init(folder: URL, places: [String: Place]) {
        self.folder = folder
        self.places = places
    }

    deinit { for descriptor in descriptors.values { close(descriptor) } }

    static func fileName(part: Int) -> String { "details-\(part).bin" }
    /// The details of a part as a build writes them before its output is swapped in (see `DetailParts`).
    static func nextFileName(part: Int) -> String { "details-\(part).next.bin" }

    func place(for path: String) -> Place? { places[path] }

    /// The stored bytes of a notice's details, nil when the store has none for a file with this digest.
    func stored(for path: String, digest: UInt64) -> Data? {
        guard let place = places[path], place.digest == digest, place.range.lowerBound >= 0 else { return nil }
        let descriptor: Int32 = lock.withLock {
            if let open = descriptors[place.file] { return open }
            let opened = open(folder.appendingPathComponent(place.file).path, O_RDONLY)
            if opened >= 0 { descriptors[place.file] = opened }
            return opened
        }
        guard descriptor >= 0 else { return nil }
        var data = Data(count: place.range.count)
        let read = data.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, place.range.count, off_t(place.range.lowerBound)) }
        return read == place.range.count ? data : nil
    }

    func fields(for path: String, digest: UInt64) -> NoticeFields? {
        stored(for: path, digest: digest).flatMap { try? DetailCodec.decode($0) }
    }
}
