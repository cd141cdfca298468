import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiCore
@testable import GongshiRender
@testable import GongshiContent

/// A site's own templates/ folder overrides the built-in files one by one.
@Suite("A site's own templates, partials, stylesheet and words")
struct TemplateOverrideTests {
    func site() throws -> TempSite {
        let site = try TempSite()
        try site.notice("a.md", noticeText(extra: "slug: a"))
        return site
    }

    @Test func aSiteLayoutFramesEveryPage() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("templates/layout.mustache", """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><title>{{documentTitle}}</title></head>
        <body><p class="own-layout">本单位自己的版式</p>{{$content}}{{/content}}</body></html>
        """)
        try site.build()
        for page in ["index.html", "notices/a/index.html", "archives/index.html", "overview/index.html", "404.html"] {
            let html = try site.read(page)
            #expect(html.contains("<p class=\"own-layout\">本单位自己的版式</p>"), "\(page)")
            #expect(!html.contains("skip-link"), "\(page) still has the built-in layout")
        }
        #expect(try site.read("notices/a/index.html").contains("正文第一段。"))
    }

    @Test func aSitePartialReplacesTheBuiltInOne() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("templates/notice-item.mustache", "<li class=\"own-item\">{{title}}（{{date}}）</li>\n")
        try site.build()
        let index = try site.read("index.html")
        #expect(index.contains("<li class=\"own-item\">测试单位关于巡察整改情况的通报（2025年7月28日）</li>"))
        #expect(try site.read("notices/a/index.html").contains("<h1"))
    }

    @Test func aSiteStylesheetIsPublishedInsteadOfTheBuiltInOne() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("templates/assets/style.css", "body { color: #000; }\n")
        try site.build()
        #expect(try site.read("assets/style.css") == "body { color: #000; }\n")
        #expect(try site.read("assets/site.js") == TemplateSet.builtinFiles.first { $0.path == "assets/site.js" }?.text)
    }

    @Test func aSiteStringTableChangesTheWordsPagesShow() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("templates/strings.yaml", "navHome: 回到首页\nstatusDone: 整改完毕\n")
        try site.notice("a.md", noticeText(extra: "slug: a\nproblems:\n  - title: 问题一\n    status: done"))
        try site.build()
        let page = try site.read("notices/a/index.html")
        #expect(page.contains(">回到首页</a>"))
        #expect(page.contains("整改完毕"))
        #expect(!page.contains(">首页</a>"))
        #expect(try site.read("overview/index.html").contains("整改进度总览"), "keys the site leaves out keep the built-in words")
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("strings.yaml").path))
    }

    @Test func aBrokenStringTableIsAnErrorAtItsFile() throws {
        let site = try site()
        defer { site.remove() }
        try site.write("templates/strings.yaml", "navHome: [未闭合\n")
        let diagnostics = site.failingBuild()
        #expect(diagnostics.contains { $0.file == "templates/strings.yaml" && $0.severity == .error })
    }
}


@Suite("Names in a site's templates")
struct TemplateNameTests {
    @Test func aMisspelledNameInASiteTemplateIsWarnedAtItsLine() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        try site.write("templates/notice-item.mustache", "<li>\n<a href=\"{{root}}{{url}}\">{{titel}}</a> {{#progres}}x{{/progres}} {{date}}</li>\n")
        let report = try site.build()
        let warnings = report.diagnostics.filter { $0.file == "templates/notice-item.mustache" }
        #expect(warnings.map(\.line) == [2, 2])
        #expect(warnings.map(\.column) == [27, 41])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.first?.message.contains("titel") == true)
    }

    /// Every field of every view the example site's pages are made from is a known name, so a site template
    /// that uses it is never warned about.
    @Test func everyViewFieldIsAKnownName() throws {
        let views = try exampleSiteViews()
        var labels = Set<String>()
        func walk(_ value: Any) {
            for child in Mirror(reflecting: value).children {
                if let label = child.label, label != "some" { labels.insert(label) }
                walk(child.value)
            }
        }
        views.forEach(walk)
        #expect(labels.subtracting(TemplateSet.knownNames).isEmpty, "\(labels.subtracting(TemplateSet.knownNames).sorted())")
    }
}
