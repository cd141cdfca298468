import Testing
@testable import GongshiBuild
@testable import GongshiCore
@testable import GongshiRender

/// Page keys digest what a page is made from; the overview's and the sitemap's rows (one per notice) are digested
/// from their template fields instead of through Encodable.
@Suite("Page keys")
struct PageKeyTests {
    /// A row's values as its template fields give them, as `FlatValue`s (nil: a field without a value).
    func templateValues(_ row: some FlatRow) -> [FlatValue?] {
        row.templateFields.map { _, value in
            switch value {
            case let text as String: return .text(text)
            case let number as Int: return .number(number)
            case let flag as Bool: return .flag(flag)
            default: return nil
            }
        }
    }

    func flatValues(_ row: some FlatRow) -> [FlatValue?] {
        var values: [FlatValue?] = []
        row.forEachValue { values.append($0) }
        return values
    }

    func digest<Row: Encodable>(_ rows: [Row]) throws -> UInt64 {
        let encoder = DigestEncoder()
        try encoder.add(rows)
        return encoder.digest.value
    }

    func row(title: String = "通报", url: String = "notices/a/", org: String = "党组", date: String = "2025年3月1日", total: Int = 5,
             done: Int = 3, partial: Int = 1, ongoing: Int = 1, notStarted: Int = 0, overdue: Int = 0, percent: Int = 60,
             superseded: Bool = false) -> OverviewRowView {
        OverviewRowView(title: title, url: url, org: org, date: date, total: total, done: done, partial: partial, ongoing: ongoing,
                        notStarted: notStarted, overdue: overdue, percent: percent, superseded: superseded)
    }

    /// A change to any one field of a row, or a value moved to another field, changes the digest.
    @Test func everyFieldOfARowCountsInItsDigest() throws {
        let rows = [row(), row(title: "通报二"), row(url: "notices/b/"), row(org: "党委"), row(date: "2025年3月2日"), row(total: 6),
                    row(done: 2), row(partial: 2), row(ongoing: 2), row(notStarted: 1), row(overdue: 1), row(percent: 61),
                    row(superseded: true), row(done: 1, partial: 3)]
        let digests = try rows.map { try digest([$0]) }
        #expect(Set(digests).count == rows.count)
        #expect(try digest([row(), row()]) != digest([row()]))
        let sitemap = [SitemapURLView(location: "https://x/a/", lastModified: nil), SitemapURLView(location: "https://x/a/", lastModified: "2025-01-01"),
                       SitemapURLView(location: "https://x/b/", lastModified: nil)]
        #expect(Set(try sitemap.map { try digest([$0]) }).count == 3)
    }

    /// The rows of the example site's overview and sitemap hold only texts, numbers and flags (anything else would stop
    /// the build), and their digest is what the page's key uses: made from their values (`FlatRow.forEachValue`), which
    /// are their template fields' values, one by one in the same order.
    @Test func flatRowsOfTheExampleSiteHoldOnlyTextsNumbersAndFlags() throws {
        var checked = 0, flatRows = 0
        for view in try exampleSiteViews(everything: true) {
            var fields: [KeyValuePairs<String, Any?>] = []
            if let page = view as? PageView, let rows = page.overview?.rows {
                fields = rows.map(\.templateFields)
                _ = try digest(rows)
                for row in rows { #expect(flatValues(row) == templateValues(row)) }
                flatRows += rows.count
            }
            if let sitemap = view as? SitemapView {
                fields = sitemap.urls.map(\.templateFields)
                _ = try digest(sitemap.urls)
                for row in sitemap.urls { #expect(flatValues(row) == templateValues(row)) }
                flatRows += sitemap.urls.count
            }
            for row in fields {
                for (name, value) in row {
                    checked += 1
                    #expect(value == nil || value is String || value is Int || value is Bool, "\(name)")
                }
            }
        }
        #expect(checked > 100)
        #expect(flatRows > 20)
    }

    /// A row's values are its template fields' values, one by one in the same order, with a value in every field (the
    /// example site's rows may leave some out) and with none where one can be missing.
    @Test func aRowsValuesAreItsTemplateFieldsValues() {
        let full = row(title: "t", url: "u", org: "o", date: "d", total: 1, done: 2, partial: 3, ongoing: 4, notStarted: 5, overdue: 6,
                       percent: 7, superseded: true)
        #expect(flatValues(full) == templateValues(full))
        #expect(flatValues(full).count == full.templateFields.count)
        for url in [SitemapURLView(location: "l", lastModified: "m"), SitemapURLView(location: "l", lastModified: nil)] {
            #expect(flatValues(url) == templateValues(url))
        }
    }
}
