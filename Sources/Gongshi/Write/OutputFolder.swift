import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: every file goes into a staging folder beside the output; only a complete build is
/// swapped in, so a failed or killed build leaves the previous output as it was.
public final class StagedOutput: PageSink, @unchecked Sendable {
    public let output: URL
    public let staging: URL
    private let backup: URL
    private let fileManager = FileManager.default
    /// Guards the counters, the folder set and the records: pages are written from several threads.
    private let lock = NSLock()
    private var createdFolders = Set<String>()
    private var _filesWritten = 0, _filesUnchanged = 0
    /// Output files as the last build recorded them (from the build cache).
    public var previous: [String: BuildCache.PageRecord] = [:]
    private var _records: [String: BuildCache.PageRecord] = [:]

    /// Checks that `output` is a safe place to write, recovers from an interrupted earlier swap,
    /// and creates an empty staging folder.
    public init(output: URL, site: SiteLayout) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let name = self.output.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).staging")
        backup = parent.appendingPathComponent(".\(name).previous")
        if let refusal = StagedOutput.refusal(output: self.output, site: site) {
            throw BuildFailure([.error(refusal, file: self.output.path, hint: "请用 --output 指定一个专门存放生成结果的文件夹，例如 public")])
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            // An earlier build killed between the two renames of a non-atomic swap left the output here.
            if !fileManager.fileExists(atPath: self.output.path), fileManager.fileExists(atPath: backup.path) {
                try fileManager.moveItem(at: backup, to: self.output)
            }
            if fileManager.fileExists(atPath: staging.path) { try FolderRemoval.remove(staging.path) }
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw BuildFailure([.error("无法创建临时输出文件夹 \(staging.path)：\(error.localizedDescription)", file: staging.path,
                                       hint: "请检查磁盘空间和文件夹权限")])
        }
    }

    /// Why `output` must not be written to, or nil. Deleting and replacing it must never touch the site's sources.
    public static func refusal(output: URL, site: SiteLayout) -> String? {
        let out = output.resolvingSymlinksInPath().standardizedFileURL.path
        let root = site.root.resolvingSymlinksInPath().standardizedFileURL.path
        let home = FileManager.default.homeDirectoryForCurrentUser.resolvingSymlinksInPath().standardizedFileURL.path
        func isInside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        if out == "/" { return "不能把根目录 / 用作输出文件夹" }
        if out == home { return "不能把用户主目录用作输出文件夹" }
        if out == root { return "不能把网站文件夹本身用作输出文件夹（生成时会替换整个输出文件夹）" }
        if isInside(root, out) { return "输出文件夹 \(out) 包含网站文件夹，不能使用" }
        for protected in [site.content, site.templates] {
            let p = protected.resolvingSymlinksInPath().standardizedFileURL.path
            if isInside(out, p) || isInside(p, out) { return "输出文件夹不能是 \(site.displayPath(protected))/ 或与它重叠" }
        }
        return nil
    }

    public var filesWritten: Int { lock.withLock { _filesWritten } }
    /// Files whose bytes were the same as in the published output (kept with their modification time).
    public var filesUnchanged: Int { lock.withLock { _filesUnchanged } }
    /// Each file written with a key, as the next build will find it.
    public var records: [String: BuildCache.PageRecord] { lock.withLock { _records } }

    /// Writes one file at `path` (relative, `/`-separated) inside the staging folder.
    public func write(_ path: String, _ data: Data) throws {
        try write(path, data, key: nil)
    }

    /// Writes one file; `key` (the digest of its inputs) is recorded so the next build can keep it unrendered.
    public func write(_ path: String, _ data: Data, key: UInt64?) throws {
        let url = try stagedURL(path)
        // A file whose bytes did not change is linked from the published output instead of written again, so it
        // keeps its modification time and rsync sends only what changed.
        let previous = output.appendingPathComponent(path)
        if let old = try? Data(contentsOf: previous, options: .alwaysMapped), old == data, link(previous.path, url.path) == 0 {
            lock.withLock { _filesUnchanged += 1 }
        } else {
            try data.write(to: url)
        }
        let stamp = key == nil ? nil : Self.stamp(url.path)
        lock.withLock {
            _filesWritten += 1
            if let key, let stamp { _records[path] = BuildCache.PageRecord(key: key, size: stamp.size, modified: stamp.modified) }
        }
    }

    /// Keeps the published file at `path` if the last build made it from inputs with digest `key` and it was not
    /// changed since: it is linked into the staging folder, untouched.
    public func reuse(_ path: String, key: UInt64) throws -> Bool {
        guard let record = previous[path], record.key == key else { return false }
        let old = output.appendingPathComponent(path).path
        guard let stamp = Self.stamp(old), stamp.size == record.size, stamp.modified == record.modified else { return false }
        guard link(old, try stagedURL(path).path) == 0 else { return false }
        lock.withLock {
            _filesWritten += 1
            _filesUnchanged += 1
            _records[path] = record
        }
        return true
    }

    /// The staging location of `path`, with its folder created; refuses paths that would leave the folder.
    private func stagedURL(_ path: String) throws -> URL {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildFailure([.error("拒绝写入不安全的输出路径“\(path)”", file: path)])
        }
        let url = staging.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent().path
        if !lock.withLock({ createdFolders.contains(folder) }) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            lock.withLock { _ = createdFolders.insert(folder) }
        }
        return url
    }

    /// Size and modification time (nanoseconds) of a file, without following a final link.
    static func stamp(_ path: String) -> (size: Int, modified: Int64)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (Int(info.st_size), Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Puts the staged output in place of the old one. Atomic where the file system supports renameat2.
    public func commit() throws {
        if fileManager.fileExists(atPath: output.path) {
            if gongshi_exchange_paths(staging.path, output.path) == 0 {
                try FolderRemoval.remove(staging.path)
                return
            }
            // No atomic exchange here: two renames; an interruption between them is repaired by the next build.
            if fileManager.fileExists(atPath: backup.path) { try FolderRemoval.remove(backup.path) }
            try fileManager.moveItem(at: output, to: backup)
            try fileManager.moveItem(at: staging, to: output)
            try FolderRemoval.remove(backup.path)
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
    }

    /// Removes the staging folder; the output stays as it was.
    public func abandon() {
        try? FolderRemoval.remove(staging.path)
    }
}
