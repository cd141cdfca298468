import CCmark

/// What the checks need to know about a body's structure, with source lines (1-based, relative to the body).
public struct MarkdownOutline: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var line: Int
        public var text: String
        /// Nothing stands under it before the next heading of the same or a higher level.
        public var isEmpty: Bool
    }

    public struct Link: Sendable, Hashable {
        public var url: String
        /// Line of the block the link stands in.
        public var line: Int
        public var isImage: Bool
    }

    public var headings: [Heading] = []
    public var links: [Link] = []

    /// Parses `markdown` with libcmark (source positions on) and collects headings and links.
    public init(_ markdown: String) {
        let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else { return }
        defer { cmark_node_free(document) }
        var child = cmark_node_first_child(document)
        while let node = child {
            let next = cmark_node_next(node)
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                let level = Int(cmark_node_get_heading_level(node))
                let empty: Bool
                if let following = next, cmark_node_get_type(following) == CMARK_NODE_HEADING {
                    empty = Int(cmark_node_get_heading_level(following)) <= level
                } else {
                    empty = next == nil
                }
                headings.append(Heading(level: level, line: Int(cmark_node_get_start_line(node)),
                                        text: MarkdownOutline.text(of: node), isEmpty: empty))
            }
            child = next
        }
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var blockLine = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue {
                let line = Int(cmark_node_get_start_line(node))
                if line > 0 { blockLine = line }
            }
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                links.append(Link(url: String(cString: url), line: blockLine, isImage: type == CMARK_NODE_IMAGE))
            }
        }
    }

    static func text(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            if event == CMARK_EVENT_ENTER, let n = cmark_iter_get_node(iterator), let literal = cmark_node_get_literal(n),
               cmark_node_get_type(n) == CMARK_NODE_TEXT || cmark_node_get_type(n) == CMARK_NODE_CODE {
                text += String(cString: literal)
            }
        }
        return text
    }
}

#if canImport(Glibc)
import Glibc
#endif
