/// The build-the-site-model stage: notices in reading order, with what each page links to.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first; ties by slug so the order never depends on file-system order.
    public var notices: [Notice]

    public init(content: LoadedContent) {
        config = content.config
        notices = content.notices.sorted(by: SiteModel.newestFirst)
    }

    public static func newestFirst(_ a: Notice, _ b: Notice) -> Bool {
        a.date != b.date ? a.date > b.date : a.slug < b.slug
    }

    /// The notice published just before `index` (older), shown as 上一篇.
    public func older(than index: Int) -> Notice? {
        notices.indices.contains(index + 1) ? notices[index + 1] : nil
    }

    /// The notice published just after `index` (newer), shown as 下一篇.
    public func newer(than index: Int) -> Notice? {
        index > 0 ? notices[index - 1] : nil
    }

    /// Feedback channels for a notice: its own, else the site's.
    public func contact(for notice: Notice) -> Contact? {
        if let own = notice.contact, !own.isEmpty { return own }
        return config.contact
    }

    /// Path of a notice's page inside the output folder.
    public static func pagePath(of notice: Notice) -> String { "notices/\(notice.slug)/index.html" }
}
