import Yams

/// The shape of the front matter and site.yaml: which keys exist at each level and which are required.
/// Used only to find unknown and missing keys with their lines; values are decoded with Codable.
indirect enum Schema: Sendable {
    case value
    case list(Schema)
    case valueOrList
    case map([String: Field])

    struct Field: Sendable {
        var schema: Schema
        var required: Bool = false
    }

    static func required(_ s: Schema) -> Field { Field(schema: s, required: true) }
    static func optional(_ s: Schema) -> Field { Field(schema: s, required: false) }

    static let contact: Schema = .map([
        "phone": optional(.valueOrList), "email": optional(.value), "address": optional(.value),
        "postcode": optional(.value), "envelope": optional(.value),
    ])

    static let notice: Schema = .map([
        "title": required(.value), "org": required(.value), "date": required(.value),
        "slug": optional(.value), "column": optional(.value), "summary": optional(.value),
        "inspection": optional(.map([
            "round": optional(.value), "group": required(.value), "target": optional(.value),
            "start": optional(.value), "end": optional(.value), "feedback": optional(.value),
        ])),
        "problems": optional(.list(.map([
            "title": required(.value), "category": optional(.value), "status": required(.value),
            "owner": optional(.value), "due": optional(.value),
        ]))),
        "stats": optional(.map([
            "total": optional(.value), "done": optional(.value), "partial": optional(.value), "ongoing": optional(.value),
        ])),
        "contact": optional(contact),
        "signature": optional(.map(["org": optional(.value), "date": optional(.value)])),
    ])

    static let site: Schema = .map([
        "title": required(.value), "baseURL": optional(.value), "description": optional(.value),
        "defaultColumn": optional(.value), "contact": optional(contact), "allowRawHTML": optional(.value),
        "pageSize": optional(.value), "feedSize": optional(.value),
        "footer": optional(.map([
            "sponsor": optional(.value), "organizer": optional(.value), "contact": optional(.value),
            "siteCode": optional(.value), "icp": optional(.value), "police": optional(.value),
        ])),
    ])

    /// Chinese names a clerk may type instead of the schema's keys.
    static let chineseAliases: [String: String] = [
        "标题": "title", "发布单位": "org", "单位": "org", "日期": "date", "发布日期": "date", "发布时间": "date",
        "栏目": "column", "摘要": "summary", "巡察": "inspection", "问题": "problems", "统计": "stats",
        "联系方式": "contact", "落款": "signature", "巡察组": "group", "轮次": "round", "对象": "target",
        "被巡察单位": "target", "开始": "start", "结束": "end", "反馈": "feedback", "反馈时间": "feedback",
        "状态": "status", "类别": "category", "责任部门": "owner", "时限": "due", "电话": "phone",
        "邮箱": "email", "地址": "address", "邮编": "postcode", "信封": "envelope",
        "网站地址": "baseURL", "每页条数": "pageSize", "页脚": "footer", "主办单位": "sponsor", "承办单位": "organizer",
        "网站标识码": "siteCode", "备案号": "icp", "ICP备案号": "icp", "公安备案号": "police",
    ]

    /// Walks `node` against this schema and reports unknown keys, missing required keys and wrong shapes.
    func check(_ node: Node, path: [String], report: (Mark?, String, String?) -> Void) {
        switch self {
        case .value:
            if node.scalar == nil {
                report(node.mark, "字段 \(Schema.describe(path)) 应是一个值，不是列表或分组", "把它写成一行，例如 \(path.last ?? "key"): 内容")
            }
        case .valueOrList:
            if case .mapping = node {
                report(node.mark, "字段 \(Schema.describe(path)) 应是一个值或一个列表", "例如 \(path.last ?? "key"): [\"021-12345678\"]")
            }
        case .list(let element):
            guard case .sequence(let seq) = node else {
                report(node.mark, "字段 \(Schema.describe(path)) 应是列表（每项以“- ”开头）", nil)
                return
            }
            for (i, item) in seq.enumerated() {
                element.check(item, path: path + ["[\(i + 1)]"], report: report)
            }
        case .map(let fields):
            guard case .mapping(let mapping) = node else {
                report(node.mark, "字段 \(Schema.describe(path)) 应是一组“键: 值”", nil)
                return
            }
            var seen = Set<String>()
            for (keyNode, value) in mapping {
                let key = keyNode.scalar?.string ?? ""
                seen.insert(key)
                if let field = fields[key] {
                    field.schema.check(value, path: path + [key], report: report)
                } else {
                    let suggestion = Schema.suggest(key, among: fields.keys.sorted())
                    report(keyNode.mark, "未知字段“\(key)”\(path.isEmpty ? "" : "（在 \(Schema.describe(path)) 中）")",
                           suggestion.map { "是不是想写“\($0)”？" } ?? "可用的字段有：\(fields.keys.sorted().joined(separator: "、"))")
                }
            }
            for key in fields.keys.sorted() where fields[key]!.required && !seen.contains(key) {
                report(node.mark, Schema.missingMessage(path + [key]), "请补上 \(key): …")
            }
        }
    }

    static func missingMessage(_ path: [String]) -> String {
        "缺少必填字段 \(describe(path))"
    }

    /// `problems[2].status` for messages.
    static func describe(_ path: [String]) -> String {
        var text = ""
        for part in path {
            if part.hasPrefix("[") { text += part } else { text += text.isEmpty ? part : ".\(part)" }
        }
        return "“\(text)”"
    }

    /// The known key closest to `key`: a Chinese alias, or a spelling within a small edit distance.
    static func suggest(_ key: String, among known: [String]) -> String? {
        if let alias = chineseAliases[key], known.contains(alias) { return alias }
        let lower = key.lowercased()
        if let sameCase = known.first(where: { $0.lowercased() == lower }) { return sameCase }
        let scored = known.map { ($0, editDistance(lower, $0.lowercased())) }.sorted { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
        guard let best = scored.first, best.1 <= max(1, min(3, best.0.count / 2)) else { return nil }
        return best.0
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
