import Foundation
import Testing
@testable import GongshiRender

/// Texts from strings.yaml are kept once filled (by key and values): a kept text must be the one filling gives, and
/// two different sets of values must never share one.
@Suite("Texts of strings.yaml")
struct SiteStringsTests {
    static func load(_ overrides: String) throws -> SiteStrings {
        let (strings, diagnostics) = SiteStrings.load(builtin: "navHome: 首页", overrides: overrides, display: "strings.yaml")
        #expect(diagnostics.isEmpty)
        return try #require(strings)
    }

    @Test func aTextAskedForAgainIsTheSameAndDifferentValuesGiveDifferentTexts() throws {
        let strings = try Self.load("""
            pair: "{{a}}|{{b}}{{#flag}}!{{/flag}}"
            count: "{{n}} 个"
            """)
        #expect(strings.text("pair", ["a": "x", "b": "y"]) == "x|y")
        #expect(strings.text("pair", ["a": "x", "b": "y"]) == "x|y")
        // Values that would run together if the key only joined them.
        #expect(strings.text("pair", ["a": "x|", "b": "y"]) == "x||y")
        #expect(strings.text("pair", ["a": "x", "b": "|y"]) == "x||y")
        #expect(strings.text("pair", ["a": "x=s1:", "b": ""]) == "x=s1:|")
        #expect(strings.text("pair", ["a": "x", "b": "y", "flag": true]) == "x|y!")
        #expect(strings.text("pair", ["a": "x", "b": "y", "flag": false]) == "x|y")
        #expect(strings.text("count", ["n": 3]) == "3 个" && strings.text("count", ["n": "3"]) == "3 个")
        #expect(strings.text("count", ["n": 4]) == "4 个")
        // A value of another type is filled every time, and still right.
        #expect(strings.text("count", ["n": 2.5]) == "2.5 个" && strings.text("count", ["n": 2.5]) == "2.5 个")
    }

    @Test func theKeyNamesEveryValueExactly() {
        let keys = [
            FilledTexts.key("t", ["a": "x|", "b": "y"]), FilledTexts.key("t", ["a": "x", "b": "|y"]),
            FilledTexts.key("t", ["a": 1]), FilledTexts.key("t", ["a": "1"]), FilledTexts.key("t", ["a": true]),
            FilledTexts.key("t", ["a": "", "b": ""]), FilledTexts.key("t", ["ab": ""]), FilledTexts.key("u", ["a": 1]),
        ]
        #expect(Set(keys.compactMap { $0 }).count == keys.count)
        #expect(FilledTexts.key("t", ["b": 2, "a": 1]) == FilledTexts.key("t", ["a": 1, "b": 2]))
        #expect(FilledTexts.key("t", ["a": 2.5]) == nil)
    }
}
