/// Settings from content/site.yaml.
public struct SiteConfig: Sendable, Hashable, Codable {
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

    public init(title: String, baseURL: String? = nil, description: String? = nil, defaultColumn: String = "巡察整改",
                contact: Contact? = nil, allowRawHTML: Bool = false) {
        self.title = title; self.baseURL = baseURL; self.description = description
        self.defaultColumn = defaultColumn; self.contact = contact; self.allowRawHTML = allowRawHTML
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, baseURL, description, defaultColumn, contact, allowRawHTML
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decode(String.self, forKey: .title)
        baseURL = try c.decodeIfPresent(String.self, forKey: .baseURL)
        description = try c.decodeIfPresent(String.self, forKey: .description)
        defaultColumn = try c.decodeIfPresent(String.self, forKey: .defaultColumn) ?? "巡察整改"
        contact = try c.decodeIfPresent(Contact.self, forKey: .contact)
        allowRawHTML = try c.decodeIfPresent(Bool.self, forKey: .allowRawHTML) ?? false
    }
}
