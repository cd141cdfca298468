import GongshiContent
import GongshiRender
import GongshiOutput
import Foundation
import GongshiCore

/// The `details-<n>.bin` files of a cache: each notice's front matter as JSON, one after another; the notice's entry
/// in `notices-<n>.json` says where its bytes are. A notice's details are decoded only when asked for, alone: a build
/// that changed one notice asks for a few (the feed's newest, an inspection page's members), not for every part.
final class DetailStore: @unchecked Sendable {
    /// Where a notice's details are: its part, the digest of the file they were decoded from, the byte range.
    struct Place: Sendable {
        var part: Int
        var digest: UInt64
        var range: Range<Int>
    }

    private let folder: URL
    private let places: [String: Place]
    /// Each part's file, mapped into memory the first time one of its notices is asked for.
    private var files: [Int: Data] = [:]
    private let lock = NSLock()

    init(folder: URL, places: [String: Place]) {
        self.folder = folder
        self.places = places
    }

    static func fileName(part: Int) -> String { "details-\(part).bin" }

    /// The stored JSON of a notice's details, nil when the store has none for a file with this digest.
    func json(for path: String, digest: UInt64) -> Data? {
        guard let place = places[path], place.digest == digest else { return nil }
        let file: Data? = lock.withLock {
            if files[place.part] == nil {
                files[place.part] = try? Data(contentsOf: folder.appendingPathComponent(Self.fileName(part: place.part)), options: .alwaysMapped)
            }
            return files[place.part]
        }
        guard let file, place.range.lowerBound >= 0, place.range.upperBound <= file.count else { return nil }
        return file.subdata(in: place.range)
    }

    func fields(for path: String, digest: UInt64) -> NoticeFields? {
        json(for: path, digest: digest).flatMap { try? JSONDecoder().decode(NoticeFields.self, from: $0) }
    }
}
