import Testing
@testable import Gongshi

@Suite("Progress counting")
struct ProgressTests {
    @Test func countsFromTheProblemList() throws {
        let problems = [
            Problem(title: "a", status: .done), Problem(title: "b", status: .done),
            Problem(title: "c", status: .partial), Problem(title: "d", status: .ongoing),
        ]
        let p = try #require(Progress(problems: problems, stats: ProgressStats(total: 99, done: 99)))
        #expect(p == Progress(total: 4, done: 2, partial: 1, ongoing: 1))
        #expect(p.percentDone == 50)
    }

    @Test func countsFromStatsWhenThereIsNoList() throws {
        let p = try #require(Progress(problems: [], stats: ProgressStats(total: 28, done: 18, partial: 10)))
        #expect(p == Progress(total: 28, done: 18, partial: 10, ongoing: 0))
        #expect(p.percentDone == 64)
        #expect(p.unaccounted == 0)
    }

    @Test func totalIsTheSumWhenNotGiven() throws {
        let p = try #require(Progress(problems: [], stats: ProgressStats(done: 3, ongoing: 1)))
        #expect(p.total == 4)
        #expect(p.percentDone == 75)
    }

    @Test func allDoneIsOneHundredAndAlmostDoneIsNot() throws {
        #expect(Progress(problems: [], stats: ProgressStats(total: 34, done: 34))?.percentDone == 100)
        #expect(Progress(problems: [], stats: ProgressStats(total: 300, done: 299))?.percentDone == 99)
    }

    @Test func nothingToCountGivesNoProgress() {
        #expect(Progress(problems: [], stats: nil) == nil)
        #expect(Progress(problems: [], stats: ProgressStats()) == nil)
        #expect(Progress(total: 0, done: 0, partial: 0, ongoing: 0).percentDone == 0)
    }

    @Test func summaryLineOnThePageSaysTheCounts() {
        let view = ProgressView(progress: Progress(total: 28, done: 18, partial: 10, ongoing: 0), problems: [])
        #expect(view.summary == "共 28 个问题，已完成整改 18 个，取得阶段性成效 10 个，完成率 64%")
    }
}
