import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

/// One broken or hostile input: what to do to a working site, and what `gongshi build` must answer.
struct BrokenCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// File and line the message must name (`content/notices/bad.md:4`), or a fragment when there is no line.
    let location: String
    /// A fragment of the Chinese message.
    let message: String
    var arguments: [String] = []
    let setup: @Sendable (TempSite) throws -> Void

    var testDescription: String { name }
}

private func bad(_ text: String) -> @Sendable (TempSite) throws -> Void {
    { try $0.notice("bad.md", text) }
}

private func badBytes(_ bytes: [UInt8]) -> @Sendable (TempSite) throws -> Void {
    { try $0.write("content/notices/bad.md", Data(bytes)) }
}

private let fm = "---\ntitle: 标题\norg: 单位\ndate: 2025-07-28\n"

let brokenCases: [BrokenCase] = [
    // Files as offices produce them
    BrokenCase(name: "empty file", location: "content/notices/bad.md:1", message: "文件是空的", setup: bad("")),
    BrokenCase(name: "only front matter", location: "content/notices/bad.md:5", message: "正文是空的", setup: bad(fm + "---\n")),
    BrokenCase(name: "front matter never closes", location: "content/notices/bad.md:1", message: "没有结束", setup: bad(fm + "正文\n")),
    BrokenCase(name: "only a byte-order mark", location: "content/notices/bad.md:1", message: "缺少 front matter", setup: badBytes([0xEF, 0xBB, 0xBF])),
    BrokenCase(name: "no front matter", location: "content/notices/bad.md:1", message: "缺少 front matter", setup: bad("# 标题\n正文\n")),
    BrokenCase(name: "empty front matter", location: "content/notices/bad.md:1", message: "front matter 是空的", setup: bad("---\n---\n正文\n")),
    BrokenCase(name: "binary file with .md name", location: "content/notices/bad.md:1", message: "不是文本文件",
               setup: badBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D])),
    BrokenCase(name: "GB18030 file", location: "content/notices/bad.md:1", message: "iconv",
               setup: badBytes(Array("---\ntitle: ".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array("\norg: x\ndate: 2025-07-28\n---\n".utf8))),
    BrokenCase(name: "file over the size limit", location: "content/notices/bad.md:1", message: "文件太大", arguments: ["--max-file-size", "1"],
               setup: bad(fm + "---\n" + String(repeating: "很长的正文。", count: 120_000))),
    // YAML
    BrokenCase(name: "colon in a value", location: "content/notices/bad.md:3", message: "YAML 格式错误", setup: bad("---\ntitle: 标题\norg: 单位: 其他\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "tab indentation", location: "content/notices/bad.md:6", message: "Tab", setup: bad(fm + "inspection:\n\tgroup: 组\n---\n正文")),
    BrokenCase(name: "unclosed bracket", location: "content/notices/bad.md:", message: "方括号“[ ]”没有配对",
               setup: bad("---\ntitle: 标题\norg: 单位\ndate: 2025-07-28\ncontact:\n  phone: [010-1, 010-2\n---\n正文")),
    BrokenCase(name: "no space after the colon", location: "content/notices/bad.md:2:1", message: "冒号要用英文半角“:”，后面要有一个空格",
               setup: bad("---\ntitle:标题\n---\n正文")),
    BrokenCase(name: "full-width colon", location: "content/notices/bad.md:2:1", message: "“title：标题”不是“键: 值”的写法",
               setup: bad("---\ntitle：标题\n---\n正文")),
    BrokenCase(name: "value starting with @", location: "content/notices/bad.md:3:6", message: "YAML 的特殊字符",
               setup: bad("---\ntitle: 标题\norg: @单位\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "unclosed quote", location: "content/notices/bad.md:", message: "YAML 格式错误", setup: bad("---\ntitle: \"标题\norg: 单位\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "duplicate key", location: "content/notices/bad.md:", message: "重复", setup: bad(fm + "title: 又一个标题\n---\n正文")),
    BrokenCase(name: "list where a value belongs", location: "content/notices/bad.md:2", message: "“title”", setup: bad("---\ntitle: [甲, 乙]\norg: 单位\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "problems not a list", location: "content/notices/bad.md:5", message: "“problems”", setup: bad(fm + "problems: 很多\n---\n正文")),
    BrokenCase(name: "stats not a number", location: "content/notices/bad.md:6", message: "整数", setup: bad(fm + "stats:\n  total: 二十八\n---\n正文")),
    // Required fields
    BrokenCase(name: "missing title", location: "content/notices/bad.md:2", message: "“title”", setup: bad("---\norg: 单位\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "missing org", location: "content/notices/bad.md:2", message: "“org”", setup: bad("---\ntitle: 标题\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "missing date", location: "content/notices/bad.md:2", message: "“date”", setup: bad("---\ntitle: 标题\norg: 单位\n---\n正文")),
    BrokenCase(name: "empty title", location: "content/notices/bad.md:2", message: "是空的", setup: bad("---\ntitle: \"\"\norg: 单位\ndate: 2025-07-28\n---\n正文")),
    BrokenCase(name: "inspection without group", location: "content/notices/bad.md:6", message: "inspection.group", setup: bad(fm + "inspection:\n  start: 2024-12-05\n---\n正文")),
    BrokenCase(name: "problem without status", location: "content/notices/bad.md:6", message: "status", setup: bad(fm + "problems:\n  - title: 甲\n---\n正文")),
    BrokenCase(name: "problem without title", location: "content/notices/bad.md:6", message: "title", setup: bad(fm + "problems:\n  - status: done\n---\n正文")),
    // Dates and statuses
    BrokenCase(name: "February 30", location: "content/notices/bad.md:4", message: "不存在", setup: bad("---\ntitle: 标题\norg: 单位\ndate: 2025-02-30\n---\n正文")),
    BrokenCase(name: "29 February in a common year", location: "content/notices/bad.md:4", message: "不存在", setup: bad("---\ntitle: 标题\norg: 单位\ndate: 2023-02-29\n---\n正文")),
    BrokenCase(name: "month 13", location: "content/notices/bad.md:4", message: "不存在", setup: bad("---\ntitle: 标题\norg: 单位\ndate: 2025-13-01\n---\n正文")),
    BrokenCase(name: "date with slashes", location: "content/notices/bad.md:4", message: "YYYY-MM-DD", setup: bad("---\ntitle: 标题\norg: 单位\ndate: 2025/07/28\n---\n正文")),
    BrokenCase(name: "Chinese date", location: "content/notices/bad.md:7", message: "YYYY-MM-DD", setup: bad(fm + "inspection:\n  group: 组\n  feedback: 2025年3月11日\n---\n正文")),
    BrokenCase(name: "unknown status", location: "content/notices/bad.md:7", message: "无法识别", setup: bad(fm + "problems:\n  - title: 甲\n    status: 差不多了\n---\n正文")),
    // Keys
    BrokenCase(name: "unknown key", location: "content/notices/bad.md:5", message: "未知字段“titel”", setup: bad(fm + "titel: 又一个\n---\n正文")),
    BrokenCase(name: "unknown nested key", location: "content/notices/bad.md:7", message: "未知字段“grup”", setup: bad(fm + "inspection:\n  group: 组\n  grup: 组\n---\n正文")),
    // Slugs and file names
    BrokenCase(name: "slug with ../", location: "content/notices/bad.md:5", message: "路径符号", setup: bad(fm + "slug: ../../etc\n---\n正文")),
    BrokenCase(name: "slug with /", location: "content/notices/bad.md:5", message: "路径符号", setup: bad(fm + "slug: a/b\n---\n正文")),
    BrokenCase(name: "slug with backslash", location: "content/notices/bad.md:5", message: "路径符号", setup: bad(fm + "slug: \"a\\\\b\"\n---\n正文")),
    BrokenCase(name: "slug with a control character", location: "content/notices/bad.md:5", message: "控制字符", setup: bad(fm + "slug: \"a\\x01b\"\n---\n正文")),
    BrokenCase(name: "Windows reserved slug", location: "content/notices/bad.md:5", message: "Windows 保留名称", setup: bad(fm + "slug: nul\n---\n正文")),
    BrokenCase(name: "Windows reserved file name", location: "content/notices/com1.md:1", message: "Windows 保留名称",
               setup: { try $0.notice("com1.md", fm + "---\n正文") }),
    BrokenCase(name: "Chinese file name without slug", location: "content/notices/整改通报.md:1", message: "slug",
               setup: { try $0.notice("整改通报.md", fm + "---\n正文") }),
    BrokenCase(name: "duplicate slug", location: "content/notices/bad.md:5", message: "重复", setup: bad(fm + "slug: good\n---\n正文")),
    // Site settings
    BrokenCase(name: "site.yaml missing", location: "content/site.yaml", message: "找不到网站设置文件",
               setup: { try FileManager.default.removeItem(at: $0.layout.configFile) }),
    BrokenCase(name: "site.yaml invalid YAML", location: "content/site.yaml:2", message: "YAML 格式错误",
               setup: { try $0.write("content/site.yaml", "title: 网站\ndescription: 说明: 冒号\n") }),
    BrokenCase(name: "site.yaml unknown key", location: "content/site.yaml:2", message: "未知字段“baseUrl”",
               setup: { try $0.write("content/site.yaml", "title: 网站\nbaseUrl: https://example.gov.cn/\n") }),
    BrokenCase(name: "site.yaml bad baseURL", location: "content/site.yaml:2", message: "http",
               setup: { try $0.write("content/site.yaml", "title: 网站\nbaseURL: javascript:alert(1)\n") }),
    BrokenCase(name: "site.yaml page size 0", location: "content/site.yaml:2", message: "正整数",
               setup: { try $0.write("content/site.yaml", "title: 网站\npageSize: 0\n") }),
    // Templates
    BrokenCase(name: "unclosed template section", location: "templates/notice.mustache:", message: "模板语法错误",
               setup: { try $0.write("templates/notice.mustache", "{{<layout}}\n{{$content}}\n{{#notice}}\n{{title}}\n{{/content}}\n{{/layout}}\n") }),
    BrokenCase(name: "section closed with the wrong name", location: "templates/notice.mustache:4:", message: "名称与开始标记不一致",
               setup: { try $0.write("templates/notice.mustache", "{{<layout}}\n{{$content}}\n{{#notice}}\n<p>{{/notices}}</p>\n{{/content}}\n{{/layout}}\n") }),
    BrokenCase(name: "unknown partial", location: "templates/notice.mustache:3:1", message: "“sidebar”不存在",
               setup: { try $0.write("templates/notice.mustache", "{{<layout}}\n{{$content}}\n{{>sidebar}}\n{{/content}}\n{{/layout}}\n") }),
    BrokenCase(name: "unknown parent template", location: "templates/list.mustache:1:1", message: "“base”不存在",
               setup: { try $0.write("templates/list.mustache", "{{<base}}{{/base}}\n") }),
    BrokenCase(name: "template not UTF-8", location: "templates/notice.mustache:1", message: "UTF-8",
               setup: { try $0.write("templates/notice.mustache", Data([0xB1, 0xEA, 0xCC, 0xE2])) }),
    // Output folders that must never be replaced
    BrokenCase(name: "output is the site folder", location: "不能把网站文件夹", message: "输出文件夹", arguments: ["--output", "."], setup: { _ in }),
    BrokenCase(name: "output is content/", location: "content", message: "输出文件夹不能是", arguments: ["--output", "content"], setup: { _ in }),
    BrokenCase(name: "output is templates/", location: "templates", message: "输出文件夹不能是", arguments: ["--output", "templates"], setup: { _ in }),
    BrokenCase(name: "output is a parent of the site", location: "包含网站文件夹", message: "不能使用", arguments: ["--output", ".."], setup: { _ in }),
    BrokenCase(name: "output is /", location: "根目录", message: "输出文件夹", arguments: ["--output", "/"], setup: { _ in }),
]

@Suite("Broken and hostile input: clear message, non-zero exit, previous output untouched")
struct BrokenInputTests {
    @Test(arguments: brokenCases)
    func brokenInput(_ c: BrokenCase) throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("good.md", noticeText(extra: "slug: good"))
        let first = try runGongshi(["build", "--site", site.root.path])
        #expect(first.status == 0, "\(first.stderr)")
        let before = snapshot(site.output)
        let siteBefore = snapshot(site.root.appendingPathComponent("content"))

        try c.setup(site)
        let result = try runGongshi(["build"] + c.arguments, in: site.root)
        #expect(result.status == 1, "\(c.name): exit \(result.status)\n\(result.stderr)")
        #expect(result.stderr.contains(c.location), "\(c.name): no \(c.location) in\n\(result.stderr)")
        #expect(result.stderr.contains(c.message), "\(c.name): no \(c.message) in\n\(result.stderr)")
        #expect(snapshot(site.output) == before, "\(c.name): the published output changed")
        if c.arguments.contains("--output") {
            // Refused before anything was touched.
            #expect(snapshot(site.root.appendingPathComponent("content")) == siteBefore)
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".public.staging") || $0.hasPrefix(".public.previous") }
        #expect(leftovers.isEmpty, "\(c.name): left \(leftovers)")
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(brokenCases.count >= 40)
        #expect(Set(brokenCases.map(\.name)).count == brokenCases.count)
    }

    @Test func outputInTheHomeFolderIsRefused() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let home = FileManager.default.homeDirectoryForCurrentUser
        #expect(StagedOutput.refusal(output: home, site: site.layout) != nil)
        #expect(StagedOutput.refusal(output: URL(fileURLWithPath: "/"), site: site.layout) != nil)
        #expect(StagedOutput.refusal(output: site.root.appendingPathComponent("public"), site: site.layout) == nil)
    }

    @Test func symlinkLeadingOutOfTheSiteIsNotFollowed() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-outside-\(UUID().uuidString).md")
        try noticeText(title: "外部文件关于不该发布的通报", extra: "slug: outside").write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/notices/outside.md"), withDestinationURL: outside)
        let report = try site.build()
        #expect(report.noticeCount == 1)
        #expect(report.diagnostics.contains { $0.message.contains("网站文件夹之外") })
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("notices/outside").path))
    }
}

@Suite("Limits: very large and deeply nested input ends in a page or a clear error")
struct LimitTests {
    @Test func twentyMegabyteBodyBuildsWhenTheLimitAllowsIt() throws {
        let site = try TempSite()
        defer { site.remove() }
        let paragraph = String(repeating: "整改措施落实到位，", count: 40) + "\n\n"
        let body = String(repeating: paragraph, count: 20 * 1024 * 1024 / paragraph.utf8.count + 1)
        try site.notice("big.md", noticeText(extra: "slug: big", body: body))
        #expect(throws: BuildFailure.self) { try site.build() }          // over the default 10 MB
        try SiteBuilder.build(BuildOptions(site: site.root, maxFileSize: 32 * 1024 * 1024))
        #expect(try site.read("notices/big/index.html").utf8.count > 20 * 1024 * 1024)
    }

    @Test func tenThousandDeepNestingRenders() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("quotes.md", noticeText(extra: "slug: quotes", body: String(repeating: "> ", count: 10_000) + "深处"))
        try site.notice("lists.md", noticeText(extra: "slug: lists", body: String(repeating: "- ", count: 10_000) + "项"))
        try site.build()
        #expect(try site.read("notices/quotes/index.html").contains("深处"))
        #expect(try site.read("notices/lists/index.html").contains("<li>"))
    }

    @Test func fiveMegabyteLine() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("line.md", noticeText(extra: "slug: line", body: String(repeating: "长", count: 5 * 1024 * 1024 / 3)))
        try site.build()
        #expect(try site.read("notices/line/index.html").contains("长长长"))
    }

    @Test func hundredThousandProblems() throws {
        let site = try TempSite()
        defer { site.remove() }
        var problems = "problems:\n"
        for i in 0..<100_000 { problems += "  - title: 问题\(i)\n    status: \(["done", "partial", "ongoing"][i % 3])\n" }
        try site.notice("many.md", noticeText(extra: "slug: many\n" + problems))
        try site.build()
        let html = try site.read("notices/many/index.html")
        #expect(html.contains("共 100000 个问题，已完成整改 33334 个"))
        #expect(html.contains("问题99999"))
    }
}
