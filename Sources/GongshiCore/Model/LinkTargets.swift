import Foundation

/// What a link in a notice body points at, and where it goes in the built site.
///
/// Clerks link to another notice by its file name (`[另一篇](other.md)`) and to an attachment kept in
/// content/files/ (`[扫描件](files/通报.pdf)`); both are rewritten to the published addresses.
public struct LinkTargets: Sendable {
    public enum Target: Sendable, Hashable {
        /// http:, mailto:, an anchor: left as written.
        case external
        case notice(slug: String)
        case attachment(path: String)
        /// Points into the site but nothing is there.
        case missing(String)
    }

    let slugByFileName: [String: String]
    let slugs: Set<String>
    let attachments: Set<String>

    /// The targets among `notices` and `withdrawn` notices (whose pages stay) and `attachments`.
    public init(notices: [NoticeSummary], withdrawn: [NoticeSummary] = [], attachments: [String]) {
        var byName: [String: String] = [:], slugs = Set<String>()
        byName.reserveCapacity(notices.count + withdrawn.count)
        slugs.reserveCapacity(notices.count + withdrawn.count)
        // The fingerprint adds up each target's digest: the same whatever the order, without sorting 100,000 names.
        var fingerprint: UInt64 = 0
        // (Fields are read in place: a copy of each 584-byte summary was a third of this.)
        for list in [notices, withdrawn] {
            for i in list.indices {
                let path = list[i].sourcePath, slug = list[i].slug
                let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
                if let earlier = byName.updateValue(slug, forKey: name) { fingerprint &-= Digest.of(name, earlier) }
                fingerprint &+= Digest.of(name, slug)
                slugs.insert(slug)
            }
        }
        slugByFileName = byName
        self.slugs = slugs
        self.attachments = Set(attachments)
        for path in attachments { fingerprint &+= Digest.of("files/", path) }
        self.fingerprint = fingerprint
    }

    /// Digest of every link target (notice files, their slugs, attachments).
    public let fingerprint: UInt64

    public func resolve(_ url: String) -> Target {
        let trimmed = url.trimmingWhitespace()
        if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix("//") { return .external }
        if let colon = trimmed.firstIndex(of: ":"), !trimmed[..<colon].contains("/") { return .external }
        let withoutFragment = String(trimmed.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let withoutQuery = String(withoutFragment.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        let path = withoutQuery.removingPercentEncoding ?? withoutQuery
        var parts = path.split(separator: "/").map(String.init).filter { $0 != "." }
        if path.hasSuffix(".md"), let name = parts.last {
            if let slug = slugByFileName[name] { return .notice(slug: slug) }
            return .missing("找不到链接的通知文件 \(name)（应在 content/notices/ 中）")
        }
        if let filesIndex = parts.firstIndex(of: "files") {
            let relative = parts[(filesIndex + 1)...].joined(separator: "/")
            if attachments.contains(relative) { return .attachment(path: relative) }
            return .missing("找不到附件 files/\(relative)（应放在 content/files/ 中）")
        }
        while parts.first == ".." { parts.removeFirst() }
        if parts.first == "notices" { parts.removeFirst() }
        if parts.count == 1, let slug = parts.first, !slug.contains(".") {
            return slugs.contains(slug) ? .notice(slug: slug) : .missing("找不到网址名为 \(slug) 的通知")
        }
        return .missing("链接目标 \(url) 不在网站中")
    }

    /// The published address, relative to a notice page (`notices/<slug>/`).
    public func rewrite(_ url: String) -> String? {
        switch resolve(url) {
        case .notice(let slug):
            let fragment = url.firstIndex(of: "#").map { String(url[$0...]) } ?? ""
            return "../\(slug)/" + fragment
        case .attachment(let path):
            let encoded = path.split(separator: "/").map {
                String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/?#"))) ?? String($0)
            }
            return "../../files/" + encoded.joined(separator: "/")
        case .external, .missing:
            return nil
        }
    }
}
