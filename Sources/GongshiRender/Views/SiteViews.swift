import GongshiMarkdown
import Foundation
import GongshiCore

// What the templates see. Plain values with the names used in templates/*.mustache (see docs/templates.md).

public struct SiteView: Sendable, Encodable {
    public let title: String
    public let description: String?
    public let nav: [NavItem]
    public let footer: FooterView?
    /// SiteName, SiteDomain, SiteIDCode.
    public let meta: [MetaTagView]
    /// 党政机关网站标识, when the site supplies one.
    public let badge: BadgeView?
}

public struct BadgeView: Sendable, Encodable {
    /// Relative to the site root, e.g. `files/dzjg.png`.
    public let image: String
    public let link: String?
}

public struct NavItem: Sendable, Encodable {
    public let title: String
    /// Relative to the site root.
    public let url: String
    public let current: Bool
}

public struct FooterView: Sendable, Encodable {
    public let sponsor: String?
    public let organizer: String?
    public let contact: String?
    public let siteCode: String?
    public let icp: String?
    public let police: String?
    /// 公安备案 record number (digits of `police`) for the link to the filing site.
    public let policeRecord: String?
}

public struct LinkView: Sendable, Encodable {
    public let title: String
    public let url: String
}

/// Context of every page: the site, the way back to the site root, and the page's own data.
public struct PageView: Sendable, Encodable {
    public let site: SiteView
    /// Relative path from this page to the site root, e.g. `../../` (`./` at the root; the base path on the 404 page).
    public let root: String
    public let pageTitle: String
    /// The `<title>`: the page title and the site name (only the site name on the home page).
    public let documentTitle: String
    /// Absolute URL of this page when the site has a baseURL.
    public let canonical: String?
    /// Column and article metadata of this page (47号 annex).
    public var meta: [MetaTagView] = []
    /// 我为政府网站找错, with this page's own address.
    public var errorReportURL: String? = nil
    public var notice: NoticeView? = nil
    public var list: ListView? = nil
    public var archives: ArchivesView? = nil
    public var overview: OverviewView? = nil
    public var withdrawn: WithdrawnView? = nil
    public var inspectionPage: InspectionPageView? = nil
    public var round: RoundView? = nil
    public var catalogue: CatalogueView? = nil
    public var breadcrumb: [LinkView] = []
}
