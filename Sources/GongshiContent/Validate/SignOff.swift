import Foundation
import GongshiCore

/// A notice that has not been signed off yet (`gongshi check --pending`).
public struct PendingSignOff: Sendable, Hashable {
    public var sourcePath: String
    public var title: String
    /// 草稿 or 待签发.
    public var state: String
    /// Whom it waits for, e.g. 待审核 / 待张三签发, with who drafted it.
    public var who: String
}

/// The 提出 → 审核 → 审批 flow as the front matter records it (`review: {drafter, reviewer, approver, approved}`).
public enum SignOff {
    /// Every notice lacking an approver or an approval date, by file path.
    public static func pending(in notices: [Notice]) -> [PendingSignOff] {
        notices.compactMap { notice -> PendingSignOff? in
            let review = notice.fields.review ?? Review()
            guard !review.missing.isEmpty else { return nil }
            var who = review.awaiting
            if let drafter = review.drafter?.nonEmpty { who += "；拟稿：\(drafter)" }
            if let reviewer = review.reviewer?.nonEmpty { who += "；审核：\(reviewer)" }
            return PendingSignOff(sourcePath: notice.sourcePath, title: notice.title, state: notice.fields.draft ? "草稿" : "未签发", who: who)
        }.sorted { $0.sourcePath < $1.sourcePath }
    }
}
