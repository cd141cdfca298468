import Foundation
import Testing
@testable import GongshiBuild
@testable import GongshiContent
@testable import GongshiCore

/// The build cache keeps front matter and notice summaries in compact form: what comes back must be what went in (a
/// value that did not would be decoded from its file again, silently slower, or the cache dropped).
@Suite("Compact cache form")
struct CompactCoderTests {
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func exampleSiteFrontMatterAndSummariesComeBackTheSame() throws {
        let (content, _) = SiteLoader.load(SiteLayout(root: repositoryRoot))
        let notices = try #require(content).notices.map(\.notice)
        #expect(notices.count > 10)
        for notice in notices {
            let fields = try CompactDecoder.decode(NoticeFields.self, from: try CompactEncoder.encode(notice.fields))
            #expect(try Self.json(fields) == Self.json(notice.fields), "\(notice.sourcePath)")
            let summary = try CompactDecoder.decode(NoticeSummary.self, from: try CompactEncoder.encode(notice.summary))
            #expect(summary == notice.summary, "\(notice.sourcePath)")
        }
    }

    @Test func valuesOfEveryShapeComeBackAndACutOneIsRefused() throws {
        struct Sample: Codable, Equatable {
            var text = "巡察"; var number = -3; var big: UInt64 = .max; var ratio = 0.25; var flag = true
            var missing: String?; var present: Int? = 7; var list: [String?] = ["a", nil, ""]; var nested: [[Int]] = [[], [1, 2]]
            var map: [String: Int] = ["b": 2, "a": 1]
            var day = CalendarDate(year: 2024, month: 2, day: 29)!; var noDay: CalendarDate?; var small: Int8 = -8; var wide: UInt32 = 70_000
            var status = ProblemStatus.ongoing
        }
        let data = try CompactEncoder.encode(Sample())
        #expect(try CompactDecoder.decode(Sample.self, from: data) == Sample())
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Sample.self, from: data.dropLast()) }
        #expect(throws: (any Error).self) { try CompactDecoder.decode([Sample].self, from: data) }
    }

    @Test func aNumberTypeTheFormDoesNotKnowIsRefusedAndADayThatIsNoneIsBroken() throws {
        struct Measured: Codable { var weight: Float = 1.5 }
        #expect(throws: (any Error).self) { try CompactEncoder.encode(Measured()) }
        struct Number: Codable { var day = 20_250_230 }
        struct Dated: Codable { var day: CalendarDate }
        #expect(throws: (any Error).self) { try CompactDecoder.decode(Dated.self, from: try CompactEncoder.encode(Number())) }
        #expect(try CompactDecoder.decode(Dated.self, from: try CompactEncoder.encode(Number(day: 20_250_228))).day.description == "2025-02-28")
    }
}
