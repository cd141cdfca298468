import Testing
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
}
