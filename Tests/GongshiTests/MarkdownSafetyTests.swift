import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Markdown is rendered by libcmark and nothing unsafe reaches readers")
struct MarkdownSafetyTests {
    let safe = MarkdownRenderer()

    @Test func rendersCommonMark() {
        let html = safe.html("## 一、整改情况\n\n- 第一项\n- 第二项\n\n**加粗**与[链接](https://example.gov.cn/a)")
        #expect(html.contains("<h2>一、整改情况</h2>"))
        #expect(html.contains("<li>第一项</li>"))
        #expect(html.contains("<strong>加粗</strong>"))
        #expect(html.contains("<a href=\"https://example.gov.cn/a\">链接</a>"))
    }

    @Test func scriptTagsAndRawHTMLAreDropped() {
        let html = safe.html("<script>alert(1)</script>\n\n段落<img src=x onerror=alert(1)>结束\n\n<div onclick=\"x()\">块</div>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("<img"))
    }

    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:msgbox", "data:text/html;base64,PHNjcmlwdD4=",
                      "data:image/png;base64,iVBORw0KGgo=", "java\tscript:alert(1)", "file:///etc/passwd"])
    func unsafeLinkTargetsAreEmptied(url: String) {
        for markdown in ["[点我](\(url))", "![图](\(url))", "<\(url)>", "[ref]\n\n[ref]: \(url)"] {
            let html = safe.html(markdown).lowercased()
            #expect(!html.contains("href="), "\(markdown) → \(html)")
            #expect(!html.contains("src="), "\(markdown) → \(html)")
        }
    }

    @Test func rawHTMLCanBeAllowedBySiteButUnsafeLinksStillNot() {
        let unsafe = MarkdownRenderer(allowRawHTML: true)
        let html = unsafe.html("<span class=\"note\">说明</span>\n\n[x](javascript:alert(1))")
        #expect(html.contains("<span class=\"note\">说明</span>"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(html.contains("<p>x</p>"))
    }

    @Test func safeLinksNextToUnsafeOnesStay() {
        let html = safe.html("[好](https://example.gov.cn/) [坏](javascript:x) ![图](images/a.png)")
        #expect(html.contains("<a href=\"https://example.gov.cn/\">好</a> 坏 <img src=\"images/a.png\" alt=\"图\" />"))
    }

    @Test func bodyHeadingsStartAtLevelTwoBecauseTheTitleIsTheOnlyH1() {
        #expect(safe.html("# 一级标题").contains("<h2>一级标题</h2>"))
    }
}
