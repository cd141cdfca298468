import Foundation

/// Settings from content/site.yaml.
public struct SiteConfig: Sendable, Hashable, Codable {
    /// The column of notices when site.yaml names none.
    public static let standardColumn = "巡察整改"

    /// Digest of every setting: notices decoded, checked or rendered with other settings are not reused.
    public var digest: UInt64 { Digest.of(String(reflecting: self)) }

    /// Site name shown in the header, e.g. 示例区教育工作委员会党务公开.
    public var title: String
    /// Public address of the site including any sub-path, e.g. https://www.example.gov.cn/dwgk/xczg/
    public var baseURL: String?
    /// One line under the title.
    public var description: String?
    /// Column (栏目) of notices that do not name one.
    public var defaultColumn: String
    /// Feedback channels used by notices that give none.
    public var contact: Contact?
    /// Let raw HTML in notice bodies through. Off by default: only turn on when every author is trusted.
    public var allowRawHTML: Bool
    /// Notices per list page (index, columns, archives).
    public var pageSize: Int
    /// Entries in the Atom feed.
    public var feedSize: Int
    /// The identifiers every official site shows in its footer.
    public var footer: SiteFooter?
    /// `build` refuses a notice that is not a draft and has no 签发人 and 签发日期 (review.approver, review.approved).
    public var requireApproval: Bool
    /// Show who drafted, reviewed and approved a notice on its page (off: sign-off stays internal).
    public var showReview: Bool
    /// Days after an inspection's feedback by which the unit should publish its rectification (the rules ask for two
    /// months); a unit past it without one is marked on its round's page and `check` warns.
    public var publishWithinDays: Int
    /// Settings of columns and organizations, by name (slug, metadata, required fields).
    public var columns: [String: ColumnSettings]
    public var orgs: [String: OrgSettings]
    /// Folder names of round pages, by round name.
    public var rounds: [String: OrgSettings]
    /// Defaults of the disclosure fields and the 索引号 pattern.
    public var disclosure: DisclosureDefaults
    /// Where each setting stands in site.yaml (filled by the loader; messages about settings point there).
    public var positions = SourcePositions()

    public init(title: String, baseURL: String? = nil, description: String? = nil, defaultColumn: String = SiteConfig.standardColumn,
                contact: Contact? = nil, allowRawHTML: Bool = false, pageSize: Int = 20, feedSize: Int = 20,
                footer: SiteFooter? = nil, requireApproval: Bool = false, showReview: Bool = false, publishWithinDays: Int = 60,
                columns: [String: ColumnSettings] = [:], orgs: [String: OrgSettings] = [:], disclosure: DisclosureDefaults = DisclosureDefaults()) {
        self.title = title; self.baseURL = baseURL; self.description = description
        self.defaultColumn = defaultColumn; self.contact = contact; self.allowRawHTML = allowRawHTML
        self.pageSize = pageSize; self.feedSize = feedSize; self.footer = footer
        self.requireApproval = requireApproval; self.showReview = showReview; self.publishWithinDays = publishWithinDays
        self.columns = columns; self.orgs = orgs; self.disclosure = disclosure; rounds = [:]
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, baseURL, description, defaultColumn, contact, allowRawHTML, pageSize, feedSize, footer, requireApproval, showReview, publishWithinDays, columns, orgs, rounds, disclosure
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        defaultColumn = try c.decodeIfPresent(String.self, forKey: .defaultColumn) ?? SiteConfig.standardColumn
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        allowRawHTML = try c.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
        pageSize = try c.decodeIfPresent(Int.self, forKey: .pageSize) ?? 20
        feedSize = try c.decodeIfPresent(Int.self, forKey: .feedSize) ?? 20
        footer = try c.decodeIfPresent(SiteFooter.self, forKey: .footer)
        requireApproval = try c.decodeIfPresent(Bool.self, forKey: .requireApproval) ?? false
        showReview = try c.decodeIfPresent(Bool.self, forKey: .showReview) ?? false
        publishWithinDays = try c.decodeIfPresent(Int.self, forKey: .publishWithinDays) ?? 60
        columns = try c.decodeIfPresent([String: ColumnSettings].self, forKey: .columns) ?? [:]
        orgs = try c.decodeIfPresent([String: OrgSettings].self, forKey: .orgs) ?? [:]
        rounds = try c.decodeIfPresent([String: OrgSettings].self, forKey: .rounds) ?? [:]
        disclosure = try c.decodeIfPresent(DisclosureDefaults.self, forKey: .disclosure) ?? DisclosureDefaults()
        if publishWithinDays < 1 {
            throw DecodingError.dataCorruptedError(forKey: .publishWithinDays, in: c, debugDescription: "整改公布时限必须是正整数（天数）")
        }
        if pageSize < 1 {
            throw DecodingError.dataCorruptedError(forKey: .pageSize, in: c, debugDescription: "每页条数必须是正整数")
        }
        if feedSize < 1 {
            throw DecodingError.dataCorruptedError(forKey: .feedSize, in: c, debugDescription: "订阅条数必须是正整数")
        }
        if let base = baseURL, SiteConfig.normalizedBaseURL(base) == nil {
            throw DecodingError.dataCorruptedError(forKey: .baseURL, in: c,
                                                   debugDescription: "网站地址“\(base)”不是 http:// 或 https:// 开头的完整地址")
        }
    }

    /// `https://host/sub/path/`: an http(s) URL ending in `/`; nil for anything else.
    public static func normalizedBaseURL(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace()
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty, url.query == nil, url.fragment == nil else { return nil }
        return trimmed.hasSuffix("/") ? trimmed : trimmed + "/"
    }

    /// The path part of baseURL (`/dwgk/xczg/`), or `/`.
    public var basePath: String {
        guard let base = baseURL.flatMap(SiteConfig.normalizedBaseURL), let url = URL(string: base) else { return "/" }
        let path = url.path.isEmpty ? "/" : url.path
        return path.hasSuffix("/") ? path : path + "/"
    }
}

/// 主办单位、承办单位、网站标识码、ICP 备案号、公安备案号: all optional.
public struct SiteFooter: Sendable, Hashable, Codable {
    /// 主办单位
    public var sponsor: String?
    /// 承办单位
    public var organizer: String?
    /// 联系方式 (one line)
    public var contact: String?
    /// 网站标识码
    public var siteCode: String?
    /// ICP备案号, e.g. 京ICP备12345678号
    public var icp: String?
    /// 公安备案号, e.g. 京公网安备 11010502000001号
    public var police: String?
    /// 党政机关网站标识: image and link, supplied by the site.
    public var badge: SiteBadge?
    /// The 纠错 (我为政府网站找错) address with `{siteCode}` and `{url}` (the page's own address, URL-encoded).
    public var errorReport: String?

    public init(sponsor: String? = nil, organizer: String? = nil, contact: String? = nil, siteCode: String? = nil,
                icp: String? = nil, police: String? = nil) {
        self.sponsor = sponsor; self.organizer = organizer; self.contact = contact
        self.siteCode = siteCode; self.icp = icp; self.police = police
    }
}
