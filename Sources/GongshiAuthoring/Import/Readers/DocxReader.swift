import GongshiCore
import GongshiContent
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads a Word document (.docx): the package is opened with ZIPFoundation and word/document.xml read with
/// Foundation's XML parser. Paragraphs become lines; bold runs, list items and tables are given as Markdown.
public enum DocxReader {
    public struct Document: Sendable {
        /// One line per paragraph (a table is one line: its cells separated by spaces).
        public var text: String
        /// Markdown for the lines that carry formatting, keyed by their plain text.
        public var formatted: [String: String]
        /// Every table, as rows of cell texts (the first row is the header).
        public var tables: [[[String]]]
    }

    public static func read(_ url: URL) throws -> Document {
        let archive = try Archive(url: url, accessMode: .read)
        guard let entry = archive["word/document.xml"] else { throw ScaffoldError("这个 .docx 文件中没有正文（word/document.xml）", hint: "请确认文件是 Word 文档") }
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let collector = Collector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { throw ScaffoldError("Word 文档的内容无法解析", hint: "请在 Word 中另存为新的 .docx 或纯文本后再导入") }
        return Document(text: collector.lines.joined(separator: "\n"), formatted: collector.formatted, tables: collector.tables)
    }

    /// `**…**` with punctuation at either end kept outside: CommonMark does not close `**` after 。 when a
    /// Chinese character follows, which is how bold lead-ins are written (“高度重视。党组…”).
    static func bold(_ text: String) -> String {
        let core = text.drop { $0.isPunctuation }
        let lead = text.prefix(text.count - core.count)
        let trail = core.reversed().prefix { $0.isPunctuation }
        let middle = core.dropLast(trail.count)
        guard !middle.isEmpty else { return escape(text) }
        return escape(String(lead)) + "**" + escape(String(middle)) + "**" + escape(String(trail.reversed()))
    }

    static func escape(_ text: String) -> String { NoticeImporter.escapeMarkdown(text) }

    private final class Collector: NSObject, XMLParserDelegate {
        var lines: [String] = []
        var formatted: [String: String] = [:]
        // The paragraph being read.
        var plain = ""
        var markdown = ""
        var runBold = false
        var runText = ""
        var inText = false
        var isListItem = false
        var hasBold = false
        // Tables: rows of cells, each cell the plain text of its paragraphs.
        var tableDepth = 0
        var rows: [[String]] = []
        var cell = ""
        var tables: [[[String]]] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "w:p": plain = ""; markdown = ""; isListItem = false; hasBold = false
            case "w:r": runBold = false; runText = ""
            case "w:b": runBold = attributes["w:val"].map { $0 != "0" && $0 != "false" } ?? true
            case "w:t": inText = true
            case "w:tab": runText += " "
            case "w:numPr": isListItem = true
            case "w:tbl": tableDepth += 1; if tableDepth == 1 { rows = [] }
            case "w:tr": if tableDepth == 1 { rows.append([]) }
            case "w:tc": cell = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { runText += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:r":
                plain += runText
                let trimmed = runText.trimmingCharacters(in: .whitespaces)
                if runBold && !trimmed.isEmpty { markdown += DocxReader.bold(trimmed); hasBold = true } else { markdown += DocxReader.escape(runText) }
            case "w:p":
                let text = plain.trimmingCharacters(in: .whitespaces)
                if tableDepth > 0 {
                    cell += (cell.isEmpty ? "" : " ") + text
                } else if !text.isEmpty {
                    lines.append(text)
                    if isListItem { formatted[text] = "1. " + markdown.trimmingCharacters(in: .whitespaces) }
                    else if hasBold { formatted[text] = markdown.trimmingCharacters(in: .whitespaces) }
                }
            case "w:tc":
                if tableDepth == 1, !rows.isEmpty { rows[rows.count - 1].append(cell) }
            case "w:tbl":
                tableDepth -= 1
                if tableDepth == 0, let header = rows.first, !header.isEmpty {
                    // CommonMark has no tables: each row becomes a list item naming its columns, so no cell is lost.
                    let items = rows.dropFirst().map { cells in
                        "- " + cells.enumerated().map { i, value in
                            let name = i < header.count && !header[i].isEmpty ? DocxReader.escape(header[i]) + "：" : ""
                            return name + DocxReader.escape(value)
                        }.joined(separator: "；")
                    }
                    let text = rows.map { $0.joined(separator: " ") }.joined(separator: " ")
                    lines.append(text)
                    formatted[text] = items.isEmpty ? DocxReader.escape(text) : items.joined(separator: "\n")
                    tables.append(rows)
                }
            default: break
            }
        }
    }
}
