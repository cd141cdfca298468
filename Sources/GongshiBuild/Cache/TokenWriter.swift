import Foundation
import GongshiRender

extension TokenStore {
    /// Appends the tokens of notices tokens.bin does not have yet as they are rendered (to a new file when there is no
    /// valid one); called from several threads at once. `store()` reads them all back, for the search index. Should
    /// the file not take a record (a full disk), the tokens stay in memory and the file is cut back to its last
    /// whole record.
    final class Writer: @unchecked Sendable {
        private let url: URL
        private var handle: FileHandle?
        /// Where the next record goes.
        private var end = 0
        /// Digests of the notices this build has (their records are in the file, or were just appended).
        private var used = Set<UInt64>()
        private var appended: [UInt64: Range<Int>] = [:]
        private var unwritten: [UInt64: SearchIndexBuilder.TokenSet] = [:]
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
            end = Int((try? handle?.seekToEnd()) ?? 0)
        }

        func add(_ tokens: SearchIndexBuilder.TokenSet, digest: UInt64) {
            guard lock.withLock({ used.insert(digest).inserted }), !previous.contains(digest) else { return }
            let record = TokenStore.record(tokens, digest: digest)
            lock.withLock {
                if let handle, (try? handle.write(contentsOf: record)) != nil {
                    appended[digest] = end..<(end + record.count)
                    end += record.count
                } else {
                    try? handle?.truncate(atOffset: UInt64(end))
                    handle = nil
                    unwritten[digest] = tokens
                }
            }
        }
        /// Counts a notice whose tokens the file already has as one this build has, without reading them; false when
        /// the file does not have them.
        func keep(digest: UInt64) -> Bool {
            guard previous.contains(digest) else { return false }
            lock.withLock { _ = used.insert(digest) }
            return true
        }

        /// The tokens of every notice added so far.
        func store() -> TokenStore {
            lock.withLock {
                var records = appended
                for digest in used where records[digest] == nil { if let place = previous.place(of: digest) { records[digest] = place } }
                return TokenStore(file: ReadOnlyFile(url), records: records, unwritten: unwritten)
            }
        }

        /// Closes the file; writes it again with only the records in use when most of it is no longer used.
        func close() {
            try? handle?.close()
            let used = lock.withLock { self.used }
            guard previous.count + appended.count > 2 * used.count else { return }
            let current = store(), temporary = url.path + ".tmp"
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let out = FileHandle(forWritingAtPath: temporary) else { return }
            var chunk = Data(), complete = true
            func flush() {
                complete = complete && (try? out.write(contentsOf: chunk)) != nil
                chunk.removeAll(keepingCapacity: true)
            }
            for digest in used.sorted() {
                if let record = current.record(for: digest) { chunk.append(record) }
                if chunk.count >= 1 << 22 { flush() }
            }
            flush()
            try? out.close()
            if complete { rename(temporary, url.path) } else { unlink(temporary) }
        }
    }
}
