import GongshiMarkdown
import Foundation
import GongshiCore

// What the templates see. Plain values with the names used in templates/*.mustache (see docs/templates.md).

public struct InspectionView: Sendable, Encodable {
    public let round: String?
    public let group: String?
    public let target: String?
    /// `2024年12月5日至2025年1月24日` (not `period`: a notice's 公示期 is called so, and Mustache would find it)
    public let dates: String?
    public let feedback: String?
    public let feedbackISO: String?
    /// The page of the whole inspection (all its notices), when it has one. (Not `url`: an absent value is looked
    /// up in the notice around it, which has a `url` of its own.)
    public let allNoticesURL: String?
}

public struct ProblemView: Sendable, Encodable {
    public let number: Int
    public let title: String
    public let category: String?
    public let status: String
    public let statusLabel: String
    public let owner: String?
    public let due: String?
    /// 逾期: past its time limit at the build's reference time and not done.
    public let overdue: Bool
}

public struct ProgressView: Sendable, Encodable {
    public let total: Int
    public let done: Int
    public let partial: Int
    public let ongoing: Int
    public let notStarted: Int
    /// Problems past their time limit and not done.
    public let overdue: Int
    public let unaccounted: Int
    public let percent: Int
    public let problems: [ProblemView]
    public let hasProblems: Bool
    public let hasCategories: Bool
    public let hasOwners: Bool
    public let hasDue: Bool
    /// `共 28 个问题，已完成 18 个，取得阶段性成效 10 个`
    public let summary: String

    /// `markOverdue` false: a later notice has superseded this one, its problems are not marked overdue.
    init(progress: RectificationProgress, problems: [Problem], now: Moment, markOverdue: Bool = true, strings: SiteStrings) {
        total = progress.total
        done = progress.done
        partial = progress.partial
        ongoing = progress.ongoing
        notStarted = progress.notStarted
        overdue = markOverdue ? problems.filter { $0.isOverdue(at: now) }.count : 0
        unaccounted = progress.unaccounted
        percent = progress.percentDone
        self.problems = problems.enumerated().map { i, p in
            ProblemView(number: i + 1, title: p.title, category: p.category, status: p.status.rawValue,
                        statusLabel: strings.label(of: p.status), owner: p.owner, due: p.due?.chinese,
                        overdue: markOverdue && p.isOverdue(at: now))
        }
        hasProblems = !problems.isEmpty
        hasCategories = problems.contains { $0.category != nil }
        hasOwners = problems.contains { $0.owner != nil }
        hasDue = problems.contains { $0.due != nil }
        var counts: [String: Any] = ["total": total, "done": done, "percent": percent]
        for (key, count) in [("partial", partial), ("ongoing", ongoing), ("notStarted", notStarted), ("overdue", overdue),
                             ("unaccounted", unaccounted)] where count > 0 { counts[key] = count }
        summary = strings.text("progressSummary", counts)
    }
}

public struct PhoneView: Sendable, Encodable {
    public let number: String
    public let tel: String
}

public struct ContactView: Sendable, Encodable {
    public let phones: [PhoneView]
    public let hasPhones: Bool
    public let email: String?
    public let mailto: String?
    public let address: String?
    public let postcode: String?
    public let envelope: String?

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
        if number.trimmingWhitespace().hasPrefix("+") { digits = "+" + digits }
        return "tel:" + digits
    }

    /// `mailto:a@b.org?subject=…` with both parts percent-encoded.
    static func mailtoURL(_ address: String, subject: String?) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        allowed.insert(charactersIn: "-._~@+")
        let to = address.trimmingWhitespace().addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        guard let subject, !subject.isEmpty else { return "mailto:" + to }
        var subjectAllowed = allowed
        subjectAllowed.remove(charactersIn: "@+")
        return "mailto:\(to)?subject=" + (subject.addingPercentEncoding(withAllowedCharacters: subjectAllowed) ?? "")
    }
}

public struct SignatureView: Sendable, Encodable {
    public let org: String?
    public let date: String?
}

public struct NoticeView: Sendable, Encodable {
    public let title: String
    public let org: String
    public let date: String
    public let dateISO: String
    public let column: String
    public let summary: String?
    public let documentNumber: String?
    public let url: String
    public let inspection: InspectionView?
    public let progress: ProgressView?
    public let contact: ContactView?
    public let signature: SignatureView
    public var bodyHTML: String
    public let older: LinkView?
    public let newer: LinkView?
    public let hasNeighbours: Bool
    /// Only in a preview: the page of a draft or of a notice not yet due to go out.
    public let banner: PreviewBannerView?
    public let period: PeriodView?
    public let corrections: [CorrectionView]
    public let hasCorrections: Bool
    public let review: ReviewView?
    /// 巡察公告, 反馈情况, 回头看 (nil for the usual rectification notice).
    public let kindLabel: String?
    public let announcement: AnnouncementView?
    public let disclosure: DisclosureView?

    /// The view of a whole notice, its body left for the caller to fill in. `inspection` and `contact` come made
    /// (their words and fallbacks are the page's); every other field is read straight from the notice here.
    init(_ notice: Notice, inspection: InspectionView?, contact: Contact?, older: LinkView?, newer: LinkView?,
         publishing: PublishingParts, now: Moment, superseded: Bool = false, disclosure: DisclosureView? = nil, strings: SiteStrings) {
        title = notice.title
        org = notice.org
        date = notice.date.chinese
        dateISO = notice.date.description
        column = notice.column
        summary = notice.fields.summary
        documentNumber = notice.fields.documentNumber?.nonEmpty
        url = SiteURLs.notice(notice.slug)
        self.inspection = inspection
        progress = notice.progress.map {
            ProgressView(progress: $0, problems: notice.problems, now: now, markOverdue: !superseded, strings: strings)
        }
        self.contact = contact.map(ContactView.init)
        signature = SignatureView(org: notice.signature.org, date: notice.signature.date?.chinese)
        bodyHTML = ""
        self.older = older
        self.newer = newer
        hasNeighbours = older != nil || newer != nil
        banner = publishing.banner
        period = publishing.period
        corrections = publishing.corrections
        hasCorrections = !publishing.corrections.isEmpty
        review = publishing.review
        self.disclosure = disclosure
        kindLabel = notice.fields.kind == .rectification ? nil : strings.label(of: notice.fields.kind)
        announcement = notice.fields.kind == .announcement
            ? AnnouncementView(Announcement(groups: notice.fields.groups, lettersUntil: notice.fields.lettersUntil), now: now) : nil
    }
}

