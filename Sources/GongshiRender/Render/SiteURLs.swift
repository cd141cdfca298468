import Foundation
import GongshiMarkdown
import GongshiCore

/// Every address in the built site, relative to the site root. The one place the URL scheme is written down.
public enum SiteURLs {
    public static let home = ""
    public static let archives = "archives/"
    public static let overview = "overview/"
    public static let search = "search/"
    /// 信息公开目录, and its page of one year: `catalogue/2025/`.
    public static let catalogue = "catalogue/"
    public static func catalogue(year: String) -> String { "catalogue/\(year)/" }

    /// Folder of a notice's page: `notices/<slug>/`.
    public static func notice(_ slug: String) -> String { "notices/\(slug)/" }
    public static func notice(_ notice: NoticeSummary) -> String { Self.notice(notice.slug) }
    public static func column(_ id: String) -> String { "columns/\(id)/" }
    public static func year(_ id: String) -> String { "archives/\(id)/" }
    public static func org(_ id: String) -> String { "orgs/\(id)/" }
    /// The page of one inspection (all its notices), and of one round.
    public static func inspection(_ id: String) -> String { "inspections/\(id)/" }
    public static func round(_ id: String) -> String { "rounds/\(id)/" }

    /// Page `number` of a list whose first page is `base`: `<base>` or `<base>page/<n>/`.
    public static func listPage(_ base: String, _ number: Int) -> String { number == 1 ? base : "\(base)page/\(number)/" }

    /// The file of the page at `folder`: `<folder>index.html`.
    public static func file(_ folder: String) -> String { folder + "index.html" }

    /// The folder a page file is served as: `notices/a/` for `notices/a/index.html`.
    public static func folder(of file: String) -> String {
        file.hasSuffix("index.html") ? String(file.dropLast("index.html".count)) : file
    }

    /// `../../` for `notices/a/index.html`, `./` for `index.html`.
    public static func root(for file: String) -> String {
        let depth = file.filter { $0 == "/" }.count
        return depth == 0 ? "./" : String(repeating: "../", count: depth)
    }
}
