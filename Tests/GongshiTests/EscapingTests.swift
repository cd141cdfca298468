import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Front-matter values are escaped in every template context")
struct EscapingTests {
    @Test func hostileValuesAreEscapedInTextAttributesAndURLs() throws {
        let site = try TempSite(config: """
        title: "站点<script>alert('t')</script>"
        description: "描述\\" onmouseover=\\"alert(1)"
        """)
        defer { site.remove() }
        try site.notice("evil.md", """
        ---
        title: "<script>alert(1)</script>通报"
        org: "单位<img src=x onerror=alert(2)>"
        date: 2025-07-28
        summary: "\\"><script>alert(3)</script>"
        column: "<b>栏目</b>"
        inspection:
          group: "<iframe src=javascript:alert(4)>"
          target: "A & B"
        problems:
          - title: "<svg onload=alert(5)>"
            status: done
            owner: "'><script>x</script>"
        contact:
          phone: ["javascript:alert(6)", "010-1234<script>"]
          email: "x@y.cn?body=<script>\\" onclick=\\"alert(7)"
          address: "<a href=javascript:alert(8)>地址</a>"
          envelope: "\\"></a><script>alert(9)</script>"
        ---

        正文
        """)
        try site.build()
        for page in ["index.html", "notices/evil/index.html"] {
            let html = try site.read(page)
            // The only scripts are the site's own files.
            #expect(html.components(separatedBy: "<script").dropFirst().allSatisfy { $0.hasPrefix(" src=\"") }, "\(page)")
            #expect(!html.contains("<img"), "\(page)")
            #expect(!html.contains("<iframe"), "\(page)")
            #expect(!html.contains("<svg"), "\(page)")
            #expect(!html.contains("<b>栏目"), "\(page)")
            #expect(!html.contains("href=\"javascript:"), "\(page)")
            #expect(!html.contains("\" onmouseover=\""), "\(page)")
            #expect(!html.contains("\" onclick=\""), "\(page)")
        }
        let page = try site.read("notices/evil/index.html")
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;通报"))
        #expect(page.contains("A &amp; B"))
        #expect(page.contains("href=\"tel:6\""))           // digits only in tel:
        #expect(page.contains("href=\"tel:0101234\""))
        #expect(page.contains("href=\"mailto:x@y.cn%3Fbody%3D%3Cscript%3E%22%20onclick%3D%22alert%287%29?subject="))
    }
}
