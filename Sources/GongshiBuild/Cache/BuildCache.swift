import Foundation
import GongshiCore
import GongshiContent
import GongshiOutput
import GongshiRender
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build into an output folder knew, kept beside it in `.<output>.cache/`, so the next
/// build decodes only the notice files that changed and renders only the pages whose inputs changed:
/// - `index.plist`: which program and output the cache belongs to; `pages.bin`: each output file's input key, size
///   and modification time (see `PageRecord.encode`);
/// - `notices-<n>.bin`: each notice's summary (what lists and page keys need), diagnostics, links and file stamp
///   (by file, with the digest of its bytes) and where its details are; `details-<n>.bin`: the rest of their front
///   matter, each notice's decoded alone when its page is made again (see `DetailStore`);
/// - `tokens.bin`: each notice's search tokens, by the digest of its file (see `TokenStore`); `search.bin`: what the
///   search index was made from (see `SearchState`).
/// A build writes a changed part's files as `*.next.*` once its notices are checked (see `DetailParts`) and renames
/// them when it writes the index.
///
/// A build deletes the cache before it swaps its output in and writes a new one after; the cache also records
/// which program made it and the output folder's identity. So it never describes an output it did not make.
public struct BuildCache: Sendable {
    public struct NoticeEntry: Sendable {
        public var summary: NoticeSummary
        public var loadDiagnostics: [Diagnostic]
        /// Digest of what the per-notice checks depend on besides the file (settings, where its links lead).
        public var checkKey: UInt64
        public var checkDiagnostics: [Diagnostic]
        /// The links in the body, so the check key can be worked out without parsing it.
        public var links: [String]
        /// The file's stamp when it was read: an unchanged, settled stamp means the file need not be read again.
        public var file: FileStamp?
    }

    /// A notice entry as `notices-<n>.bin` holds it.
    struct StoredEntry: Equatable {
        var summary: NoticeSummary
        var loadDiagnostics: [Diagnostic]
        var checkKey: UInt64
        var checkDiagnostics: [Diagnostic]
        var links: [String]
        var file: FileStamp?
        /// Where the notice's front matter is in `details-<n>.bin`.
        var detailOffset: Int
        var detailLength: Int
    }

    struct Index: Codable {
        var program: String
        var settings: UInt64
        var loadStarted: Int64
        var output: String
    }

    /// Digest of the site settings the notices were decoded and checked with.
    public var settings: UInt64 = 0
    /// When the build that made this cache started loading (see `FileStamp.isSettled`).
    public var loadStarted: Int64 = 0
    public var notices: [String: NoticeEntry] = [:]
    public var pages: [String: PageRecord] = [:]
    public var tokens = TokenStore()
    /// What the search index was made from, if the build wrote it whole or patched it.
    var search: SearchState?
    private var detailStore: DetailStore?

    public init() {}

    static func folder(for output: URL) -> URL { OutputFolders(output: output).cache }

    /// The running program: a rebuilt gongshi may render differently, so it invalidates the cache.
    static let program: String = {
        // stat follows /proc/self/exe to the program file (its own times change with every process).
        var info = stat()
        let found = stat("/proc/self/exe", &info) == 0
        let identity = found ? "\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)" : "unknown-\(getpid())"
        return identity + "|" + String(Digest.of(BuiltinTemplates.files.map(\.text).joined()), radix: 16)
    }()

    /// Notices are stored in this many separate parts, so they are encoded and decoded on every core, a changed notice
    /// rewrites one part, and encoding a part (JSONEncoder holds a tree of it) takes little memory.
    static let parts = 64

    /// The cache the last build left for `output`, or an empty one when there is none or it does not match.
    public static func read(for output: URL) -> BuildCache {
        let folder = folder(for: output)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.plist")),
              let index = try? PropertyListDecoder().decode(Index.self, from: data),
              index.program == program, index.output == OutputFolders.identity(output) else { return BuildCache() }
        let parts = parallelMap(Self.parts) { part -> [StoredEntry]? in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent(entriesFileName(part: part))) else { return nil }
            return try? EntryCodec.decode(data)
        }
        guard !parts.contains(where: { $0 == nil }) else { return BuildCache() }
        var cache = BuildCache()
        cache.notices.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
        for stored in parts.compactMap({ $0 }).joined() {
            cache.notices[stored.summary.sourcePath] = NoticeEntry(
                summary: stored.summary, loadDiagnostics: stored.loadDiagnostics, checkKey: stored.checkKey,
                checkDiagnostics: stored.checkDiagnostics, links: stored.links, file: stored.file)
        }
        var places: [String: DetailStore.Place] = [:]
        places.reserveCapacity(cache.notices.count)
        for (part, stored) in parts.enumerated() {
            for entry in stored! {
                places[entry.summary.sourcePath] = DetailStore.Place(file: DetailStore.fileName(part: part), digest: entry.summary.sourceDigest,
                                                                     range: entry.detailOffset..<(entry.detailOffset + entry.detailLength))
            }
        }
        cache.detailStore = DetailStore(folder: folder, places: places)
        guard let pageData = try? Data(contentsOf: folder.appendingPathComponent("pages.bin")),
              let pages = PageRecord.decode(pageData) else { return BuildCache() }
        cache.pages = pages
        cache.settings = index.settings
        cache.loadStarted = index.loadStarted
        cache.tokens = TokenStore(contentsOf: folder.appendingPathComponent("tokens.bin"))
        cache.search = (try? Data(contentsOf: folder.appendingPathComponent("search.bin"))).flatMap(SearchState.init)
        return cache
    }

    /// Where the notice at `path` has its details in this cache.
    func detailPlace(of path: String) -> DetailStore.Place? { detailStore?.place(for: path) }

    /// A notice's front matter as this cache stores it (compact form), nil when it has none for these file contents.
    func storedFields(of notice: NoticeSummary) -> Data? {
        detailStore?.stored(for: notice.sourcePath, digest: notice.sourceDigest)
    }

    static func entriesFileName(part: Int) -> String { "notices-\(part).bin" }
    static func nextEntriesFileName(part: Int) -> String { "notices-\(part).next.bin" }

    /// The entries of a part's `members` (indices into `entries`) as `notices-<n>.bin` holds them, with where each
    /// one's details are; nil when one has none.
    static func storedEntries(_ members: [Int], of entries: [NoticeEntry], places: [String: DetailStore.Place]) -> Data? {
        let stored = members.compactMap { i -> StoredEntry? in
            let entry = entries[i]
            guard let place = places[entry.summary.sourcePath] else { return nil }
            return StoredEntry(summary: entry.summary, loadDiagnostics: entry.loadDiagnostics, checkKey: entry.checkKey,
                               checkDiagnostics: entry.checkDiagnostics, links: entry.links, file: entry.file,
                               detailOffset: place.range.lowerBound, detailLength: place.range.count)
        }
        return stored.count == members.count ? EntryCodec.encode(stored) : nil
    }

    /// Removes the cache (before the output it describes is replaced).
    /// Invalidates the cache: without its index nothing else in the folder is read. (The notice parts stay, so
    /// the next index can keep the parts that did not change.)
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("index.plist"))
    }

    /// Writes the index beside `output` (after the output was swapped in); `tokens.bin` was already written there by
    /// `TokenStore.Writer`, the notices' details and entries by `DetailParts` (under names that are given them now).
    /// The index is written last: without it nothing is read. A part whose notices are the ones the last cache had,
    /// unchanged, is left as it is.
    func writeIndex(for output: URL, details: DetailParts) {
        let folder = Self.folder(for: output)
        func named(_ next: String, _ final: String) -> Bool {
            rename(folder.appendingPathComponent(next).path, folder.appendingPathComponent(final).path) == 0
        }
        let written = (0..<Self.parts).map { part in
            details.changed[part] == nil || (named(DetailStore.nextFileName(part: part), DetailStore.fileName(part: part))
                                             && named(Self.nextEntriesFileName(part: part), Self.entriesFileName(part: part)))
        }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let index = Index(program: Self.program, settings: settings, loadStarted: loadStarted, output: OutputFolders.identity(output))
        let searchFile = folder.appendingPathComponent("search.bin")
        try? FileManager.default.removeItem(at: searchFile)
        guard details.complete, written.allSatisfy({ $0 }), (try? PageRecord.encode(pages).write(to: folder.appendingPathComponent("pages.bin"))) != nil,
              search.map({ (try? $0.encoded().write(to: searchFile)) != nil }) ?? true, let data = try? encoder.encode(index) else { return }
        let temporary = folder.appendingPathComponent("index.plist.tmp")
        if (try? data.write(to: temporary)) != nil {
            _ = rename(temporary.path, folder.appendingPathComponent("index.plist").path)
        }
    }
}

