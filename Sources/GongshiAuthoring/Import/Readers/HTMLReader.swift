import CLibXML2
import Foundation
import GongshiCore

/// A page saved from an office's old website (.html/.htm), parsed by libxml2's HTML parser (forgiving, as browsers
/// are, of the broken markup such pages have). The page's text is taken block by block with the site around it left
/// out: scripts and styles, `<nav>`/`<header>`/`<footer>`, elements named like navigation (nav, menu, breadcrumb,
/// share, footer…) and blocks that are mostly links (menus, related-article lists). The 47号 meta tags
/// (ArticleTitle, PubDate, ContentSource) and the `<h1>` become hints the importer prefers to guesses.
enum HTMLReader {
    static func read(_ url: URL) throws -> ImportedDocument {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScaffoldError("无法读取文件", hint: "请检查文件名和权限")
        }
        // libxml2 follows the page's <meta charset>; a page that declares none is read as UTF-8 when it is valid
        // UTF-8, else as GB18030 (what Chinese Windows saves).
        var (document, declared) = parse(data, encoding: nil)
        var encoding = declared
        if declared == nil {
            xmlFreeDoc(document)
            encoding = String(data: data, encoding: .utf8) != nil ? "UTF-8" : "GB18030"
            document = parse(data, encoding: encoding).document
        }
        guard let document, let root = xmlDocGetRootElement(document) else {
            if let document { xmlFreeDoc(document) }
            throw ScaffoldError("无法解析这个网页文件", hint: "请在浏览器中打开它，复制正文另存为纯文本后再导入")
        }
        defer { xmlFreeDoc(document) }
        var page = PageText(density: LinkDensity(root))
        page.walk(root)
        page.endLine()
        var result = ImportedDocument(format: .html, source: "网页（\(encoding?.uppercased() ?? "UTF-8")）", text: page.lines.joined(separator: "\n"))
        result.tables = page.tables
        result.hints = ImportHints(title: page.meta["articletitle"] ?? page.heading ?? page.title.map(titleWithoutSiteName),
                                   publishDate: page.meta["pubdate"].flatMap { NoticeImporter.dates(in: $0, year: nil).first?.0 },
                                   publisher: page.meta["contentsource"])
        return result
    }

    private static func parse(_ data: Data, encoding: String?) -> (document: htmlDocPtr?, encoding: String?) {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = data.withUnsafeBytes { raw in
            htmlReadMemory(raw.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(raw.count), nil, encoding, options)
        }
        let declared = document?.pointee.encoding.map { String(cString: $0) }
        return (document, declared)
    }

    /// `某某区纪委监委网站 - 关于…的通报` → the longest part between the separators sites put in `<title>`.
    static func titleWithoutSiteName(_ title: String) -> String {
        title.components(separatedBy: CharacterSet(charactersIn: "_|｜-—–")).map { $0.trimmingCharacters(in: .whitespaces) }
            .max { $0.count < $1.count } ?? title
    }
}

/// How much of each element's text is inside links, counted for every element in one walk (asking each element
/// afresh walked its whole subtree again for every element above it).
private struct LinkDensity {
    struct Counts { var links = 0, linkText = 0, text = 0 }
    private var byElement: [xmlNodePtr: Counts] = [:]

    init(_ root: xmlNodePtr) { _ = tally(root) }

    /// Non-space characters of the text inside `node` (as `xmlNodeGetContent` gathers it), and its links (an `<a>`
    /// counts once, with all its text) with their characters.
    private mutating func tally(_ node: xmlNodePtr) -> Counts {
        var counts = Counts()
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                counts.text += PageText.content(current).filter { !$0.isWhitespace }.count
            case XML_ELEMENT_NODE:
                let inner = tally(current)
                counts.text += inner.text
                if String(cString: current.pointee.name).lowercased() == "a" {
                    counts.links += 1
                    counts.linkText += inner.text
                } else {
                    counts.links += inner.links
                    counts.linkText += inner.linkText
                }
            default:
                break
            }
            child = current.pointee.next
        }
        byElement[node] = counts
        return counts
    }

    /// A list of three or more links with little text besides them: a menu or a list of other pages.
    func isMostlyLinks(_ node: xmlNodePtr) -> Bool {
        guard let counts = byElement[node], counts.links >= 3 else { return false }
        return counts.linkText * 10 >= counts.text * 7
    }
}

/// The text of a page, as lines, gathered by walking its element tree.
private struct PageText {
    let density: LinkDensity
    init(density: LinkDensity) { self.density = density }
    var lines: [String] = []
    var tables: [[[String]]] = []
    var meta: [String: String] = [:]
    var title: String?
    var heading: String?
    private var line = ""

    static let skippedTags: Set<String> = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "select",
                                           "button", "iframe", "object", "svg", "template", "input", "textarea"]
    static let blockTags: Set<String> = ["p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6",
                                         "section", "article", "blockquote", "pre", "dl", "dt", "dd", "center", "hr", "tbody"]
    /// Words in an element's id or class that name the site around the notice, never the notice.
    static let chromeWords: Set<String> = ["nav", "navbar", "menu", "breadcrumb", "crumb", "crumbs", "footer", "foot", "header",
                                           "share", "bdshare", "sidebar", "banner", "copyright", "toolbar", "related", "position",
                                           "location", "fontsize", "search", "friendlink", "links", "topbar", "logo"]

    mutating func endLine() {
        let trimmed = line.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: "\u{3000}\u{00A0}")))
        if !trimmed.isEmpty { lines.append(trimmed) }
        line = ""
    }

    mutating func walk(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    private mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            let text = Self.content(node).replacingOccurrences(of: "[\\t\\r\\n]+", with: " ", options: .regularExpression)
            line += text
        case XML_ELEMENT_NODE:
            element(node)
        default:
            break
        }
    }

    private mutating func element(_ node: xmlNodePtr) {
        let tag = String(cString: node.pointee.name).lowercased()
        switch tag {
        case "head": head(node); return
        case "meta", "link": return
        case "td", "th":
            walk(node)
            line += "\t"
            return
        default: break
        }
        if Self.skippedTags.contains(tag) || isChrome(node) || density.isMostlyLinks(node) { return }
        if tag == "h1", heading == nil { heading = Self.text(of: node).nonEmptyText }
        let block = Self.blockTags.contains(tag)
        if block { endLine() }
        if tag == "table" { tables.append(Self.rows(of: node)) }
        walk(node)
        if block { endLine() }
    }

    private mutating func head(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let tag = String(cString: current.pointee.name).lowercased()
                if tag == "title" { title = Self.text(of: current).nonEmptyText }
                if tag == "meta", let name = Self.attribute(current, "name"), let content = Self.attribute(current, "content"), !content.isEmpty {
                    meta[name.lowercased()] = content.trimmingCharacters(in: .whitespaces)
                }
            }
            child = current.pointee.next
        }
    }

    private func isChrome(_ node: xmlNodePtr) -> Bool {
        let names = [Self.attribute(node, "id"), Self.attribute(node, "class")].compactMap { $0 }.joined(separator: " ").lowercased()
        let words = names.split { !$0.isLetter }.map(String.init)
        return words.contains { Self.chromeWords.contains($0) }
    }

    static func rows(of table: xmlNodePtr) -> [[String]] {
        var rows: [[String]] = []
        func collect(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE {
                    let tag = String(cString: current.pointee.name).lowercased()
                    if tag == "tr" {
                        var cells: [String] = []
                        var cell = current.pointee.children
                        while let c = cell {
                            if c.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(String(cString: c.pointee.name).lowercased()) {
                                cells.append(text(of: c).trimmingCharacters(in: .whitespacesAndNewlines))
                            }
                            cell = c.pointee.next
                        }
                        rows.append(cells)
                    } else if tag != "table" {
                        collect(current)
                    }
                }
                child = current.pointee.next
            }
        }
        collect(table)
        return rows
    }

    static func content(_ node: xmlNodePtr) -> String {
        guard let raw = node.pointee.content else { return "" }
        return String(cString: raw)
    }

    static func text(of node: xmlNodePtr) -> String {
        guard let raw = xmlNodeGetContent(node) else { return "" }
        defer { gongshi_xml_free(raw) }
        return String(cString: raw)
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let raw = xmlGetProp(node, name) else { return nil }
        defer { gongshi_xml_free(raw) }
        return String(cString: raw)
    }
}

private extension String {
    var nonEmptyText: String? {
        let trimmed = replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression).trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
