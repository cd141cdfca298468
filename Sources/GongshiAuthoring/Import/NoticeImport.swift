import GongshiCore
import GongshiContent
import Foundation

/// `gongshi import`: reads a file, parses it, writes content/notices/<slug>.md. Never overwrites without `force`.
public enum NoticeImport {
    public struct Written: Sendable {
        public var path: URL
        public var encoding: ImportedText.Encoding
        public var result: NoticeImporter.Result
    }

    public static func importFile(_ url: URL, into layout: SiteLayout, force: Bool) throws -> Written {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ScaffoldError("无法读取文件", hint: "请检查文件名和权限")
        }
        let result: NoticeImporter.Result
        let encoding: ImportedText.Encoding
        if url.pathExtension.lowercased() == "docx" {
            let document: DocxReader.Document
            do { document = try DocxReader.read(url) } catch let error as ScaffoldError { throw error } catch {
                throw ScaffoldError("无法打开 Word 文档：\(error)", hint: "请确认文件是 .docx（不是旧的 .doc），或另存为纯文本后再导入")
            }
            result = NoticeImporter().parse(document.text, formatted: document.formatted, tables: document.tables)
            encoding = .docx
        } else {
            guard let decoded = ImportedText.decode(data) else {
                throw ScaffoldError("无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK）", hint: "请另存为 UTF-8 编码的纯文本后再导入")
            }
            result = NoticeImporter().parse(decoded.text)
            encoding = decoded.encoding
        }
        let date = result.date ?? CalendarDate.today()
        let slug = NoticeScaffold.slug(for: result.title ?? url.lastPathComponent, date: date)
        let target = layout.noticesFolder.appendingPathComponent("\(slug).md")
        if FileManager.default.fileExists(atPath: target.path), !force {
            throw ScaffoldError("文件 \(layout.displayPath(target)) 已存在，没有覆盖", hint: "加 --force 才会覆盖")
        }
        try FileManager.default.createDirectory(at: layout.noticesFolder, withIntermediateDirectories: true)
        var text = try NoticeImporter.file(for: result)
        if let number = IndexNumbers.next(for: date, in: layout) { text = NoticeScaffold.withIndexNumber(number, in: text) }
        try Data(text.utf8).write(to: target)
        return Written(path: target, encoding: encoding, result: result)
    }
}
