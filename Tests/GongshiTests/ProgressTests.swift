import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Progress counting")
struct ProgressTests {
    @Test func countsFromTheProblemList() throws {
        let problems = [
            Problem(title: "a", status: .done), Problem(title: "b", status: .done),
            Problem(title: "c", status: .partial), Problem(title: "d", status: .ongoing),
        ]
        let p = try #require(RectificationProgress(problems: problems, stats: ProgressStats(total: 99, done: 99)))
        #expect(p == RectificationProgress(total: 4, done: 2, partial: 1, ongoing: 1))
        #expect(p.percentDone == 50)
    }

    @Test func countsFromStatsWhenThereIsNoList() throws {
        let p = try #require(RectificationProgress(problems: [], stats: ProgressStats(total: 28, done: 18, partial: 10)))
        #expect(p == RectificationProgress(total: 28, done: 18, partial: 10, ongoing: 0))
        #expect(p.percentDone == 64)
        #expect(p.unaccounted == 0)
    }

    @Test func totalIsTheSumWhenNotGiven() throws {
        let p = try #require(RectificationProgress(problems: [], stats: ProgressStats(done: 3, ongoing: 1)))
        #expect(p.total == 4)
        #expect(p.percentDone == 75)
    }

    @Test func allDoneIsOneHundredAndAlmostDoneIsNot() throws {
        #expect(RectificationProgress(problems: [], stats: ProgressStats(total: 34, done: 34))?.percentDone == 100)
        #expect(RectificationProgress(problems: [], stats: ProgressStats(total: 300, done: 299))?.percentDone == 99)
    }

    @Test func nothingToCountGivesNoProgress() {
        #expect(RectificationProgress(problems: [], stats: nil) == nil)
        #expect(RectificationProgress(problems: [], stats: ProgressStats()) == nil)
        #expect(RectificationProgress(total: 0, done: 0, partial: 0, ongoing: 0).percentDone == 0)
    }

    @Test func summaryLineOnThePageSaysTheCounts() {
        let view = ProgressView(progress: RectificationProgress(total: 28, done: 18, partial: 10, ongoing: 0), problems: [], now: referenceTime, strings: TemplateSet.builtin().strings)
        #expect(view.summary == "共 28 个问题，已完成整改 18 个，取得阶段性成效 10 个，完成率 64%")
    }
}
