import Foundation
import PropertyBased
import Testing
import Yams
@testable import Gongshi

/// Characters that break naive YAML, HTML and URL handling, with Chinese and astral-plane text.
let trickyCharacters: [Character] = Array("abcXYZ019 :#&*!|>%@`'\"<>/\\[]{},?-=~_.整改巡察通报关于〔〕（）“”：，。😀𠀀") + ["\u{202E}", "\u{00A0}", "\u{FEFF}"]
let trickyString = Gen<Character?>.element(of: trickyCharacters).map { $0! }.string(of: 0...30)
/// Text a clerk might type in one line: never empty, no surrounding white space (a stray byte-order mark counts as
/// white space: YAML readers drop it).
let fieldText = trickyString.map { s -> String in
    let t = s.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
    return t.isEmpty ? "整改" : t
}

@Suite("Properties")
struct PropertyTests {
    @Test func acceptedSlugsAreAlwaysSafeFolderNames() async {
        await propertyCheck(count: 500, input: trickyString) { slug in
            if Slug.problem(with: slug) == nil {
                #expect(!slug.isEmpty)
                #expect(!slug.contains("/") && !slug.contains("\\") && !slug.contains(".."))
                #expect(slug.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 })
                #expect(!slug.hasPrefix("."))
            }
        }
    }

    @Test func generatedSlugsAreAlwaysAccepted() async {
        await propertyCheck(count: 300, input: trickyString, Gen.int(in: 1...9999)) { title, year in
            let date = CalendarDate(year: year, month: 1 + year % 12, day: 1 + year % 28)!
            #expect(Slug.problem(with: NoticeScaffold.slug(for: title, date: date)) == nil)
        }
    }

    /// Whatever the title, it appears only in its escaped form, in every place the page shows it.
    @Test func titleIsEscapedInEveryContext() async {
        let templates = TemplateSet.builtin()
        func page(_ title: String) -> String {
            let notice = Notice(sourcePath: "content/notices/a.md", title: title, org: "单位", date: CalendarDate("2025-07-28")!,
                                slug: "a", column: "巡察整改", body: "正文")
            let model = SiteModel(content: LoadedContent(config: SiteConfig(title: "网站"), notices: [notice]))
            return SiteRenderer(model: model, templates: templates).renderNotice(at: 0)
        }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
        }
        let marker = "\u{E000}"
        let reference = page(marker)
        await propertyCheck(count: 200, input: trickyString) { text in
            let title = "\u{E001}" + text + "\u{E002}"
            let html = page(title)
            #expect(html.replacingOccurrences(of: escape(title), with: marker) == reference)
        }
    }

    /// Front matter written by a YAML library decodes back to the same values.
    @Test func frontMatterRoundTrips() async {
        struct FrontMatter: Encodable {
            let title: String
            let org: String
            let date: CalendarDate
            let summary: String
            let inspection: Inspection
            let problems: [Problem]
            let contact: Contact
        }
        let status = Gen<ProblemStatus>.case
        let problem = zip(fieldText, fieldText, status).map { Problem(title: $0, category: $1, status: $2) }
        let input = zip(fieldText, fieldText, Gen.int(in: 0...3000), problem.array(of: 0...5), fieldText)
        await propertyCheck(count: 200, input: input) { title, org, day, problems, group in
            let date = CalendarDate(year: 2020 + day / 366, month: 1 + day % 12, day: 1 + day % 28)!
            let front = FrontMatter(title: title, org: org, date: date, summary: title + org,
                                    inspection: Inspection(group: group, start: date),
                                    problems: problems, contact: Contact(phone: [org], email: title, envelope: group))
            let yaml = try! YAMLEncoder().encode(front)
            let (notice, diagnostics) = decode("---\n" + yaml + "---\n\n正文\n")
            #expect(!diagnostics.hasErrors, "\(diagnostics)\n\(yaml)")
            guard let notice else { return }
            #expect(notice.title == title)
            #expect(notice.org == org)
            #expect(notice.date == date)
            #expect(notice.summary == title + org)
            #expect(notice.inspection == Inspection(group: group, start: date))
            #expect(notice.problems == problems)
            #expect(notice.contact?.phone == [org])
            #expect(notice.contact?.email == title)
        }
    }
}
