import Foundation
import GongshiCore

/// The pages of the inspection cycle: one per inspection (its notices from announcement to 回头看) and one per
/// round (each inspected unit and how far it has come), and the open announcements on the home page.
extension SiteRenderer {
    /// The page of every inspection with more than one notice. Reads the notices whole (for their problems).
    /// What an inspection page is made from besides its notices' bodies: enough to tell whether it changed
    /// (see `InspectionPageShell`) without reading any notice.
    public func inspectionPageShells() -> [InspectionPageShell] {
        model.inspections.inspections.filter(\.hasPage).map { record in
            let path = SiteURLs.file(SiteURLs.inspection(record.id))
            let heading = strings.text("inspectionHeading", ["target": record.target, "round": record.round ?? "", "group": record.group ?? ""])
            let roundID = record.round.flatMap { name in model.inspections.rounds.first { $0.name == name }?.id }
            return InspectionPageShell(path: path, record: record, heading: heading, roundID: roundID,
                                       frame: pageView(path: path, title: heading, nav: SiteURLs.overview),
                                       members: record.notices.map { model.notices[$0] })
        }
    }

    /// The page of one inspection, its notices' problems read from `source`.
    public func inspectionPage(_ shell: InspectionPageShell, source: NoticeSource) throws -> TemplatePage {
        var view = shell.frame
        view.inspectionPage = try inspectionPageView(shell, source: source)
        return TemplatePage(path: shell.path, template: "inspection-page", view: view)
    }

    /// Everything but the problems comes from the shell (whose inputs are the page's key); those come from the files.
    func inspectionPageView(_ shell: InspectionPageShell, source: NoticeSource) throws -> InspectionPageView {
        let record = shell.record, notices = shell.members
        var timeline: [TimelineEntryView] = []
        var previous: Int?
        for notice in notices {
            let percent = notice.progress.flatMap { $0.total > 0 ? $0.percentDone : nil }
            let change = percent.flatMap { p in previous.map { strings.text("percentChange", SiteRenderer.change(from: $0, to: p)) } }
            timeline.append(TimelineEntryView(title: notice.title, url: SiteURLs.notice(notice), date: notice.date.chinese,
                                              dateISO: notice.date.description, kindLabel: kindLabel(notice.kind, title: notice.title),
                                              percent: percent, hasPercent: percent != nil, change: change))
            previous = percent ?? previous
        }
        let listing = try notices.filter { $0.kind != .announcement }.map { try source.notice(for: $0) }.filter { !$0.problems.isEmpty }
        let latest = notices.last { $0.progress.map { $0.total > 0 } ?? false }
        return InspectionPageView(
            heading: shell.heading, round: record.round, roundURL: shell.roundID.map(SiteURLs.round), group: record.group,
            target: record.target, feedback: record.feedback?.chinese, feedbackISO: record.feedback?.description, timeline: timeline,
            latestPercent: latest?.progress?.percentDone,
            latestSummary: latest.map { strings.text("latestProgress", ["date": $0.date.chinese, "title": $0.title]) },
            historyColumns: listing.map { strings.text("historyColumn", ["date": $0.date.chinese, "kind": kindLabel($0.fields.kind, title: $0.title)]) },
            history: problemHistory(listing), hasHistory: !listing.isEmpty)
    }

    /// The values of the `percentChange` sentence (a count of 0 is left out: templates treat any number as present).
    static func change(from old: Int, to new: Int) -> [String: Any] {
        new > old ? ["up": new - old] : new < old ? ["down": old - new] : ["same": true]
    }

    /// A rectification notice whose title says 进展 is a progress notice (整改进展); every other kind has one label.
    func kindLabel(_ kind: NoticeKind, title: String) -> String {
        kind == .rectification && title.contains("进展") ? strings.text("kindProgress") : strings.label(of: kind)
    }

    /// Each problem title (spaces ignored) as it stands in each notice that lists problems, in order of first mention.
    func problemHistory(_ notices: [Notice]) -> [ProblemHistoryView] {
        let normalized = { (title: String) in title.withoutWhitespace }
        var titles: [String] = [], shown: [String: String] = [:]
        for notice in notices {
            for problem in notice.problems where shown[normalized(problem.title)] == nil {
                titles.append(normalized(problem.title)); shown[normalized(problem.title)] = problem.title
            }
        }
        let statuses = notices.map { notice in
            Dictionary(notice.problems.map { (normalized($0.title), $0.status) }, uniquingKeysWith: { first, _ in first })
        }
        return titles.map { title in
            ProblemHistoryView(title: shown[title]!, statuses: statuses.map { byTitle in
                byTitle[title].map { HistoryCellView(label: strings.label(of: $0), status: $0.rawValue) }
                    ?? HistoryCellView(label: strings.text("notListed"), status: nil)
            })
        }
    }

    /// The page of every round.
    public func roundPages() -> [TemplatePage] {
        model.inspections.rounds.map { round in
            let path = SiteURLs.file(SiteURLs.round(round.id))
            var view = pageView(path: path, title: round.name, nav: SiteURLs.overview)
            view.round = roundView(round)
            return TemplatePage(path: path, template: "round", view: view)
        }
    }

    func roundView(_ round: InspectionRound) -> RoundView {
        let days = model.config.publishWithinDays, all = model.notices
        let units = round.inspections.map { model.inspections.inspections[$0] }.map { record -> RoundUnitView in
            let first = record.firstRectification(in: all)
            let latest = record.notices.map { all[$0] }.last { $0.progress.map { $0.total > 0 } ?? false }
            let url = record.hasPage ? SiteURLs.inspection(record.id) : SiteURLs.notice(all[record.notices[0]])
            let late = record.isLate(within: days, at: model.now, in: all)
            let took = first.flatMap { f in record.feedback.map { $0.days(until: f.date) } }
            return RoundUnitView(target: record.target, group: record.group, url: url, stage: stageLabel(record.stage(in: all)),
                                 feedback: record.feedback?.chinese, feedbackISO: record.feedback?.description,
                                 firstRectification: first?.date.chinese, firstRectificationISO: first?.date.description,
                                 days: took, publishedLate: took.map { $0 > days } ?? false,
                                 percent: latest?.progress?.percentDone, hasPercent: latest != nil, late: late,
                                 deadline: late ? record.publishDeadline(within: days)?.chinese : nil)
        }
        let late = units.filter(\.late).count
        return RoundView(name: round.name, units: units, publishWithinDays: days, lateCount: late, hasLate: late > 0)
    }

    func stageLabel(_ stage: InspectionStage) -> String {
        switch stage {
        case .announced: return strings.text("stageAnnounced")
        case .feedbackGiven: return strings.text("stageFeedback")
        case .rectificationPublished: return strings.text("stageRectification")
        case .followedUp: return strings.text("stageFollowUp")
        }
    }

    /// Links to every round's page, with how many units it inspected.
    func roundLinks() -> [RoundLinkView] {
        model.inspections.rounds.map { RoundLinkView(name: $0.name, url: SiteURLs.round($0.id), units: $0.inspections.count) }
    }

    /// Announcements accepting letters at the reference time, newest first.
    func openAnnouncements() -> [OpenAnnouncementView] {
        model.notices.filter { $0.announcement?.accepting(at: model.now) ?? false }.enumerated().map { n, notice in
            var view = AnnouncementView(notice.announcement!, now: model.now)
            view.headingID = "groups-heading-\(n + 1)"
            return OpenAnnouncementView(title: notice.title, url: SiteURLs.notice(notice), date: notice.date.chinese,
                                        dateISO: notice.date.description, announcement: view)
        }
    }
}

extension SiteStrings {
    /// The label readers see for a kind of notice.
    public func label(of kind: NoticeKind) -> String {
        switch kind {
        case .announcement: return text("kindAnnouncement")
        case .feedback: return text("kindFeedback")
        case .rectification: return text("kindRectification")
        case .followUp: return text("kindFollowUp")
        }
    }
}

/// An inspection page before its notices are read: its path, heading and frame, the inspection and its notices'
/// summaries. With the notices' files (their digests are in the summaries) and the reference time, everything the
/// page is made from.
public struct InspectionPageShell: Sendable {
    public let path: String
    public let record: InspectionRecord
    public let heading: String
    public let roundID: String?
    /// The page without its inspection part.
    public let frame: PageView
    public let members: [NoticeSummary]
}
