import Foundation

/// What the inspection and round pages need of one notice: who inspected whom in which round, and where the notice
/// says so. Kept in its `NoticeSummary`, so those pages are made without reading whole notices.
public struct InspectionRef: Sendable, Hashable, Codable {
    public var id: String?
    public var round: String?
    public var group: String?
    public var target: String?
    /// The day the group gave its feedback, as this notice states it.
    public var feedback: CalendarDate?
    /// Line of the notice's `inspection` key, and of its `feedback` key (messages point there).
    public var line = 1
    public var feedbackLine: Int?

    public init(id: String?, round: String?, group: String?, target: String?, feedback: CalendarDate?, line: Int, feedbackLine: Int?) {
        self.id = id; self.round = round; self.group = group; self.target = target; self.feedback = feedback
        self.line = line; self.feedbackLine = feedbackLine
    }

    public init(_ inspection: Inspection) {
        id = inspection.id?.nonEmpty
        round = inspection.round?.nonEmpty
        group = inspection.group?.nonEmpty
        target = inspection.target?.nonEmpty
        feedback = inspection.feedback
    }

    /// `round|group|target` without spaces, when all three are written: notices with the same one are about the same
    /// inspection. (Without a target, notices of one group in one round could be about different units.)
    public var derivedKey: String? {
        guard let round, let group, let target else { return nil }
        return InspectionRef.key(round: round, group: group, target: target)
    }

    static func key(round: String, group: String, target: String) -> String {
        round.withoutWhitespace + "|" + group.withoutWhitespace + "|" + target.withoutWhitespace
    }

    /// The keys that link this notice to others: its explicit id and its derived key.
    public var keys: [String] { (id.map { ["id:" + $0] } ?? []) + (derivedKey.map { [$0] } ?? []) }
}

/// An announcement's groups and the last day letters are accepted.
public struct Announcement: Sendable, Hashable, Codable {
    public var groups: [InspectionGroup]
    public var lettersUntil: CalendarDate?

    public init(groups: [InspectionGroup], lettersUntil: CalendarDate?) { self.groups = groups; self.lettersUntil = lettersUntil }

    /// 正在受理: letters are accepted at `now` (the deadline day itself still counts). Without a deadline, never.
    public func accepting(at now: Moment) -> Bool { lettersUntil.map { !$0.isOver(at: now) } ?? false }
}
