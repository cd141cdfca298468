import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What the last successful build into an output folder knew, kept beside it in `.<output>.cache/`, so the next
/// build decodes only the notice files that changed and renders only the pages whose inputs changed:
/// - `index.plist`: which program and output the cache belongs to; `pages.bin`: each output file's input key, size
///   and modification time (see `PageRecord.encode`);
/// - `notices-<n>.json`: each notice's summary (what lists and page keys need), diagnostics, links and file stamp
///   (by file, with the digest of its bytes); `details-<n>.json`: the rest of their front matter, in the same
///   order, decoded only for the notices whose page is made again;
/// - `tokens.bin`: each notice's search tokens, by the digest of its file (see `TokenStore`).
///
/// A build deletes the cache before it swaps its output in and writes a new one after; the cache also records
/// which program made it and the output folder's identity. So it never describes an output it did not make.
public struct BuildCache: Sendable {
    public struct NoticeEntry: Sendable {
        /// Without its texts; from the cache, also without its details (see `details(for:)`).
        public var notice: Notice
        public var loadDiagnostics: [Diagnostic]
        /// Digest of what the per-notice checks depend on besides the file (settings, where its links lead).
        public var checkKey: UInt64
        public var checkDiagnostics: [Diagnostic]
        /// The links in the body, so the check key can be worked out without parsing it.
        public var links: [String]
        /// The file's stamp when it was read: an unchanged, settled stamp means the file need not be read again.
        public var file: FileStamp?
    }

    /// A notice entry as `notices-<n>.json` holds it.
    struct StoredEntry: Codable {
        var notice: NoticeSummary
        var loadDiagnostics: [Diagnostic]
        var checkKey: UInt64
        var checkDiagnostics: [Diagnostic]
        var links: [String]
        var file: FileStamp?
    }

    /// An output file as the last build left it.
    public struct PageRecord: Sendable, Equatable {
        /// Digest of everything the page was made from.
        public var key: UInt64
        public var size: Int64
        /// Modification time in nanoseconds: a file changed by hand since is not reused.
        public var modified: Int64
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
    private var detailStore: DetailStore?

    public init() {}

    static func folder(for output: URL) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// The running program: a rebuilt gongshi may render differently, so it invalidates the cache.
    static let program: String = {
        // stat follows /proc/self/exe to the program file (its own times change with every process).
        var info = stat()
        let found = stat("/proc/self/exe", &info) == 0
        let identity = found ? "\(info.st_size)|\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_ino)" : "unknown-\(getpid())"
        return identity + "|" + String(Digest.of(BuiltinTemplates.files.map(\.text).joined()), radix: 16)
    }()

    /// Notices are stored in this many separate parts, so they are encoded and decoded on every core.
    static let parts = 16

    /// The cache the last build left for `output`, or an empty one when there is none or it does not match.
    public static func read(for output: URL) -> BuildCache {
        let folder = folder(for: output)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("index.plist")),
              let index = try? PropertyListDecoder().decode(Index.self, from: data),
              index.program == program, index.output == BuildStamp.outputIdentity(output) else { return BuildCache() }
        let parts = parallelMap(Self.parts) { part -> [StoredEntry]? in
            guard let data = try? Data(contentsOf: folder.appendingPathComponent("notices-\(part).json")) else { return nil }
            return try? JSONDecoder().decode([StoredEntry].self, from: data)
        }
        guard !parts.contains(where: { $0 == nil }) else { return BuildCache() }
        var cache = BuildCache()
        for stored in parts.compactMap({ $0 }).joined() {
            cache.notices[stored.notice.sourcePath] = NoticeEntry(
                notice: Notice(summary: stored.notice), loadDiagnostics: stored.loadDiagnostics, checkKey: stored.checkKey,
                checkDiagnostics: stored.checkDiagnostics, links: stored.links, file: stored.file)
        }
        cache.detailStore = DetailStore(folder: folder, parts: parts.map { $0!.map { ($0.notice.sourcePath, $0.notice.sourceDigest) } })
        guard let pageData = try? Data(contentsOf: folder.appendingPathComponent("pages.bin")),
              let pages = PageRecord.decode(pageData) else { return BuildCache() }
        cache.pages = pages
        cache.settings = index.settings
        cache.loadStarted = index.loadStarted
        cache.tokens = TokenStore(contentsOf: folder.appendingPathComponent("tokens.bin"))
        return cache
    }

    /// The details of a notice from this cache (nil when the cache does not have them for these file contents).
    public func details(for notice: Notice) -> NoticeDetails? {
        detailStore?.details(for: notice.sourcePath, digest: notice.sourceDigest)
    }

    /// Removes the cache (before the output it describes is replaced).
    /// Invalidates the cache: without its index nothing else in the folder is read. (The notice parts stay, so
    /// the next index can keep the parts that did not change.)
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("index.plist"))
    }

    /// Writes the index and the notices beside `output` (after the output was swapped in); `tokens.bin` was
    /// already written there by `TokenStore.Writer`. The index is written last: without it nothing is read.
    /// A part whose notices are the ones `previous` (the cache this build read) had, unchanged, is left as it is.
    func writeIndex(for output: URL, previous: BuildCache) {
        let folder = Self.folder(for: output)
        let paths = notices.keys.sorted()
        let samePaths = !previous.notices.isEmpty && previous.settings == settings && previous.notices.keys.sorted() == paths
        // Which parts change, and their notices' details, before any part is written: a notice's details may be in
        // a part of the last cache that a new part replaces. Each part is then encoded and written on its own, so
        // the encoded parts are never all in memory.
        let changed = parallelMap(Self.parts) { part -> [String]? in
            let members = stride(from: part, to: paths.count, by: Self.parts).map { paths[$0] }
            let unchanged = samePaths && FileManager.default.fileExists(atPath: folder.appendingPathComponent("notices-\(part).json").path)
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent("details-\(part).json").path)
                && members.allSatisfy { path in
                    let old = previous.notices[path]!, new = notices[path]!
                    return old.notice.sourceDigest == new.notice.sourceDigest && old.checkKey == new.checkKey && old.file == new.file
                }
            return unchanged ? nil : members
        }
        // A notice taken from the last cache has its details there.
        let details = parallelMap(Self.parts) { part -> [NoticeDetails?] in
            (changed[part] ?? []).map { path in
                let notice = notices[path]!.notice
                return notice.hasDetails ? notice.details : previous.details(for: notice)
            }
        }
        let written = parallelMap(Self.parts) { part -> Bool in
            guard let members = changed[part] else { return true }
            let stored = members.map { path -> StoredEntry in
                let entry = notices[path]!
                return StoredEntry(notice: entry.notice.summaryRecord, loadDiagnostics: entry.loadDiagnostics, checkKey: entry.checkKey,
                                   checkDiagnostics: entry.checkDiagnostics, links: entry.links, file: entry.file)
            }
            guard !details[part].contains(where: { $0 == nil }), let summaries = try? JSONEncoder().encode(stored),
                  let detailData = try? JSONEncoder().encode(details[part].map { $0! }) else { return false }
            return (try? detailData.write(to: folder.appendingPathComponent("details-\(part).json"))) != nil
                && (try? summaries.write(to: folder.appendingPathComponent("notices-\(part).json"))) != nil
        }
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let index = Index(program: Self.program, settings: settings, loadStarted: loadStarted, output: BuildStamp.outputIdentity(output))
        guard written.allSatisfy({ $0 }), (try? PageRecord.encode(pages).write(to: folder.appendingPathComponent("pages.bin"))) != nil,
              let data = try? encoder.encode(index) else { return }
        let temporary = folder.appendingPathComponent("index.plist.tmp")
        if (try? data.write(to: temporary)) != nil {
            _ = rename(temporary.path, folder.appendingPathComponent("index.plist").path)
        }
    }
}

extension BuildCache.PageRecord {
    /// The records of every output file in `pages.bin`: per file the key, size and modification time (8 bytes each),
    /// the path's length (4 bytes) and the path in UTF-8. Read on every build: a property list of 12,000 records
    /// took a tenth of a second to read and as long to write.
    static func encode(_ records: [String: BuildCache.PageRecord]) -> Data {
        var data = Data(capacity: records.count * 64)
        for (path, record) in records {
            withUnsafeBytes(of: record.key) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: record.size) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: record.modified) { data.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(path.utf8.count)) { data.append(contentsOf: $0) }
            data.append(contentsOf: path.utf8)
        }
        return data
    }

    /// nil when the bytes are not a whole pages.bin.
    static func decode(_ data: Data) -> [String: BuildCache.PageRecord]? {
        data.withUnsafeBytes { raw -> [String: BuildCache.PageRecord]? in
            var records: [String: BuildCache.PageRecord] = [:]
            var at = 0
            while at < raw.count {
                guard at + 28 <= raw.count else { return nil }
                let key = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let size = raw.loadUnaligned(fromByteOffset: at + 8, as: Int64.self)
                let modified = raw.loadUnaligned(fromByteOffset: at + 16, as: Int64.self)
                let length = Int(raw.loadUnaligned(fromByteOffset: at + 24, as: UInt32.self))
                guard at + 28 + length <= raw.count else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 28)..<(at + 28 + length)]), as: UTF8.self)
                records[path] = BuildCache.PageRecord(key: key, size: size, modified: modified)
                at += 28 + length
            }
            return records
        }
    }
}

/// The `details-<n>.json` files of a cache, each decoded the first time one of its notices is asked for.
final class DetailStore: @unchecked Sendable {
    private let folder: URL
    /// Each part's notice paths, in the order of its details file.
    private let members: [[String]]
    /// Each notice's part and the digest of the file its details were decoded from.
    private var place: [String: (part: Int, digest: UInt64)] = [:]
    private var decoded: [Int: [String: NoticeDetails]] = [:]
    private let lock = NSLock()

    init(folder: URL, parts: [[(path: String, digest: UInt64)]]) {
        self.folder = folder
        members = parts.map { $0.map(\.path) }
        for (n, members) in parts.enumerated() {
            for member in members { place[member.path] = (n, member.digest) }
        }
    }

    func details(for path: String, digest: UInt64) -> NoticeDetails? {
        guard let (n, recorded) = place[path], recorded == digest else { return nil }
        return lock.withLock {
            if decoded[n] == nil {
                let data = try? Data(contentsOf: folder.appendingPathComponent("details-\(n).json"))
                let list = data.flatMap { try? JSONDecoder().decode([NoticeDetails].self, from: $0) } ?? []
                decoded[n] = list.count == members[n].count ? Dictionary(zip(members[n], list), uniquingKeysWith: { first, _ in first }) : [:]
            }
            return decoded[n]?[path]
        }
    }
}

/// Search tokens of each notice, by the digest of its source file, in a compact binary file: per notice the digest,
/// the counts, the packed Han tokens (8 bytes each) and the words (2-byte length and UTF-8). Reading keeps the
/// file's bytes and decodes a notice's tokens when they are asked for.
public struct TokenStore: Sendable {
    private var bytes = Data()
    /// Where each notice's record is in `bytes`.
    private var records: [UInt64: Range<Int>] = [:]

    public init() {}

    init(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url) else { return }
        var records: [UInt64: Range<Int>] = [:]
        let valid = data.withUnsafeBytes { raw -> Bool in
            var at = 0
            while at + 16 <= raw.count {
                let start = at
                let digest = raw.loadUnaligned(fromByteOffset: at, as: UInt64.self)
                let han = Int(raw.loadUnaligned(fromByteOffset: at + 8, as: UInt32.self))
                let words = Int(raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self))
                at += 16 + han * 8
                for _ in 0..<words {
                    guard at + 2 <= raw.count else { return false }
                    at += 2 + Int(raw.loadUnaligned(fromByteOffset: at, as: UInt16.self))
                }
                guard at <= raw.count else { return false }
                records[digest] = start..<at
            }
            return at == raw.count
        }
        if valid { self.bytes = data; self.records = records }
    }

    /// The stored bytes of a notice's tokens, as `Writer` writes them.
    func record(for digest: UInt64) -> Data? {
        records[digest].map { bytes.subdata(in: $0) }
    }

    public func tokens(for digest: UInt64) -> SearchIndexBuilder.TokenSet? {
        guard let start = records[digest]?.lowerBound else { return nil }
        return bytes.withUnsafeBytes { raw in
            var result = SearchIndexBuilder.TokenSet()
            let han = Int(raw.loadUnaligned(fromByteOffset: start + 8, as: UInt32.self))
            let words = Int(raw.loadUnaligned(fromByteOffset: start + 12, as: UInt32.self))
            var at = start + 16
            result.han.reserveCapacity(han)
            for _ in 0..<han {
                result.han.append(raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
                at += 8
            }
            for _ in 0..<words {
                let length = Int(raw.loadUnaligned(fromByteOffset: at, as: UInt16.self))
                result.words.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[(at + 2)..<(at + 2 + length)]), as: UTF8.self))
                at += 2 + length
            }
            return result
        }
    }

    /// Appends notices' tokens to a new tokens.bin as they are rendered; called from several threads at once.
    final class Writer: @unchecked Sendable {
        private let handle: FileHandle?
        private var seen = Set<UInt64>()
        private let lock = NSLock()
        /// Records of unchanged notices are copied from here instead of encoded again.
        private let previous: TokenStore

        init(for output: URL, previous: TokenStore = TokenStore()) {
            self.previous = previous
            let folder = BuildCache.folder(for: output)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let url = folder.appendingPathComponent("tokens.bin")
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            handle = try? FileHandle(forWritingTo: url)
        }

        func add(_ tokens: SearchIndexBuilder.TokenSet, digest: UInt64) {
            guard let handle, lock.withLock({ seen.insert(digest).inserted }) else { return }
            let record = previous.record(for: digest) ?? Self.record(tokens, digest: digest)
            lock.withLock { handle.write(record) }
        }

        static func record(_ tokens: SearchIndexBuilder.TokenSet, digest: UInt64) -> Data {
            let words = tokens.words.map { Array($0.utf8.prefix(Int(UInt16.max))) }
            var record = Data(capacity: 16 + tokens.han.count * 8 + words.reduce(0) { $0 + 2 + $1.count })
            withUnsafeBytes(of: digest) { record.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(tokens.han.count)) { record.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(words.count)) { record.append(contentsOf: $0) }
            tokens.han.withUnsafeBytes { record.append(contentsOf: $0) }
            for word in words {
                withUnsafeBytes(of: UInt16(word.count)) { record.append(contentsOf: $0) }
                record.append(contentsOf: word)
            }
            return record
        }

        func close() { try? handle?.close() }
    }
}
