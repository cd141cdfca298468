import Foundation
import GongshiCore

/// PDF: the text layer through poppler's pdftotext (reading order, so two columns come one after the other), with
/// the running headers, footers and page numbers of each page dropped. A PDF without a text layer is a scan and
/// goes to OCR.
enum PDFReader {
    static func read(_ url: URL) throws -> ImportedDocument {
        let raw = String(decoding: try ExternalTool.pdftotext.run(["-enc", "UTF-8", url.path, "-"]), as: UTF8.self)
        let pages = raw.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        let han = raw.unicodeScalars.filter { $0.properties.isIdeographic }.count
        if han < 20 * max(1, pages.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }.count) && han < 60 {
            return try OCRReader.readPDF(url)
        }
        return ImportedDocument(format: .pdf, source: "pdftotext", text: PageFurniture.strip(pages).joined(separator: "\n"))
    }
}

/// What repeats on every page of a printed document and is no part of its text: page numbers (`- 3 -`, `第 3 页`,
/// `3/7`, a bare number) and running headers or footers (the same line at the top or bottom of most pages).
enum PageFurniture {
    static let pageNumber = try! NSRegularExpression(pattern:
        "^\\s*(?:[-－—–]\\s*\\d{1,4}\\s*[-－—–]|第\\s*\\d{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,4}\\s*页)?|\\d{1,4}\\s*/\\s*\\d{1,4}|\\d{1,4}|[Pp]age\\s*\\d+(?:\\s*of\\s*\\d+)?)\\s*$")

    static func isPageNumber(_ line: String) -> Bool {
        pageNumber.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    /// Each page's lines without its furniture.
    static func strip(_ pages: [String]) -> [String] {
        let split = pages.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        func edges(_ lines: [String]) -> [String] {
            let content = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return Array(content.prefix(2)) + Array(content.suffix(2))
        }
        // A line (digits ignored, so `第 3 页` matches `第 4 页`) at an edge of more than half the pages, when there are two or more.
        func key(_ line: String) -> String { line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\\d+", with: "#", options: .regularExpression) }
        var counts: [String: Int] = [:]
        for lines in split { for line in Set(edges(lines).map(key)) { counts[line, default: 0] += 1 } }
        let pageCount = split.filter { !edges($0).isEmpty }.count
        let running = pageCount >= 2 ? Set(counts.filter { $0.value * 2 > pageCount && $0.value >= 2 }.keys) : []
        return split.map { lines in
            let edge = Set(edges(lines))
            return lines.filter { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return !(edge.contains(trimmed) && (isPageNumber(trimmed) || running.contains(key(trimmed))))
            }.joined(separator: "\n")
        }
    }
}

/// Scans: tesseract with the simplified-Chinese model, page by page (a PDF is first rendered by pdftoppm at
/// 300 dpi). Optional: without tesseract the message gives the apt-get command. Recognized text has stray spaces
/// between characters, which are removed; the report asks for a proof-read.
enum OCRReader {
    static let language = "chi_sim"

    static func readPDF(_ url: URL) throws -> ImportedDocument {
        guard ExternalTool.tesseract.isInstalled else {
            throw ScaffoldError("这个 PDF 没有文字层（是扫描件），需要文字识别，但没有安装 tesseract",
                                hint: "请安装：apt-get install -y tesseract-ocr tesseract-ocr-chi-sim；或找到原始的 Word 文件导入")
        }
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try ExternalTool.pdftoppm.run(["-r", "300", "-gray", "-png", url.path, folder.appendingPathComponent("page").path])
        let images = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".png") }.sorted()
        let pages = try images.map { try recognize(folder.appendingPathComponent($0)) }
        return ImportedDocument(format: .scan, source: "OCR（tesseract \(language)）", text: PageFurniture.strip(pages).joined(separator: "\n"))
    }

    static func readImage(_ url: URL) throws -> ImportedDocument {
        ImportedDocument(format: .scan, source: "OCR（tesseract \(language)）", text: try recognize(url))
    }

    static func recognize(_ image: URL) throws -> String {
        let text = String(decoding: try ExternalTool.tesseract.run([image.path, "stdout", "-l", language]), as: UTF8.self)
        return text.replacingOccurrences(of: "(?<=[\\p{Han}，。、；：“”（）])[ \\t]+|[ \\t]+(?=[\\p{Han}，。、；：“”（）])", with: "",
                                         options: .regularExpression)
    }
}
