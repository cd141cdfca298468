import Foundation
import GongshiCore

/// The rules of a government-website inspection that a static site can break: empty columns (空白栏目), identifiers
/// the footer lacks, column addresses that clash, a badge image that is not there, fields a column requires.
extension Validator {
    /// Findings about site.yaml against the notices (at the setting's line in site.yaml).
    public static func siteChecks(_ notices: [NoticeSummary], config: SiteConfig, attachments: [String]) -> [Diagnostic] {
        let file = "content/site.yaml"
        func at(_ path: String) -> (Int, Int) { config.positions[path].map { ($0.line, $0.column) } ?? (1, 1) }
        func warn(_ path: String, _ message: String, _ hint: String) -> Diagnostic {
            let (line, column) = at(path)
            return .warning(message, file: file, line: line, column: column, hint: hint)
        }
        var found: [Diagnostic] = []
        var used = Set<String>()
        for i in notices.indices where !notices[i].draft && notices[i].withdrawn == nil { used.insert(notices[i].column) }
        for name in config.columns.keys.sorted() where !used.contains(name) {
            found.append(warn("columns.\(name)", "栏目“\(name)”没有任何通知（空白栏目）", "检查时空白栏目会扣分：请发布通知，或从 site.yaml 的 columns 中删去它"))
        }
        var slugs: [String: String] = [:]
        for (kind, settings) in [("columns", config.columns.mapValues(\.slug)), ("orgs", config.orgs.mapValues(\.slug)),
                                 ("rounds", config.rounds.mapValues(\.slug))] {
            for name in settings.keys.sorted() {
                guard let slug = settings[name] ?? nil else { continue }
                if let problem = Slug.problem(with: slug) {
                    found.append(warn("\(kind).\(name).slug", problem, "请改成小写英文、拼音或数字，用“-”连接；不改时沿用按名称计算的编号"))
                } else if let other = slugs["\(kind)/\(slug)"] {
                    found.append(warn("\(kind).\(name).slug", "网址名“\(slug)”与“\(other)”重复", "请换一个；重复时后者沿用按名称计算的编号"))
                }
                slugs["\(kind)/\(slug)"] = name
            }
        }
        for name in config.columns.keys.sorted() {
            for field in config.columns[name]!.require where !requirable.contains(field) {
                found.append(warn("columns.\(name).require", "require 中的“\(field)”不是通知的字段", "可以写：\(requirable.sorted().joined(separator: "、"))"))
            }
        }
        if let footer = config.footer {
            // The two every government site must show (47号); ICP and 公安备案 often belong to the parent site.
            for (value, key, label) in [(footer.siteCode, "siteCode", "网站标识码"), (footer.sponsor, "sponsor", "主办单位")] {
                if value?.nonEmpty == nil {
                    found.append(warn("footer", "页脚缺少\(label)（footer.\(key)）", "政府网站检查要求页脚显示\(label)；请在 site.yaml 的 footer 中补上"))
                }
            }
            if let badge = footer.badge, !attachments.contains(badge.image) {
                found.append(warn("footer.badge.image", "找不到党政机关网站标识图片 content/files/\(badge.image)", "请把主管部门提供的标识图片放到 content/files/ 下"))
            }
        }
        return found
    }

    /// The fields a column's `require` may name.
    static let requirable: Set<String> = ["indexNumber", "documentNumber", "publisher", "writtenDate", "topic", "summary",
                                          "inspection", "problems", "contact", "signature", "disclosureMode", "disclosureScope"]

    /// A notice lacking a field its column requires (`columns.<栏目>.require`), at the notice's `column` line.
    static func requiredFields(_ decoded: DecodedNotice, site: SiteConfig) -> [Diagnostic] {
        let f = decoded.notice.fields
        let present: [String: Bool] = [
            "indexNumber": f.indexNumber?.nonEmpty != nil, "documentNumber": f.documentNumber?.nonEmpty != nil,
            "publisher": f.publisher?.nonEmpty != nil, "writtenDate": f.writtenDate != nil, "topic": f.topic?.nonEmpty != nil,
            "summary": f.summary != nil, "inspection": f.inspection != nil, "problems": !f.problems.isEmpty, "contact": f.contact != nil,
            "signature": f.signature != nil, "disclosureMode": f.disclosureMode != nil, "disclosureScope": f.disclosureScope != nil,
        ]
        let column = decoded.notice.column
        return (site.columns[column]?.require ?? []).filter { present[$0] == false }.map { field in
            warning(decoded, decoded.positions["column"] != nil ? "column" : "title", "栏目“\(column)”要求填写 \(field)，这篇通知没有",
                    hint: "请补上 \(field)（site.yaml 中 columns.\(column).require 列出了本栏目的必填字段）")
        }
    }
}
