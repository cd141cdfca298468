import Foundation
import GongshiCore

/// A source file read into text for the importer: what it was, how its text was obtained, the text itself and what
/// the format told besides it (formatting and tables from Word, the page's own metadata from a web page).
public struct ImportedDocument: Sendable {
    public enum Format: String, Sendable, Codable, CaseIterable {
        case text = "纯文本"
        case docx = "Word 文档（.docx）"
        case doc = "Word 97-2003 文档（.doc）"
        case office = "WPS 等办公文档"
        case html = "网页"
        case pdf = "PDF"
        case scan = "扫描件"
    }

    public var format: Format
    /// How the text was obtained: the text encoding (`UTF-8`, `GB18030/GBK`), the converter, or `OCR（…）`.
    public var source: String
    public var text: String
    /// Markdown for lines that carry formatting (bold, list items), keyed by the line's plain text.
    public var formatted: [String: String] = [:]
    public var tables: [[[String]]] = []
    /// What the page says about itself outside the text: 47号 meta tags or its 发布时间 line.
    public var hints = ImportHints()
    /// The text came from character recognition: every line needs a proof-read.
    public var isOCR: Bool { format == .scan }

    public init(format: Format, source: String, text: String) {
        self.format = format; self.source = source; self.text = text
    }
}

/// Fields a source states apart from its text, preferred over what the text suggests.
public struct ImportHints: Sendable {
    public var title: String?
    public var publishDate: CalendarDate?
    public var publisher: String?
    public init(title: String? = nil, publishDate: CalendarDate? = nil, publisher: String? = nil) {
        self.title = title; self.publishDate = publishDate; self.publisher = publisher
    }
}

/// Reads any file `gongshi import` knows, by its extension (and, for text, its bytes).
public enum DocumentReader {
    /// Extensions read, with the format each one is.
    public static let formats: [String: ImportedDocument.Format] = [
        "txt": .text, "text": .text, "md": .text, "docx": .docx, "doc": .doc, "wps": .office, "wpt": .office, "rtf": .office,
        "odt": .office, "html": .html, "htm": .html, "shtml": .html, "pdf": .pdf,
        "png": .scan, "jpg": .scan, "jpeg": .scan, "tif": .scan, "tiff": .scan, "bmp": .scan,
    ]

    public static func format(of url: URL) -> ImportedDocument.Format? { formats[url.pathExtension.lowercased()] }

    public static func read(_ url: URL) throws -> ImportedDocument {
        guard let format = format(of: url) else {
            throw ScaffoldError("不认识的文件类型“.\(url.pathExtension)”",
                                hint: "能导入：.txt .docx .doc .wps .rtf .odt .html .htm .pdf 以及扫描图片 .png .jpg .tif")
        }
        switch format {
        case .text: return try readText(url)
        case .docx: return try readDocx(url)
        case .doc: return try LegacyWordReader.read(url)
        case .office: return try OfficeConverter.read(url)
        case .html: return try HTMLReader.read(url)
        case .pdf: return try PDFReader.read(url)
        case .scan: return try OCRReader.readImage(url)
        }
    }

    static func readText(_ url: URL) throws -> ImportedDocument {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScaffoldError("无法读取文件", hint: "请检查文件名和权限")
        }
        guard let decoded = ImportedText.decode(data) else {
            throw ScaffoldError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）", hint: "请另存为 UTF-8 编码的纯文本后再导入")
        }
        return ImportedDocument(format: .text, source: decoded.encoding.rawValue, text: decoded.text)
    }

    static func readDocx(_ url: URL) throws -> ImportedDocument {
        let document: DocxReader.Document
        do { document = try DocxReader.read(url) } catch let error as ScaffoldError { throw error } catch {
            throw ScaffoldError("无法打开 Word 文档：\(error)", hint: "请确认文件是 .docx（不是旧的 .doc），或另存为纯文本后再导入")
        }
        var result = ImportedDocument(format: .docx, source: "Word 文档", text: document.text)
        result.formatted = document.formatted
        result.tables = document.tables
        return result
    }
}
