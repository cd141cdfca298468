import CAtomicSwap
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write stage: every file goes into a staging folder beside the output; only a complete build is
/// swapped in, so a failed or killed build leaves the previous output as it was.
public final class StagedOutput {
    public let output: URL
    public let staging: URL
    private let backup: URL
    private let fileManager = FileManager.default
    private var createdFolders = Set<String>()
    public private(set) var filesWritten = 0

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
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
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

    /// Writes one file at `path` (relative, `/`-separated) inside the staging folder.
    public func write(_ path: String, _ data: Data) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw BuildFailure([.error("拒绝写入不安全的输出路径“\(path)”", file: path)])
        }
        let url = staging.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent().path
        if !createdFolders.contains(folder) {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            createdFolders.insert(folder)
        }
        filesWritten += 1
        // A file whose bytes did not change is linked from the published output instead of written again, so it
        // keeps its modification time and rsync sends only what changed.
        let previous = output.appendingPathComponent(path)
        if let old = try? Data(contentsOf: previous, options: .alwaysMapped), old == data, link(previous.path, url.path) == 0 {
            filesUnchanged += 1
            return
        }
        try data.write(to: url)
    }

    /// Files whose bytes were the same as in the published output (kept with their modification time).
    public private(set) var filesUnchanged = 0

    /// Puts the staged output in place of the old one. Atomic where the file system supports renameat2.
    public func commit() throws {
        if fileManager.fileExists(atPath: output.path) {
            if gongshi_exchange_paths(staging.path, output.path) == 0 {
                try fileManager.removeItem(at: staging)
                return
            }
            // No atomic exchange here: two renames; an interruption between them is repaired by the next build.
            if fileManager.fileExists(atPath: backup.path) { try fileManager.removeItem(at: backup) }
            try fileManager.moveItem(at: output, to: backup)
            try fileManager.moveItem(at: staging, to: output)
            try fileManager.removeItem(at: backup)
        } else {
            try fileManager.moveItem(at: staging, to: output)
        }
    }

    /// Removes the staging folder; the output stays as it was.
    public func abandon() {
        try? fileManager.removeItem(at: staging)
    }
}
