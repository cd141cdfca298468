import GongshiCore
import GongshiMarkdown
import Foundation

/// Everything read from a site folder's content/: the settings and every notice that decoded, whole.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    public var notices: [DecodedNotice]
    /// Files under content/files/ (paths relative to it), published as files/… for notices to link to.
    public var attachments: [String]
    public init(config: SiteConfig, notices: [DecodedNotice], attachments: [String] = []) {
        self.config = config; self.notices = notices; self.attachments = attachments
    }
}

/// The load stage: reads site.yaml and every notice, collecting all diagnostics before giving up.
public enum SiteLoader {
    /// Files larger than this are refused (a notice is a few kilobytes; a huge file is a mistake).
    public static let defaultMaxFileSize = 10 * 1024 * 1024

    /// Reads and decodes site.yaml; nil when it is missing or wrong (the diagnostics say why).
    public static func loadConfig(_ layout: SiteLayout) -> (SiteConfig?, [Diagnostic]) {
        let path = layout.displayPath(layout.configFile)
        guard let data = FileManager.default.contents(atPath: layout.configFile.path) else {
            return (nil, [.error("找不到网站设置文件 \(path)", file: path,
                                 hint: "请在网站文件夹里创建 content/site.yaml（至少写 title: 网站名称），或用 --site 指定网站文件夹")])
        }
        return ConfigLoader.load(data: data, path: path)
    }

    /// Decodes every notice on every core, in file-name order. The notices that did load are returned even when
    /// others failed, so later checks can still look at them; nil content only when site.yaml cannot be read.
    /// Callers must not publish content when the diagnostics hold errors.
    public static func load(_ layout: SiteLayout, maxFileSize: Int = defaultMaxFileSize) -> (LoadedContent?, [Diagnostic]) {
        var (config, diagnostics) = loadConfig(layout)
        let files = noticeFiles(in: layout, diagnostics: &diagnostics)
        let defaultColumn = config?.defaultColumn ?? SiteConfig.standardColumn
        let results = parallelMap(files.count, chunkSize: 16) { i in loadNotice(files[i], maxFileSize: maxFileSize, defaultColumn: defaultColumn) }
        diagnostics += results.flatMap(\.1)
        guard let config else { return (nil, diagnostics) }
        return (LoadedContent(config: config, notices: results.compactMap(\.0), attachments: attachments(in: layout)), diagnostics)
    }

    /// Reads and decodes one notice file.
    public static func loadNotice(_ file: NoticeFile, maxFileSize: Int, defaultColumn: String) -> (DecodedNotice?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let data = read(file, size: FileStamp.of(file.path)?.size ?? 0, maxFileSize: maxFileSize, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        return NoticeLoader.decode(data: data, path: file.displayPath, defaultColumn: defaultColumn)
    }

    /// Files under content/files/, sorted; hidden files and links leading outside the site are skipped.
    public static func attachments(in layout: SiteLayout) -> [String] {
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
    public struct NoticeFile: Sendable {
        public let path: String
        public let displayPath: String
    }

    /// The notice files, sorted by name; hidden files and editor backups are skipped, and so are links that lead
    /// outside the site folder (with a warning).
    public static func noticeFiles(in layout: SiteLayout, diagnostics: inout [Diagnostic]) -> [NoticeFile] {
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

    /// The bytes of a notice file of `size` bytes; nil (with a diagnostic) when it is too large or cannot be read.
    public static func read(_ file: NoticeFile, size: Int64, maxFileSize: Int, diagnostics: inout [Diagnostic]) -> Data? {
        let path = file.displayPath
        if size > Int64(maxFileSize) {
            diagnostics.append(.error("文件太大（\(size / 1024 / 1024) MB，上限 \(maxFileSize / 1024 / 1024) MB）", file: path, line: 1, column: 1,
                                      hint: "通知正文通常只有几十 KB，请检查是否误放了其他文件"))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            diagnostics.append(.error("无法读取文件", file: path, line: 1, column: 1, hint: "请检查文件权限"))
            return nil
        }
        return data
    }
}
