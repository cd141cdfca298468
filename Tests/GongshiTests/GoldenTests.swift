import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiCore
@testable import GongshiAuthoring

/// The example site built once for the suites that read it (from content/ with the built-in templates into a
/// fresh folder).
enum ExampleSite {
    private static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-example-\(UUID().uuidString)/public")
    static let report: BuildReport = try! SiteBuilder.build(BuildOptions(site: repositoryRoot, output: folder, now: referenceTime))
    /// The built site (built on first use, whichever test asks first).
    static var output: URL { _ = report; return folder }
}

/// Golden snapshots: one page of every kind of the example site, byte for byte. When a change alters a page on
/// purpose, run the tests with GONGSHI_UPDATE_GOLDENS=1 to rewrite Tests/GongshiTests/Goldens/ and review the diff
/// in git; otherwise a failure shows the first lines that differ.
@Suite("Golden snapshots of the example site")
struct GoldenTests {
    static let goldens = repositoryRoot.appendingPathComponent("Tests/GongshiTests/Goldens/example")
    static let update = ProcessInfo.processInfo.environment["GONGSHI_UPDATE_GOLDENS"] == "1"

    /// A page of each kind: home list, column list, year list, organization list, notice page, archives, overview,
    /// search page, 404, feed, sitemap, robots.txt, search index metadata and a documents chunk, an announcement, an
    /// inspection page and a round page.
    static let pages = [
        "index.html", "columns/xczg/index.html", "archives/2025/index.html", "orgs/38fce92c/index.html",
        "notices/jiaogongwei-2025/index.html", "notices/shizhongxue-2024/index.html", "notices/shuiwu-2026/index.html",
        "notices/weishengjian-2025/index.html", "notices/huanbao-2025/index.html", "archives/index.html",
        "overview/index.html", "search/index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt",
        "search/meta.json", "search/docs/0.json",
        "notices/xuncha-gonggao-2024/index.html", "inspections/f32104fe/index.html", "rounds/10-2/index.html",
        "catalogue/index.html",
    ]

    @Test(arguments: pages)
    func pageMatchesItsGolden(_ path: String) throws {
        _ = ExampleSite.report
        let built = try String(contentsOf: ExampleSite.output.appendingPathComponent(path), encoding: .utf8)
        let golden = Self.goldens.appendingPathComponent(path)
        if Self.update {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try built.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(built == expected, "\(path) 与快照不同：\n\(Self.firstDifference(expected, built))\n（改动是有意的：用 GONGSHI_UPDATE_GOLDENS=1 swift test 更新快照，再检查 git diff）")
    }

    /// What `gongshi new` writes, for a fixed title and date.
    @Test func newNoticeScaffoldMatchesItsGolden() throws {
        let text = NoticeScaffold.text(title: "中共示例区某单位关于巡察整改进展情况的通报", org: "中共示例区某单位", date: CalendarDate("2025-07-28")!)
        let golden = repositoryRoot.appendingPathComponent("Tests/GongshiTests/Goldens/scaffold/new-notice.md")
        if Self.update {
            try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(text == expected, "gongshi new 的模板与快照不同：\n\(Self.firstDifference(expected, text))")
    }

    /// The first differing line of two texts, with two lines of context, as `-` (golden) and `+` (built) lines.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        guard let line = (0..<max(a.count, b.count)).first(where: { $0 >= a.count || $0 >= b.count || a[$0] != b[$0] }) else { return "" }
        var out = ["第 \(line + 1) 行起："]
        for i in max(0, line - 2)..<line where i < a.count { out.append("  " + a[i]) }
        for i in line..<min(a.count, line + 3) { out.append("- " + a[i]) }
        for i in line..<min(b.count, line + 3) { out.append("+ " + b[i]) }
        return out.joined(separator: "\n")
    }
}
