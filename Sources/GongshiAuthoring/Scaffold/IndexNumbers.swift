import Foundation
import GongshiContent
import GongshiCore

/// The next free 索引号 for a new notice, from the site's pattern and every number its notices already carry (read
/// with the real loader; a notice that does not load keeps its number out of the count, and `check` reports it).
public enum IndexNumbers {
    /// Nil when site.yaml gives no `disclosure.indexPattern`.
    public static func next(for date: CalendarDate, in layout: SiteLayout) -> String? {
        var existing = ExistingNotices.load(layout)
        return existing.takeIndexNumber(for: date)
    }
}

/// What the notices already in content/ hold that new ones must not repeat, read once per command: their titles with
/// dates (an import of the same notice is a duplicate) and their 索引号 (a new one takes the next free number).
public struct ExistingNotices: Sendable {
    /// `title|date` of each notice, with the file it is in.
    private(set) var files: [String: String] = [:]
    private var indexNumbers: [String] = []
    private let pattern: IndexNumberPattern?

    public static func load(_ layout: SiteLayout) -> ExistingNotices {
        let (config, _) = SiteLoader.loadConfig(layout)
        var existing = ExistingNotices(pattern: config.flatMap { config in
            config.disclosure.indexPattern.flatMap { IndexNumberPattern($0, siteCode: config.footer?.siteCode) }
        })
        var diagnostics: [Diagnostic] = []
        let noticeFiles = SiteLoader.noticeFiles(in: layout, diagnostics: &diagnostics)
        let defaultColumn = config?.defaultColumn ?? SiteConfig.standardColumn
        let loaded = parallelMap(noticeFiles.count) { i in
            SiteLoader.loadNotice(noticeFiles[i], maxFileSize: SiteLoader.defaultMaxFileSize, defaultColumn: defaultColumn).0?.notice.fields
        }
        for (file, fields) in zip(noticeFiles, loaded) {
            guard let fields else { continue }
            existing.add(title: fields.title, date: fields.date, file: file.displayPath)
            if let number = fields.indexNumber { existing.indexNumbers.append(number) }
        }
        return existing
    }

    static func key(_ title: String, _ date: CalendarDate) -> String {
        title.filter { !$0.isWhitespace } + "|" + date.description
    }

    /// Titles alone, for a notice whose date is not known (a scan without its last page).
    private var titles: [String: String] = [:]

    /// The file that already holds a notice with this title and date (any date when `date` is nil).
    public func file(title: String, date: CalendarDate?) -> String? {
        guard let date else { return titles[title.filter { !$0.isWhitespace }] }
        return files[Self.key(title, date)]
    }

    /// Notes a notice written by this command, so a second copy of it later in the same run is a duplicate too.
    public mutating func add(title: String, date: CalendarDate, file: String) {
        files[Self.key(title, date)] = file
        titles[title.filter { !$0.isWhitespace }] = file
    }

    /// The next free number of `date`'s year, taken (the next call gives the one after); nil without a pattern.
    public mutating func takeIndexNumber(for date: CalendarDate) -> String? {
        guard let number = pattern?.next(year: date.year, existing: indexNumbers) else { return nil }
        indexNumbers.append(number)
        return number
    }
}
