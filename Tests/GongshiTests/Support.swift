import Foundation
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

/// A throw-away site folder in the system's temporary directory.
struct TempSite {
    let root: URL

    init(config: String = TempSite.minimalConfig) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("gongshi-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/notices"), withIntermediateDirectories: true)
        try write("content/site.yaml", config)
    }

    static let minimalConfig = """
    title: 测试网站
    contact:
      phone: ["010-12345678"]
    """

    var layout: SiteLayout { SiteLayout(root: root) }
    var output: URL { root.appendingPathComponent("public") }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func notice(_ name: String, _ text: String) throws {
        try write("content/notices/\(name)", text)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @discardableResult
    func build() throws -> BuildReport {
        try SiteBuilder.build(BuildOptions(site: root, now: referenceTime))
    }

    /// The diagnostics of a build that is expected to fail.
    func failingBuild() -> [Diagnostic] {
        do {
            try build()
            return []
        } catch let failure as BuildFailure {
            return failure.diagnostics
        } catch {
            return [.error("unexpected \(error)", file: "")]
        }
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// A complete, valid notice; `extra` lines are added to the front matter.
func noticeText(title: String = "测试单位关于巡察整改情况的通报", org: String = "测试单位", date: String = "2025-07-28",
                extra: String = "", body: String = "正文第一段。") -> String {
    """
    ---
    title: \(title)
    org: \(org)
    date: \(date)
    \(extra)
    ---

    \(body)
    """
}

/// Decodes a notice from text the way the loader does for a file.
func decode(_ text: String, path: String = "content/notices/test.md") -> (Notice?, [Diagnostic]) {
    NoticeLoader.load(data: Data(text.utf8), path: path, defaultColumn: "巡察整改")
}

/// Every file below `folder`, path → bytes.
func snapshot(_ folder: URL) -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return files }
    for case let url as URL in enumerator {
        guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
        let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
        files[relative] = try? Data(contentsOf: url)
    }
    return files
}

/// The repository's own folder (for the example site and the default templates).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The reference time tests build at (the example site's story is told as of this moment): what is published,
/// overdue or ended never depends on the day the tests run.
let referenceTime = Moment("2026-11-23 09:00")!
