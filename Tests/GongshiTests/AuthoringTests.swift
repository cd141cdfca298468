import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("init → new → check → build, through the executable")
struct AuthoringWorkflowTests {
    @Test func initNewCheckBuild() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-flow-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: parent) }
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let site = parent.appendingPathComponent("site")

        let initResult = try runGongshi(["init", site.path])
        #expect(initResult.status == 0, "\(initResult.stderr)")
        #expect(initResult.stdout.contains("已创建网站文件夹"))
        let siteYAML = try String(contentsOf: site.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        for key in ["title:", "description:", "baseURL:", "defaultColumn:", "contact:", "pageSize:", "feedSize:", "allowRawHTML:", "footer:"] {
            #expect(siteYAML.contains(key), "site.yaml lacks \(key)")
        }
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("templates/notice.mustache").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("templates/assets/style.css").path))

        let newResult = try runGongshi(["new", "中共示例区委员会关于巡察整改进展情况的通报", "--site", site.path, "--date", "2025-07-28"])
        #expect(newResult.status == 0, "\(newResult.stderr)")
        let noticeFiles = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/notices").path)
        let created = try #require(noticeFiles.first { $0.hasPrefix("2025-07-28-") })
        let text = try String(contentsOf: site.appendingPathComponent("content/notices/\(created)"), encoding: .utf8)
        #expect(text.contains("org: \"中共示例区委员会\""))
        #expect(text.contains("date: 2025-07-28"))
        for field in ["slug:", "column:", "summary:", "inspection:", "group:", "problems:", "status:", "stats:", "contact:", "phone:",
                      "email:", "address:", "postcode:", "envelope:", "signature:"] {
            #expect(text.contains(field), "new notice lacks \(field)")
        }
        #expect(text.contains("## 一、整改工作的组织开展情况"))

        // Without --date: the day of the reference time on Beijing time (17:00 UTC on the 22nd is 01:00 on the 23rd).
        let undated = try runGongshi(["new", "中共示例区委员会关于巡察整改情况的说明", "--site", site.path], environment: ["SOURCE_DATE_EPOCH": "1795366800"])
        #expect(undated.status == 0, "\(undated.stderr)")
        let undatedFile = try FileManager.default.contentsOfDirectory(atPath: site.appendingPathComponent("content/notices").path)
            .first { $0.hasPrefix("2026-11-23-") }
        #expect(undatedFile != nil)
        if let undatedFile {
            #expect(try String(contentsOf: site.appendingPathComponent("content/notices/\(undatedFile)"), encoding: .utf8).contains("date: 2026-11-23"))
            try FileManager.default.removeItem(at: site.appendingPathComponent("content/notices/\(undatedFile)"))
        }

        let again = try runGongshi(["new", "中共示例区委员会关于巡察整改进展情况的通报", "--site", site.path, "--date", "2025-07-28"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("已存在"))

        let check = try runGongshi(["check", "--site", site.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("没有发现问题"))

        let build = try runGongshi(["build", "--site", site.path])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("public/notices/\(created.dropLast(3))/index.html").path))
    }

    /// `--now` gives init, new and import their "today" (for dates left unwritten), as it gives build its reference time.
    @Test func initNewAndImportTakeTodayFromNow() throws {
        let site = try TempSite()
        defer { site.remove() }
        let made = try runGongshi(["init", site.root.path, "--force", "--now", "2026-03-01"])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("content/notices/shili-2026-03-01.md").path))
        let new = try runGongshi(["new", "中共示例区委员会关于巡察整改情况的说明", "--site", site.root.path, "--now", "2026-03-02 09:30"])
        #expect(new.status == 0, "\(new.stderr)")
        try site.write("来件.txt", "关于巡察整改情况的通报\n\n区委第一巡察组反馈的问题已经整改。\n")
        let imported = try runGongshi(["import", site.root.appendingPathComponent("来件.txt").path, "--site", site.root.path, "--now", "2026-03-03"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let notices = try FileManager.default.contentsOfDirectory(atPath: site.root.appendingPathComponent("content/notices").path)
        let new1 = try #require(notices.first { $0.hasPrefix("2026-03-02-") }, "\(notices)")
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/notices/\(new1)"), encoding: .utf8).contains("date: 2026-03-02"))
        // An imported document without a date is named by today; its date is left for the clerk to fill in.
        #expect(notices.contains { $0.hasPrefix("2026-03-03-") }, "\(notices)")
        let wrong = try runGongshi(["new", "关于巡察整改情况的说明", "--site", site.root.path, "--now", "三月一日"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("三月一日"))
    }

    @Test func initRefusesAFolderThatIsNotEmptyAndNeverOverwritesWithoutForce() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.write("content/site.yaml", "title: 原有网站\n")
        let refused = try runGongshi(["init", site.root.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("不是空的"))
        #expect(try String(contentsOf: site.layout.configFile, encoding: .utf8) == "title: 原有网站\n")
        let forced = try runGongshi(["init", site.root.path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOf: site.layout.configFile, encoding: .utf8).contains("示例单位"))
    }

    @Test func newMakesAnASCIISlugAndAsksForTheOrgWhenTheTitleHasNone() throws {
        #expect(NoticeScaffold.slug(for: "关于巡察整改的通报", date: CalendarDate("2025-07-28")!).range(of: "^2025-07-28-[0-9a-f]{6}$", options: .regularExpression) != nil)
        #expect(NoticeScaffold.org(fromTitle: "中共示例区委员会关于巡察整改的通报") == "中共示例区委员会")
        let site = try TempSite()
        defer { site.remove() }
        #expect(throws: ScaffoldError.self) {
            try NoticeScaffold.create(in: site.layout, title: "巡察整改情况通报", org: nil, date: CalendarDate("2025-07-28")!, slug: nil)
        }
        let url = try NoticeScaffold.create(in: site.layout, title: "巡察整改情况通报", org: "测试单位", date: CalendarDate("2025-07-28")!, slug: "tongbao")
        #expect(url.lastPathComponent == "tongbao.md")
    }
}

@Suite("gongshi check reports every problem at its line")
struct CheckTests {
    /// A site seeded with every warning and error `check` knows.
    func seededSite() throws -> TempSite {
        let site = try TempSite(config: "title: 检查测试\n")
        try site.notice("warn.md", """
        ---
        title: 测试单位关于巡察整改情况的通报
        org: 测试单位
        date: 2025-01-01
        slug: dup
        inspection:
          group: 第一巡察组
          start: 2025-03-01
          end: 2025-02-01
          feedback: 2025-01-20
        stats:
          total: 10
          done: 5
          partial: 3
        contact:
          phone: ["12-34"]
          email: not-an-email
          postcode: "1234"
        ---

        2025年X月，某某同志TODO〔 〕

        ## 空标题
        ## 二、有内容

        见[另一篇](missing.md)与[附件](files/none.pdf)。
        """)
        try site.notice("dup2.md", noticeText(extra: "slug: dup"))
        try site.notice("broken.md", "---\ntitle: 标题\norg: 单位: 冒号\ndate: 2025-07-28\n---\n")
        try site.notice("bad.md", """
        ---
        title: 标题
        org: 单位
        date: 2025-02-30
        colum: 巡察整改
        problems:
          - title: 甲
            status: 完事了
        ---
        """)
        return site
    }

    @Test func seededSiteYieldsExactlyTheExpectedDiagnostics() throws {
        let site = try seededSite()
        defer { site.remove() }
        let (_, diagnostics) = SiteBuilder.check(site.layout)
        let got = Set(diagnostics.map { "\($0.file.replacingOccurrences(of: "content/notices/", with: "")):\($0.line):\($0.severity.rawValue)" })
        let expected: [String] = [
            // errors
            "bad.md:4:error",       // impossible date
            "bad.md:5:error",       // unknown key colum → column
            "bad.md:8:error",       // unknown status
            "broken.md:3:error",    // invalid YAML
            "warn.md:5:error",      // duplicate slug
            "dup2.md:5:error",      // duplicate slug
            // warnings
            "warn.md:4:warning",    // published before feedback
            "warn.md:8:warning",    // start after end
            "warn.md:10:warning",   // feedback before end
            "warn.md:12:warning",   // stats do not add up
            "warn.md:16:warning",   // phone
            "warn.md:17:warning",   // email
            "warn.md:18:warning",   // postcode
            "warn.md:21:warning",   // placeholders (X月, 某某, TODO, 〔 〕)
            "warn.md:23:warning",   // empty heading
            "warn.md:26:warning",   // missing notice and missing file
            "dup2.md:1:warning",    // no feedback channel at all
        ]
        #expect(got == Set(expected), "unexpected: \(got.subtracting(expected)), missing: \(Set(expected).subtracting(got))")
        #expect(diagnostics.filter { $0.file.hasSuffix("warn.md") && $0.line == 21 }.count == 4)
        #expect(diagnostics.filter { $0.file.hasSuffix("warn.md") && $0.line == 26 }.count == 2)
        #expect(diagnostics.contains { $0.line == 5 && $0.hint?.contains("column") == true })
        #expect(diagnostics.allSatisfy { !$0.message.isEmpty && $0.message.unicodeScalars.contains { $0.value >= 0x4E00 } })
    }

    @Test func commandPrintsFileLineColumnAndCountsThenExitsByStrictness() throws {
        let site = try seededSite()
        defer { site.remove() }
        let result = try runGongshi(["check", "--site", site.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/notices/bad.md:4:7: 错误:"))
        #expect(result.stderr.contains("content/notices/warn.md:23:1: 警告: 标题“空标题”下面没有内容"))
        #expect(result.stderr.contains("检查完成：6 个错误，"))

        let warningsOnly = try TempSite(config: "title: x\n")
        defer { warningsOnly.remove() }
        try warningsOnly.notice("a.md", noticeText(body: "TODO 补充"))
        #expect(try runGongshi(["check", "--site", warningsOnly.root.path]).status == 0)
        #expect(try runGongshi(["check", "--site", warningsOnly.root.path, "--strict"]).status == 2)
        #expect(!FileManager.default.fileExists(atPath: warningsOnly.output.path))
    }

    @Test func jsonFormatIsMachineReadable() throws {
        let site = try seededSite()
        defer { site.remove() }
        let result = try runGongshi(["check", "--site", site.root.path, "--format", "json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 6)
        let first = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(first["file"] as? String == "content/notices/bad.md")
        #expect(first["line"] as? Int == 4)
        #expect(first["severity"] as? String == "error")
    }

    @Test func validContactFormatsPass() {
        for phone in ["021-22050716", "7663776", "0891-6323368", "13800000000", "12388", "010 5555 0123", "+86 10 55550123", "400-123-4567"] {
            #expect(ContentLints.isPhoneNumber(phone), "\(phone)")
        }
        for phone in ["12-34", "abc", "0101234", "1380000000"] {
            #expect(!ContentLints.isPhoneNumber(phone), "\(phone)")
        }
        #expect(ContentLints.isEmail("xczg@example.gov.cn"))
        #expect(!ContentLints.isEmail("xczg@example"))
    }

    @Test func linksToNoticesAndAttachmentsArePublishedAtTheirAddresses() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: first", body: "见[第二篇](b.md#part)和[扫描件](<files/通报 扫描件.pdf>)。"))
        try site.notice("b.md", noticeText(extra: "slug: second"))
        try site.write("content/files/通报 扫描件.pdf", "%PDF-1.4")
        try site.build()
        let html = try site.read("notices/first/index.html")
        #expect(html.contains("<a href=\"../second/#part\">第二篇</a>"))
        #expect(html.contains("<a href=\"../../files/%E9%80%9A%E6%8A%A5%20%E6%89%AB%E6%8F%8F%E4%BB%B6.pdf\">扫描件</a>"))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("files/通报 扫描件.pdf").path))
    }
}
