import GongshiCore
import GongshiMarkdown
import Foundation

/// Reads content/site.yaml into a SiteConfig.
public enum ConfigLoader {
    public static func load(data: Data, path: String) -> (SiteConfig?, [Diagnostic]) {
        let source: SourceText
        switch SourceText.decode(data, file: path) {
        case .success(let s): source = s
        case .failure(let d): return (nil, [d])
        }
        var doc = YAMLDocument(yaml: source.text, file: path, firstLine: 1)
        guard doc.root != nil else {
            if doc.diagnostics.isEmpty {
                return (nil, [.error("site.yaml 是空的", file: path, line: 1, column: 1, hint: "至少写上 title: 网站名称")])
            }
            return (nil, doc.diagnostics)
        }
        doc.check(against: Schema.site)
        var config = doc.decodeRoot(SiteConfig.self)
        if let root = doc.root { config?.positions = positions(of: root, in: doc) }
        let diagnostics = doc.diagnostics.uniqued()
        return (diagnostics.hasErrors ? nil : config, diagnostics)
    }
}
