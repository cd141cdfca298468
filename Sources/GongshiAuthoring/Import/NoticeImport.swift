import GongshiCore
import GongshiContent
import Foundation

/// `gongshi import`: reads files (or every file in folders), recognizes each one's fields and writes
/// content/notices/<slug>.md. Never overwrites without `force`, never imports a notice content/ already has (same
/// title and date), and reports every file: written, a duplicate, or skipped with the reason.
public enum NoticeImport {
    public struct Written: Sendable {
        public var path: URL
        public var document: ImportedDocument
        public var result: NoticeImporter.Result
    }

    /// Imports one file; throws when it cannot be read, is already in content/, or its target exists.
    public static func importFile(_ url: URL, into layout: SiteLayout, force: Bool, today: CalendarDate = .today()) throws -> Written {
        var existing = ExistingNotices.load(layout)
        do {
            return try importFile(url, into: layout, force: force, dryRun: false, today: today, existing: &existing)
        } catch let duplicate as Duplicate {
            throw ScaffoldError(duplicate.description, hint: "是同一篇就不必再导入；确需再导入一份，加 --force")
        }
    }

    static func importFile(_ url: URL, into layout: SiteLayout, force: Bool, dryRun: Bool, today: CalendarDate,
                           existing: inout ExistingNotices) throws -> Written {
        let document = try DocumentReader.read(url)
        let result = NoticeImporter().parse(document)
        guard result.title != nil || !result.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ScaffoldError("文件里没有文字", hint: document.format == .scan ? "文字识别没有认出文字，请检查扫描件是否清晰" : "请确认文件内容")
        }
        let date = result.date ?? today
        if let title = result.title, let file = existing.file(title: title, date: result.date), !force {
            throw Duplicate(file: file)
        }
        let slug = NoticeScaffold.slug(for: result.title ?? url.lastPathComponent, date: date)
        let target = layout.noticesFolder.appendingPathComponent("\(slug).md")
        if FileManager.default.fileExists(atPath: target.path), !force {
            throw ScaffoldError("文件 \(layout.displayPath(target)) 已存在，没有覆盖", hint: "加 --force 才会覆盖")
        }
        var text = try NoticeImporter.file(for: result, document: document)
        if let number = existing.takeIndexNumber(for: date) { text = NoticeScaffold.withIndexNumber(number, in: text) }
        if !dryRun {
            try FileManager.default.createDirectory(at: layout.noticesFolder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target)
        }
        if let title = result.title { existing.add(title: title, date: date, file: layout.displayPath(target)) }
        return Written(path: target, document: document, result: result)
    }

    /// A notice content/ already holds (same title and date).
    public struct Duplicate: Error, CustomStringConvertible {
        public let file: String
        public var description: String { "与已有的通知 \(file) 标题和日期相同，没有重复导入" }
    }

    /// Every file to import under `paths` (folders walked, hidden files and unknown types skipped with a reason),
    /// in a fixed order.
    public static func files(in paths: [URL]) -> (files: [URL], skipped: [ImportReport.Row]) {
        var files: [URL] = [], skipped: [ImportReport.Row] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder) else {
                skipped.append(.init(file: path.path, outcome: .failed, reason: "文件不存在"))
                continue
            }
            guard isFolder.boolValue else { files.append(path); continue }
            let found = (FileManager.default.enumerator(at: path, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles])?.allObjects as? [URL]) ?? []
            for file in found.sorted(by: { $0.path < $1.path }) where (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                if DocumentReader.format(of: file) != nil {
                    files.append(file)
                } else {
                    skipped.append(.init(file: file.path, outcome: .skipped, reason: "不支持的文件类型（.\(file.pathExtension)）"))
                }
            }
        }
        return (files, skipped)
    }

    /// Imports every file under `paths`; `progress` hears of each file before it is read.
    /// `today` names the file of a document that gives no date (the date itself is left for the clerk to fill in).
    public static func run(_ paths: [URL], into layout: SiteLayout, force: Bool, dryRun: Bool, today: CalendarDate = .today(),
                           progress: (Int, Int, URL) -> Void = { _, _, _ in }) -> ImportReport {
        let (files, skipped) = files(in: paths)
        var existing = ExistingNotices.load(layout)
        var report = ImportReport(dryRun: dryRun, rows: skipped)
        for (i, file) in files.enumerated() {
            progress(i + 1, files.count, file)
            var row = ImportReport.Row(file: file.path, outcome: dryRun ? .wouldImport : .imported)
            row.format = DocumentReader.format(of: file)?.rawValue
            do {
                let written = try importFile(file, into: layout, force: force, dryRun: dryRun, today: today, existing: &existing)
                row.target = layout.displayPath(written.path)
                row.source = written.document.source
                row.format = written.document.format.rawValue
                row.ocr = written.document.isOCR
                row.found = written.result.found
                row.missing = written.result.missing
                row.title = written.result.title
            } catch let duplicate as Duplicate {
                row.outcome = .duplicate
                row.reason = duplicate.description
            } catch let error as ScaffoldError {
                row.outcome = .failed
                row.reason = error.description
            } catch {
                row.outcome = .failed
                row.reason = "\(error)"
            }
            report.rows.append(row)
        }
        report.rows.sort { $0.file < $1.file }
        return report
    }
}
