import Foundation
import GongshiMarkdown
import GongshiCore

/// What the checks of one notice found, and its body's link addresses (what the findings depend on besides the
/// notice's own file).
public struct NoticeChecks: Sendable {
    public var diagnostics: [Diagnostic]
    public var links: [String]
    public init(diagnostics: [Diagnostic], links: [String]) { self.diagnostics = diagnostics; self.links = links }
}

/// A link in a notice's body: its address, and the file line it is on.
public struct BodyLink: Sendable, Hashable {
    public var url: String
    public var line: Int
}

/// The findings about one notice before its links are checked (see `Validator.checkAlone`).
public struct UnresolvedChecks: Sendable {
    public var file: String
    public var diagnostics: [Diagnostic]
    public var links: [BodyLink]

    /// All the findings, with those about links that lead nowhere among `targets`.
    public func resolved(_ targets: LinkTargets) -> NoticeChecks {
        NoticeChecks(diagnostics: diagnostics + ContentLints.linkFindings(links, file: file, targets: targets), links: links.map(\.url))
    }
}

/// The validate stage: checks across fields and across notices that decoding alone cannot see.
public enum Validator {
    /// Every finding for content loaded whole.
    public static func validate(_ content: LoadedContent) -> [Diagnostic] {
        let notices = content.notices, config = content.config
        let targets = LinkTargets(notices: notices.map(\.notice.summary), attachments: content.attachments)
        let checks = parallelMap(notices.count) { i in check(notices[i], site: config, targets: targets) }
        let positions = Dictionary(notices.map { ($0.notice.sourcePath, $0.positions) }, uniquingKeysWith: { first, _ in first })
        let summaries = notices.map(\.notice.summary)
        return checks.flatMap(\.diagnostics) + duplicateSlugs(summaries, slugPosition: { positions[$0.sourcePath]?["slug"] })
            + unlinkedInspections(summaries) + indexNumberChecks(summaries, config: config)
            + siteChecks(summaries, config: config, attachments: content.attachments)
    }

    /// The findings about one notice: its fields, placeholders, contact details, empty headings and links.
    public static func check(_ decoded: DecodedNotice, site: SiteConfig, targets: LinkTargets) -> NoticeChecks {
        checkAlone(decoded, site: site).resolved(targets)
    }

    /// The findings about one notice that need no other notice (all but where its links lead): what a build makes
    /// while the notice is still decoded, before the other notices are loaded.
    public static func checkAlone(_ decoded: DecodedNotice, site: SiteConfig) -> UnresolvedChecks {
        let (lints, links) = ContentLints.check(decoded)
        return UnresolvedChecks(file: decoded.notice.sourcePath, diagnostics: fieldChecks(decoded, site: site) + lints, links: links)
    }

    static func at(_ decoded: DecodedNotice, _ path: String) -> (line: Int, column: Int) {
        if let p = decoded.positions[path] { return (p.line, p.column) }
        if let dot = path.lastIndex(of: "."), let p = decoded.positions[String(path[..<dot])] { return (p.line, p.column) }
        return (1, 1)
    }

    static func warning(_ decoded: DecodedNotice, _ path: String, _ message: String, hint: String) -> Diagnostic {
        let (line, column) = at(decoded, path)
        return .warning(message, file: decoded.notice.sourcePath, line: line, column: column, hint: hint)
    }

    /// Dates out of order, counts that do not add up, no way to give feedback.
    static func fieldChecks(_ decoded: DecodedNotice, site: SiteConfig) -> [Diagnostic] {
        let notice = decoded.notice
        var found = notice.inspection.map { inspectionChecks($0, decoded) } ?? []
        if let stats = notice.stats { found += statsChecks(stats, decoded) }
        found += publishingChecks(decoded, site: site) + kindChecks(decoded) + requiredFields(decoded, site: site)
        if (notice.contact ?? site.contact)?.isEmpty ?? true {
            found.append(warning(decoded, "contact", "没有任何反馈渠道（电话、邮箱或地址）",
                                 hint: "在 contact 中填写电话、邮箱或通信地址，或在 site.yaml 中填写全站的 contact"))
        }
        return found
    }

    /// Sign-off where the site requires it, and dates that contradict each other.
    static func publishingChecks(_ decoded: DecodedNotice, site: SiteConfig) -> [Diagnostic] {
        let fields = decoded.notice.fields
        var found: [Diagnostic] = []
        let review = fields.review ?? Review()
        if site.requireApproval, !fields.draft, !review.missing.isEmpty {
            let (line, column) = fields.review == nil ? at(decoded, "title") : at(decoded, "review")
            found.append(.error("本站要求签发后才能发布（site.yaml 中 requireApproval: true），这篇通知还缺少\(review.missing.joined(separator: "和"))",
                                file: decoded.notice.sourcePath, line: line, column: column,
                                hint: "签发后在 front matter 中写上 review: {approver: 签发人姓名, approved: 签发日期}；尚未签发的请加 draft: true"))
        }
        if let approved = review.approved, approved > fields.date {
            found.append(warning(decoded, "review.approved", "签发日期 \(approved) 晚于发布日期 \(fields.date)",
                                 hint: "通知应先签发再发布：请核对 review.approved 和 date"))
        }
        if let period = fields.period, period.start > period.end {
            found.append(warning(decoded, "period.start", "公示期开始日期 \(period.start) 晚于结束日期 \(period.end)",
                                 hint: "请核对 period 的 start 和 end"))
        }
        if let withdrawn = fields.withdrawn, withdrawn.reason.trimmingWhitespace().isEmpty {
            let (line, column) = at(decoded, "withdrawn.reason")
            found.append(.error("撤回原因是空的", file: decoded.notice.sourcePath, line: line, column: column,
                                hint: "撤回的通知要说明原因，例如 reason: 内容有误，已重新发布"))
        }
        for (i, correction) in fields.corrections.enumerated() where correction.date < fields.date {
            found.append(warning(decoded, "corrections[\(i + 1)].date", "更正日期 \(correction.date) 早于发布日期 \(fields.date)",
                                 hint: "更正说明的日期应是更正当天"))
        }
        return found
    }

    static func inspectionChecks(_ i: Inspection, _ decoded: DecodedNotice) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if let start = i.start, let end = i.end, start > end {
            found.append(warning(decoded, "inspection.start", "巡察开始日期 \(start) 晚于结束日期 \(end)",
                                 hint: "请核对 inspection 的 start 和 end"))
        }
        if let end = i.end, let feedback = i.feedback, feedback < end {
            found.append(warning(decoded, "inspection.feedback", "反馈日期 \(feedback) 早于巡察结束日期 \(end)",
                                 hint: "巡察组通常在巡察结束后才反馈意见，请核对 feedback"))
        }
        if let feedback = i.feedback, decoded.notice.date < feedback {
            found.append(warning(decoded, "date", "发布日期 \(decoded.notice.date) 早于巡察反馈日期 \(feedback)",
                                 hint: "整改通报应在收到反馈之后发布，请核对 date"))
        }
        return found
    }

    static func statsChecks(_ stats: ProgressStats, _ decoded: DecodedNotice) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let parts = (stats.done ?? 0) + (stats.partial ?? 0) + (stats.ongoing ?? 0)
        if let total = stats.total, parts > total {
            found.append(warning(decoded, "stats.total", "统计数字对不上：已完成、阶段性成效、持续推进合计 \(parts) 项，超过问题总数 \(total) 项",
                                 hint: "请核对 stats 中的各项数字"))
        } else if let total = stats.total, stats.partial != nil || stats.ongoing != nil, parts != total {
            found.append(warning(decoded, "stats.total", "统计数字对不上：已完成、阶段性成效、持续推进合计 \(parts) 项，不等于问题总数 \(total) 项",
                                 hint: "请核对 stats 中的各项数字"))
        }
        let problems = decoded.notice.problems
        if !problems.isEmpty, let total = stats.total, total != problems.count {
            found.append(warning(decoded, "stats.total", "stats 中的问题总数 \(total) 与 problems 列出的 \(problems.count) 个问题不一致",
                                 hint: "有逐项问题列表时，进度按列表计算；请删去 stats 或改正数字"))
        }
        return found
    }

    /// Two notices with the same slug would overwrite each other's page. `slugPosition` says where a notice's
    /// `slug` key stands (nil: the file's first line).
    public static func duplicateSlugs(_ notices: [NoticeSummary], slugPosition: (NoticeSummary) -> SourcePosition?) -> [Diagnostic] {
        var firstWith: [String: Int] = [:], repeated: [String: [Int]] = [:]
        firstWith.reserveCapacity(notices.count)
        for i in notices.indices {
            if let first = firstWith[notices[i].slug] { repeated[notices[i].slug, default: [first]].append(i) } else { firstWith[notices[i].slug] = i }
        }
        var found: [Diagnostic] = []
        for slug in repeated.keys.sorted() {
            let group = repeated[slug]!.map { notices[$0] }
            let files = group.map(\.sourcePath)
            for n in group {
                let position = slugPosition(n)
                let others = files.filter { $0 != n.sourcePath }.joined(separator: "、")
                found.append(.error("网址名（slug）“\(slug)”与 \(others) 重复", file: n.sourcePath, line: position?.line ?? 1,
                                    column: position?.column ?? 1, hint: "每个通知的 slug 必须不同：请修改 slug 或文件名"))
            }
        }
        return found
    }
}
