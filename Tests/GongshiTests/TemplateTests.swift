import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Templates")
struct TemplateTests {
    @Test func builtinTemplatesAreExactlyTheRepositoryTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("templates")
        let onDisk = snapshot(folder).filter { !$0.key.hasPrefix(".") }
        let builtin = Dictionary(uniqueKeysWithValues: TemplateSet.builtinFiles.map { ($0.path, Data($0.text.utf8)) })
        #expect(onDisk.keys.sorted() == builtin.keys.sorted(), "run scripts/embed-templates after editing templates/")
        for (path, data) in onDisk {
            #expect(builtin[path] == data, "\(path) differs from the built-in copy: run scripts/embed-templates")
        }
    }

    @Test func builtinTemplatesParse() {
        let (set, diagnostics) = TemplateSet.load(siteTemplates: nil)
        #expect(set != nil)
        #expect(diagnostics.isEmpty)
    }

    @Test func siteTemplateOverridesOneBuiltinAndKeepsTheRest() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.write("templates/list.mustache", "{{<layout}}{{$content}}<p class=\"custom\">自定义首页 {{#list.notices}}{{title}}{{/list.notices}}</p>{{/content}}{{/layout}}")
        try site.write("templates/assets/extra.css", "p{}")
        try site.build()
        let index = try site.read("index.html")
        #expect(index.contains("<p class=\"custom\">自定义首页 测试单位关于巡察整改情况的通报</p>"))
        #expect(index.contains("<html lang=\"zh-CN\">"))   // built-in layout still used
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/extra.css").path))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("assets/style.css").path))
    }

    @Test func templateSyntaxErrorNamesTheTemplateFileAndLine() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.write("templates/notice.mustache", "<p>\n{{#notice}}\n{{title}}\n{{/noticee}}\n")
        let errors = site.failingBuild().errors
        #expect(errors.count == 1)
        #expect(errors.first?.file == "templates/notice.mustache")
        #expect(errors.first?.line == 4)
        #expect(errors.first?.message.contains("模板") == true)
    }

    /// The header and footer are rendered once per depth and column (frame partials): a site's own versions still
    /// get each page's way back to the root and its current column, and its own layout still works unchanged.
    @Test func overriddenFramePartialsAndLayoutRenderPerDepthAndColumn() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText(extra: "slug: a"))
        try site.write("templates/site-header.mustache", "<p class=\"hdr\">{{site.title}}|{{root}}|{{#site.nav}}{{#current}}{{title}}{{/current}}{{/site.nav}}</p>\n")
        try site.build()
        #expect(try site.read("index.html").contains("<p class=\"hdr\">测试网站|./|首页</p>"))
        #expect(try site.read("notices/a/index.html").contains("<p class=\"hdr\">测试网站|../../|</p>"))
        #expect(try site.read("archives/index.html").contains("<p class=\"hdr\">测试网站|../|归档</p>"))

        try site.write("templates/layout.mustache", "<!DOCTYPE html>\n<title>{{documentTitle}}</title>\n<nav>{{root}}{{#site.nav}}<a href=\"{{root}}{{url}}\">{{title}}</a>{{/site.nav}}</nav>\n{{$content}}{{/content}}\n")
        try site.build()
        let page = try site.read("notices/a/index.html")
        #expect(page.hasPrefix("<!DOCTYPE html>\n<title>测试单位关于巡察整改情况的通报"))
        #expect(page.contains("<nav>../../<a href=\"../../\">首页</a>"))
        #expect(!page.contains("class=\"hdr\""))
    }

    @Test func aPageNameInAFramePartialIsWarnedAtItsLine() throws {
        let site = try TempSite()
        defer { site.remove() }
        try site.notice("a.md", noticeText())
        try site.write("templates/site-footer.mustache", "<p>{{site.title}}</p>\n<p>{{pageTitle}}</p>\n")
        let warning = try #require(try site.build().diagnostics.first { $0.file == "templates/site-footer.mustache" })
        #expect(warning.line == 2 && warning.message.contains("pageTitle"))
    }
}
