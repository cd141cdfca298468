import Foundation
import Testing
@testable import GongshiCore

/// How dates, statuses and notice kinds are read from the text a clerk writes.
@Suite("Dates, statuses and kinds from text")
struct ValueTextTests {
    /// The date parser as it was before it read bytes (split on "-", Characters counted): the new one must agree.
    static func splitParse(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }

    @Test func datesAreReadExactlyAsYearMonthDay() {
        #expect(CalendarDate("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate("0001-01-01")?.description == "0001-01-01")
        for bad in ["2025-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "2025-1-05", "2025/01/05", "25-01-05", " 2025-01-05",
                    "2025-01-05\n", "２０２５-01-05", "٢٠٢٥-01-05", "+025-01-05", "2025--1-05", "2025-0a-05", "", "2025-01-05-"] {
            #expect(CalendarDate(bad) == nil, "\(bad)")
        }
        // Every text made by putting one of these in any place of a date, and every day of three years (and a few
        // that are no day) reads the same as before.
        let pieces = ["0", "9", "-", "a", "\r\n", "２", " ", "é", "e\u{301}", ""]
        var texts: [String] = []
        let base = Array("2024-02-29")
        for i in base.indices {
            for piece in pieces { var t = base; t.replaceSubrange(i...i, with: Array(piece)); texts.append(String(t)) }
        }
        for y in [1999, 2000, 2100] { for m in 0...13 { for d in 0...32 { texts.append(String(format: "%04d-%02d-%02d", y, m, d)) } } }
        for text in texts { #expect(CalendarDate(text) == Self.splitParse(text), "\(text)") }
    }

    @Test func everySpellingOfAStatusOrKindIsItsOwnLowerCaseAndNamesOneValue() {
        func check<T: Hashable>(_ cases: [T], _ accepted: (T) -> [String], _ parse: (String) -> T?) {
            var seen: [String: T] = [:]
            for value in cases {
                for spelling in accepted(value) {
                    #expect(spelling.lowercased() == spelling, "\(spelling)")
                    #expect(seen.updateValue(value, forKey: spelling) == nil, "\(spelling) twice")
                    #expect(parse(spelling) == value && parse(" \(spelling.uppercased())\u{3000}") == value, "\(spelling)")
                }
            }
            #expect(parse("已阅") == nil && parse("") == nil)
        }
        check(ProblemStatus.allCases, \.accepted, ProblemStatus.init(text:))
        check(NoticeKind.allCases, \.accepted, NoticeKind.init(text:))
        #expect(ProblemStatus(text: "NotStarted") == .notStarted && NoticeKind(text: "followUp") == .followUp)
    }
}
