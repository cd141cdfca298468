import Foundation
import Testing
@testable import GongshiContent
@testable import GongshiCore

@Suite("Field positions")
struct SourcePositionsTests {
    @Test func aPathIsFoundExactlyAndTheLastRecordWins() {
        var positions = SourcePositions()
        positions.record("problems[1]", line: 20, column: 3)
        positions.record("problems[1].due", line: 24, column: 5)
        positions.record("problems[12].due", line: 90, column: 5)
        positions.record("title", line: 2, column: 1)
        positions.record("title", line: 7, column: 11)
        positions.record("一行\n两行", line: 9, column: 1)
        #expect(positions["problems[1]"] == SourcePosition(line: 20, column: 3))
        #expect(positions["problems[1].due"] == SourcePosition(line: 24, column: 5))
        #expect(positions["problems[12].due"] == SourcePosition(line: 90, column: 5))
        #expect(positions["title"] == SourcePosition(line: 7, column: 11))
        #expect(positions["problems"] == nil)
        #expect(positions["problems[1].du"] == nil)
        #expect(positions["titles"] == nil)
        #expect(positions["一行\n两行"] == nil)
        #expect(SourcePositions()["title"] == nil)
    }

    /// The loader records every key and list item of the front matter by its path, at its file line and column.
    @Test func theLoaderRecordsEveryNestedKeyAtItsLine() throws {
        var lines = ["---", "title: 通报", "org: 单位", "date: 2025-03-01", "inspection:", "  group: 第一巡察组", "  start: 2024-09-01", "problems:"]
        for i in 1...12 { lines += ["  - title: 问题\(i)", "    status: done", "    due: 2025-06-30"] }
        lines += ["---", "", "正文。"]
        let (decoded, diagnostics) = NoticeLoader.decode(data: Data(lines.joined(separator: "\n").utf8), path: "n.md", defaultColumn: "巡察整改")
        #expect(diagnostics.isEmpty)
        let positions = try #require(decoded).positions
        #expect(positions["title"] == SourcePosition(line: 2, column: 1))
        #expect(positions["inspection.start"] == SourcePosition(line: 7, column: 3))
        #expect(positions["problems[1]"] == SourcePosition(line: 9, column: 5))
        #expect(positions["problems[10].status"] == SourcePosition(line: 37, column: 5))
        #expect(positions["problems[12].due"] == SourcePosition(line: 44, column: 5))
        #expect(positions["problems[13]"] == nil && positions["start"] == nil)
    }
}
