import Foundation
import GongshiContent
import GongshiCore

/// The next free 索引号 for a new notice, from the site's pattern and every number its notices already carry (read
/// with the real loader; a notice that does not load keeps its number out of the count, and `check` reports it).
public enum IndexNumbers {
    /// Nil when site.yaml gives no `disclosure.indexPattern`.
    public static func next(for date: CalendarDate, in layout: SiteLayout) -> String? {
        let (config, _) = SiteLoader.loadConfig(layout)
        guard let config, let text = config.disclosure.indexPattern,
              let pattern = IndexNumberPattern(text, siteCode: config.footer?.siteCode) else { return nil }
        var diagnostics: [Diagnostic] = []
        let existing = SiteLoader.noticeFiles(in: layout, diagnostics: &diagnostics).compactMap { file in
            SiteLoader.loadNotice(file, maxFileSize: SiteLoader.defaultMaxFileSize, defaultColumn: config.defaultColumn).0?
                .notice.fields.indexNumber
        }
        return pattern.next(year: date.year, existing: existing)
    }
}
