import CCmark

/// Renders a notice body with libcmark. Raw HTML is dropped and unsafe link targets are emptied
/// unless the site explicitly allows raw HTML.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool
    /// Gives the published address for a link written in the body (nil: keep it as written).
    public var rewriteLink: (@Sendable (String) -> String?)?

    public init(allowRawHTML: Bool = false, rewriteLink: (@Sendable (String) -> String?)? = nil) {
        self.allowRawHTML = allowRawHTML
        self.rewriteLink = rewriteLink
    }

    public func html(_ markdown: String) -> String {
        render(markdown, wantText: false).html
    }

    /// The body as HTML and as plain text (for the search index), from one parse.
    public func render(_ markdown: String, wantText: Bool = true) -> (html: String, text: String) {
        var options = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8
        if allowRawHTML { options |= CMARK_OPT_UNSAFE }
        let document: OpaquePointer? = markdown.withCString { cmark_parse_document($0, strlen($0), options) }
        guard let document else { return ("", "") }
        defer { cmark_node_free(document) }
        clean(document)
        let text = wantText ? plainText(document) : ""
        guard let rendered = cmark_render_html(document, options) else { return ("", text) }
        defer { free(rendered) }
        return (String(cString: rendered), text)
    }

    /// The readable text of a document: text and code literals, one line per block. Collected as bytes and made
    /// into a string once (a string per literal validated each one again; libcmark's literals are valid UTF-8, as
    /// the document is parsed with CMARK_OPT_VALIDATE_UTF8).
    private func plainText(_ document: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(document) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text: [UInt8] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                    if let literal = cmark_node_get_literal(node) {
                        text.append(contentsOf: UnsafeRawBufferPointer(start: literal, count: strlen(literal)))
                    }
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                    text.append(0x20)
                default:
                    break
                }
            } else if event == CMARK_EVENT_EXIT, type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                if text.last != 0x0A { text.append(0x0A) }
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Link and image targets that must never reach a reader, whatever the site allows.
    public static func isUnsafeURL(_ url: String) -> Bool {
        let scheme = url.unicodeScalars
            .filter { !($0.value <= 0x20 || $0.value == 0x7F) }   // browsers ignore these inside a scheme
            .prefix(16)
        let text = String(String.UnicodeScalarView(scheme)).lowercased()
        return text.hasPrefix("javascript:") || text.hasPrefix("vbscript:") || text.hasPrefix("data:") || text.hasPrefix("file:")
    }

    /// Unwraps links and images with unsafe targets (their text stays, the target goes) and makes body
    /// headings start at level 2 (the page title is the only h1).
    private func clean(_ document: OpaquePointer) {
        var unsafeNodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    if let url = cmark_node_get_url(node).map({ String(cString: $0) }) {
                        if MarkdownRenderer.isUnsafeURL(url) {
                            unsafeNodes.append(node)
                        } else if let rewritten = rewriteLink?(url) {
                            cmark_node_set_url(node, rewritten)
                        }
                    }
                case CMARK_NODE_HEADING:
                    if cmark_node_get_heading_level(node) == 1 { cmark_node_set_heading_level(node, 2) }
                default:
                    break
                }
            }
            cmark_iter_free(iterator)
        }
        // Innermost first, so a link inside an unsafe link is handled before its parent is freed.
        for node in unsafeNodes.reversed() {
            while let child = cmark_node_first_child(node) {
                cmark_node_insert_before(node, child)
            }
            cmark_node_free(node)
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
