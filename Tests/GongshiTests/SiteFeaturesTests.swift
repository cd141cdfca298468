import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Every href and src of an HTML page.
func links(in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: "(?:href|src)=\"([^\"]*)\"")
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
        String(html[Range($0.range(at: 1), in: html)!]).replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Parses XML; returns the element names in document order, or nil when it is not well-formed.
func xmlElements(_ data: Data) -> [String]? {
    final class Collector: NSObject, XMLParserDelegate {
        var names: [String] = []
        var texts: [String: [String]] = [:]
        var current = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            names.append(name)
            current = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { current += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            texts[name, default: []].append(current)
        }
    }
    let parser = XMLParser(data: data)
    let collector = Collector()
    parser.delegate = collector
    return parser.parse() ? collector.names : nil
}

/// A site with `count` notices over two columns and three years, page size 3.
func makeListSite(count: Int, config extra: String = "") throws -> TempSite {
    let site = try TempSite(config: """
    title: 列表测试
    baseURL: https://www.example.gov.cn/dwgk/xczg
    pageSize: 3
    contact:
      phone: ["010-1"]
    \(extra)
    """)
    for i in 0..<count {
        let column = i % 2 == 0 ? "巡察整改" : "学校党建"
        let date = String(format: "%04d-%02d-%02d", 2023 + i % 3, 1 + i % 12, 1 + i % 28)
        try site.notice(String(format: "n%02d.md", i), noticeText(title: "第\(i)号通知", org: i % 2 == 0 ? "甲单位" : "乙单位", date: date,
                                                                  extra: "column: \(column)\nproblems:\n  - title: 问题\(i)\n    status: done"))
    }
    return site
}

@Suite("Lists, archives and pagination")
struct ListTests {
    @Test func indexIsPaginatedNewestFirstAndEveryPageLinksToTheNext() throws {
        let site = try makeListSite(count: 7)
        defer { site.remove() }
        try site.build()
        let first = try site.read("index.html"), second = try site.read("page/2/index.html"), third = try site.read("page/3/index.html")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("page/4/index.html").path))
        #expect(first.components(separatedBy: "class=\"notice-item\"").count - 1 == 3)
        #expect(third.components(separatedBy: "class=\"notice-item\"").count - 1 == 1)
        #expect(first.contains("<a href=\"./page/2/\" rel=\"next\">下一页</a>"))
        #expect(second.contains("<a href=\"../../\" rel=\"prev\">上一页</a>"))
        #expect(second.contains("<a href=\"../../page/3/\" rel=\"next\">下一页</a>"))
        #expect(second.contains("aria-current=\"page\">2</a>"))
        #expect(third.contains("第 3 页，共 3 页"))
        // Newest first across pages: dates on page 1 are all later than on page 2.
        let dates = { (html: String) in
            html.components(separatedBy: "<time datetime=\"").dropFirst().map { String($0.prefix(10)) }
        }
        #expect(dates(first).min()! >= dates(second).max()!)
    }

    @Test func columnsYearsAndOrgsEachHaveAPageAndNoneIsEmpty() throws {
        let site = try makeListSite(count: 4)
        defer { site.remove() }
        try site.build()
        let files = snapshot(site.output)
        let listPages = files.keys.filter { $0.hasPrefix("columns/") || $0.hasPrefix("orgs/") || ($0.hasPrefix("archives/") && $0 != "archives/index.html") }
        #expect(listPages.count == 2 + 2 + 3)
        for path in listPages {
            let html = String(decoding: files[path]!, as: UTF8.self)
            #expect(html.contains("class=\"notice-item\""), "\(path) is empty")
        }
        let archives = try site.read("archives/index.html")
        #expect(archives.contains("2025年</a>（1 篇）"))
        #expect(archives.contains("甲单位</a>（2 篇）"))
        let index = try site.read("index.html")
        #expect(index.contains(">巡察整改</a>"))
        #expect(index.contains(">学校党建</a>"))
    }

    @Test func aColumnWithNoNoticesHasNoPageAndNoNavEntry() throws {
        let site = try TempSite(config: "title: 单栏目\ndefaultColumn: 巡察整改\ncontact:\n  phone: [\"1\"]")
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.build()
        let columns = snapshot(site.output).keys.filter { $0.hasPrefix("columns/") }
        #expect(columns.count == 1)
        #expect(!(try site.read("index.html")).contains("学校党建"))
    }
}

@Suite("Deployment under a sub-path")
struct SubPathTests {
    /// Resolves every relative link of every page against the page's own URL under /dwgk/xczg/ and checks
    /// that the target exists in the output.
    @Test func everyInternalLinkResolvesUnderTheSubPath() throws {
        let site = try makeListSite(count: 7)
        defer { site.remove() }
        try site.build()
        let files = snapshot(site.output)
        let base = URL(string: "https://www.example.gov.cn/dwgk/xczg/")!
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let pageURL = URL(string: path, relativeTo: base)!.absoluteURL
            for link in links(in: String(decoding: data, as: UTF8.self)) {
                guard let target = URL(string: link, relativeTo: pageURL)?.absoluteURL, target.host == base.host else { continue }
                let targetPath = URLComponents(url: target, resolvingAgainstBaseURL: true)!.path  // keeps the trailing /
                #expect(targetPath.hasPrefix("/dwgk/xczg/"), "\(path): \(link) leaves the sub-path")
                var relative = String(targetPath.dropFirst("/dwgk/xczg/".count))
                if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
                #expect(files[relative] != nil, "\(path): \(link) → \(relative) does not exist")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func notFoundPageLinksFromTheBasePathAndCanonicalLinksAreAbsolute() throws {
        let site = try makeListSite(count: 2)
        defer { site.remove() }
        try site.build()
        let notFound = try site.read("404.html")
        #expect(notFound.contains("href=\"/dwgk/xczg/assets/style.css\""))
        #expect(notFound.contains("href=\"/dwgk/xczg/archives/\""))
        let notice = try site.read("notices/n00/index.html")
        #expect(notice.contains("<link rel=\"canonical\" href=\"https://www.example.gov.cn/dwgk/xczg/notices/n00/\">"))
    }

    @Test func baseURLOptionOverridesSiteYAML() throws {
        let site = try makeListSite(count: 1)
        defer { site.remove() }
        try SiteBuilder.build(BuildOptions(site: site.root, baseURL: "http://127.0.0.1:8000/preview/"))
        #expect(try site.read("feed.xml").contains("<id>http://127.0.0.1:8000/preview/notices/n00/</id>"))
        #expect(try site.read("404.html").contains("href=\"/preview/assets/style.css\""))
    }

    @Test func invalidBaseURLIsAnErrorAtItsLine() throws {
        let site = try TempSite(config: "title: x\nbaseURL: www.example.gov.cn/dwgk\n")
        defer { site.remove() }
        let errors = site.failingBuild().errors
        #expect(errors.count == 1)
        #expect(errors[0].file == "content/site.yaml" && errors[0].line == 2)
    }
}

@Suite("Feed, sitemap and robots")
struct FeedTests {
    @Test func atomFeedIsWellFormedNewestFirstAndLimited() throws {
        let site = try makeListSite(count: 7, config: "feedSize: 5")
        defer { site.remove() }
        try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))
        let names = try #require(xmlElements(data), "feed.xml is not well-formed XML")
        #expect(names.first == "feed")
        #expect(names.filter { $0 == "entry" }.count == 5)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://www.example.gov.cn/dwgk/xczg/feed.xml\"/>"))
        let updated = text.components(separatedBy: "<updated>").dropFirst().map { String($0.prefix(10)) }
        #expect(Array(updated.dropFirst()) == Array(updated.dropFirst()).sorted(by: >))
        #expect(updated.first == updated.dropFirst().first)
    }

    /// A notice without an abstract is summed up in the feed by the first 200 characters of its text, line breaks
    /// made spaces: as Foundation's replacingOccurrences did before the feed stopped using it, except that a line
    /// break followed by a combining mark (one character to Swift) is now made a space too.
    @Test func feedSummaryIsTheTextsFirst200CharactersOnOneLine() throws {
        let (content, _) = SiteLoader.load(SiteLayout(root: repositoryRoot))
        let loaded = try #require(content)
        let model = SiteModel(config: loaded.config, notices: loaded.notices.map(\.notice.summary), now: Moment("2026-01-01")!)
        let renderer = SiteRenderer(model: model, templates: TemplateSet.builtin(), baseURL: "https://www.example.gov.cn/dwgk/")
        var notice = try #require(model.notices.first)
        notice.abstract = nil
        #expect(renderer.feedEntry(notice, plainText: "e\u{301}\n\u{301}").summary == "e\u{301} \u{301}")
        for text in ["第一段\n第二段\r\n第三段" + String(repeating: "整改落实", count: 60), "一行", "", "\n\n", "e\u{301}\n\n"] {
            let summary = renderer.feedEntry(notice, plainText: text).summary
            #expect(summary == String(text.replacingOccurrences(of: "\n", with: " ").prefix(200)), "\(text.prefix(10))")
            #expect(!summary.contains("\n"))
        }
        #expect(renderer.feedEntry(notice, plainText: "第一段\n第二段" + String(repeating: "改", count: 300)).summary.count == 200)
    }

    @Test func sitemapListsEveryPageWithAbsoluteURLs() throws {
        let site = try makeListSite(count: 4)
        defer { site.remove() }
        try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))
        let names = try #require(xmlElements(data))
        let pages = snapshot(site.output).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }
        #expect(names.filter { $0 == "loc" }.count == pages.count)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("<loc>https://www.example.gov.cn/dwgk/xczg/notices/n03/</loc><lastmod>2023-04-04</lastmod>"))
        #expect(!text.contains("index.html"))
        #expect(try site.read("robots.txt").contains("Sitemap: https://www.example.gov.cn/dwgk/xczg/sitemap.xml"))
    }

    @Test func hostileTitlesStayWellFormedXML() throws {
        let site = try TempSite(config: "title: \"A & B <站>\"\nbaseURL: https://x.example/\ncontact:\n  phone: [\"1\"]")
        defer { site.remove() }
        try site.notice("a.md", noticeText(title: "\"<b>&amp; ]]> 通报'\"", extra: "summary: \"<script>x</script> & 摘要\""))
        try site.build()
        #expect(xmlElements(try Data(contentsOf: site.output.appendingPathComponent("feed.xml"))) != nil)
        #expect(xmlElements(try Data(contentsOf: site.output.appendingPathComponent("sitemap.xml"))) != nil)
    }

    @Test func noBaseURLMeansNoFeedOrSitemapAndAWarning() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        let report = try site.build()
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("baseURL") })
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("feed.xml").path))
        #expect(!(try site.read("index.html")).contains("rel=\"canonical\""))
    }
}

@Suite("Footer and reader tools")
struct FooterTests {
    @Test func footerShowsOnlyTheFieldsGiven() throws {
        let site = try TempSite(config: "title: x\ncontact:\n  phone: [\"1\"]\nfooter:\n  sponsor: 示例区委办公室\n  icp: 京ICP备00000000号\n  police: 京公网安备 11000002000000号")
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.build()
        let html = try site.read("index.html")
        #expect(html.contains("<li>主办单位：示例区委办公室</li>"))
        #expect(html.contains("<a href=\"https://beian.miit.gov.cn/\">京ICP备00000000号</a>"))
        #expect(html.contains("recordcode=11000002000000\">京公网安备 11000002000000号</a>"))
        #expect(!html.contains("承办单位"))
        #expect(!html.contains("网站标识码"))
    }

    @Test func noFooterFieldsLeaveNoEmptyList() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.build()
        #expect(!(try site.read("index.html")).contains("site-footer-ids"))
    }

    @Test func readerToolsAreHiddenUntilTheScriptShowsThem() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.build()
        let html = try site.read("notices/a/index.html")
        #expect(html.contains("<div class=\"reader-tools wrap\" hidden>"))
        #expect(html.contains("<button type=\"button\" data-print>打印本页</button>"))
        let script = try site.read("assets/site.js")
        #expect(script.contains("localStorage"))
        #expect(!script.contains("http"))
    }
}

@Suite("Offline search index")
struct SearchIndexTests {
    // Queries through the real assets/search.js run in the browser check (scripts/lib/browser_checks.py).

    @Test func tokenizerIndexesHanCharactersBigramsAndLowercaseWords() {
        let tokens = SearchIndexBuilder.tokens(in: "巡察整改 TODO２０２５")
        #expect(tokens.isSuperset(of: ["巡", "巡察", "察整", "整改", "改", "todo2025"]))
        #expect(!tokens.contains("改t"))
    }

    @Test func indexIsShardedWhenLarge() throws {
        let tokens = (0..<3000).map { (i: Int) -> SearchIndexBuilder.TokenSet in
            let body = (0..<200).map { (j: Int) -> Character in Character(Unicode.Scalar(UInt32(0x4E00 + (i * 7 + j * 13) % 3000))!) }
            return SearchIndexBuilder.tokenSet(in: "通知\(i)\n单位\n" + String(body))
        }
        var files: [(path: String, data: Data)] = []
        try SearchIndexWriter(count: tokens.count, doc: { ["通知\($0)", "notices/\($0)/", "2025-01-01", "单位"] }, tokens: { tokens[$0] })
            .write { files.append(($0, $1)) }
        let shards = files.filter { $0.path.hasPrefix("search/index/") }
        #expect(shards.count > 16)
        #expect(shards.map(\.data.count).max()! < 4 * SearchIndexBuilder.targetShardSize)
        #expect(files.filter { $0.path.hasPrefix("search/docs/") }.count == 6)
    }

    /// A large index is written a group of shards per pass (so its postings are never all in memory): the files are
    /// the ones a single pass writes.
    @Test func indexWrittenInSeveralPassesIsTheSame() throws {
        let texts = (0..<800).map { (i: Int) -> String in
            let body = (0..<120).map { (j: Int) -> Character in Character(Unicode.Scalar(UInt32(0x4E00 + (i * 11 + j * 17) % 2000))!) }
            return "通知\(i) 第\(i % 7)组 " + String(body)
        }
        let tokens = texts.map(SearchIndexBuilder.tokenSet(in:))
        func files(bytesPerPass: Int) throws -> [String: Data] {
            var files: [String: Data] = [:]
            try SearchIndexWriter(count: texts.count, doc: { ["通知\($0)", "notices/\($0)/", "2025-01-01", "单位"] }, tokens: { tokens[$0] },
                                  bytesPerPass: bytesPerPass).write { files[$0] = $1 }
            return files
        }
        let onePass = try files(bytesPerPass: 1 << 30), manyPasses = try files(bytesPerPass: 20_000)
        #expect(onePass.keys.filter { $0.hasPrefix("search/index/") }.count > 8)
        #expect(manyPasses == onePass)
        // A token is in the shard search.js looks in, with every notice that has it ("第": all, as differences).
        let meta = try JSONDecoder().decode([String: Int].self, from: onePass["search/meta.json"]!)
        let shard = SearchIndexBuilder.shardHash("第") % UInt32(meta["shards"]!)
        let postings = try JSONDecoder().decode([String: String].self, from: onePass["search/index/\(shard).json"]!)
        #expect(postings["第"] == "0" + String(repeating: ",1", count: 799))
    }
}

@Suite("Disclosure fields")
struct DisclosureFieldTests {
    @Test func documentNumberIsShownOnlyWhenGiven() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a\ndocumentNumber: 教工委〔2025〕3号"))
        try site.notice("b.md", noticeText(title: "另一单位关于整改的通报", date: "2024-01-01", extra: "slug: b"))
        try site.build()
        #expect(try site.read("notices/a/index.html").contains("<span>文号：教工委〔2025〕3号</span>"))
        #expect(try !site.read("notices/b/index.html").contains("文号"))
    }
}
