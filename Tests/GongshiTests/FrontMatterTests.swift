import Foundation
import Testing
@testable import GongshiCore
@testable import GongshiMarkdown
@testable import GongshiContent
@testable import GongshiRender
@testable import GongshiOutput
@testable import GongshiBuild
@testable import GongshiAuthoring

@Suite("Front matter decoding")
struct FrontMatterTests {
    @Test func decodesEveryFieldOfTheSchema() throws {
        let text = """
        ---
        title: 中共示例区教育工作委员会关于巡察整改进展情况的通报
        org: 中共示例区教育工作委员会
        date: 2025-07-28
        slug: shiliqu-2025
        column: 巡察整改
        summary: 一段摘要。
        inspection:
          round: 十届区委第二轮巡察
          group: 区委第二巡察组
          target: 区教育工作党委
          start: 2024-12-05
          end: 2025-01-24
          feedback: 2025-03-11
        problems:
          - title: 把握职能定位不够准确
            category: 落实教育督导职能不够到位
            status: done
            owner: 督导室
            due: 2025-06-30
          - title: 第二个问题
            status: 阶段性成效
        stats:
          total: 28
          done: 18
          partial: 10
        contact:
          phone: ["021-22050716", "7663776"]
          email: someone@example.org
          address: 示例路599号716办公室
          postcode: "200050"
          envelope: 关于巡察整改落实情况的意见建议
        signature:
          org: 中共示例区教育工作委员会
          date: 2025-07-22
        ---

        正文。
        """
        let (notice, diagnostics) = decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let n = try #require(notice)
        #expect(n.title == "中共示例区教育工作委员会关于巡察整改进展情况的通报")
        #expect(n.org == "中共示例区教育工作委员会")
        #expect(n.date == CalendarDate(year: 2025, month: 7, day: 28))
        #expect(n.slug == "shiliqu-2025")
        #expect(n.column == "巡察整改")
        #expect(n.fields.summary == "一段摘要。")
        #expect(n.inspection?.round == "十届区委第二轮巡察")
        #expect(n.inspection?.group == "区委第二巡察组")
        #expect(n.inspection?.target == "区教育工作党委")
        #expect(n.inspection?.start == CalendarDate("2024-12-05"))
        #expect(n.inspection?.end == CalendarDate("2025-01-24"))
        #expect(n.inspection?.feedback == CalendarDate("2025-03-11"))
        #expect(n.problems.count == 2)
        #expect(n.problems[0] == Problem(title: "把握职能定位不够准确", category: "落实教育督导职能不够到位", status: .done,
                                         owner: "督导室", due: CalendarDate("2025-06-30")))
        #expect(n.problems[1].status == .partial)
        #expect(n.stats == ProgressStats(total: 28, done: 18, partial: 10))
        #expect(n.contact?.phone == ["021-22050716", "7663776"])
        #expect(n.contact?.email == "someone@example.org")
        #expect(n.contact?.postcode == "200050")
        #expect(n.contact?.envelope == "关于巡察整改落实情况的意见建议")
        #expect(n.signature.date == CalendarDate("2025-07-22"))
        #expect(n.body.contains("正文。"))
        #expect(n.bodyStartLine == 37)  // the line after the closing ---
    }

    @Test func defaultsSlugFromFileNameColumnFromSiteAndSignatureFromOrgAndDate() throws {
        let (notice, diagnostics) = decode(noticeText(), path: "content/notices/Report-2025.md")
        #expect(diagnostics.isEmpty)
        let n = try #require(notice)
        #expect(n.slug == "report-2025")
        #expect(n.column == "巡察整改")
        #expect(n.signature.org == "测试单位")
        #expect(n.signature.date == CalendarDate("2025-07-28"))
        #expect(n.contact == nil)
    }

    @Test func acceptsSinglePhoneUnquotedPostcodeAndChineseStatusLabels() throws {
        let (notice, diagnostics) = decode(noticeText(extra: """
        contact:
          phone: 0891-6323368
          postcode: 200050
        problems:
          - title: 甲
            status: 已经整改到位
          - title: 乙
            status: 取得阶段性成效
          - title: 丙
            status: 持续推进
        """))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let n = try #require(notice)
        #expect(n.contact?.phone == ["0891-6323368"])
        #expect(n.contact?.postcode == "200050")
        #expect(n.problems.map(\.status) == [.done, .partial, .ongoing])
    }

    @Test func byteOrderMarkAndWindowsLineEndingsDecodeNormally() throws {
        let text = "\u{FEFF}" + noticeText(extra: "slug: crlf-notice").replacingOccurrences(of: "\n", with: "\r\n")
        let (notice, diagnostics) = decode(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(notice?.slug == "crlf-notice")
        #expect(notice?.body.contains("\r") == false)
    }
}

@Suite("Front matter errors name the file, the line and what to do")
struct FrontMatterErrorTests {
    func onlyError(_ text: String, path: String = "content/notices/test.md") throws -> Diagnostic {
        let (notice, diagnostics) = decode(text, path: path)
        #expect(notice == nil)
        #expect(diagnostics.errors.count == 1, "\(diagnostics)")
        return try #require(diagnostics.errors.first)
    }

    /// The closing line may be `---` or `...` with spaces around it (also full-width ones); a value holding dashes
    /// or dots does not end the front matter.
    @Test func frontMatterEndsAtTheFirstFenceLine() throws {
        for fence in ["---", "...", "  ---  ", "---\u{3000}", "\t..."] {
            let text = "---\ntitle: 标题 --- 副标题...\norg: 某单位\nsummary: \"---\"\ndate: 2025-07-28\n\(fence)\n\n正文。\n"
            let (notice, diagnostics) = decode(text)
            #expect(!diagnostics.hasErrors, "\(fence): \(diagnostics)")
            #expect(notice?.title == "标题 --- 副标题...", "\(fence)")
            #expect(notice?.fields.summary == "---", "\(fence)")
            #expect(notice?.body == "\n正文。\n", "\(fence)")
            #expect(notice?.bodyStartLine == 7, "\(fence)")
        }
    }

    @Test func invalidYAMLIsReportedAtItsLine() throws {
        let d = try onlyError("---\ntitle: 标题\norg: 单位: 其他\ndate: 2025-07-28\n---\n正文")
        #expect(d.file == "content/notices/test.md")
        #expect(d.line == 3)
        #expect(d.message.contains("YAML 格式错误"))
        #expect(d.hint?.contains("引号") == true)
    }

    @Test func tabIndentationIsExplained() throws {
        let d = try onlyError("---\ntitle: 标题\norg: 单位\ndate: 2025-07-28\ninspection:\n\tgroup: 区委第二巡察组\n---\n")
        #expect(d.line == 6)
        #expect(d.hint?.contains("Tab") == true)
    }

    @Test func everyMissingRequiredFieldIsReported() {
        let (notice, diagnostics) = decode("---\nsummary: 只有摘要\n---\n正文")
        #expect(notice == nil)
        let messages = diagnostics.errors.map(\.message)
        #expect(messages.contains { $0.contains("“title”") })
        #expect(messages.contains { $0.contains("“org”") })
        #expect(messages.contains { $0.contains("“date”") })
        #expect(diagnostics.errors.allSatisfy { $0.line == 2 })
    }

    @Test func missingInspectionGroupPointsAtTheInspectionBlock() throws {
        let d = try onlyError(noticeText(extra: "inspection:\n  start: 2024-12-05\n  end: 2025-01-24"))
        #expect(d.message.contains("inspection.group"))
        #expect(d.line == 6)
    }

    @Test func impossibleDateIsReportedAtItsLine() throws {
        let d = try onlyError(noticeText(date: "2025-02-30"))
        #expect(d.line == 4)
        #expect(d.message.contains("2025-02-30"))
        #expect(d.message.contains("不存在"))
    }

    @Test func wronglyWrittenDateSaysTheFormat() throws {
        let d = try onlyError(noticeText(date: "2025年7月28日"))
        #expect(d.line == 4)
        #expect(d.message.contains("YYYY-MM-DD"))
    }

    @Test func unknownStatusIsReportedAtItsLineWithTheAcceptedValues() throws {
        let d = try onlyError(noticeText(extra: "problems:\n  - title: 甲\n    status: done\n  - title: 乙\n    status: finished"))
        #expect(d.line == 9)
        #expect(d.message.contains("finished"))
        #expect(d.message.contains("done"))
        #expect(d.message.contains("partial"))
    }

    @Test func unknownKeyNamesTheKeyAndSuggestsTheNearestOne() throws {
        let d = try onlyError(noticeText(extra: "sumary: 摘要"))
        #expect(d.line == 5)
        #expect(d.message.contains("sumary"))
        #expect(d.hint?.contains("summary") == true)
    }

    @Test func chineseKeySuggestsTheSchemaName() throws {
        let d = try onlyError(noticeText(extra: "栏目: 巡察整改"))
        #expect(d.message.contains("栏目"))
        #expect(d.hint?.contains("column") == true)
    }

    @Test func unknownNestedKeyIsFound() throws {
        let d = try onlyError(noticeText(extra: "contact:\n  phone: [\"010-1\"]\n  emial: a@b.cn"))
        #expect(d.line == 7)
        #expect(d.hint?.contains("email") == true)
    }

    @Test func frontMatterThatNeverClosesIsAnError() throws {
        let d = try onlyError("---\ntitle: 标题\norg: 单位\ndate: 2025-07-28\n正文没有分隔线")
        #expect(d.line == 1)
        #expect(d.message.contains("没有结束"))
    }

    @Test func fileWithoutFrontMatterIsAnError() throws {
        let d = try onlyError("# 只有正文\n")
        #expect(d.line == 1)
        #expect(d.message.contains("front matter"))
    }

    @Test func emptyFileIsAnError() throws {
        let (notice, diagnostics) = NoticeLoader.load(data: Data(), path: "content/notices/empty.md", defaultColumn: "x")
        #expect(notice == nil)
        #expect(diagnostics.first?.message.contains("空") == true)
        #expect(diagnostics.first?.line == 1)
    }

    @Test func nonUTF8FileNamesTheConversion() throws {
        // "标题" in GB18030.
        let gb: [UInt8] = Array("---\ntitle: ".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array("\n---\n".utf8)
        let (notice, diagnostics) = NoticeLoader.load(data: Data(gb), path: "content/notices/gbk.md", defaultColumn: "x")
        #expect(notice == nil)
        let d = try #require(diagnostics.first)
        #expect(d.message.contains("UTF-8"))
        #expect(d.hint?.contains("iconv") == true)
        #expect(d.hint?.contains("gongshi import") == true)
    }

    @Test func unsafeSlugIsRejected() throws {
        for slug in ["../etc", "a/b", "con", "中文名", ".hidden"] {
            let (notice, diagnostics) = decode(noticeText(extra: "slug: \"\(slug)\""))
            #expect(notice == nil, "slug \(slug) should be refused")
            #expect(diagnostics.errors.first?.line == 5)
        }
    }

    @Test func chineseFileNameWithoutSlugExplainsHowToName() throws {
        let d = try onlyError(noticeText(), path: "content/notices/整改通报.md")
        #expect(d.hint?.contains("slug:") == true)
    }

    @Test func diagnosticPrintsAsFileLineColumn() {
        let d = Diagnostic.error("日期不存在", file: "content/notices/a.md", line: 4, column: 7, hint: "请检查")
        #expect(d.description.hasPrefix("content/notices/a.md:4:7: 错误: 日期不存在"))
    }
}
