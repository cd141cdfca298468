import Foundation
import Testing
import Yams
@testable import GongshiCore
@testable import GongshiContent

/// The loader decodes front matter with its own `NodeDecoder` (for speed) instead of Yams' `YAMLDecoder`. Both must
/// give the same values and the same errors (kind, field path, expected type), because every diagnostic a clerk sees
/// is made from them.
@Suite("Front matter decoder agrees with Yams")
struct NodeDecoderTests {
    /// Every notice and site file in the example site and the test fixtures.
    static func files() throws -> [URL] {
        let roots = ["content", "Tests/GongshiTests/Fixtures"].map { repositoryRoot.appendingPathComponent($0) }
        var found: [URL] = []
        for root in roots {
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if ["md", "yaml"].contains(url.pathExtension) { found.append(url) }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Front matter a clerk might get wrong, each a separate case.
    static let hostile: [String] = [
        "title: [一, 二]\norg: 机关\ndate: 2025-01-01",
        "title: 标题\norg: {name: 机关}\ndate: 2025-01-01",
        "title: 标题\norg: 机关\ndate: 2025-13-01",
        "title: 标题\norg: 机关\ndate: [2025]",
        "title: 标题\norg: 机关",
        "org: 机关\ndate: 2025-01-01\ndraft: yes",
        "title: 标题\norg: 机关\ndate: 2025-01-01\ndraft: 'true'",
        "title: 标题\norg: 机关\ndate: 2025-01-01\ndraft: 是",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nsummary: ~\nslug:\ncolumn: null\ntopic: ''",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nstats: {total: 十, done: 3}",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nstats: {total: 0x1A, done: 1_000, partial: -2}",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nstats: [1, 2]",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nproblems: 一个问题",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nproblems:\n  - title: 甲\n  - status: done\n  - [乙]\n  - ~",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nproblems:\n  - {title: 甲, status: 已完成, due: 明年}",
        "title: 标题\norg: 机关\ndate: 2025-01-01\ncontact: {phone: [1, {a: b}], email: [x]}",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nkind: 公告\ngroups:\n  - {name: 一组, targets: 甲单位}\n  - {name: 二组}",
        "title: &t 标题\norg: *t\ndate: 2025-01-01\ntime: '25:00'",
        "title: 标题\norg: 机关\ndate: 2025-01-01\nperiod: {start: 2025-01-01}\nwithdrawn: {date: 2025-02-01, reason: ~}",
        "title: 标题\norg: 机关\ndate: 2025-01-01\ncorrections: {date: 2025-01-02}\nreview: [甲]",
        "- 列表\n- 而不是字段",
        "就是一行字",
    ]

    @Test func eachFixtureAndEachMistakeDecodesTheSameWithBothDecoders() throws {
        var compared = 0
        for url in try Self.files() {
            let text = try String(contentsOf: url, encoding: .utf8)
            if url.pathExtension == "yaml" {
                compare(SiteConfig.self, yaml: text, name: url.path)
            } else if case .success(let split) = FrontMatterSplit.split(Data(text.utf8), file: url.path) {
                compare(NoticeFields.self, yaml: split.yaml, name: url.path)
            }
            compared += 1
        }
        for (index, yaml) in Self.hostile.enumerated() {
            compare(NoticeFields.self, yaml: yaml, name: "mistake \(index + 1)")
        }
        #expect(compared >= 20)
    }

    private func compare<T: Decodable & Equatable>(_ type: T.Type, yaml: String, name: String) {
        guard let root = try? Yams.compose(yaml: yaml, Resolver.basic, .default, .utf8) else { return }
        let ours = Result { try NodeDecoder(node: root).decode(type) }
        let yams = Result { try YAMLDecoder(encoding: .utf8).decode(type, from: root) }
        switch (ours, yams) {
        case (.success(let a), .success(let b)):
            #expect(a == b, "\(name)")
        case (.failure(let a), .failure(let b)):
            #expect(describe(a) == describe(b), "\(name)")
            if let a = a as? FieldErrors, let b = b as? FieldErrors {
                #expect(a.partial as? T == b.partial as? T, "\(name)")
            }
        default:
            Issue.record("\(name): ours \(ours), Yams \(yams)")
        }
    }

    /// What a diagnostic is made from: the error kind, the field path and the expected type (not Yams' English text).
    private func describe(_ error: Error) -> [String] {
        if let fields = error as? FieldErrors { return fields.errors.flatMap(describe) }
        guard let error = error as? DecodingError else { return ["\(error)"] }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context): return ["keyNotFound \(key.stringValue) at \(path(context))"]
        case .typeMismatch(let type, let context): return ["typeMismatch \(type) at \(path(context))"]
        case .valueNotFound(let type, let context): return ["valueNotFound \(type) at \(path(context))"]
        case .dataCorrupted(let context):
            // Gongshi's own messages are in Chinese and must come through unchanged; Yams' English ones are not shown.
            let ours = context.debugDescription.unicodeScalars.contains { $0.value >= 0x4E00 }
            return ["dataCorrupted at \(path(context))" + (ours ? " \(context.debugDescription)" : "")]
        @unknown default: return ["\(error)"]
        }
    }
}
