import Foundation
import GongshiCore

/// The checks whose answer depends on the reference time, so no cache may keep them: problems past their time
/// limit (unless a later notice of the same inspection has superseded the list), units past `publishWithinDays`
/// after feedback with no rectification notice, and body links to notices that are withdrawn or not out yet. Run on
/// every build and every `check`.
struct TimeChecks {
    let notices: [NoticeSummary]
    /// Each notice's body links, by source path.
    let links: [String: [String]]
    let now: Moment
    let publishWithinDays: Int

    func run() -> [Diagnostic] {
        var found: [Diagnostic] = []
        // (Most notices are out: the list is then the same one, not a copy of 584 bytes a notice.)
        let out = { (notice: NoticeSummary) in notice.publication(at: now) == .published }
        let published = notices.allSatisfy(out) ? notices : notices.filter(out)
        let inspections = InspectionIndex(notices: published)
        for (index, notice) in published.enumerated() where !inspections.isSuperseded(index, in: published) {
            for late in notice.overdue(at: now) {
                found.append(.warning("第 \(late.number) 个问题“\(late.title)”已过整改时限（\(late.due.chinese)），仍未完成（逾期）",
                                      file: notice.sourcePath, line: late.line, column: 1,
                                      hint: "整改完成后把 status 改为 done；确需延期的，改写 due 并在正文中说明原因"))
            }
        }
        found += unpublishedRectifications(inspections, published)
        found += linkWarnings()
        return found
    }

    /// A unit past the time limit after feedback with no rectification notice out, at the notice that gave the date.
    private func unpublishedRectifications(_ index: InspectionIndex, _ published: [NoticeSummary]) -> [Diagnostic] {
        index.inspections.compactMap { record in
            guard record.isLate(within: publishWithinDays, at: now, in: published), let source = record.feedbackSource,
                  let feedback = record.feedback, let deadline = record.publishDeadline(within: publishWithinDays) else { return nil }
            let notice = published[source]
            return .warning("\(record.target)于\(feedback.chinese)收到巡察反馈，反馈后 \(publishWithinDays) 天的公开时限（\(deadline.chinese)）已过，仍没有公开整改情况",
                            file: notice.sourcePath, line: notice.inspection?.feedbackLine ?? notice.inspection?.line ?? 1, column: 1,
                            hint: "请督促被巡察单位公开整改情况，发布时在 inspection 中写明与本篇相同的 round、group、target；时限可在 site.yaml 的 publishWithinDays 中设置")
        }
    }

    /// A published notice that links to a withdrawn notice, or to one that is not out yet (its address would be dead).
    private func linkWarnings() -> [Diagnostic] {
        // (Most sites have few body links: the lookups are made only for those that have some.)
        guard links.values.contains(where: { !$0.isEmpty }) else { return [] }
        let targets = LinkTargets(notices: notices, attachments: [])
        let bySlug = Dictionary(notices.indices.map { (notices[$0].slug, $0) }, uniquingKeysWith: { a, _ in a })
        var found: [Diagnostic] = []
        for notice in notices where notice.publication(at: now) == .published {
            for link in links[notice.sourcePath] ?? [] {
                guard case .notice(let slug) = targets.resolve(link), let position = bySlug[slug] else { continue }
                let target = notices[position]
                switch target.publication(at: now) {
                case .withdrawn:
                    found.append(.warning("正文链接“\(link)”指向已撤回的通知“\(target.title)”", file: notice.sourcePath,
                                          hint: "读者点开只会看到撤回说明；请改链接或删去这句话"))
                case .draft, .scheduled:
                    found.append(.warning("正文链接“\(link)”指向尚未发布的通知“\(target.title)”（草稿或定时发布）", file: notice.sourcePath,
                                          hint: "那篇通知发布之前，这个链接打不开；请等它发布后再发布本篇，或先去掉链接"))
                case .published:
                    break
                }
            }
        }
        return found
    }
}
