/// What lists, archives, the overview, the feed and the build's page keys need of a notice: small enough that a
/// site of 100,000 notices holds all of them while its pages are made.
import Foundation
public struct NoticeSummary: Sendable, Hashable, Codable {
    /// Path relative to the site folder, e.g. `content/notices/a.md`.
    public var sourcePath: String
    /// Digest of the source file's bytes: a page made from the same bytes is the same page.
    public var sourceDigest: UInt64
    public var title: String
    public var org: String
    public var date: CalendarDate
    /// Folder name of the notice's page (`notices/<slug>/`).
    public var slug: String
    public var column: String
    /// The front matter's `summary` (摘要).
    public var abstract: String?
    /// Rectification progress: counted from the problem list when there is one, otherwise from stats.
    public var progress: RectificationProgress?
    /// 草稿: never built; `serve` shows it with a banner.
    public var draft = false
    /// When it goes out: its date at its time of day (00:00 when none is given), Beijing time.
    public var publishAt: Moment
    public var withdrawn: Withdrawal?
    /// The latest correction's date: the notice's updated time in the feed and sitemap.
    public var corrected: CalendarDate?
    /// Last day of its 公示期.
    public var periodEnd: CalendarDate?
    /// Problems not yet done that have a time limit (they fall overdue the day after it).
    public var openDues: [OpenDue] = []
    public var kind = NoticeKind.rectification
    /// Who inspected whom in which round (for the inspection and round pages and their checks).
    public var inspection: InspectionRef?
    /// Only for an announcement (巡察公告).
    public var announcement: Announcement?
    /// What the 信息公开目录 lists besides title and dates, as written (site defaults are applied when shown).
    public var register: RegisterFields?

    public init(sourcePath: String, sourceDigest: UInt64, title: String, org: String, date: CalendarDate, slug: String,
                column: String, abstract: String? = nil, progress: RectificationProgress? = nil) {
        self.sourcePath = sourcePath; self.sourceDigest = sourceDigest; self.title = title; self.org = org
        self.date = date; self.slug = slug; self.column = column; self.abstract = abstract; self.progress = progress
        publishAt = Moment(date: date)
    }

    /// Its updated time in the feed and sitemap: the latest correction's date, else the publication date.
    public var updated: CalendarDate { corrected ?? date }

    /// Where the notice stands at `now`.
    public func publication(at now: Moment) -> Publication {
        if draft { return .draft }
        if publishAt > now { return .scheduled(publishAt) }
        if let withdrawn { return .withdrawn(withdrawn) }
        return .published
    }

    /// Problems past their time limit at `now` and not done (逾期).
    public func overdue(at now: Moment) -> [OpenDue] { openDues.filter { $0.due.isOver(at: now) } }

    /// The moments at which this notice's pages change by themselves: it goes out, a problem falls overdue, its
    /// 公示期 ends. Pages made at two times that passed the same ones are the same.
    public var turningPoints: [Moment] {
        var points: [Moment] = []
        forEachTurningPoint { points.append($0) }
        return points
    }

    /// The turning points one by one, in `turningPoints`' order, without making the list (every page key of every
    /// build counts them for each notice).
    func forEachTurningPoint(_ body: (Moment) -> Void) {
        body(publishAt)
        for open in openDues { body(open.due.over) }
        if let end = periodEnd { body(end.over) }
        if let until = announcement?.lettersUntil { body(until.over) }
    }

    /// The day feedback was given as this notice states it: its inspection's `feedback`, or its own date for a
    /// feedback notice.
    public var statedFeedback: CalendarDate? { inspection?.feedback ?? (kind == .feedback ? date : nil) }

    /// How many turning points `now` has passed.
    public func passedTurningPoints(at now: Moment) -> Int {
        var passed = 0
        forEachTurningPoint { if $0 <= now { passed += 1 } }
        return passed
    }
}

/// Where a notice stands at the build's reference time.
public enum Publication: Sendable, Hashable {
    case published
    case draft
    /// Goes out at the given time.
    case scheduled(Moment)
    case withdrawn(Withdrawal)
}

/// A problem not yet done with a time limit: which one (1-based), its limit and the line of its `due` key.
public struct OpenDue: Sendable, Hashable, Codable {
    public var number: Int
    public var title: String
    public var due: CalendarDate
    public var line: Int
    public init(number: Int, title: String, due: CalendarDate, line: Int = 1) {
        self.number = number; self.title = title; self.due = due; self.line = line
    }
}

/// One disclosure notice, whole: its summary, every front-matter field and its Markdown body.
public struct Notice: Sendable, Hashable {
    public private(set) var summary: NoticeSummary
    /// The front matter as decoded, with title, org and summary trimmed and the column filled in.
    public let fields: NoticeFields
    /// Markdown text after the front matter.
    public let body: String
    /// Line in the source file where the body starts (1-based).
    public let bodyStartLine: Int

    /// A notice from its decoded front matter: the slug defaults to the file's name, the column to `defaultColumn`.
    public init(sourcePath: String, sourceDigest: UInt64 = 0, fields: NoticeFields, defaultColumn: String = SiteConfig.standardColumn,
                body: String = "", bodyStartLine: Int = 1) {
        var fields = fields
        fields.title = fields.title.trimmingWhitespace()
        fields.org = fields.org.trimmingWhitespace()
        fields.summary = fields.summary?.nonEmpty
        fields.column = fields.column?.nonEmpty ?? defaultColumn
        self.fields = fields
        self.body = body
        self.bodyStartLine = bodyStartLine
        let fileName = String(sourcePath.split(separator: "/").last ?? Substring(sourcePath))
        summary = NoticeSummary(sourcePath: sourcePath, sourceDigest: sourceDigest, title: fields.title, org: fields.org,
                                date: fields.date, slug: fields.slug ?? Slug.fromFileName(fileName), column: fields.column!,
                                abstract: fields.summary, progress: RectificationProgress(problems: fields.problems, stats: fields.stats))
        summary.draft = fields.draft
        summary.publishAt = Moment(date: fields.date, minute: fields.time?.minute ?? 0)
        summary.withdrawn = fields.withdrawn
        summary.corrected = fields.corrections.map(\.date).max()
        summary.periodEnd = fields.period?.end
        summary.openDues = fields.problems.enumerated().compactMap { i, p in
            guard let due = p.due, p.status.isOpen else { return nil }
            return OpenDue(number: i + 1, title: p.title, due: due)
        }
        summary.kind = fields.kind
        if fields.kind == .announcement {
            summary.announcement = Announcement(groups: fields.groups, lettersUntil: fields.lettersUntil)
        }
        summary.inspection = fields.inspection.map(InspectionRef.init)
        if fields.indexNumber != nil || fields.documentNumber != nil || fields.publisher != nil || fields.writtenDate != nil
            || fields.signature?.date != nil {
            summary.register = RegisterFields(indexNumber: fields.indexNumber?.nonEmpty, documentNumber: fields.documentNumber?.nonEmpty,
                                              publisher: fields.publisher?.nonEmpty, writtenDate: fields.writtenDate ?? fields.signature?.date)
        }
    }

    /// Records the file lines messages about the notice point to (the loader knows them): each open problem's `due`
    /// key, the `inspection` key and its `feedback`. `line` takes a field path such as `problems[2].due`.
    public mutating func locateFields(_ line: (String) -> Int?) {
        for i in summary.openDues.indices { summary.openDues[i].line = line("problems[\(summary.openDues[i].number)].due") ?? 1 }
        summary.inspection?.line = line("inspection") ?? 1
        summary.inspection?.feedbackLine = line("inspection.feedback")
        summary.register?.indexNumberLine = line("indexNumber")
    }

    public var sourcePath: String { summary.sourcePath }
    public var title: String { summary.title }
    public var org: String { summary.org }
    public var date: CalendarDate { summary.date }
    public var slug: String { summary.slug }
    public var column: String { summary.column }
    public var progress: RectificationProgress? { summary.progress }
    public var inspection: Inspection? { fields.inspection }
    public var problems: [Problem] { fields.problems }
    public var stats: ProgressStats? { fields.stats }
    public var contact: Contact? { fields.contact }
    /// The closing signature, with the notice's org and date where it gives none.
    public var signature: Signature { Signature(org: fields.signature?.org ?? org, date: fields.signature?.date ?? date) }
}

/// Gives the whole notice for a summary: read from its file, or put together from what a build already holds.
/// Fails (with a diagnostic) when the file is gone or no longer the one the summary was made from.
public protocol NoticeSource: Sendable {
    func notice(for summary: NoticeSummary) throws -> Notice
}
