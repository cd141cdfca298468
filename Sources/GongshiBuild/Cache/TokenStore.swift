import GongshiContent
import Foundation
import GongshiCore
import GongshiOutput
import GongshiRender

/// Search tokens of each notice, by the digest of its source file, in a compact binary file: per notice the digest,
/// the counts, the packed Han tokens (8 bytes each) and the words (2-byte length and UTF-8). Reading maps the file
/// and decodes a notice's tokens when they are asked for. A build appends the records of notices the file does not
/// have yet (10,000 notices hold 45 MB of tokens: rewriting them for one changed notice cost more than the notice);
/// when the file holds more than twice the records in use, it is written again with only those.
public struct TokenStore: Sendable {
    private var bytes = Data()
    /// Where each notice's record is in `bytes`.
    private var records: [UInt64: Range<Int>] = [:]

    public init() {}

    init(contentsOf url: URL) {
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else { return }
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

    var count: Int { records.count }

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

    /// Appends the tokens of notices tokens.bin does not have yet as they are rendered (to a new file when there is no
    /// valid one); called from several threads at once.
    final class Writer: @unchecked Sendable {
        private let url: URL
        private let handle: FileHandle?
        /// Digests of the notices this build has (their records are in the file, or were just appended).
        private var used = Set<UInt64>()
        private var appended = 0
        private let lock = NSLock()
        /// The file as it was: its records stay, so they are not written again.
        private let previous: TokenStore

        init(for output: URL, previous: TokenStore = TokenStore()) {
            self.previous = previous
            let folder = BuildCache.folder(for: output)
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            url = folder.appendingPathComponent("tokens.bin")
            if previous.count == 0 || !FileManager.default.fileExists(atPath: url.path) {
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
            }
            handle = try? FileHandle(forWritingTo: url)
            _ = try? handle?.seekToEnd()
        }

        func add(_ tokens: SearchIndexBuilder.TokenSet, digest: UInt64) {
            guard let handle, lock.withLock({ used.insert(digest).inserted }), previous.records[digest] == nil else { return }
            let record = Self.record(tokens, digest: digest)
            lock.withLock { handle.write(record); appended += 1 }
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

        /// Closes the file; writes it again with only the records in use when most of it is no longer used.
        func close() {
            try? handle?.close()
            let used = lock.withLock { self.used }
            guard previous.count + appended > 2 * used.count else { return }
            let current = TokenStore(contentsOf: url)
            var compact = Data()
            for digest in used.sorted() { if let record = current.record(for: digest) { compact.append(record) } }
            let temporary = url.path + ".tmp"
            if (try? compact.write(to: URL(fileURLWithPath: temporary))) != nil { rename(temporary, url.path) }
        }
    }
}
