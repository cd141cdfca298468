import GongshiCore
import GongshiMarkdown
import Foundation
import Yams

/// A YAML text composed into a node tree, with every problem reported as a Diagnostic at its file line.
public struct YAMLDocument {
    let file: String
    /// File line of the YAML text's first line.
    let firstLine: Int
    let root: Node?
    /// The root mapping's values by key (looking keys up in a Yams mapping converts the key to a node each time).
    let topLevel: [String: Node]
    private(set) var diagnostics: [Diagnostic] = []

    init(yaml: String, file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
        do {
            // The encoding is given so Yams does not look it up in the environment for every file.
            root = try Yams.compose(yaml: yaml, Self.resolver, .default, .utf8)
        } catch {
            root = nil
            diagnostics.append(Self.diagnostic(for: error, file: file, firstLine: firstLine, text: yaml))
        }
        var keys: [String: Node] = [:]
        if case .mapping(let mapping)? = root {
            for (key, value) in mapping {
                if let name = key.scalar?.string, keys[name] == nil { keys[name] = value }
            }
        }
        topLevel = keys
    }

    /// No implicit-type rules: Codable decoding reads scalars from their text, so the default resolver's rules
    /// (bool, int, float, null, timestamp) only cost time. Yams runs them as regular expressions each time it
    /// compares two keys, which made the regular expressions a third of decoding. Without the merge rule, a
    /// `<<` key is simply an unknown key, reported as such (YAML 1.2 dropped merge keys).
    static let resolver = Resolver.basic

    func location(_ mark: Mark?) -> (line: Int, column: Int) {
        guard let mark else { return (firstLine, 1) }
        return (mark.line + firstLine - 1, mark.column)
    }

    /// Unknown keys, missing keys and wrong shapes, all at once.
    mutating func check(against schema: Schema) {
        guard let root else { return }
        var found: [Diagnostic] = []
        schema.check(root, path: []) { mark, message, hint in
            let (line, column) = location(mark)
            found.append(.error(message, file: file, line: line, column: column, hint: hint))
        }
        diagnostics += found
    }

    mutating func decodeRoot<T: Decodable>(_ type: T.Type) -> T? {
        guard let root else { return nil }
        return decode(type, node: root, path: [])
    }

    private mutating func decode<T: Decodable>(_ type: T.Type, node: Node, path: [String]) -> T? {
        do {
            return try NodeDecoder(node: node).decode(type)
        } catch let failure as FieldErrors {
            for error in failure.errors { record(error, node: node, path: path) }
            return failure.partial as? T
        } catch {
            record(error, node: node, path: path)
        }
        return nil
    }

    private mutating func record(_ error: Error, node: Node, path: [String]) {
        if let error = error as? DecodingError {
            diagnostics.append(diagnostic(for: error, node: node, path: path))
        } else {
            let (line, column) = location(node.mark)
            diagnostics.append(.error("字段 \(Schema.describe(path)) 无法读取：\(error)", file: file, line: line, column: column))
        }
    }

    private func diagnostic(for error: DecodingError, node: Node, path: [String]) -> Diagnostic {
        func resolve(_ codingPath: [CodingKey]) -> (Node, [String]) {
            var current = node
            var names = path
            for key in codingPath {
                if let index = key.intValue, case .sequence(let seq) = current, seq.indices.contains(index) {
                    current = seq[index]
                    names.append("[\(index + 1)]")
                } else if let child = current[key: key.stringValue] {
                    current = child
                    names.append(key.stringValue)
                } else if key.intValue == nil {
                    names.append(key.stringValue)
                }
            }
            return (current, names)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let (parent, names) = resolve(context.codingPath)
            let (line, column) = location(parent.mark)
            return .error(Schema.missingMessage(names + [key.stringValue]), file: file, line: line, column: column,
                          hint: "请补上 \(key.stringValue): …")
        case .typeMismatch(let expected, let context), .valueNotFound(let expected, let context):
            let (target, names) = resolve(context.codingPath)
            let (line, column) = location(target.mark)
            let kind: String
            switch expected {
            case is Int.Type: kind = "整数"
            case is Bool.Type: kind = "true 或 false"
            case is String.Type: kind = "文字"
            default: kind = "正确的格式"
            }
            return .error("字段 \(Schema.describe(names)) 的值应为\(kind)", file: file, line: line, column: column,
                          hint: "请检查这一行的写法")
        case .dataCorrupted(let context):
            let (target, names) = resolve(context.codingPath)
            let (line, column) = location(target.mark)
            let ours = context.debugDescription.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }
            let message = ours ? "字段 \(Schema.describe(names))：\(context.debugDescription)"
                               : "字段 \(Schema.describe(names)) 的值“\(target.scalar?.string ?? "")”无法识别"
            return .error(message, file: file, line: line, column: column, hint: "请按 docs/content-format.md 的说明修改")
        @unknown default:
            let (line, column) = location(node.mark)
            return .error("字段 \(Schema.describe(path)) 无法读取", file: file, line: line, column: column)
        }
    }

    static func diagnostic(for error: Error, file: String, firstLine: Int, text: String = "") -> Diagnostic {
        func at(_ mark: Mark, _ problem: String) -> Diagnostic {
            // libyaml names no tab when one stands in the indentation: the line itself shows it.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let hasTab = lines.indices.contains(mark.line - 1) && lines[mark.line - 1].prefix(while: \.isWhitespace).contains("\t")
            let (message, hint) = hasTab ? translate("tab") : translate(problem)
            return .error("YAML 格式错误：\(message)", file: file, line: mark.line + firstLine - 1, column: mark.column, hint: hint)
        }
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                return at(mark, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return .error("字段重复：\(duplicates.joined(separator: "、")) 写了不止一次", file: file,
                              line: context.mark.line + firstLine - 1, column: context.mark.column, hint: "每个字段只保留一个")
            case .reader(let problem, _, _, _):
                return .error("YAML 无法读取：\(problem)", file: file, line: firstLine, column: 1, hint: "请确认文件是 UTF-8 编码")
            default:
                break
            }
        }
        return .error("YAML 无法读取：\(error)", file: file, line: firstLine, column: 1)
    }

    /// libyaml's English problem text, said in Chinese with what usually causes it. The English text is kept only
    /// at the end of the hint, for whoever helps the clerk.
    static func translate(_ problem: String) -> (String, String) {
        let p = problem.lowercased()
        let rules: [(match: String, message: String, hint: String)] = [
            ("mapping values are not allowed", "这里不能出现冒号“:”", "值里含有“: ”时，请把整个值用英文引号括起来，例如 title: \"……：……\""),
            ("could not find expected ':'", "缺少冒号“:”", "每个字段写成“键: 值”，冒号用英文半角并在后面加一个空格"),
            ("expected ',' or ']'", "方括号“[ ]”没有配对，或列表中的两项之间缺少逗号", "写成 [第一项, 第二项]：右方括号不能少，逗号用英文半角"),
            ("expected ',' or '}'", "花括号“{ }”没有配对，或两项之间缺少逗号", "写成 {键: 值, 键: 值}：右花括号不能少，逗号用英文半角"),
            ("tab", "这里用了 Tab 制表符", "缩进请用空格，不要用 Tab"),
            ("cannot start any token", "值的开头有 YAML 的特殊字符（如 @、`、%、|、>）", "请把整个值用英文引号括起来，例如 summary: \"@……\""),
            ("undefined alias", "值以“*”开头：这在 YAML 中有特殊含义", "请把整个值用英文引号括起来，例如 title: \"*……\""),
            ("did not find expected '-'", "列表的写法不对", "列表中的每一项都以“- ”开头，并且对齐"),
            ("did not find expected key", "缩进不一致", "同一层的字段要对齐，下一层的字段比上一层多缩进两个空格"),
            ("block end", "缩进不一致", "同一层的字段要对齐，下一层的字段比上一层多缩进两个空格"),
            ("quoted scalar", "引号没有配对", "检查这一行的引号是否成对出现"),
            ("unexpected end of stream", "引号没有配对", "检查这一行的引号是否成对出现"),
            ("did not find expected node content", "这里缺少内容", "检查这一行：冒号或“- ”后面是否漏写了值"),
        ]
        if let rule = rules.first(where: { p.contains($0.match) }) { return (rule.message, rule.hint) }
        return ("这一行的写法不符合 YAML 格式", "请对照 docs/content-format.md 检查这一行（YAML 库的原文：\(problem)）")
    }
}

extension Node {
    /// The value of a mapping by string key.
    subscript(key key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.first { $0.key.scalar?.string == key }?.value
    }
}
