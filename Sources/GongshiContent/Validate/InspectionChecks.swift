import Foundation
import GongshiCore

/// Checks of the inspection cycle: what each kind of notice must say, and notices that look like one inspection but
/// are not linked.
extension Validator {
    /// An announcement names its round, groups and deadline; other kinds have no groups list (the loader requires
    /// their `inspection.group`).
    static func kindChecks(_ decoded: DecodedNotice) -> [Diagnostic] {
        let fields = decoded.notice.fields
        var found: [Diagnostic] = []
        guard fields.kind == .announcement else {
            if !fields.groups.isEmpty || fields.lettersUntil != nil {
                found.append(warning(decoded, fields.groups.isEmpty ? "lettersUntil" : "groups",
                                     "groups 和 lettersUntil 只用于巡察公告，这篇通知的类型不是巡察公告，它们不会显示",
                                     hint: "如果这是巡察公告，请加上 kind: announcement；否则删去这两项"))
            }
            return found
        }
        if fields.inspection?.round?.nonEmpty == nil {
            found.append(warning(decoded, fields.inspection == nil ? "kind" : "inspection", "巡察公告没有写巡察轮次（inspection.round）",
                                 hint: "写上 inspection: {round: 十届区委第二轮巡察}，公告才能与该轮各单位的反馈、整改通知关联"))
        }
        if fields.groups.isEmpty {
            found.append(warning(decoded, "kind", "巡察公告没有列出巡察组（groups）",
                                 hint: "在 groups 中逐个写出巡察组：name（组名）、targets（被巡察单位）、phone、email、mailbox（邮政信箱）"))
        }
        for (i, group) in fields.groups.enumerated() {
            if group.hasNoChannel {
                found.append(warning(decoded, "groups[\(i + 1)]", "“\(group.name)”没有任何联系方式（电话、邮箱、邮政信箱或地址）",
                                     hint: "群众要通过这些渠道反映问题：请补上 phone、email 或 mailbox"))
            }
            if group.targets.isEmpty {
                found.append(warning(decoded, "groups[\(i + 1)]", "“\(group.name)”没有写被巡察单位（targets）",
                                     hint: "写上 targets: [区××局党组]"))
            }
        }
        if let until = fields.lettersUntil {
            if until < fields.date {
                found.append(warning(decoded, "lettersUntil", "受理截止日期 \(until) 早于公告发布日期 \(fields.date)",
                                     hint: "请核对 lettersUntil 和 date"))
            }
        } else if !fields.groups.isEmpty {
            found.append(warning(decoded, "kind", "巡察公告没有写受理来信来电的截止日期（lettersUntil）",
                                 hint: "写上 lettersUntil: 2025-01-20；网站据此显示“正在受理”或“已截止”"))
        }
        return found
    }

    /// Notices whose earlier notices of one bucket match alike: the same inspection (or none), round and keyedness.
    private struct InspectionClass: Hashable {
        let inspection: Int?
        let round: String?
        let hasKeys: Bool
    }

    /// Two notices about the same unit and group (rounds equal or one left out) that are in different inspections:
    /// most likely one inspection written two ways. Only notices that can link (they name a target or an id) are
    /// compared, so sites that never name targets get no such warnings.
    public static func unlinkedInspections(_ notices: [NoticeSummary]) -> [Diagnostic] {
        let index = InspectionIndex(notices: notices)
        var buckets: [String: [Int]] = [:]
        // (Fields are read in place: a copy of each 584-byte summary was most of the time at 100,000 notices.)
        for i in notices.indices where notices[i].kind != .announcement && !notices[i].draft && notices[i].withdrawn == nil {
            guard let group = notices[i].inspection?.group else { continue }
            buckets[(notices[i].inspection?.target ?? notices[i].org).withoutWhitespace + "|" + group.withoutWhitespace, default: []].append(i)
        }
        var found: [Diagnostic] = []
        for key in buckets.keys.sorted() {
            let members = buckets[key]!.sorted { (notices[$0].date, notices[$0].slug) < (notices[$1].date, notices[$1].slug) }
            // Whether an earlier notice matches depends only on its inspection, round and whether it has keys, so
            // the earliest notice of each such class stands for the class (a scan of every earlier one was quadratic).
            var firsts: [(notice: Int, class: InspectionClass)] = [], classes = Set<InspectionClass>()
            for i in members {
                let ref = notices[i].inspection!
                let mine = InspectionClass(inspection: index.ofNotice[i], round: ref.round, hasKeys: !ref.keys.isEmpty)
                let earlier = firsts.first { first in
                    let other = first.class
                    let linkable = mine.hasKeys || other.hasKeys
                    let sameRound = mine.round == nil || other.round == nil || mine.round == other.round
                    return linkable && sameRound && (mine.inspection == nil || mine.inspection != other.inspection)
                }?.notice
                if classes.insert(mine).inserted { firsts.append((i, mine)) }
                guard let earlier else { continue }
                let me = notices[i], other = notices[earlier]
                found.append(.warning("这篇通知与 \(other.sourcePath)（\(other.title)）像是同一次巡察（\(ref.group!)巡察\(ref.target ?? me.org)），却没有关联起来",
                                      file: me.sourcePath, line: ref.line, column: 1,
                                      hint: "是同一次巡察的，请让两篇的 inspection 写法一致（round、group、target 都写上且相同），或都加上相同的 id，例如 id: \(me.date.year)-xuncha；不是同一次的可以不理会"))
            }
        }
        return found
    }
}

extension Validator {
    /// 索引号 given twice, and 索引号 that do not follow the site's pattern.
    public static func indexNumberChecks(_ notices: [NoticeSummary], config: SiteConfig) -> [Diagnostic] {
        let pattern = config.disclosure.indexPattern.flatMap { IndexNumberPattern($0, siteCode: config.footer?.siteCode) }
        // Notices by index, so the summaries (584 bytes each) are not copied into the table.
        var byNumber: [String: [Int]] = [:]
        var found: [Diagnostic] = []
        for i in notices.indices {
            guard let number = notices[i].register?.indexNumber else { continue }
            byNumber[number, default: []].append(i)
            if let pattern, pattern.parse(number) == nil {
                let n = notices[i]
                found.append(.warning("索引号“\(number)”不符合本站的编号规则", file: n.sourcePath, line: n.register?.indexNumberLine ?? 1, column: 1,
                                      hint: "本站索引号的格式是 \(config.disclosure.indexPattern!)，例如 \(pattern.format(year: n.date.year, seq: 1))；已发布的索引号不要改动"))
            }
        }
        for number in byNumber.keys.sorted() {
            guard let members = byNumber[number], members.count > 1 else { continue }
            let group = members.map { notices[$0] }
            for n in group {
                let others = group.filter { $0.sourcePath != n.sourcePath }.map(\.sourcePath).joined(separator: "、")
                found.append(.error("索引号“\(number)”与 \(others) 重复", file: n.sourcePath, line: n.register?.indexNumberLine ?? 1, column: 1,
                                    hint: "每篇通知的索引号必须不同：新通知请删去 indexNumber 一行，用 gongshi new 或 gongshi import 重新分配；已发布的保持不变"))
            }
        }
        return found
    }
}
