import Foundation

// What the templates see. Plain values with the names used in templates/*.mustache (see docs/templates.md).

struct SiteView: Sendable, Encodable {
    let title: String
    let description: String?
    let nav: [NavItem]
    let footer: FooterView?
}

struct NavItem: Sendable, Encodable {
    let title: String
    /// Relative to the site root.
    let url: String
    let current: Bool
}

struct FooterView: Sendable, Encodable {
    let sponsor: String?
    let organizer: String?
    let contact: String?
    let siteCode: String?
    let icp: String?
    let police: String?
    /// 公安备案 record number (digits of `police`) for the link to the filing site.
    let policeRecord: String?
}

struct LinkView: Sendable, Encodable {
    let title: String
    let url: String
}

struct InspectionView: Sendable, Encodable {
    let round: String?
    let group: String
    let target: String?
    /// `2024年12月5日至2025年1月24日`
    let period: String?
    let feedback: String?
    let feedbackISO: String?
}

struct ProblemView: Sendable, Encodable {
    let number: Int
    let title: String
    let category: String?
    let status: String
    let statusLabel: String
    let owner: String?
    let due: String?
}

struct ProgressView: Sendable, Encodable {
    let total: Int
    let done: Int
    let partial: Int
    let ongoing: Int
    let unaccounted: Int
    let percent: Int
    let problems: [ProblemView]
    let hasProblems: Bool
    let hasCategories: Bool
    let hasOwners: Bool
    let hasDue: Bool
    /// `共 28 个问题，已完成 18 个，取得阶段性成效 10 个`
    let summary: String

    init(progress: Progress, problems: [Problem]) {
        total = progress.total
        done = progress.done
        partial = progress.partial
        ongoing = progress.ongoing
        unaccounted = progress.unaccounted
        percent = progress.percentDone
        self.problems = problems.enumerated().map { i, p in
            ProblemView(number: i + 1, title: p.title, category: p.category, status: p.status.rawValue,
                        statusLabel: p.status.label, owner: p.owner, due: p.due?.chinese)
        }
        hasProblems = !problems.isEmpty
        hasCategories = problems.contains { $0.category != nil }
        hasOwners = problems.contains { $0.owner != nil }
        hasDue = problems.contains { $0.due != nil }
        var parts = ["共 \(progress.total) 个问题", "已完成整改 \(progress.done) 个"]
        if progress.partial > 0 { parts.append("取得阶段性成效 \(progress.partial) 个") }
        if progress.ongoing > 0 { parts.append("持续推进 \(progress.ongoing) 个") }
        if progress.unaccounted > 0 { parts.append("未说明进度 \(progress.unaccounted) 个") }
        summary = parts.joined(separator: "，") + "，完成率 \(progress.percentDone)%"
    }
}

struct PhoneView: Sendable, Encodable {
    let number: String
    let tel: String
}

struct ContactView: Sendable, Encodable {
    let phones: [PhoneView]
    let hasPhones: Bool
    let email: String?
    let mailto: String?
    let address: String?
    let postcode: String?
    let envelope: String?

    init(_ contact: Contact) {
        phones = contact.phone.map { PhoneView(number: $0, tel: ContactView.telURL($0)) }
        hasPhones = !phones.isEmpty
        email = contact.email
        mailto = contact.email.map { ContactView.mailtoURL($0, subject: contact.envelope) }
        address = contact.address
        postcode = contact.postcode
        envelope = contact.envelope
    }

    /// `tel:02122050716`: digits only (and a leading +), so nothing else can reach the href.
    static func telURL(_ number: String) -> String {
        var digits = number.filter { $0.isASCII && $0.isNumber }
        if number.trimmingCharacters(in: .whitespaces).hasPrefix("+") { digits = "+" + digits }
        return "tel:" + digits
    }

    /// `mailto:a@b.org?subject=…` with both parts percent-encoded.
    static func mailtoURL(_ address: String, subject: String?) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~@+")
        let to = address.trimmingCharacters(in: .whitespaces).addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        guard let subject, !subject.isEmpty else { return "mailto:" + to }
        var subjectAllowed = allowed
        subjectAllowed.remove(charactersIn: "@+")
        return "mailto:\(to)?subject=" + (subject.addingPercentEncoding(withAllowedCharacters: subjectAllowed) ?? "")
    }
}

struct SignatureView: Sendable, Encodable {
    let org: String?
    let date: String?
}

struct NoticeView: Sendable, Encodable {
    let title: String
    let org: String
    let date: String
    let dateISO: String
    let column: String
    let summary: String?
    let url: String
    let inspection: InspectionView?
    let progress: ProgressView?
    let contact: ContactView?
    let signature: SignatureView
    var bodyHTML: String
    let older: LinkView?
    let newer: LinkView?
    let hasNeighbours: Bool
}

struct NoticeSummaryView: Sendable, Encodable {
    let title: String
    let org: String
    let date: String
    let dateISO: String
    let column: String
    let summary: String?
    let url: String
    let percent: Int?
    let hasProgress: Bool
}

struct PageLinkView: Sendable, Encodable {
    let number: Int
    let url: String
    let current: Bool
}

struct PaginationView: Sendable, Encodable {
    let current: Int
    let total: Int
    let previousURL: String?
    let nextURL: String?
    /// A window of page numbers around the current one, always with the first and last.
    let pages: [PageLinkView]
}

struct ListView: Sendable, Encodable {
    let heading: String
    let description: String?
    let notices: [NoticeSummaryView]
    let pagination: PaginationView?
}

struct GroupLinkView: Sendable, Encodable {
    let name: String
    let url: String
    let count: Int
}

struct ArchivesView: Sendable, Encodable {
    let years: [GroupLinkView]
    let orgs: [GroupLinkView]
    let columns: [GroupLinkView]
}

struct OverviewRowView: Sendable, Encodable {
    let title: String
    let url: String
    let org: String
    let date: String
    let total: Int
    let done: Int
    let partial: Int
    let ongoing: Int
    let percent: Int
}

struct OverviewView: Sendable, Encodable {
    let rows: [OverviewRowView]
    let hasRows: Bool
    let total: Int
    let done: Int
    let partial: Int
    let ongoing: Int
    let percent: Int
    let noticesWithoutProgress: Int
    /// Inline SVG bar chart, built from numbers only (no user text except escaped labels).
    let chartSVG: String
    let chartNote: String
}

/// Context of every page: the site, the way back to the site root, and the page's own data.
struct PageView: Sendable, Encodable {
    let site: SiteView
    /// Relative path from this page to the site root, e.g. `../../` (`./` at the root; the base path on the 404 page).
    let root: String
    let pageTitle: String
    /// The `<title>`: the page title and the site name (only the site name on the home page).
    let documentTitle: String
    /// Absolute URL of this page when the site has a baseURL.
    let canonical: String?
    var notice: NoticeView? = nil
    var list: ListView? = nil
    var archives: ArchivesView? = nil
    var overview: OverviewView? = nil
    var breadcrumb: [LinkView] = []
}
