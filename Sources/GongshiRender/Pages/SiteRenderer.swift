import Foundation
import GongshiCore
import GongshiMarkdown

/// The render stage: what every output file holds, made from the site model, the templates and (for a notice
/// page) the whole notice. It decides nothing about reuse: the build asks it for the pages it wants made.
public struct SiteRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    public let markdown: MarkdownRenderer
    /// Absolute site address ending in `/`, when known (site.yaml baseURL or the --base-url option).
    public let baseURL: String?
    /// Where links in bodies lead: other notices by file name, attachments under files/.
    public let targets: LinkTargets
    /// The frame partials rendered so far (the same site on every page of this model).
    let frames = FrameCache()
    var strings: SiteStrings { templates.strings }

    public init(model: SiteModel, templates: TemplateSet, baseURL: String? = nil, attachments: [String] = []) {
        self.model = model
        self.templates = templates
        let targets = LinkTargets(notices: model.notices, withdrawn: model.withdrawn, attachments: attachments)
        self.targets = targets
        self.markdown = MarkdownRenderer(allowRawHTML: model.config.allowRawHTML, rewriteLink: { targets.rewrite($0) })
        self.baseURL = (baseURL ?? model.config.baseURL).flatMap(SiteConfig.normalizedBaseURL)
    }

    /// Renders a page made from one view with one template.
    public func render(_ page: TemplatePage) -> Data {
        Data(templates.render(page.view, template: page.template, frames: frames).utf8)
    }

    func canonical(for path: String) -> String? {
        baseURL.map { $0 + SiteURLs.folder(of: path) }
    }

    /// The site's title, navigation and footer, with `currentNav` marked as the current page.
    public func siteView(currentNav: String) -> SiteView {
        var nav = [NavItem(title: strings.text("navHome"), url: SiteURLs.home, current: currentNav == SiteURLs.home)]
        if model.columns.count > 1 {
            nav += model.columns.map {
                NavItem(title: $0.name, url: SiteURLs.column($0.id), current: currentNav == SiteURLs.column($0.id))
            }
        }
        nav.append(NavItem(title: strings.text("navOverview"), url: SiteURLs.overview, current: currentNav == SiteURLs.overview))
        nav.append(NavItem(title: strings.text("navArchives"), url: SiteURLs.archives, current: currentNav == SiteURLs.archives))
        nav.append(NavItem(title: strings.text("navCatalogue"), url: SiteURLs.catalogue, current: currentNav == SiteURLs.catalogue))
        let badge = model.config.footer?.badge.map { BadgeView(image: "files/" + $0.image, link: $0.link?.nonEmpty) }
        return SiteView(title: model.config.title, description: model.config.description?.nonEmpty, nav: nav,
                        footer: model.config.footer.flatMap(SiteRenderer.footerView), meta: siteMeta(), badge: badge)
    }

    static func footerView(_ f: SiteFooter) -> FooterView? {
        let values = [f.sponsor, f.organizer, f.contact, f.siteCode, f.icp, f.police].compactMap { $0?.nonEmpty }
        guard !values.isEmpty else { return nil }
        let policeDigits = f.police?.filter { $0.isASCII && $0.isNumber }
        return FooterView(sponsor: f.sponsor?.nonEmpty, organizer: f.organizer?.nonEmpty, contact: f.contact?.nonEmpty,
                          siteCode: f.siteCode?.nonEmpty, icp: f.icp?.nonEmpty, police: f.police?.nonEmpty,
                          policeRecord: (policeDigits?.isEmpty ?? true) ? nil : policeDigits)
    }

    /// The frame of an HTML page at `path` (a file, e.g. `archives/index.html`) titled `title`.
    func pageView(path: String, title: String, nav: String, meta: [MetaTagView] = []) -> PageView {
        let documentTitle = path == SiteURLs.file(SiteURLs.home) ? model.config.title
            : strings.text("documentTitle", ["page": title, "site": model.config.title])
        var view = PageView(site: siteView(currentNav: nav), root: SiteURLs.root(for: path), pageTitle: title,
                            documentTitle: documentTitle, canonical: canonical(for: path))
        view.meta = meta
        view.errorReportURL = errorReportURL(path: path)
        return view
    }
}

/// An output file made from one view with one template.
public struct TemplatePage: Sendable {
    /// Relative to the output folder, e.g. `archives/index.html`.
    public let path: String
    public let template: String
    public let view: any TemplateFields

    public init(path: String, template: String, view: any TemplateFields) {
        self.path = path; self.template = template; self.view = view
    }
}
