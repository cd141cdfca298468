import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiContent
@testable import GongshiRender

/// The views of every page of the example site (lists, site pages, withdrawn notices, rounds, inspections, feed
/// and sitemap, each notice), as the build makes them; `everything` previews it (drafts with their banners) with
/// two notices a list page, the sign-off shown, a site badge, at a time an announcement still takes letters.
func exampleSiteViews(everything: Bool = false) throws -> [any TemplateFields] {
    let (content, _) = SiteLoader.load(SiteLayout(root: repositoryRoot))
    let loaded = try #require(content)
    var config = loaded.config
    if everything {
        config.pageSize = 2
        config.showReview = true
        config.footer?.badge = SiteBadge(image: "dzjg.png", link: "https://bszs.conac.cn/")
    }
    let now = Moment(everything ? "2026-11-20" : "2026-01-01")!
    let model = SiteModel(config: config, notices: loaded.notices.map(\.notice.summary), now: now, preview: everything)
    let renderer = SiteRenderer(model: model, templates: TemplateSet.builtin(), baseURL: "https://www.example.gov.cn/dwgk/")
    var views: [any TemplateFields] = renderer.listPages().map { renderer.page(for: $0).view }
    views += (renderer.sitePages() + renderer.withdrawnPages() + renderer.roundPages()).map(\.view)
    let source = NoticeFiles(root: repositoryRoot, defaultColumn: loaded.config.defaultColumn)
    views += try renderer.inspectionPageShells().map { try renderer.inspectionPage($0, source: source).view }
    let feed = model.notices.map { renderer.feedEntry($0, plainText: "正文") }
    views += renderer.machinePages(feedEntries: feed, sitemap: renderer.sitemapEntries(listPages: renderer.listPages())).map(\.view)
    for (index, summary) in model.notices.enumerated() {
        let notice = try #require(loaded.notices.first { $0.notice.sourcePath == summary.sourcePath }).notice
        views.append(renderer.noticePageView(notice, at: index))
    }
    return views
}

/// Each view lists its own fields for the templates (NoticeViewFields.swift, SiteViewFields.swift) instead of going
/// through Encodable: the lists must name every stored property and give what the Encodable encoding gave.
@Suite("Template fields of the views")
struct TemplateFieldsTests {
    /// Every view value reachable from `value` (views inside optionals and arrays included).
    func nestedViews(in value: Any, into found: inout [any TemplateFields]) {
        if let view = value as? any TemplateFields { found.append(view) }
        for child in Mirror(reflecting: value).children { nestedViews(in: child.value, into: &found) }
    }

    /// A context as text: dictionaries with sorted names, arrays, and each value with its type.
    func describe(_ value: Any) -> String {
        switch value {
        case let fields as ContextFields:
            return "{" + fields.values.keys.sorted().map { "\($0): \(describe(fields.values[$0]!))" }.joined(separator: ", ") + "}"
        // The array's own type too: a `[String]` would turn on swift-mustache's `sorted` transform, `[Any]` does not.
        case let items as [Any]: return "\(type(of: value))[" + items.map(describe).joined(separator: ", ") + "]"
        default: return "\(type(of: value))(\(value))"
        }
    }

    @Test func everyStoredPropertyIsListedUnderItsName() throws {
        var views: [any TemplateFields] = []
        for view in try exampleSiteViews() + exampleSiteViews(everything: true) { nestedViews(in: view, into: &views) }
        var types = Set<String>()
        for view in views {
            let properties = Mirror(reflecting: view).children.compactMap(\.label)
            #expect(view.templateFields.map(\.key) == properties, "\(type(of: view))")
            types.insert("\(type(of: view))")
        }
        // Every view type that conforms (NoticeViewFields.swift and SiteViewFields.swift) is on some page of the
        // example site, so every list is checked against its properties, not only the ones some page happens to use.
        var conforming = Set<String>()
        for file in ["NoticeViewFields", "SiteViewFields"] {
            let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Sources/GongshiRender/Views/\(file).swift"), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("extension ") && line.hasSuffix(": TemplateFields {") {
                conforming.insert(String(line.dropFirst("extension ".count).prefix { $0 != ":" }))
            }
        }
        #expect(conforming.count > 40)
        #expect(types == conforming, "\(conforming.subtracting(types).sorted())")
    }

    /// A site template that prints a whole view (`{{site}}`, `{{.}}`) gets the context's name, as when it was a class,
    /// never its fields (among them the page's HTML, which `{{{…}}}` would put in unescaped).
    @Test func aWholeViewPrintsAsItsTypeName() throws {
        let view = try #require(exampleSiteViews().first)
        #expect(String(describing: view.templateContext) == "GongshiRender.ContextFields")
        #expect(String(describing: [view.templateContext] as [Any]) == "[GongshiRender.ContextFields]")
    }

    @Test func contextsAreWhatTheEncodableEncodingGave() throws {
        for view in try exampleSiteViews() + exampleSiteViews(everything: true) {
            #expect(describe(view.templateContext) == describe(EncodedContext.make(view)), "\(type(of: view))")
        }
    }
}
