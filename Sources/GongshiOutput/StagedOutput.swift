import CAtomicSwap
import Foundation
import GongshiCore
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: every file goes into a staging folder beside the output; only a complete build is
/// swapped in, so a failed or killed build leaves the previous output as it was.
///
/// The output a build replaces is kept (in the cache folder, `.<name>.cache/previous/`) and becomes the next
/// build's staging folder: files already right there are left alone, so a build that changes a few pages writes
/// a few files instead of recreating tens of thousands of folders and links. Nothing in the staging folder is
/// ever written in place (it may share files with the published output through hard links): new bytes go to a
/// temporary name and are renamed over the old entry.
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    public let staging: URL
    /// The two folders' paths (a URL's `path` is worked out anew each time it is asked for, once per page).
    private let outputPath: String, stagingPath: String
    private let backup: URL
    /// The output before the current one, kept for the next build to work in.
    private let spare: URL
    private let fileManager = FileManager.default
    /// Guards the counters and the folder set: pages are written from several threads.
    private let lock = NSLock()
    private var createdFolders = Set<String>()
    private var produced = Set<String>()
    /// Paths whose new file differs from the published one (or that it does not have).
    private var changed = Set<String>()
    /// What the last build recorded about the tree: its output's paths (when it still is the output) and, when the
    /// staging folder is that build's kept tree, where that tree differs (see `SpareLedger`).
    private let previousOutputPaths: [String]?
    private let ledger: SpareLedger?
    /// The staging folder was created empty for this build: every file in it at the end is one the build made.
    private let startedEmpty: Bool
    private let folders: OutputFolders
    /// Flushes started before the commit (see `flushInBackground`), one after the other.
    private let flushes = DispatchQueue(label: "gongshi.staging-flush")
    private var _filesWritten = 0, _filesUnchanged = 0, _pagesReused = 0

    /// Checks that `output` is a safe place to write, recovers from an interrupted earlier swap, and prepares the
    /// staging folder: the tree the build before last published when `reuse` allows it, else an empty one.
    public init(output: URL, site: SiteLayout, reuse: Bool = true) throws {
        self.output = output.standardizedFileURL
        let parent = self.output.deletingLastPathComponent()
        let folders = OutputFolders(output: self.output)
        self.folders = folders
        staging = folders.staging
        outputPath = self.output.path
        stagingPath = folders.staging.path
        backup = folders.backup
        spare = folders.spare
        if let refusal = StagedOutput.refusal(output: self.output, site: site) {
            throw BuildFailure([.error(refusal, file: self.output.path, hint: "请用 --output 指定一个专门存放生成结果的文件夹，例如 public")])
        }
        let ledger = reuse ? SpareLedger.take(folders) : { unlink(SpareLedger.url(folders).path); return nil }()
        previousOutputPaths = ledger?.outputPaths
        var trusted = false
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            // An earlier build killed between the two renames of a non-atomic swap left the output here.
            if !fileManager.fileExists(atPath: self.output.path), fileManager.fileExists(atPath: backup.path) {
                try fileManager.moveItem(at: backup, to: self.output)
            }
            // A staging folder left by a killed build is a tree like the spare one: worked in the same way.
            if fileManager.fileExists(atPath: staging.path), !reuse { try FolderRemoval.remove(staging.path) }
            if fileManager.fileExists(atPath: spare.path) {
                if reuse, !fileManager.fileExists(atPath: staging.path) {
                    trusted = ledger?.describesSpare(folders) ?? false
                    try fileManager.moveItem(at: spare, to: staging)
                } else {
                    try FolderRemoval.remove(spare.path)
                }
            }
            startedEmpty = !fileManager.fileExists(atPath: staging.path)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            self.ledger = trusted ? ledger : nil
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
    /// Pages kept as published (see `keepPublished`).
    public var pagesReused: Int { lock.withLock { _pagesReused } }
    /// Writes one file.
    public func write(_ path: String, _ data: Data) throws {
        let staged = try stagedPath(path)
        // A file whose bytes did not change becomes the published file itself (a hard link), so it keeps its
        // modification time and rsync sends only what changed.
        let published = outputPath + "/" + path
        var unchanged = false
        if let old = try? Data(contentsOf: URL(fileURLWithPath: published), options: .alwaysMapped), old == data {
            unchanged = try place(published, at: staged)
        }
        if !unchanged, (try? Data(contentsOf: URL(fileURLWithPath: staged), options: .alwaysMapped)) != data {
            try replace(staged) { try FileWriting.write(data, to: $0) }
        }
        lock.withLock {
            _filesWritten += 1
            if unchanged { _filesUnchanged += 1 } else { changed.insert(path) }
            produced.insert(path)
        }
    }

    /// How the staged file at `path` stands (its size and modification time are what `keepPublished` compares the
    /// next time), nil if it cannot be seen.
    public func stamp(of path: String) -> FileStamp? {
        FileStamp.of(stagingPath + "/" + path, followingLinks: false)
    }

    /// The bytes of the published file at `path` when its size and modification time are still `size` and `modified`.
    public func published(_ path: String, size: Int64, modified: Int64) -> Data? {
        guard let published = untouchedPublished(path, size: size, modified: modified),
              let data = try? Data(contentsOf: URL(fileURLWithPath: published)), data.count == size else { return nil }
        return data
    }

    /// Where the published file at `path` is, when its size and modification time are still `size` and `modified`.
    private func untouchedPublished(_ path: String, size: Int64, modified: Int64) -> String? {
        let published = outputPath + "/" + path
        guard let stamp = FileStamp.of(published, followingLinks: false), stamp.size == size, stamp.modified == modified else { return nil }
        return published
    }

    /// Keeps the published file at `path` as it is when its size and modification time are still `size` and
    /// `modified` (nobody changed it since): the staged file becomes that file, untouched. False otherwise.
    public func keepPublished(_ path: String, size: Int64, modified: Int64) throws -> Bool {
        guard let published = untouchedPublished(path, size: size, modified: modified) else { return false }
        // The staged tree has this very file unless the ledger says it differs there.
        let inPlace = ledger.map { !$0.differs.contains(path) } ?? false
        guard try inPlace || place(published, at: try stagedPath(path)) else { return false }
        lock.withLock {
            _filesWritten += 1
            _filesUnchanged += 1
            _pagesReused += 1
            produced.insert(path)
        }
        return true
    }

    /// Makes `staged` a hard link to `published` (nothing to do when it already is one); false if linking failed.
    private func place(_ published: String, at staged: String) throws -> Bool {
        var a = stat(), b = stat()
        if lstat(published, &a) == 0, lstat(staged, &b) == 0, a.st_dev == b.st_dev, a.st_ino == b.st_ino { return true }
        var linked = false
        try replace(staged) { temporary in linked = link(published, temporary) == 0 }
        return linked
    }

    /// Puts a new entry at `path`: `make` creates it at a temporary name, which is then renamed over the old entry
    /// (a file possibly shared with the published output is never written to).
    private func replace(_ path: String, _ make: (String) throws -> Void) throws {
        var info = stat()
        if lstat(path, &info) != 0 { // nothing there yet (always so in a new staging folder): no detour needed
            try make(path)
            return
        }
        let temporary = path + ".gongshi-new"
        unlink(temporary)
        try make(temporary)
        guard fileManager.fileExists(atPath: temporary) else { return }
        if rename(temporary, path) != 0 {
            // A folder of an older tree stands where this file goes.
            try FolderRemoval.remove(path)
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
    }

    /// The staging location of `path`, with its folder created; refuses paths that would leave the folder.
    /// (Plain strings and mkdir: URL building and FileManager cost more than the rest of keeping a page.)
    private func stagedPath(_ path: String) throws -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildFailure([.error("拒绝写入不安全的输出路径“\(path)”", file: path)])
        }
        var folder = stagingPath
        for part in parts.dropLast() {
            folder += "/" + part
            if lock.withLock({ createdFolders.contains(folder) }) { continue }
            if mkdir(folder, 0o755) != 0 {
                let failure = errno
                var info = stat()
                if lstat(folder, &info) != 0 {
                    throw POSIXError(POSIXErrorCode(rawValue: failure) ?? .EIO)
                } else if (info.st_mode & S_IFMT) != S_IFDIR {
                    // A file of an older tree stands where a folder goes: it makes way.
                    unlink(folder)
                    guard mkdir(folder, 0o755) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                }
            }
            lock.withLock { _ = createdFolders.insert(folder) }
        }
        return stagingPath + "/" + path
    }

    /// Starts flushing what has been written so far to disk on another thread, so that the disk works while the build
    /// goes on rendering; `commit` waits for it and then flushes only what was written since.
    public func flushInBackground() {
        let folder = stagingPath
        flushes.async { try? FileWriting.flush(fileSystemOf: folder) }
    }

    /// Puts the staged output in place of the old one (atomic where the file system supports renameat2) and keeps
    /// the old one for the next build to work in.
    public func commit() throws {
        let produced = lock.withLock { self.produced }
        // Files of the older tree that this build did not make (a folder created empty has none).
        if let ledger {
            try removeStale(ledger.outputPaths + ledger.spareOnly, keeping: produced)
        } else if !startedEmpty {
            try FolderRemoval.removeAll(in: staging.path, except: produced)
        }
        try fileManager.createDirectory(at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
        if fileManager.fileExists(atPath: spare.path) { try FolderRemoval.remove(spare.path) }
        // Pages were written without flushing each (see `FileWriting`): all of them reach the disk before any is published.
        flushes.sync {}
        try FileWriting.flush(fileSystemOf: staging.path)
        let hadOutput = fileManager.fileExists(atPath: output.path)
        if hadOutput {
            if gongshi_exchange_paths(staging.path, output.path) == 0 {
                try fileManager.moveItem(at: staging, to: spare)
            } else {
                // No atomic exchange here: two renames; an interruption between them is repaired by the next build.
                if fileManager.fileExists(atPath: backup.path) { try FolderRemoval.remove(backup.path) }
                try fileManager.moveItem(at: output, to: backup)
                try fileManager.moveItem(at: staging, to: output)
                try fileManager.moveItem(at: backup, to: spare)
            }
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
        // The kept tree is now the output this build replaced: described when the last build's paths are known.
        let describable = hadOutput && previousOutputPaths != nil
        let spareOnly = describable ? previousOutputPaths!.filter { !produced.contains($0) } : []
        SpareLedger(outputIdentity: OutputFolders.identity(output), spareInode: describable ? SpareLedger.inode(spare.path) : 0,
                    outputPaths: produced.sorted(), differs: lock.withLock { changed }, spareOnly: spareOnly).write(folders)
    }

    /// Deletes the files at `candidates` (relative paths) that this build did not make, and the folders they leave empty.
    private func removeStale(_ candidates: [String], keeping produced: Set<String>) throws {
        for path in candidates where !produced.contains(path) {
            var full = stagingPath + "/" + path
            if unlink(full) != 0, errno != ENOENT {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: full])
            }
            while let slash = full.lastIndex(of: "/"), case let folder = String(full[..<slash]), folder.count > stagingPath.count,
                  rmdir(folder) == 0 {
                full = folder
            }
        }
    }

    /// Removes the staging folder; the output stays as it was.
    public func abandon() {
        try? FolderRemoval.remove(staging.path)
    }
}
