import GongshiMarkdown
import Foundation
import GongshiCore
import Mustache

/// The templates and assets a build renders with: the built-in defaults, overridden file by file by
/// the site's own templates/ folder.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// The same templates with each frame partial replaced by its rendering for the page (see FramePartials.swift).
    let pageLibrary: MustacheLibrary
    /// Files copied as they are into the output (path relative to templates/, e.g. `assets/style.css`).
    public let assets: [(path: String, data: Data)]
    /// The words pages show that no template holds (templates/strings.yaml).
    public let strings: SiteStrings
    /// Digest of every template text, string and asset: part of each page's input key.
    public let fingerprint: UInt64

    /// The default templates and assets compiled into gongshi, as files (path relative to templates/).
    public static var builtinFiles: [(path: String, text: String)] { BuiltinTemplates.files }

    /// Only the built-in templates (they always parse: a test checks it).
    public static func builtin() -> TemplateSet {
        let (set, _) = load(siteTemplates: nil, displayPrefix: "templates")
        return set!
    }

    /// The string table's file name in templates/.
    static let stringsFile = "strings.yaml"

    /// The files of a template set before parsing: templates by name, assets by path, the string table's texts.
    struct Files {
        var sources: [String: (text: String, display: String)] = [:]
        var assets: [String: Data] = [:]
        var builtinStrings = ""
        var siteStrings: (text: String, display: String)?
        var diagnostics: [Diagnostic] = []

        mutating func add(_ relative: String, _ data: Data, display: String, builtin: Bool) {
            if relative == stringsFile {
                if builtin { builtinStrings = String(decoding: data, as: UTF8.self) } else { siteStrings = (String(decoding: data, as: UTF8.self), display) }
            } else if relative.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else {
                    diagnostics.append(.error("模板不是 UTF-8 编码", file: display, line: 1, column: 1, hint: "请把模板另存为 UTF-8"))
                    return
                }
                sources[String(relative.dropLast(".mustache".count))] = (text, display)
            } else {
                assets[relative] = data
            }
        }

        /// Every file under `folder`, hidden files and editor backups left out.
        mutating func add(folder: URL, displayPrefix: String) {
            guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return }
            for case let relative as String in enumerator {
                let name = (relative as NSString).lastPathComponent
                guard !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
                let url = folder.appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      let data = FileManager.default.contents(atPath: url.path) else { continue }
                add(relative, data, display: "\(displayPrefix)/\(relative)", builtin: false)
            }
        }
    }

    /// Loads the built-in set and lays the files of `siteTemplates` (if it exists) over it.
    public static func load(siteTemplates: URL?, displayPrefix: String = "templates") -> (TemplateSet?, [Diagnostic]) {
        var files = Files()
        for file in BuiltinTemplates.files {
            files.add(file.path, Data(file.text.utf8), display: "（内置模板）\(file.path)", builtin: true)
        }
        if let folder = siteTemplates { files.add(folder: folder, displayPrefix: displayPrefix) }
        var diagnostics = files.diagnostics
        var library = MustacheLibrary()
        HTMLEscaping.register
        for name in files.sources.keys.sorted() {
            let source = files.sources[name]!
            do {
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + source.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("模板语法错误：\(describe(error.error))", file: source.display,
                                          line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber,
                                          hint: "请检查这一行的 {{ }} 标记是否成对、名称是否一致"))
            } catch {
                diagnostics.append(.error("模板无法读取：\(error)", file: source.display, line: 1, column: 1))
            }
        }
        diagnostics += missingPartials(sources: files.sources) + unknownNames(sources: files.sources) + pageNamesInFrames(sources: files.sources)
        let (strings, stringDiagnostics) = SiteStrings.load(builtin: files.builtinStrings, overrides: files.siteStrings?.text,
                                                            display: files.siteStrings?.display ?? "\(displayPrefix)/\(stringsFile)")
        diagnostics += stringDiagnostics
        guard !diagnostics.hasErrors, let strings else { return (nil, diagnostics) }
        var digest = Digest()
        for name in files.sources.keys.sorted() { digest.add(name); digest.add(files.sources[name]!.text) }
        for path in files.assets.keys.sorted() { digest.add(path); digest.add(files.assets[path]!) }
        digest.add(strings.fingerprint)
        let assets = files.assets.keys.sorted().map { ($0, files.assets[$0]!) }
        return (TemplateSet(library: library, pageLibrary: framed(library), assets: assets, strings: strings, fingerprint: digest.value),
                diagnostics)
    }

    static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "结束标记 {{/…}} 的名称与开始标记不一致"
        case .unfinishedName: return "标记没有写完（缺少 }}）"
        case .expectedSectionEnd: return "区块没有结束（缺少 {{/…}}）"
        case .invalidSetDelimiter: return "分隔符设置写法不对"
        case .transformAppliedToInheritanceSection: return "继承区块不能使用转换函数"
        case .illegalTokenInsideInheritSection: return "继承区块 {{<…}} 中只能写 {{$…}} 区块"
        case .textInsideInheritSection: return "继承区块 {{<…}} 中只能写 {{$…}} 区块，不能直接写文字"
        case .invalidConfigVariableSyntax: return "配置变量写法不对"
        case .unrecognisedConfigVariable: return "无法识别的配置变量"
        @unknown default: return "\(error)"
        }
    }

    /// Renders `view` with the template `name`; a page's frame partials come from `frames` when it is given.
    public func render(_ view: some TemplateFields, template name: String, frames: FrameCache? = nil) -> String {
        let context = view.templateContext
        if let frames, let page = view as? PageView {
            return pageLibrary.render(framing(context, page: page, cache: frames), withTemplate: name) ?? ""
        }
        return library.render(context, withTemplate: name) ?? ""
    }
}
