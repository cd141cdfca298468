import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiBuild
@testable import GongshiAuthoring

/// What a government-website inspection looks for (issue 13): the 47号 page metadata, the disclosure fields, the
/// 纠错 link and the site identifiers, present with the right values where configured and absent where not.
@Suite("Government-site inspection: metadata, disclosure fields, identifiers")
struct GovSiteTests {
    func page(_ path: String) throws -> String {
        try String(contentsOf: ExampleSite.output.appendingPathComponent(path), encoding: .utf8)
    }

    func meta(_ html: String) -> [String: String] {
        var found: [String: String] = [:]
        for match in html.matches(of: /<meta name="([A-Za-z]+)" content="([^"]*)">/) { found[String(match.1)] = String(match.2) }
        return found
    }

    @Test(arguments: ["index.html", "columns/xczg/index.html", "archives/2025/index.html", "notices/jiaogongwei-2025/index.html",
                      "notices/xuncha-gonggao-2024/index.html", "archives/index.html", "overview/index.html", "search/index.html",
                      "inspections/f32104fe/index.html", "rounds/10-2/index.html", "catalogue/index.html", "catalogue/2025/index.html", "404.html"])
    func everyPageCarriesTheSiteLevelTags(_ path: String) throws {
        let tags = meta(try page(path))
        #expect(tags["SiteName"] == "示例区党务公开·巡察整改")
        #expect(tags["SiteDomain"] == "www.example.gov.cn")
        #expect(tags["SiteIDCode"] == "1100000000")
    }

    @Test func listAndNoticePagesCarryColumnTagsAndNoticePagesArticleTags() throws {
        let column = meta(try page("columns/xczg/index.html"))
        #expect(column["ColumnName"] == "巡察整改")
        #expect(column["ColumnDescription"] == "示例区各级党组织巡察整改情况、巡察公告和反馈情况")
        #expect(column["ColumnKeywords"] == "巡察,巡察整改,党务公开")
        #expect(column["ColumnType"] == "信息公开")
        #expect(column["ArticleTitle"] == nil)
        let notice = meta(try page("notices/jiaogongwei-2025/index.html"))
        #expect(notice["ColumnName"] == "巡察整改")
        #expect(notice["ArticleTitle"] == "中共示例区教育工作委员会关于巡察整改进展情况的通报")
        #expect(notice["PubDate"] == "2025-07-28 00:00")
        #expect(notice["ContentSource"] == "中共示例区教育工作委员会办公室")   // its 发布机构
        #expect(notice["Author"] == "中共示例区教育工作委员会办公室")
        #expect(notice["Keywords"] == "党务公开/巡察整改")
        #expect(notice["Description"]?.hasPrefix("区委第二巡察组反馈的问题中") == true)
        #expect(notice["Url"] == "https://www.example.gov.cn/dwgk/xczg/notices/jiaogongwei-2025/")
        let ownPublisher = meta(try page("notices/weishengjian-2025/index.html"))
        #expect(ownPublisher["ContentSource"] == "示例区卫生健康委员会")   // its own 发布机构
    }

    @Test func noticePageShowsTheDisclosureBox() throws {
        let html = try page("notices/jiaogongwei-zhenggai-2026/index.html")
        for item in ["<dt>索引号</dt><dd>1100000000/2026-00004</dd>", "<dt>发布机构</dt><dd>中共示例区教育工作委员会办公室</dd>",
                     "<dt>成文日期</dt><dd><time datetime=\"2026-03-18\">2026年3月18日</time></dd>", "<dt>文号</dt><dd>区教工委〔2026〕5号</dd>",
                     "<dt>发布日期</dt><dd><time datetime=\"2026-03-20\">2026年3月20日</time></dd>", "<dt>主题分类</dt><dd>党务公开/巡察整改</dd>",
                     "<dt>公开方式</dt><dd>主动公开</dd>", "<dt>公开范围</dt><dd>面向全区党员干部和群众</dd>"] {
            #expect(html.contains(item), "\(item)")
        }
    }

    @Test func theErrorReportLinkCarriesThePagesOwnEncodedAddress() throws {
        let html = try page("notices/jiaogongwei-2025/index.html")
        #expect(html.contains("<a href=\"https://zfwzzc.www.gov.cn/check_web/errorInfo_querySiteInfo.action?sitecode=1100000000&amp;url=https%3A%2F%2Fwww.example.gov.cn%2Fdwgk%2Fxczg%2Fnotices%2Fjiaogongwei-2025%2F\">我为政府网站找错</a>"))
        #expect(try page("overview/index.html").contains("url=https%3A%2F%2Fwww.example.gov.cn%2Fdwgk%2Fxczg%2Foverview%2F\""))
    }

    @Test func unconfiguredIdentifiersLeaveNoEmptyLabelAndAConfiguredBadgeShows() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.build()
        let bare = try site.read("notices/a/index.html")
        for label in ["网站标识码", "SiteIDCode", "SiteDomain", "我为政府网站找错", "党政机关网站标识", "主办单位", "索引号", "ColumnType", "ColumnKeywords"] {
            #expect(!bare.contains(label), "\(label)")
        }
        #expect(meta(bare)["SiteName"] == "测试网站")
        try site.write("content/site.yaml", TempSite.minimalConfig + "\nfooter:\n  badge: {image: dzjg.png, link: \"https://bszs.conac.cn/sitename?id=1\"}\n")
        try site.write("content/files/dzjg.png", Data([0x89, 0x50, 0x4E, 0x47]))
        try site.build()
        #expect(try site.read("notices/a/index.html").contains("<a href=\"https://bszs.conac.cn/sitename?id=1\"><img src=\"../../files/dzjg.png\" alt=\"党政机关网站标识\""))
    }

    @Test func theCatalogueListsEveryPublishedNoticeWithItsFieldsAndHasAPagePerYear() throws {
        let html = try page("catalogue/index.html")
        #expect(try page("index.html").contains("<a href=\"./catalogue/\">信息公开目录</a>"))
        #expect(html.contains("<tr><td data-label=\"索引号\">1100000000/2026-00004</td><th scope=\"row\" data-label=\"名称\"><a href=\"../notices/jiaogongwei-zhenggai-2026/\">中共示例区教育工作委员会关于巡察整改情况的通报</a></th><td data-label=\"发布机构\">中共示例区教育工作委员会办公室</td><td data-label=\"成文日期\"><time datetime=\"2026-03-18\">2026年3月18日</time></td><td data-label=\"发布日期\"><time datetime=\"2026-03-20\">2026年3月20日</time></td><td data-label=\"文号\">区教工委〔2026〕5号</td></tr>"))
        let rows = html.split(separator: "\n").filter { $0.hasPrefix("<tr><td") }
        #expect(rows.count == ExampleSite.report.noticeCount)
        for absent in ["jiaoyu-caogao", "tongji-2026", "huanbao-2025"] { #expect(!html.contains(absent), "\(absent)") }
        let year = try page("catalogue/2025/index.html")
        #expect(year.contains("<h1 class=\"page-title\">信息公开目录：2025年</h1>"))
        #expect(year.contains("notices/weishengjian-2025/") && !year.contains("notices/shuiwu-2026/"))
    }

    @Test func theCatalogueIsPaginatedAndOrgAndRoundSlugsGiveReadableAddresses() throws {
        let site = try TempSite(config: TempSite.minimalConfig + """

        pageSize: 2
        orgs:
          甲局党组: {slug: jiaju}
        rounds:
          第二轮巡察: {slug: er}
        """)
        defer { site.remove() }
        for (i, date) in ["2026-01-01", "2026-02-01", "2026-03-01"].enumerated() {
            try site.notice("n\(i).md", noticeText(title: "甲局党组关于巡察整改情况的通报\(i)", org: "甲局党组", date: date,
                                                  extra: "inspection:\n  round: 第二轮巡察\n  group: 第一巡察组\n  target: 甲局党组"))
        }
        try site.build()
        let second = try site.read("catalogue/page/2/index.html")
        #expect(second.contains("notices/n0/") && !second.contains("notices/n2/"))
        #expect(try site.read("catalogue/index.html").contains("notices/n2/"))
        #expect(try site.read("orgs/jiaju/index.html").contains("甲局党组发布的通知"))
        #expect(try site.read("rounds/er/index.html").contains("<h1 class=\"page-title\">第二轮巡察</h1>"))
    }

    static let numberedConfig = TempSite.minimalConfig + """

    footer:
      siteCode: "3300000001"
    disclosure:
      indexPattern: "{siteCode}/{year}-{seq:4}"
    """

    func indexNumber(_ site: TempSite, _ slug: String) throws -> String? {
        let text = try String(contentsOf: site.root.appendingPathComponent("content/notices/\(slug).md"), encoding: .utf8)
        return text.firstMatch(of: /\nindexNumber: "([^"]+)"/).map { String($0.1) }
    }

    @Test func newAssignsTheNextFreeIndexNumberAndNumbersNeverMove() throws {
        let site = try TempSite(config: Self.numberedConfig)
        defer { site.remove() }
        func new(_ slug: String, _ date: String) throws {
            let r = try runGongshi(["new", "甲局党组关于巡察整改情况的通报", "--slug", slug, "--date", date, "--site", site.root.path])
            #expect(r.status == 0, "\(r.stderr)")
        }
        try new("a", "2025-03-01")
        try new("b", "2025-06-01")
        try new("c", "2026-01-10")
        #expect(try indexNumber(site, "a") == "3300000001/2025-0001")
        #expect(try indexNumber(site, "b") == "3300000001/2025-0002")
        #expect(try indexNumber(site, "c") == "3300000001/2026-0001")
        // Removing a notice frees nothing and moves nothing: the next one still counts up from the highest.
        try FileManager.default.removeItem(at: site.root.appendingPathComponent("content/notices/a.md"))
        try new("d", "2025-09-01")
        #expect(try indexNumber(site, "b") == "3300000001/2025-0002")
        #expect(try indexNumber(site, "d") == "3300000001/2025-0003")
    }

    @Test func importAssignsAnIndexNumberToo() throws {
        let site = try TempSite(config: Self.numberedConfig)
        defer { site.remove() }
        let source = site.root.appendingPathComponent("old.txt")
        try Data(webPageNotice.utf8).write(to: source)
        let written = try NoticeImport.importFile(source, into: site.layout, force: false)
        let text = try String(contentsOf: written.path, encoding: .utf8)
        #expect(text.contains("\nindexNumber: \"3300000001/2025-0001\""), "\(text.prefix(300))")
    }

    @Test func checkReportsADuplicateIndexNumberAtItsLineAndOneOffThePattern() throws {
        let site = try TempSite(config: Self.numberedConfig)
        defer { site.remove() }
        try site.notice("a.md", noticeText(date: "2025-03-01", extra: "indexNumber: 3300000001/2025-0001"))
        try site.notice("b.md", noticeText(date: "2025-04-01", extra: "indexNumber: 3300000001/2025-0001"))
        try site.notice("c.md", noticeText(date: "2025-05-01", extra: "indexNumber: 2025-07"))
        let result = try runGongshi(["check", "--site", site.root.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/notices/b.md:5:1: 错误: 索引号“3300000001/2025-0001”与 content/notices/a.md 重复"), "\(result.stderr)")
        #expect(result.stderr.contains("content/notices/a.md:5:1: 错误: 索引号“3300000001/2025-0001”与 content/notices/b.md 重复"))
        #expect(result.stderr.contains("content/notices/c.md:5:1: 警告: 索引号“2025-07”不符合本站的编号规则"))
    }
}

@Suite("Government-site inspection: the checks")
struct GovSiteCheckTests {
    @Test func checkKnowsEmptyColumnsMissingIdentifiersClashingSlugsAndRequiredFields() throws {
        let site = try TempSite(config: TempSite.minimalConfig + """

        footer:
          sponsor: 示例区委办公室
          badge: {image: dzjg.png}
        columns:
          巡察整改:
            slug: xczg
            require: [indexNumber, documentNumber, 文号]
          巡察公告:
            slug: xczg
          学校党建:
            slug: Bad Slug
        """)
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "column: 巡察整改\nindexNumber: A-1"))
        try site.notice("b.md", noticeText(extra: "column: 学校党建"))
        let result = try runGongshi(["check", "--site", site.root.path, "--now", "2026-11-23 09:00"])
        let lines = result.stderr
        #expect(lines.contains("content/site.yaml:11:3: 警告: 栏目“巡察公告”没有任何通知（空白栏目）"), "\(lines)")
        #expect(lines.contains("content/site.yaml:4:1: 警告: 页脚缺少网站标识码（footer.siteCode）"))
        #expect(!lines.contains("ICP"))
        #expect(!lines.contains("页脚缺少主办单位"))
        #expect(lines.contains("content/site.yaml:6:11: 警告: 找不到党政机关网站标识图片 content/files/dzjg.png"))
        #expect(lines.contains("content/site.yaml:9:5: 警告: 网址名“xczg”与“巡察公告”重复"))
        #expect(lines.contains("content/site.yaml:14:5: 警告: 网址名（slug）“Bad Slug”只能使用小写英文字母"))
        #expect(lines.contains("content/notices/a.md:5:1: 警告: 栏目“巡察整改”要求填写 documentNumber，这篇通知没有"))
        #expect(!lines.contains("要求填写 indexNumber"))
        #expect(lines.contains("警告: require 中的“文号”不是通知的字段"), "\(lines)")
        // Without a footer the site claims no identifiers and none are asked for.
        let bare = try TempSite()
        defer { bare.remove() }
        try bare.notice("a.md", noticeText())
        #expect(!(try runGongshi(["check", "--site", bare.root.path]).stderr.contains("页脚缺少")))
    }
}
