import Foundation
import PropertyBased
import Testing
import Yams
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

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
            let fields = NoticeFields(title: title, org: "单位", date: CalendarDate("2025-07-28")!, slug: "a", column: "巡察整改")
            let notice = Notice(sourcePath: "content/notices/a.md", fields: fields, body: "正文")
            let model = SiteModel(config: SiteConfig(title: "网站"), notices: [notice.summary], now: Moment(date: notice.date))
            let page = SiteRenderer(model: model, templates: templates).renderNotice(notice, at: 0)
            return String(decoding: page.html, as: UTF8.self)
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
            #expect(notice.fields.summary == title + org)
            #expect(notice.inspection == Inspection(group: group, start: date))
            #expect(notice.problems == problems)
            #expect(notice.contact?.phone == [org])
            #expect(notice.contact?.email == title)
        }
    }

    // The contact and placeholder checks are written out by hand for speed; these compare them with the regular
    // expressions they replaced, on input made of the characters that matter.
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let expression = try! NSRegularExpression(pattern: "^(?:\(pattern))$")
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func phoneCheckAgreesWithItsPatterns() async {
        let patterns = ["0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?", "[1-9]\\d{6,7}", "1[3-9]\\d{9}", "1\\d{4}", "400-?\\d{3}-?\\d{4}", "0\\d{9,11}"]
        let digitsAndDashes = Gen<Character?>.element(of: Array("0000111344456789---- +a")).map { $0! }.string(of: 0...16)
        let likely = zip(Gen<String?>.element(of: ["0", "01", "010-", "400", "13", "+86 ", ""]).map { $0! }, digitsAndDashes).map { $0 + $1 }
        await propertyCheck(count: 3000, input: likely) { phone in
            var compact = phone.trimmingCharacters(in: .whitespaces)
            if compact.hasPrefix("+86") { compact = "0" + compact.dropFirst(3).trimmingCharacters(in: .whitespaces) }
            compact = compact.replacingOccurrences(of: " ", with: "")
            let expected = patterns.contains { PropertyTests.matches($0, compact) }
            #expect(ContentLints.isPhoneNumber(phone) == expected, "\(phone)")
        }
    }

    @Test func emailCheckAgreesWithItsPattern() async {
        let pattern = "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"
        let emailish = Gen<Character?>.element(of: Array("aZ09._%+-@@...cngov整#")).map { $0! }.string(of: 0...14)
        let likely = zip(emailish, Gen<String?>.element(of: ["", "@example.gov.cn", ".cn", "@a.b"]).map { $0! }).map { $0 + $1 }
        await propertyCheck(count: 3000, input: likely) { email in
            #expect(ContentLints.isEmail(email) == PropertyTests.matches(pattern, email), "\(email)")
        }
    }

    /// Posting lists are written digit by digit; search.js reads them as `parseInt(delta, 36)`.
    @Test func postingListsAreBase36Differences() async {
        let gaps = Gen<Int>.int(in: 0...3_000_000).array(of: 0...40)
        await propertyCheck(count: 2000, input: gaps) { gaps in
            let ids = gaps.reduce(into: [Int32]()) { list, gap in list.append(Int32((list.last.map(Int.init) ?? 0) + gap / 40)) }
            let expected = zip(ids, [0] + ids.dropLast()).map { String($0 - $1, radix: 36) }.joined(separator: ",")
            #expect(SearchIndexBuilder.encode(ids) == expected, "\(ids)")
        }
    }

    /// Han tokens are hashed to their shard from the packed integer; search.js hashes the token's text.
    @Test func packedTokensHashLikeTheirText() async {
        let text = Gen<Character?>.element(of: Array("巡察整改〇㐀丂龥豈𠀀𪛖ab1")).map { $0! }.string(of: 1...6)
        await propertyCheck(count: 2000, input: text) { text in
            for key in SearchIndexBuilder.tokenSet(in: text).han {
                let token = SearchIndexBuilder.TokenSet.string(key)
                #expect(SearchIndexBuilder.shardHash(han: key) == SearchIndexBuilder.shardHash(token), "\(token)")
            }
        }
    }

    /// The packed-token table gives exactly the Han characters and adjacent pairs a plain set of strings gives, in
    /// order, also for texts long enough to make the table grow many times.
    @Test func hanTokensAreEveryCharacterAndEveryAdjacentPair() async {
        // Mostly any of the 20,992 common Han characters (so most tokens are new and the table grows), some repeated
        // ones and some that end a run.
        let common = Gen<Int>.int(in: 0x4E00...0x9FFF).map { Character(Unicode.Scalar(UInt32($0))!) }
        let other = Gen<Character?>.element(of: Array("巡察整改〇㐀豈𠀀𪛖 a1，")).map { $0! }
        let text = Gen<Character>.oneOf(common, common, other).string(of: 0...3000)
        await propertyCheck(count: 300, input: text) { text in
            var expected = Set<String>()
            var previous: Character?
            for character in text {
                if character.unicodeScalars.allSatisfy({ SearchIndexBuilder.isHan($0.value) }) {
                    expected.insert(String(character))
                    if let previous { expected.insert(String(previous) + String(character)) }
                    previous = character
                } else {
                    previous = nil
                }
            }
            let han = SearchIndexBuilder.tokenSet(in: text).han
            #expect(han == han.sorted(), "\(text.prefix(40))")
            #expect(Set(han.map(SearchIndexBuilder.TokenSet.string)) == expected && han.count == expected.count, "\(text.prefix(40))")
        }
    }

    /// The tokenizer decodes UTF-8 itself; it gives what the same rules give over `unicodeScalars` (the tokenizer as
    /// it was before, kept here), for texts of ASCII, full-width letters and digits, Han characters of every block
    /// (four-byte ones too), other two-, three- and four-byte characters and line breaks.
    @Test func tokenizerGivesWhatTheRulesGiveOverUnicodeScalars() async {
        let characters = Array("aZz09 -_.,\n\tＡｚ０９ｇＱ巡察整改〇㐀䶵丂龥豈𠀀𪛖𯨟éßΩ，、“”　（）😀🀄")
        let text = Gen<Character?>.element(of: characters).map { $0! }.string(of: 0...60)
        await propertyCheck(count: 3000, input: text) { text in
            #expect(SearchIndexBuilder.tokenSet(in: text) == PropertyTests.tokenSetOverScalars(text), "\(text)")
        }
    }

    static func tokenSetOverScalars(_ text: String) -> SearchIndexBuilder.TokenSet {
        var han = Set<UInt64>(), words = Set<String>(), word = "", previous: Unicode.Scalar?
        for raw in text.unicodeScalars {
            var scalar = raw
            if (0xFF10...0xFF19).contains(raw.value) || (0xFF21...0xFF3A).contains(raw.value) || (0xFF41...0xFF5A).contains(raw.value) {
                scalar = Unicode.Scalar(raw.value - 0xFEE0)!
            }
            if SearchIndexBuilder.isHan(scalar.value) {
                if !word.isEmpty { words.insert(word); word = "" }
                han.insert(UInt64(scalar.value))
                if let previous { han.insert(SearchIndexBuilder.TokenSet.pair(previous.value, scalar.value)) }
                previous = scalar
            } else if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                previous = nil
                word.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            } else {
                previous = nil
                if !word.isEmpty { words.insert(word); word = "" }
            }
        }
        if !word.isEmpty { words.insert(word) }
        return SearchIndexBuilder.TokenSet(han: han.sorted(), words: words.sorted())
    }

    @Test func placeholderPrefilterNeverHidesAPlaceholder() async {
        let text = Gen<Character?>.element(of: Array("XxＸｘ 年月日号某〔〕【】TODOtodo整改\u{3000}")).map { $0! }.string(of: 0...12)
        await propertyCheck(count: 3000, input: text) { line in
            var found = false
            ContentLints.placeholders(in: line, line: 1) { _, _, _, _ in found = true }
            if found { #expect(ContentLints.mayHavePlaceholders(line), "\(line)") }
        }
    }

    /// Dates print as YYYY-MM-DD, zero-padded, the same as the padded form for every year 0–9999 (and that form
    /// is kept beyond).
    @Test func datesPrintZeroPadded() {
        func padded(_ n: Int, _ width: Int) -> String { String(repeating: "0", count: max(0, width - String(n).count)) + String(n) }
        for year in [0, 7, 99, 100, 999, 1000, 1970, 2025, 9999, 10000, 12345] {
            for (month, day) in [(1, 1), (2, 28), (9, 9), (10, 10), (12, 31)] {
                let date = CalendarDate(year: year, month: month, day: day)
                #expect(date?.description == date.map { _ in "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))" }, "\(year)-\(month)-\(day)")
            }
        }
        #expect(CalendarDate(year: 2025, month: 3, day: 1)?.description == "2025-03-01")
    }

    /// Names compare without their white space: every Unicode white-space scalar between two Chinese characters is
    /// taken out (the quick byte scan that lets most names through unchanged never misses one), and text without
    /// any comes back as it was.
    @Test func withoutWhitespaceDropsEveryWhiteSpaceScalar() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { continue }
            #expect(("巡察" + String(Character(scalar)) + "组").withoutWhitespace == "巡察组", "U+\(String(value, radix: 16))")
        }
        for text in ["第一巡察组", "县教育局「党组」", "Group 1", "一\u{3000}组", "、。〇", "\u{2014}—\u{00B7}"] {
            #expect(text.withoutWhitespace == text.filter { !$0.isWhitespace })
        }
    }

    /// The quick trimming gives what Foundation's gives, with and without newlines, on texts made of every kind of
    /// white space (and of characters that once were white space) mixed with Chinese and ASCII; and every scalar in
    /// Foundation's white-space and newline set is one it hands on to Foundation.
    @Test func quickTrimmingAgreesWithFoundation() async {
        let spaces: [Character] = [" ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{180E}", "\u{2000}",
                                   "\u{2007}", "\u{200A}", "\u{200B}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}"]
        let text = Gen<Character?>.element(of: spaces + trickyCharacters).map { $0! }.string(of: 0...12)
        await propertyCheck(count: 2_000, input: text) { s in
            for (newlines, set) in [(false, CharacterSet.whitespaces), (true, .whitespacesAndNewlines)] {
                #expect(s.trimmingWhitespace(andNewlines: newlines) == s.trimmingCharacters(in: set))
                #expect(s.dropFirst().trimmingWhitespace(andNewlines: newlines) == s.dropFirst().trimmingCharacters(in: set))
            }
        }
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), CharacterSet.whitespacesAndNewlines.contains(scalar) else { continue }
            let s = "整" + String(Character(scalar))
            #expect(s.trimmingWhitespace(andNewlines: true) == "整", "U+\(String(value, radix: 16))")
        }
    }
}
