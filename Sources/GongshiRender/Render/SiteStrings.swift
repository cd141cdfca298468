import GongshiMarkdown
import Foundation
import GongshiCore
import Mustache
import Yams

/// The words and sentences pages show that are not written in a template: headings made from names, page titles,
/// the progress sentence, status labels. Each is a small Mustache text (no HTML escaping: the page template escapes
/// it) in `templates/strings.yaml`; a site's own `templates/strings.yaml` overrides any of them by key.
public struct SiteStrings: Sendable {
    private let texts: [String: String]
    private let templates: [String: MustacheTemplate]
    /// The texts with no `{{`: given as they are, without a template render (nav titles are asked for on every page).
    private let plain: [String: String]

    /// The built-in table with `overrides` (the text of a site's strings.yaml) laid over it.
    static func load(builtin: String, overrides: String?, display: String) -> (SiteStrings?, [Diagnostic]) {
        var table: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        for (text, file) in [(builtin, "（内置模板）strings.yaml"), (overrides, display)] {
            guard let text else { continue }
            do {
                guard let map = try Yams.load(yaml: text) as? [String: Any] else {
                    diagnostics.append(.error("文字表应是一组“键: 文字”", file: file, line: 1, column: 1, hint: "每行写成“键: 文字”，例如 navHome: 首页"))
                    continue
                }
                for (key, value) in map { table[key] = "\(value)" }
            } catch {
                diagnostics.append(.error("文字表无法读取：\(error)", file: file, line: 1, column: 1,
                                          hint: "每行写成“键: 文字”，例如 navHome: 首页"))
            }
        }
        var templates: [String: MustacheTemplate] = [:]
        for (key, text) in table {
            do { templates[key] = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}" + text) } catch {
                diagnostics.append(.error("文字表中“\(key)”的写法不对：\(error)", file: display, line: 1, column: 1,
                                          hint: "{{ }} 标记要成对"))
            }
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (SiteStrings(texts: table, templates: templates, plain: table.filter { !$0.value.contains("{{") }), diagnostics)
    }

    /// Digest of every text: part of each page's input key.
    public var fingerprint: UInt64 {
        var digest = Digest()
        for key in texts.keys.sorted() { digest.add(key); digest.add(texts[key]!) }
        return digest.value
    }

    /// Texts already filled in this build, by key and values (see `FilledTexts`).
    private let filled = FilledTexts()

    /// The text of `key` filled with `values` (a value that is nil, false or left out makes `{{#name}}…{{/name}}` vanish).
    /// The values go in as the pages' context type: swift-mustache finds names in it without the conditional
    /// conformance lookup a dictionary costs. A page asks for about five of these texts and many repeat from page to
    /// page (a column's description, the progress sentence for the same counts), while filling one costs 50,000 to
    /// 160,000 instructions: each text filled is kept, by key and values.
    public func text(_ key: String, _ values: [String: Any] = [:]) -> String {
        if let text = plain[key] { return text }
        guard let template = templates[key] else { return key }
        guard let memo = FilledTexts.key(key, values) else { return template.render(ContextFields(values)) }
        if let text = filled.text(for: memo) { return text }
        let text = template.render(ContextFields(values))
        filled.keep(text, for: memo)
        return text
    }
}

extension SiteStrings {
    /// The label readers see for a problem's status.
    public func label(of status: ProblemStatus) -> String {
        switch status {
        case .done: return text("statusDone")
        case .partial: return text("statusPartial")
        case .ongoing: return text("statusOngoing")
        case .notStarted: return text("statusNotStarted")
        }
    }
}

/// Texts of `SiteStrings` already filled, shared by the threads rendering pages. Filling is a pure function of the
/// key and the values, so a kept text is the one filling would give; at most `limit` are kept (a build of 100,000
/// notices has one page title each: beyond the limit texts are filled every time).
final class FilledTexts: @unchecked Sendable {
    static let limit = 4096
    private var texts: [String: String] = [:]
    private let lock = NSLock()

    /// A key naming the text and each value exactly (names sorted, texts behind their length); nil when a value is
    /// of a type other than text, whole number or flag (such texts are filled every time).
    static func key(_ key: String, _ values: [String: Any]) -> String? {
        var result = key
        for name in values.keys.sorted() {
            result += "\u{1F}"
            result += name
            switch values[name]! {
            case let text as String: result += "=s\(text.utf8.count):"; result += text
            case let number as Int: result += "=i\(number)"
            case let flag as Bool: result += flag ? "=t" : "=f"
            default: return nil
            }
        }
        return result
    }

    func text(for key: String) -> String? { lock.withLock { texts[key] } }

    func keep(_ text: String, for key: String) {
        lock.withLock { if texts.count < Self.limit { texts[key] = text } }
    }
}
