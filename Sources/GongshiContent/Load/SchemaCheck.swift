import Foundation
import GongshiCore
import GongshiMarkdown
import Yams

extension Schema {
    /// Walks `node` against this schema and reports unknown keys, missing required keys and wrong shapes.
    func check(_ node: Node, path: [String], report: (Mark?, String, String?) -> Void) {
        var path = path
        check(node, at: &path, report: report)
    }

    /// `path` is where `node` stands; each level appends its key and takes it off again (one array for the whole
    /// walk, not a new one for every key).
    private func check(_ node: Node, at path: inout [String], report: (Mark?, String, String?) -> Void) {
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
                path.append("[\(i + 1)]")
                element.check(item, at: &path, report: report)
                path.removeLast()
            }
        case .named(let value):
            guard case .mapping(let mapping) = node else {
                report(node.mark, "字段 \(Schema.describe(path)) 应是一组“名称: 设置”", "例如 巡察整改: {slug: xczg}")
                return
            }
            for (keyNode, item) in mapping {
                path.append(keyNode.scalar?.string ?? "")
                value.check(item, at: &path, report: report)
                path.removeLast()
            }
        case .map(let fields):
            checkMap(node, fields, at: &path, report: report)
        }
    }

    /// A mapping's keys against `fields`: unknown keys, then the required keys it lacks.
    private func checkMap(_ node: Node, _ fields: [String: Field], at path: inout [String], report: (Mark?, String, String?) -> Void) {
        guard case .mapping(let mapping) = node else {
            let text = node.scalar?.string ?? ""
            if text.contains(":") || text.contains("：") {
                // `title:标题` or `title：标题` is one plain text to YAML, not a key and a value.
                report(node.mark, "“\(text.prefix(20))”不是“键: 值”的写法：冒号要用英文半角“:”，后面要有一个空格",
                       "例如 title: 中共某某委员会关于巡察整改情况的通报")
            } else {
                report(node.mark, path.isEmpty ? "front matter 应是一组“键: 值”" : "字段 \(Schema.describe(path)) 应是一组“键: 值”",
                       "每行写成“键: 值”，例如 title: 通报标题")
            }
            return
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            if let field = fields[key] {
                path.append(key)
                field.schema.check(value, at: &path, report: report)
                path.removeLast()
            } else {
                let suggestion = Schema.suggest(key, among: fields.keys.sorted())
                report(keyNode.mark, "未知字段“\(key)”\(path.isEmpty ? "" : "（在 \(Schema.describe(path)) 中）")",
                       suggestion.map { "是不是想写“\($0)”？" } ?? "可用的字段有：\(fields.keys.sorted().joined(separator: "、"))")
            }
        }
        // Only the few required keys are looked for (sorting every field's name for each mapping was most of this).
        var missing: [String] = []
        for (key, field) in fields where field.required && !mapping.contains(where: { $0.key.scalar?.string == key }) {
            missing.append(key)
        }
        for key in missing.sorted() {
            report(node.mark, Schema.missingMessage(path + [key]), "请补上 \(key): …")
        }
    }
}
