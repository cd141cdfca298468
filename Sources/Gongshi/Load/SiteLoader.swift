import Foundation

/// Everything read from a site folder's content/: the settings and every notice that decoded.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var notices: [Notice]
    /// Files under content/files/ (paths relative to it), published as files/… for notices to link to.
    public var attachments: [String]
    /// What `stat` said of each notice file just before it was read, by path (for the next build's cache).
    public var fileStamps: [String: FileStamp] = [:]
    /// When loading started (`FileStamp.now()`): stamps of files written after it are not trusted later.
    public var loadStarted: Int64 = 0
    public init(config: SiteConfig, notices: [Notice], attachments: [String] = []) {
        self.config = config; self.notices = notices; self.attachments = attachments
    }
}

/// Where a site's files are.
public struct SiteLayout: Sendable {
    public let root: URL
    public init(root: URL) { self.root = root.standardizedFileURL }
    public var content: URL { root.appendingPathComponent("content") }
    public var configFile: URL { content.appendingPathComponent("site.yaml") }
    public var noticesFolder: URL { content.appendingPathComponent("notices") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public var attachmentsFolder: URL { content.appendingPathComponent("files") }

    /// `content/notices/a.md` for messages: relative to the site folder.
    public func displayPath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}

/// The load stage: reads site.yaml and every notice, collecting all diagnostics before giving up.
public enum SiteLoader {
    // Returns nil content only when site.yaml itself cannot be read.
    /// Files larger than this are refused (a notice is a few kilobytes; a huge file is a mistake).
    public static let defaultMaxFileSize = 10 * 1024 * 1024

    /// Decodes every notice. A notice the last build saw is taken from `cache` instead of decoded again when its
    /// file's stamp is the one recorded then (and was already settled, see `FileStamp.isSettled`), without reading
    /// the file; or else when the file's bytes have the digest recorded then. Such a notice comes without its texts.
    /// With `keepTexts` false, each notice's body and front-matter text are let go as soon as it is decoded (its
    /// field positions stay), so the texts of a large site are never all in memory; `NoticeLoader.withTexts` reads
    /// them again.
    public static func load(_ layout: SiteLayout, maxFileSize: Int = defaultMaxFileSize, cache: BuildCache = BuildCache(),
                            keepTexts: Bool = true) -> (LoadedContent?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let started = FileStamp.now()
        let configPath = layout.displayPath(layout.configFile)
        var config: SiteConfig?
        if let data = FileManager.default.contents(atPath: layout.configFile.path) {
            let (c, d) = ConfigLoader.load(data: data, path: configPath)
            config = c
            diagnostics += d
        } else {
            diagnostics.append(.error("找不到网站设置文件 \(configPath)", file: configPath,
                                      hint: "请在网站文件夹里创建 content/site.yaml（至少写 title: 网站名称），或用 --site 指定网站文件夹"))
        }

        let files = noticeFiles(in: layout, diagnostics: &diagnostics)
        let defaultColumn = config?.defaultColumn ?? "巡察整改"
        // A cached notice was decoded with the settings of its time (the default column), so only the same ones do.
        let reusable = config.map { cache.settings == $0.digest } ?? false
        // Files are decoded on every core; results come back in file-name order.
        let results = parallelMap(files.count) { i -> (Notice?, [Diagnostic], FileStamp?) in
            let url = URL(fileURLWithPath: files[i].path)
            let path = files[i].displayPath
            // Taken before reading: a write after it changes the stamp, so the next build reads the file again.
            let stamp = FileStamp.of(files[i].path)
            let cached = reusable ? cache.notices[path] : nil
            if let cached, let stamp, cached.file == stamp, stamp.isSettled(before: cache.loadStarted), stamp.size <= Int64(maxFileSize) {
                return (cached.notice, cached.loadDiagnostics, stamp)
            }
            var readDiagnostics: [Diagnostic] = []
            guard let data = read(url, path: path, size: stamp?.size ?? 0, maxFileSize: maxFileSize, diagnostics: &readDiagnostics) else {
                return (nil, readDiagnostics, nil)
            }
            let digest = Digest.of(data)
            if let cached, cached.notice.sourceDigest == digest {
                return (cached.notice, cached.loadDiagnostics, stamp)
            }
            var (notice, diagnostics) = NoticeLoader.load(data: data, path: path, defaultColumn: defaultColumn)
            notice?.sourceDigest = digest
            if !keepTexts { notice?.dropTexts(keepingPositions: true) }
            return (notice, diagnostics, stamp)
        }
        var notices: [Notice] = []
        notices.reserveCapacity(results.count)
        var stamps: [String: FileStamp] = [:]
        for (notice, d, stamp) in results {
            diagnostics += d
            if let notice {
                notices.append(notice)
                stamps[notice.sourcePath] = stamp
            }
        }
        // The notices that did load are returned even when others failed, so later checks can still look at them;
        // callers must not publish content when the diagnostics hold errors.
        guard let config else { return (nil, diagnostics) }
        var content = LoadedContent(config: config, notices: notices, attachments: attachments(in: layout))
        content.fileStamps = stamps
        content.loadStarted = started
        return (content, diagnostics)
    }

    /// Files under content/files/, sorted; hidden files and links leading outside the site are skipped.
    static func attachments(in layout: SiteLayout) -> [String] {
        let folder = layout.attachmentsFolder
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        let siteRoot = layout.root.resolvingSymlinksInPath().path + "/"
        var found: [String] = []
        for case let relative as String in enumerator {
            let url = folder.appendingPathComponent(relative)
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                  url.resolvingSymlinksInPath().path.hasPrefix(siteRoot) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.append(relative)
            }
        }
        return found.sorted()
    }

    /// A notice file: where it is, and how messages name it (`content/notices/a.md`).
    struct NoticeFile {
        let path: String
        let displayPath: String
    }

    /// The notice files, sorted by name; hidden files and editor backups are skipped, and so are links that lead
    /// outside the site folder (with a warning).
    static func noticeFiles(in layout: SiteLayout, diagnostics: inout [Diagnostic]) -> [NoticeFile] {
        let folder = layout.noticesFolder
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            diagnostics.append(.warning("找不到通知文件夹 \(layout.displayPath(folder))，网站将没有通知", file: layout.displayPath(folder),
                                        hint: "把通知放在 content/notices/ 下，每个通知一个 .md 文件"))
            return []
        }
        let siteRoot = layout.root.resolvingSymlinksInPath().path + "/"
        let displayFolder = layout.displayPath(folder)
        // When content/notices is itself a link leading elsewhere, every file in it is checked like a link.
        let folderIsInside = (folder.resolvingSymlinksInPath().path + "/").hasPrefix(siteRoot)
        // readdir: URL and FileManager calls per file took a tenth of a second for 10,000 notices.
        return FileTree.children(of: folder.path).sorted { $0.name < $1.name }.compactMap { entry -> NoticeFile? in
            let name = entry.name
            guard name.hasSuffix(".md"), !name.hasPrefix("."), !name.hasPrefix("#"), !name.hasSuffix("~"), !entry.isDirectory else { return nil }
            let file = NoticeFile(path: entry.path, displayPath: displayFolder + "/" + name)
            if entry.isSymbolicLink || !folderIsInside {
                let resolved = URL(fileURLWithPath: entry.path).resolvingSymlinksInPath().path
                if !resolved.hasPrefix(siteRoot) {
                    diagnostics.append(.warning("\(name) 是指向网站文件夹之外的链接，已跳过", file: file.displayPath,
                                                hint: "请把文件本身复制到 content/notices/ 中"))
                    return nil
                }
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: entry.path, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
            }
            return file
        }
    }

    static func read(_ url: URL, path: String, size: Int64, maxFileSize: Int, diagnostics: inout [Diagnostic]) -> Data? {
        if size > Int64(maxFileSize) {
            diagnostics.append(.error("文件太大（\(size / 1024 / 1024) MB，上限 \(maxFileSize / 1024 / 1024) MB）", file: path, line: 1, column: 1,
                                      hint: "通知正文通常只有几十 KB，请检查是否误放了其他文件"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            diagnostics.append(.error("无法读取文件", file: path, line: 1, column: 1, hint: "请检查文件权限"))
            return nil
        }
        return data
    }
}
