import Foundation
import Testing
import Yams
@testable import GongshiContent
@testable import GongshiCore

/// Front matter is read straight from the node tree when it is plain (`NoticeFieldsReader`) and through Codable
/// otherwise. The fast reader must never give a value Codable would not: wherever it gives one, Codable gives the
/// same with no message; wherever Codable finds something wrong, the fast reader gives up (so the clerk's messages
/// all come from Codable, as before).
@Suite("Front matter read without Codable")
struct NoticeFieldsReaderTests {
    /// Front matter with every field the schema knows.
    static let full = """
        title: 关于巡察整改情况的通报
        org: 中共示例区教育局党组
        date: 2025-03-01
        slug: jiaoyu-2025
        column: 巡察整改
        summary: 摘要
        documentNumber: 区教党〔2025〕1号
        indexNumber: 000-2025-001
        publisher: 区教育局
        writtenDate: 2025-02-28
        topic: 党务公开
        disclosureMode: 主动公开
        disclosureScope: 面向社会
        kind: rectification
        draft: false
        time: "09:30"
        inspection:
          id: 2024-xuncha
          round: 十届区委第二轮巡察
          group: 区委第一巡察组
          target: 区教育局党组
          start: 2024-09-01
          end: 2024-10-31
          feedback: 2024-12-20
        problems:
          - title: 问题一
            category: 党的建设
            status: done
            owner: 办公室
            due: 2025-06-30
          - title: 问题二
            status: 持续推进
        stats:
          total: 2
          done: 1
          partial: 0
          ongoing: 1
          notStarted: 0
        contact:
          phone: [010-1, 010-2]
          email: a@example.gov.cn
          address: 某路1号
          postcode: "100000"
          envelope: 注明“巡察整改”
        signature:
          org: 中共示例区教育局党组
          date: 2025-02-28
        review:
          drafter: 甲
          reviewer: 乙
          approver: 丙
          approved: 2025-02-27
        period:
          start: 2025-03-01
          end: 2025-03-10
        withdrawn:
          date: 2025-04-01
          reason: 内容有误
        corrections:
          - date: 2025-03-05
            note: 更正一
        groups:
          - name: 区委第一巡察组
            targets: 区财政局党组
            phone: 010-3
            email: b@example.gov.cn
            mailbox: 第211号邮政信箱
            address: 某路2号
            postcode: "100911"
            hours: 工作日
        lettersUntil: 2025-01-20
        """

    /// What a clerk might write for a value (and some things no clerk would).
    static let values = [
        "", "~", "null", "NULL", "''", "\"\"", "\"~\"", "yes", "no", "true", "True", "on", "1", "0x1F", "1_000", "-3", "+5", "3.0",
        "1e3", "2025-1-5", "2025-02-30", "2025/03/01", "' 2025-03-01 '", "\"2025-03-01\"", "20250301", "09:30", "9:5", "25:00",
        "已完成", "done ", "DONE", "整改中", "未开始", "announcement", "巡察公告", "回头看", "[a, b]", "[]", "{a: 1}", "{}",
        "[[a]]", "[{a: 1}]", "a # 注释", "'冒号: 在引号里'", "!!str 5", "!!int 5", "!!bool yes", "!!null ''", "&x 锚",
    ]

    /// The fast reader's value and Codable's (with its messages) for one front matter.
    static func both(_ yaml: String) -> (fast: NoticeFields?, codable: NoticeFields?, messages: [Diagnostic])? {
        var document = YAMLDocument(yaml: yaml, file: "n.md", firstLine: 2)
        guard case .mapping(let mapping)? = document.root else { return nil }
        let fast = NoticeFieldsReader.read(mapping)
        let codable = document.decodeRoot(NoticeFields.self)
        return (fast, codable, document.diagnostics)
    }

    /// Fails where the fast reader gives a value that Codable does not give, or gives with a message.
    static func expectAgreement(_ yaml: String, _ comment: Comment) -> Bool? {
        guard let (fast, codable, messages) = both(yaml) else { return nil }
        if let fast {
            #expect(fast == codable, comment)
            #expect(messages.isEmpty, comment)
        }
        return fast != nil
    }

    @Test func theExampleSiteAndTheFixturesAreReadTheSameAndTheExampleSiteFast() throws {
        let folders = ["content/notices", "Tests/GongshiTests/Fixtures/valid-site/content/notices",
                       "Tests/GongshiTests/Fixtures/invalid-site/content/notices"]
        var fast = 0
        for folder in folders {
            let url = repositoryRoot.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where name.hasSuffix(".md") {
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                guard case .success(let split) = FrontMatterSplit.split(data, file: name) else { continue }
                let read = Self.expectAgreement(split.yaml, "\(folder)/\(name)")
                if folder == "content/notices" { #expect(read == true, "\(name)"); fast += 1 }
            }
        }
        #expect(fast > 10)
    }

    @Test func everyValueWrittenInEveryFieldIsReadAsCodableReadsIt() throws {
        #expect(Self.expectAgreement(Self.full, "full") == true)
        let lines = Self.full.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fast = 0, slow = 0
        for (i, line) in lines.enumerated() {
            // Each line's value (after `key:` or `- `), and each line left out.
            let prefix: String
            if let colon = line.range(of: ": ") { prefix = String(line[..<colon.upperBound]) }
            else if line.hasSuffix(":") { prefix = line + " " }
            else { continue }
            var variants = Self.values.map { prefix + $0 }
            variants.append("")
            for variant in variants {
                var changed = lines
                changed[i] = variant
                switch Self.expectAgreement(changed.joined(separator: "\n"), "line \(i + 1): \(variant)") {
                case true?: fast += 1
                case false?: slow += 1
                case nil: break
                }
            }
        }
        // Both paths were taken many times (the comparison above means something).
        #expect(fast > 500 && slow > 500, "fast \(fast), slow \(slow)")
    }

    @Test func aKeyTheReaderDoesNotKnowSendsTheNoticeThroughCodable() throws {
        let (fast, codable, _) = try #require(Self.both(Self.full + "\nfoo: bar"))
        #expect(fast == nil)
        #expect(codable != nil)
        let nested = Self.full.replacingOccurrences(of: "  drafter: 甲", with: "  drafter: 甲\n  editor: 丁")
        #expect(try #require(Self.both(nested)).fast == nil)
    }

    /// The reader knows every key the schema does (else a notice with that key would always take the slower path).
    @Test func theReaderKnowsEveryKeyOfTheSchema() throws {
        func keys(_ schema: Schema) -> [String]? {
            switch schema {
            case .map(let fields): return fields.keys.sorted()
            case .list(let item): return keys(item)
            default: return nil
            }
        }
        guard case .map(let top) = Schema.notice else { Issue.record("Schema.notice is not a map"); return }
        #expect(NoticeFieldsReader.keys[""]?.sorted() == top.keys.sorted())
        for (name, field) in top {
            #expect(NoticeFieldsReader.keys[name]?.sorted() == keys(field.schema), "\(name)")
        }
    }
}
