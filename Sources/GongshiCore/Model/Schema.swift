/// The shape of the front matter and site.yaml: which keys exist at each level and which are required.
/// Used only to find unknown and missing keys with their lines; values are decoded with Codable.
import Foundation
public indirect enum Schema: Sendable {
    case value
    case list(Schema)
    case valueOrList
    case map([String: Field])
    /// A map whose keys are names the site chooses (columns, organizations), each value of one shape.
    case named(Schema)

    public struct Field: Sendable {
        public var schema: Schema
        public var required: Bool = false
    }

    public static func required(_ s: Schema) -> Field { Field(schema: s, required: true) }
    public static func optional(_ s: Schema) -> Field { Field(schema: s, required: false) }

    public static let contact: Schema = .map([
        "phone": optional(.valueOrList), "email": optional(.value), "address": optional(.value),
        "postcode": optional(.value), "envelope": optional(.value),
    ])

    public static let site: Schema = .map([
        "title": required(.value), "baseURL": optional(.value), "description": optional(.value),
        "defaultColumn": optional(.value), "contact": optional(contact), "allowRawHTML": optional(.value),
        "pageSize": optional(.value), "feedSize": optional(.value), "requireApproval": optional(.value), "showReview": optional(.value),
        "publishWithinDays": optional(.value),
        "footer": optional(.map([
            "sponsor": optional(.value), "organizer": optional(.value), "contact": optional(.value),
            "siteCode": optional(.value), "icp": optional(.value), "police": optional(.value),
            "badge": optional(.map(["image": required(.value), "link": optional(.value)])), "errorReport": optional(.value),
        ])),
        "columns": optional(.named(.map([
            "slug": optional(.value), "description": optional(.value), "keywords": optional(.valueOrList),
            "type": optional(.value), "require": optional(.valueOrList),
        ]))),
        "orgs": optional(.named(.map(["slug": optional(.value)]))),
        "rounds": optional(.named(.map(["slug": optional(.value)]))),
        "disclosure": optional(.map([
            "publisher": optional(.value), "topic": optional(.value), "mode": optional(.value), "scope": optional(.value),
            "indexPattern": optional(.value),
        ])),
    ])

    /// Chinese names a clerk may type instead of the schema's keys.
    public static let chineseAliases: [String: String] = [
        "标题": "title", "发布单位": "org", "单位": "org", "日期": "date", "发布日期": "date", "发布时间": "date",
        "栏目": "column", "摘要": "summary", "巡察": "inspection", "问题": "problems", "统计": "stats",
        "联系方式": "contact", "落款": "signature", "巡察组": "group", "轮次": "round", "对象": "target",
        "被巡察单位": "target", "开始": "start", "结束": "end", "反馈": "feedback", "反馈时间": "feedback",
        "状态": "status", "类别": "category", "责任部门": "owner", "时限": "due", "电话": "phone",
        "邮箱": "email", "地址": "address", "邮编": "postcode", "信封": "envelope",
        "网站地址": "baseURL", "每页条数": "pageSize", "页脚": "footer", "主办单位": "sponsor", "承办单位": "organizer",
        "网站标识码": "siteCode", "备案号": "icp", "ICP备案号": "icp", "公安备案号": "police",
        "草稿": "draft", "审核": "review", "拟稿人": "drafter", "审核人": "reviewer", "签发人": "approver",
        "签发日期": "approved", "公示期": "period", "撤回": "withdrawn", "更正": "corrections", "更正说明": "corrections",
        "原因": "reason", "说明": "note", "需要签发": "requireApproval",
        "类型": "kind", "通知类型": "kind", "编号": "id", "巡察组名单": "groups", "名称": "name", "组名": "name",
        "被巡察单位名单": "targets", "信箱": "mailbox", "邮政信箱": "mailbox", "受理时间": "hours", "值班时间": "hours",
        "来信截止": "lettersUntil", "截止日期": "lettersUntil", "受理截止": "lettersUntil",
        "整改公布时限": "publishWithinDays", "索引号": "indexNumber", "文号": "documentNumber", "发布机构": "publisher",
        "成文日期": "writtenDate", "主题分类": "topic", "公开方式": "disclosureMode", "公开范围": "disclosureScope",
    ]

    public static func missingMessage(_ path: [String]) -> String {
        "缺少必填字段 \(describe(path))"
    }

    /// `problems[2].status` for messages.
    public static func describe(_ path: [String]) -> String {
        var text = ""
        for part in path {
            if part.hasPrefix("[") { text += part } else { text += text.isEmpty ? part : ".\(part)" }
        }
        return "“\(text)”"
    }

    /// The known key closest to `key`: a Chinese alias, or a spelling within a small edit distance.
    public static func suggest(_ key: String, among known: [String]) -> String? {
        if let alias = chineseAliases[key], known.contains(alias) { return alias }
        let lower = key.lowercased()
        if let sameCase = known.first(where: { $0.lowercased() == lower }) { return sameCase }
        let scored: [(key: String, distance: Int)] = known.map { ($0, editDistance(lower, $0.lowercased())) }
        let ranked = scored.sorted { a, b in a.distance != b.distance ? a.distance < b.distance : a.key < b.key }
        guard let best = ranked.first else { return nil }
        let limit: Int = Swift.max(1, Swift.min(3, best.key.count / 2))
        return best.distance <= limit ? best.key : nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
