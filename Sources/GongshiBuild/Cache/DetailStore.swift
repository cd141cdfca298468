import GongshiContent
import GongshiRender
import GongshiOutput
import Foundation
import GongshiCore

/// The `details-<n>.json` files of a cache, each decoded the first time one of its notices is asked for.
final class DetailStore: @unchecked Sendable {
    private let folder: URL
    /// Each part's notice paths, in the order of its details file.
    private let members: [[String]]
    /// Each notice's part and the digest of the file its details were decoded from.
    private var place: [String: (part: Int, digest: UInt64)] = [:]
    private var decoded: [Int: [String: NoticeFields]] = [:]
    private let lock = NSLock()

    init(folder: URL, parts: [[(path: String, digest: UInt64)]]) {
        self.folder = folder
        members = parts.map { $0.map(\.path) }
        for (n, members) in parts.enumerated() {
            for member in members { place[member.path] = (n, member.digest) }
        }
    }

    func fields(for path: String, digest: UInt64) -> NoticeFields? {
        guard let (n, recorded) = place[path], recorded == digest else { return nil }
        return lock.withLock {
            if decoded[n] == nil {
                let data = try? Data(contentsOf: folder.appendingPathComponent("details-\(n).json"))
                let list = data.flatMap { try? JSONDecoder().decode([NoticeFields].self, from: $0) } ?? []
                decoded[n] = list.count == members[n].count ? Dictionary(zip(members[n], list), uniquingKeysWith: { first, _ in first }) : [:]
            }
            return decoded[n]?[path]
        }
    }
}

