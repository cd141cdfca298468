import Foundation

/// The disclosure metadata box (索引号 / 发布机构 / 成文日期 / 文号 / 发布日期 / 主题分类 / 公开方式 / 公开范围).
public struct DisclosureView: Sendable, Encodable {
    public let indexNumber: String?
    public let publisher: String
    public let writtenDate: String
    public let writtenDateISO: String
    public let documentNumber: String?
    public let date: String
    public let dateISO: String
    public let topic: String?
    public let mode: String
    public let scope: String

    /// Nil for a notice that gives none of 索引号, 文号 and 主题分类 (nor a site-wide 主题分类): such a page keeps its
    /// usual header only.
    init?(_ notice: Notice, defaults: DisclosureDefaults) {
        let d = DisclosureFields(notice, defaults: defaults)
        guard d.indexNumber != nil || d.documentNumber != nil || d.topic != nil else { return nil }
        indexNumber = d.indexNumber; publisher = d.publisher
        writtenDate = d.writtenDate.chinese; writtenDateISO = d.writtenDate.description
        documentNumber = d.documentNumber; date = notice.date.chinese; dateISO = notice.date.description
        topic = d.topic; mode = d.mode; scope = d.scope
    }
}
import GongshiCore

// What the templates see of how a notice goes out: preview banners, 公示期, corrections, sign-off, withdrawal.

/// 公示期, and whether it is over at the build's reference time.
public struct PeriodView: Sendable, Encodable {
    public let start: String
    public let startISO: String
    public let end: String
    public let endISO: String
    public let ended: Bool

    init(_ period: DisclosurePeriod, now: Moment) {
        start = period.start.chinese
        startISO = period.start.description
        end = period.end.chinese
        endISO = period.end.description
        ended = period.hasEnded(at: now)
    }
}

/// One 更正说明.
public struct CorrectionView: Sendable, Encodable {
    public let date: String
    public let dateISO: String
    public let note: String
}

/// Who drafted, reviewed and approved the notice (shown only when site.yaml has `showReview: true`).
public struct ReviewView: Sendable, Encodable {
    public let drafter: String?
    public let reviewer: String?
    public let approver: String?
    public let approved: String?
}

/// The banner a preview shows on a page that `build` would not publish.
public struct PreviewBannerView: Sendable, Encodable {
    public let draft: Bool
    public let scheduled: Bool
    /// `2026年12月1日 09:00`
    public let publishAt: String?
}

/// What a withdrawn notice's page says.
public struct WithdrawnView: Sendable, Encodable {
    public let title: String
    public let org: String
    /// The original publication date.
    public let published: String
    public let publishedISO: String
    public let date: String
    public let dateISO: String
    public let reason: String
}

/// The parts of a notice page that depend on how and when it goes out.
struct PublishingParts {
    var banner: PreviewBannerView?
    var period: PeriodView?
    var corrections: [CorrectionView]
    var review: ReviewView?

    init(_ notice: Notice, now: Moment, showReview: Bool) {
        switch notice.summary.publication(at: now) {
        case .draft: banner = PreviewBannerView(draft: true, scheduled: false, publishAt: nil)
        case .scheduled(let at): banner = PreviewBannerView(draft: false, scheduled: true, publishAt: PublishingParts.chinese(at))
        case .published, .withdrawn: banner = nil
        }
        period = notice.fields.period.map { PeriodView($0, now: now) }
        corrections = notice.fields.corrections.sorted { $0.date < $1.date }
            .map { CorrectionView(date: $0.date.chinese, dateISO: $0.date.description, note: $0.note) }
        review = showReview ? notice.fields.review.map {
            ReviewView(drafter: $0.drafter?.nonEmpty, reviewer: $0.reviewer?.nonEmpty, approver: $0.approver?.nonEmpty, approved: $0.approved?.chinese)
        } : nil
    }

    /// `2026年12月1日 09:00` (the time left out at midnight).
    static func chinese(_ moment: Moment) -> String {
        moment.minute == 0 ? moment.date.chinese : "\(moment.date.chinese) \(moment.clock)"
    }
}
