import Foundation
import GongshiCore

/// The details and cache entries of a build's notices, written into the cache folder as soon as they are checked
/// (each changed part to `details-<n>.next.bin` and `notices-<n>.next.bin`; a part whose notices did not change keeps
/// its files), so that the build holds only the model's summaries in memory while it renders and reads each page's
/// front matter from there (`store`). `BuildCache.writeIndex` later gives the new files their names; nothing is read
/// from them before the index names the cache valid.
struct DetailParts: Sendable {
    /// Each part's members (indices into the entries), nil for a part kept as the last cache had it.
    let changed: [[Int]?]
    /// Every notice's details.
    let store: DetailStore
    /// False when a part could not be written (the cache is then not written either).
    let complete: Bool

    init(folder: URL, entries: [BuildCache.NoticeEntry], settings: UInt64, previous: BuildCache, decoded: [String: PackedFields]) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let order = entries.indices.sorted { entries[$0].summary.sourcePath < entries[$1].summary.sourcePath }
        let samePaths = !previous.notices.isEmpty && previous.settings == settings && previous.notices.count == entries.count
            && order.allSatisfy { previous.notices[entries[$0].summary.sourcePath] != nil }
        let changed = parallelMap(BuildCache.parts) { part -> [Int]? in
            let members = stride(from: part, to: order.count, by: BuildCache.parts).map { order[$0] }
            let unchanged = samePaths
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(BuildCache.entriesFileName(part: part)).path)
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(DetailStore.fileName(part: part)).path)
                && members.allSatisfy { i in
                    let new = entries[i], old = previous.notices[new.summary.sourcePath]!
                    return old.summary.sourceDigest == new.summary.sourceDigest && old.checkKey == new.checkKey && old.file == new.file
                }
            return unchanged ? nil : members
        }
        // Each changed part's details, from this build's decoding or (a notice taken from the last cache) from there.
        let written = parallelMap(BuildCache.parts) { part -> [String: DetailStore.Place]? in
            guard let members = changed[part] else {
                var kept: [String: DetailStore.Place] = [:]
                for i in stride(from: part, to: order.count, by: BuildCache.parts) {
                    let path = entries[order[i]].summary.sourcePath
                    kept[path] = previous.detailPlace(of: path)
                }
                return kept
            }
            let file = DetailStore.nextFileName(part: part)
            var data = Data(), places: [String: DetailStore.Place] = [:]
            for i in members {
                let summary = entries[i].summary
                guard let stored = decoded[summary.sourcePath]?.data ?? previous.storedFields(of: summary) else { return nil }
                places[summary.sourcePath] = DetailStore.Place(file: file, digest: summary.sourceDigest, range: data.count..<(data.count + stored.count))
                data.append(stored)
            }
            guard (try? data.write(to: folder.appendingPathComponent(file))) != nil,
                  let stored = BuildCache.storedEntries(members, of: entries, places: places),
                  (try? stored.write(to: folder.appendingPathComponent(BuildCache.nextEntriesFileName(part: part)))) != nil else { return nil }
            return places
        }
        var places: [String: DetailStore.Place] = [:]
        for part in written { if let part { places.merge(part) { first, _ in first } } }
        self.changed = changed
        self.complete = !written.contains { $0 == nil }
        store = DetailStore(folder: folder, places: places)
    }
}
