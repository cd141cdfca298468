import Foundation
import GongshiCore

/// One `<meta name content>` of the page-design annex of 国办发〔2017〕47号.
public struct MetaTagView: Sendable, Encodable, Hashable {
    public let name: String
    public let content: String
}

/// The standard page metadata (site, column and article level) and the 纠错 link, with values from site.yaml, the
/// column settings and the notice (docs/deploy-nginx.md lists each tag and its source).
extension SiteRenderer {
    /// SiteName, SiteDomain, SiteIDCode: on every page.
    func siteMeta() -> [MetaTagView] {
        let domain = baseURL.flatMap { URL(string: $0)?.host }
        return tags([("SiteName", model.config.title), ("SiteDomain", domain), ("SiteIDCode", model.config.footer?.siteCode)])
    }

    /// ColumnName, ColumnDescription, ColumnKeywords, ColumnType: on list and notice pages. A list that is no column
    /// (home, a year, an organization) describes itself.
    func columnMeta(name: String, description: String?) -> [MetaTagView] {
        let settings = model.config.columns[name]
        return tags([("ColumnName", name), ("ColumnDescription", settings?.description?.nonEmpty ?? description),
                     ("ColumnKeywords", settings.map { $0.keywords.joined(separator: ",") }), ("ColumnType", settings?.type)])
    }

    /// ArticleTitle, PubDate, ContentSource, Keywords, Author, Description, Url: on notice pages.
    func articleMeta(_ notice: Notice, path: String) -> [MetaTagView] {
        let disclosure = DisclosureFields(notice, defaults: model.config.disclosure)
        return tags([("ArticleTitle", notice.title), ("PubDate", notice.summary.publishAt.description),
                     ("ContentSource", disclosure.publisher), ("Keywords", disclosure.topic), ("Author", disclosure.publisher),
                     ("Description", notice.fields.summary), ("Url", canonical(for: path))])
    }

    /// The 我为政府网站找错 address for the page at `path`: the site's pattern with its code and the page's own
    /// absolute address, URL-encoded. Nil without a pattern or a baseURL.
    func errorReportURL(path: String) -> String? {
        guard let pattern = model.config.footer?.errorReport?.nonEmpty, let page = canonical(for: path) else { return nil }
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~")
        let encoded = page.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        let code = model.config.footer?.siteCode?.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return pattern.replacingOccurrences(of: "{siteCode}", with: code).replacingOccurrences(of: "{url}", with: encoded)
    }

    private func tags(_ pairs: [(String, String?)]) -> [MetaTagView] {
        pairs.compactMap { name, value in value?.nonEmpty.map { MetaTagView(name: name, content: $0) } }
    }
}
