/// A named set of notices with a page of its own: a column (栏目), a year, an issuing organization.
public struct NoticeGroup: Sendable, Hashable {
    public var name: String
    /// ASCII folder name, stable across builds.
    public var id: String
    /// Indices into `SiteModel.notices`, newest first.
    public var members: [Int]
}

/// The build-the-site-model stage: notices in reading order, with what each page links to.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first; ties by slug so the order never depends on file-system order.
    public var notices: [Notice]
    /// Columns, most notices first (ties by name). A column without notices does not exist.
    public var columns: [NoticeGroup]
    /// Years, newest first.
    public var years: [NoticeGroup]
    /// Issuing organizations, by name.
    public var orgs: [NoticeGroup]

    public init(content: LoadedContent) {
        config = content.config
        notices = content.notices.sorted(by: SiteModel.newestFirst)
        let notices = self.notices
        func group(by key: (Notice) -> String) -> [String: [Int]] {
            var result: [String: [Int]] = [:]
            for (i, n) in notices.enumerated() { result[key(n), default: []].append(i) }
            return result
        }
        let byColumn = group { $0.column }
        let columnIDs = StableID.ids(for: Array(byColumn.keys))
        columns = byColumn.map { NoticeGroup(name: $0.key, id: columnIDs[$0.key]!, members: $0.value) }
            .sorted { $0.members.count != $1.members.count ? $0.members.count > $1.members.count : $0.name < $1.name }
        let byYear = group { String($0.date.year) }
        years = byYear.map { NoticeGroup(name: "\($0.key)年", id: $0.key, members: $0.value) }.sorted { $0.id > $1.id }
        let byOrg = group { $0.org }
        let orgIDs = StableID.ids(for: Array(byOrg.keys))
        orgs = byOrg.map { NoticeGroup(name: $0.key, id: orgIDs[$0.key]!, members: $0.value) }.sorted { $0.name < $1.name }
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

    /// The column group a notice belongs to.
    public func column(of notice: Notice) -> NoticeGroup? { columns.first { $0.name == notice.column } }

    /// Folder of a notice's page, relative to the site root: `notices/<slug>/`.
    public static func url(of notice: Notice) -> String { "notices/\(notice.slug)/" }
}

/// Short ASCII names for Chinese group names (columns, organizations), the same on every build.
public enum StableID {
    /// 64-bit FNV-1a of the UTF-8 bytes (folder names depend on it: it must never change).
    public static func hash(_ text: String) -> UInt64 {
        var digest = Digest()
        var text = text
        text.withUTF8 { digest.add(UnsafeRawBufferPointer($0)) }
        return digest.value
    }

    /// Eight hex digits per name; on the (unlikely) collision the later name in sort order gets a suffix.
    public static func ids(for names: [String]) -> [String: String] {
        var taken = Set<String>()
        var result: [String: String] = [:]
        for name in names.sorted() {
            let base = String(String(hash(name), radix: 16).suffix(8)).leftPadded(to: 8)
            var id = base
            var n = 2
            while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
            taken.insert(id)
            result[name] = id
        }
        return result
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
