import Foundation
import GongshiCore

/// Mistakes in a site's own templates that swift-mustache would silently render as nothing.
extension TemplateSet {
    /// `{{> name}}` and `{{< name}}` that name no template: swift-mustache would silently render nothing.
    static func missingPartials(sources: [String: (text: String, display: String)]) -> [Diagnostic] {
        let pattern = try! NSRegularExpression(pattern: "\\{\\{\\s*([<>])\\s*([^}\\s]+)\\s*\\}\\}")
        var found: [Diagnostic] = []
        for name in sources.keys.sorted() {
            let source = sources[name]!
            for (index, line) in source.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let text = String(line)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    let partial = String(text[Range(match.range(at: 2), in: text)!])
                    guard sources[partial] == nil else { continue }
                    let column = text[..<Range(match.range, in: text)!.lowerBound].unicodeScalars.count + 1
                    let kind = text[Range(match.range(at: 1), in: text)!] == "<" ? "继承的父模板" : "引用的局部模板"
                    found.append(.error("\(kind)“\(partial)”不存在", file: source.display, line: index + 1, column: column,
                                        hint: "可用的模板有：\(sources.keys.sorted().joined(separator: "、"))"))
                }
            }
        }
        return found
    }

    /// Every name a view gives the templates: the names the built-in templates use, and the view fields no built-in
    /// template shows (a test checks that every field of every view is in this set).
    static let knownNames: Set<String> = {
        var names: Set<String> = ["heading", "noticesWithoutProgress", "unaccounted"]
        for file in BuiltinTemplates.files where file.path.hasSuffix(".mustache") {
            for tag in variableTags(in: file.text) { names.formUnion(tag.name.split(separator: ".").map(String.init)) }
        }
        return names
    }()

    /// `{{name}}`, `{{#name}}`, `{{^name}}`, `{{&name}}` and `{{{name}}}` tags, with their line and column (1-based).
    static func variableTags(in text: String) -> [(name: String, line: Int, column: Int)] {
        let pattern = try! NSRegularExpression(pattern: "\\{\\{(\\{?)\\s*([#^&]?)\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*\\}?\\}\\}")
        var tags: [(String, Int, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(line)
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                guard let name = Range(match.range(at: 3), in: line), let start = Range(match.range, in: line) else { continue }
                tags.append((String(line[name]), index + 1, line[..<start.lowerBound].unicodeScalars.count + 1))
            }
        }
        return tags
    }

    /// Names in a site's own templates that no page gives: a misspelling renders as blank text.
    static func unknownNames(sources: [String: (text: String, display: String)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for name in sources.keys.sorted() where !sources[name]!.display.hasPrefix("（内置模板）") {
            let source = sources[name]!
            for tag in variableTags(in: source.text) {
                guard let unknown = tag.name.split(separator: ".").map(String.init).first(where: { !knownNames.contains($0) }) else { continue }
                found.append(.warning("模板中的名称“\(unknown)”在页面数据中不存在，这里会显示为空", file: source.display,
                                      line: tag.line, column: tag.column, hint: "请检查拼写；可用的名称见 docs/templates.md"))
            }
        }
        return found
    }

    /// Names a frame partial may use: the site's and the way back to its root, with the fields inside them.
    static let frameNames: Set<String> = ["site", "root", "title", "description", "nav", "url", "current", "footer", "meta", "name", "content",
                                          "badge", "image", "link", "sponsor", "organizer", "contact", "siteCode", "icp", "police", "policeRecord"]

    /// A site's own frame partial that uses a name of the page: it would show the first page's value on every page.
    static func pageNamesInFrames(sources: [String: (text: String, display: String)]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for name in framePartials where sources[name].map({ !$0.display.hasPrefix("（内置模板）") }) ?? false {
            let source = sources[name]!
            for tag in variableTags(in: source.text) {
                let first = String(tag.name.split(separator: ".").first ?? "")
                guard !frameNames.contains(first), knownNames.contains(first) else { continue }
                found.append(.warning("“\(name)”每个栏目、每个层级只生成一次，其中的“\(first)”是每页不同的内容，会在所有页面显示第一页的值",
                                      file: source.display, line: tag.line, column: tag.column,
                                      hint: "这里只能用 site.… 和 root；每页不同的内容请写在 layout.mustache 里（见 docs/templates.md）"))
            }
        }
        return found
    }
}
