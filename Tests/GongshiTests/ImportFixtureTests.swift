import Foundation
@testable import GongshiAuthoring
import Testing
import Yams

/// The import fixture table (Tests/GongshiTests/Fixtures/import/): each case is one real-world-shaped notice, with
/// `<name>.expected.yaml` listing the front matter it must produce (`inspection.group`, `problems.0.status`…).
/// Each goes through the executable (`gongshi import`), then the site is built and every sentence of the source
/// must be on the notice's page.
enum ImportFixtures {
    static let folder = FixtureSiteTests.fixtures.appendingPathComponent("import")
    static let cases = ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cases").path)) ?? [])
        .filter { DocumentReader.format(of: URL(fileURLWithPath: $0)) != nil }.sorted()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// Imports `file` into a new site and checks the expected fields and that every sentence of `sentencesFrom` reaches
    /// the built page.
    static func check(_ file: URL, expected: URL, sentencesFrom source: URL?) throws {
        let site = try TempSite()
        defer { site.remove() }
        let run = try runGongshi(["import", file.path, "--site", site.root.path])
        #expect(run.status == 0, "\(file.lastPathComponent): \(run.stderr)")
        if DocumentReader.format(of: file) == .pdf, source == nil { #expect(run.stdout.contains("校对")) }
        let written = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path)
        let imported = try #require(written.first { $0.hasSuffix(".md") }, "\(file.lastPathComponent): nothing written")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/notices/\(imported)"), encoding: .utf8)
        let front = flatten(try Yams.load(yaml: String(text.split(separator: "---\n", maxSplits: 2)[0])) ?? [:])
        let wanted = flatten(try Yams.load(yaml: String(contentsOf: expected, encoding: .utf8)) ?? [:])
        for (key, value) in wanted.sorted(by: { $0.key < $1.key }) {
            #expect(front[key] == value, "\(file.lastPathComponent): \(key) is \(front[key] ?? "missing"), expected \(value)")
        }
        // Every sentence of the source on the page (whitespace ignored: stray spaces are removed on import).
        guard let source else { return }   // (a scan's last page, with the date, may be missing: nothing to build)
        try site.build()
        let page = plain(try site.read("notices/\(imported.dropLast(3))/index.html"))
        let sentences = try String(contentsOf: source, encoding: .utf8).components(separatedBy: CharacterSet(charactersIn: "。\n"))
            .map { $0.filter { !$0.isWhitespace } }.filter { $0.count >= 4 }
        for sentence in sentences {
            #expect(page.contains(sentence), "\(file.lastPathComponent): not on the page: \(sentence)")
        }
    }

    /// `a.b.0.c` → value, for comparing front matter with the expected file.
    static func flatten(_ value: Any, prefix: String = "") -> [String: String] {
        switch value {
        case let map as [String: Any]:
            return map.reduce(into: [:]) { $0.merge(flatten($1.value, prefix: prefix.isEmpty ? $1.key : prefix + "." + $1.key)) { a, _ in a } }
        case let map as [AnyHashable: Any]:
            return flatten(Dictionary(uniqueKeysWithValues: map.map { ("\($0.key)", $0.value) }), prefix: prefix)
        case let list as [Any]:
            return list.enumerated().reduce(into: [:]) { $0.merge(flatten($1.element, prefix: prefix + ".\($1.offset)")) { a, _ in a } }
        case let date as Date:
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.timeZone = TimeZone(identifier: "UTC")
            return [prefix: f.string(from: date)]
        default:
            return [prefix: "\(value)"]
        }
    }

    /// A page's text without tags, entities decoded, whitespace removed.
    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
            .filter { !$0.isWhitespace }
    }
}

@Suite("Import fixture table: real-world wording, one file per case")
struct ImportFixtureTests {
    @Test(arguments: ImportFixtures.cases)
    func importsAsExpected(_ name: String) throws {
        let file = ImportFixtures.folder.appendingPathComponent("cases/\(name)")
        let expected = ImportFixtures.folder.appendingPathComponent("cases/\(name).expected.yaml")
        // A case with a site's chrome around the notice lists the notice's own sentences beside it (`<name>.sentences`).
        let sentences = file.deletingPathExtension().appendingPathExtension("sentences")
        try ImportFixtures.check(file, expected: expected, sentencesFrom: FileManager.default.fileExists(atPath: sentences.path) ? sentences : file)
    }

    @Test func everyVariationClassHasACase() {
        for variation in ["numbering", "problem-words", "statuses", "counts", "org-line", "broken-lines", "dates", "page-date", "widgets", "announcement"] {
            #expect(ImportFixtures.cases.contains { $0.hasPrefix(variation) }, "no fixture for \(variation)")
        }
    }
}

/// One fixture per format, made from formats/source.txt with the tools that read it back (scripts/make-import-fixtures).
/// A format whose tool is missing is skipped here, never in CI (which installs them all).
@Suite("Import fixture table: every format")
struct ImportFormatTests {
    static let formats = ImportFixtures.folder.appendingPathComponent("formats")
    static func usable(_ tool: ExternalTool) -> Bool { tool.isInstalled || ImportFixtures.isCI }

    func check(_ name: String, expected: String = "notice.expected.yaml", sentences: Bool = true) throws {
        try ImportFixtures.check(Self.formats.appendingPathComponent(name), expected: Self.formats.appendingPathComponent(expected),
                                 sentencesFrom: sentences ? Self.formats.appendingPathComponent("source.txt") : nil)
    }

    @Test func plainText() throws { try check("source.txt") }

    @Test(.enabled(if: usable(.antiword))) func legacyWord() throws { try check("notice.doc") }

    @Test(.enabled(if: usable(.libreoffice))) func wpsThroughLibreOffice() throws { try check("notice.wps") }

    /// Two pages with a running header and page numbers, and sentences broken at line ends.
    @Test(.enabled(if: usable(.pdftotext))) func textPDF() throws {
        try check("notice.pdf")
        let document = try DocumentReader.read(Self.formats.appendingPathComponent("notice.pdf"))
        #expect(!document.text.contains("巡察整改专栏"))
        #expect(!document.text.contains("第1页") && !document.text.contains("第2页"))
    }

    /// The picture of the PDF's first page, without a text layer: recognized, and marked for a proof-read.
    @Test(.enabled(if: usable(.tesseract))) func scannedPDF() throws {
        try check("scan.pdf", expected: "scan.expected.yaml", sentences: false)
    }

    /// A page that declares no charset is read as UTF-8 when it is valid UTF-8, else as GB18030; a block that is mostly
    /// links (a menu without any telling class name) is left out, the notice's own paragraphs are kept.
    @Test func undeclaredEncodingAndUnnamedMenus() throws {
        let page = "<html><body><div><a href=\"/\">首页</a> <a href=\"/a\">机构概况</a> <a href=\"/b\">政务公开</a> <a href=\"/c\">互动交流</a></div>"
            + "<h1>示例区财政局党组关于巡察整改情况的通报</h1><p>党组召开专题会议研究部署整改工作。</p></body></html>"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, data) in [("utf8.html", Data(page.utf8)), ("gbk.html", try #require(ImportedText.convertToGB18030(page)))] {
            let file = folder.appendingPathComponent(name)
            try data.write(to: file)
            let document = try DocumentReader.read(file)
            #expect(document.text.contains("党组召开专题会议研究部署整改工作。"), "\(name)")
            #expect(!document.text.contains("机构概况"), "\(name)")
            #expect(document.hints.title == "示例区财政局党组关于巡察整改情况的通报", "\(name)")
        }
    }

    @Test func missingToolSaysWhatToInstall() {
        let tool = ExternalTool(program: "gongshi-no-such-tool", package: "gongshi-no-such-package", purpose: "读取测试文件")
        #expect(!tool.isInstalled)
        #expect(throws: ScaffoldError.self) { try tool.run([]) }
        do { try tool.run([]) } catch {
            #expect("\(error)".contains("apt-get install -y gongshi-no-such-package"))
        }
    }
}

@Suite("gongshi import DIR")
struct FolderImportTests {
    /// A folder mixing formats, the same notice twice (as text and as .doc), a damaged PDF and a file of an unknown
    /// type: each notice imported once, the rest reported with a reason, as a table and as JSON; --dry-run writes nothing.
    @Test(.enabled(if: ImportFormatTests.usable(.antiword) && ImportFormatTests.usable(.pdftotext)))
    func mixedFolderImportsEachNoticeOnce() throws {
        let site = try TempSite()
        defer { site.remove() }
        let folder = site.root.appendingPathComponent("旧网站导出")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("子文件夹"), withIntermediateDirectories: true)
        let copy = { (from: URL, to: String) in try FileManager.default.copyItem(at: from, to: folder.appendingPathComponent(to)) }
        try copy(ImportFormatTests.formats.appendingPathComponent("source.txt"), "通报.txt")
        try copy(ImportFormatTests.formats.appendingPathComponent("notice.doc"), "子文件夹/通报（Word 版）.doc")
        try copy(ImportFixtures.folder.appendingPathComponent("cases/widgets-page.html"), "市场监管局.html")
        try copy(ImportFixtures.folder.appendingPathComponent("cases/statuses.txt"), "东风街道.txt")
        try Data("%PDF-1.4 这不是一个完整的 PDF".utf8).write(to: folder.appendingPathComponent("损坏.pdf"))
        try Data("备注".utf8).write(to: folder.appendingPathComponent("说明.xyz"))

        let dry = try runGongshi(["import", folder.path, "--site", site.root.path, "--dry-run"])
        #expect(dry.stdout.contains("试运行，没有写入任何文件"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path).isEmpty)

        let run = try runGongshi(["import", folder.path, "--site", site.root.path])
        #expect(run.status == 1)                                   // the damaged PDF could not be read
        #expect(run.stdout.contains("文件 | 格式 | 编码或识别 | 结果 | 找到的字段 | 需人工填写"))
        #expect(run.stdout.contains("共 6 个文件：导入 3 篇，重复 1 个，跳过 1 个，无法导入 1 个"))
        #expect(run.stderr.contains("正在导入 1/5"))
        #expect(run.stderr.contains("损坏.pdf"))
        let notices = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path)
        #expect(notices.count == 3)
        try site.build()

        // Again, as JSON: everything is now a duplicate, nothing is written twice.
        let again = try runGongshi(["import", folder.path, "--site", site.root.path, "--format", "json"])
        let report = try JSONDecoder().decode(ImportReport.self, from: Data(again.stdout.utf8))
        #expect(report.rows.count == 6)
        #expect(report.rows.filter { $0.outcome == .duplicate }.count == 4)
        #expect(report.rows.first { $0.file.hasSuffix("说明.xyz") }?.outcome == .skipped)
        #expect(report.rows.first { $0.file.hasSuffix("损坏.pdf") }?.outcome == .failed)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path).count == 3)
    }
}
