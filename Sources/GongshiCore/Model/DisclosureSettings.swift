import Foundation

/// A column's (栏目) settings in site.yaml: its address, its page metadata and the fields its notices must have.
public struct ColumnSettings: Sendable, Hashable, Codable {
    /// Folder name of the column's pages (`columns/<slug>/`), instead of a hash of its name.
    public var slug: String?
    /// ColumnDescription
    public var description: String?
    /// ColumnKeywords
    public var keywords: [String]
    /// ColumnType, e.g. 信息公开
    public var type: String?
    /// Fields every notice of the column must have, e.g. [indexNumber, documentNumber].
    public var require: [String]

    public init(slug: String? = nil, description: String? = nil, keywords: [String] = [], type: String? = nil, require: [String] = []) {
        self.slug = slug; self.description = description; self.keywords = keywords; self.type = type; self.require = require
    }

    enum CodingKeys: String, CodingKey { case slug, description, keywords, type, require }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        slug = try c.decodeIfPresent(String.self, forKey: .slug)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        keywords = try c.decodeOneOrMany(.keywords)
        type = try c.decodeIfPresent(String.self, forKey: .type)
        require = try c.decodeOneOrMany(.require)
    }
}

/// An issuing organization's settings in site.yaml: the folder name of its list (`orgs/<slug>/`).
public struct OrgSettings: Sendable, Hashable, Codable {
    public var slug: String?
    public init(slug: String? = nil) { self.slug = slug }
}

/// Site-wide defaults of a notice's disclosure fields (政府信息公开 metadata), and the 索引号 pattern.
public struct DisclosureDefaults: Sendable, Hashable, Codable {
    /// 发布机构 (default: the notice's org)
    public var publisher: String?
    /// 主题分类
    public var topic: String?
    /// 公开方式 (default 主动公开)
    public var mode: String?
    /// 公开范围 (default 面向社会)
    public var scope: String?
    /// 索引号 pattern, e.g. `{siteCode}/{year}-{seq:5}`: `gongshi new` and `import` write the next free number.
    public var indexPattern: String?

    public init(publisher: String? = nil, topic: String? = nil, mode: String? = nil, scope: String? = nil, indexPattern: String? = nil) {
        self.publisher = publisher; self.topic = topic; self.mode = mode; self.scope = scope; self.indexPattern = indexPattern
    }
}

/// The page tools a government-site inspection looks for: the 党政机关网站标识 and the 纠错 link.
public struct SiteBadge: Sendable, Hashable, Codable {
    /// The image, a path under content/files/ (e.g. `dzjg.png`); Gongshi ships none.
    public var image: String
    /// Where the badge links (the registration's verification page).
    public var link: String?
    public init(image: String, link: String? = nil) { self.image = image; self.link = link }
}
