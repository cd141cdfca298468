import GongshiCore
import GongshiContent
import Foundation
import Yams

/// Turns a notice as published (text copied from a web page, or a plain-text export) into a content file:
/// front matter with what could be recognized, and the body as Markdown with its outline numbering as headings.
/// Nothing of the body is dropped except web-page widgets and the site around the notice (see `isWidgetLine`).
public struct NoticeImporter: Sendable {
    public struct Result: Sendable {
        public var title: String?
        public var org: String?
        public var date: CalendarDate?
        public var inspection: Inspection?
        public var stats: ProgressStats?
        public var problems: [Problem] = []
        public var contact: Contact?
        public var signature: Signature?
        /// 巡察公告 when the text is one (then `groups` and `lettersUntil` are what it says).
        public var kind: NoticeKind = .rectification
        public var groups: [InspectionGroup] = []
        public var lettersUntil: CalendarDate?
        public var body: String
        /// Field names found, in schema order.
        public var found: [String]
        /// Fields left for a person to fill in.
        public var missing: [String]
        /// Anonymized dates such as 2023年X月, kept in the text.
        public var anonymizedDates: [String]
    }

    public init() {}

    // MARK: Patterns

    static func regex(_ pattern: String) -> NSRegularExpression { try! NSRegularExpression(pattern: pattern) }
    static let chineseDate = regex("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
    static let isoDate = regex("(\\d{4})-(\\d{1,2})-(\\d{1,2})")
    static let numeralDate = regex("([〇○零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日")
    static let monthDay = regex("(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日")
    static let anonymized = regex("\\d{4}\\s*年\\s*[XxＸ]+\\s*月|[XxＸ]+\\s*月\\s*[\\dXxＸ]*\\s*日")
    static let group = regex("([\\p{Han}]{0,12}?巡察[\\p{Han}]{0,4}?组)")
    static let round = regex("((?:[一二三四五六七八九十\\d]+届)?[\\p{Han}]{0,4}?第[一二三四五六七八九十\\d]+轮[\\p{Han}]{0,4}?巡察)")
    static let target = regex("对([\\p{Han}“”\"（）()]{2,30}?)(?:开展|进行)")
    static let phone = regex("(?<!\\d)(0\\d{2,3}-\\d{7,8}|1[3-9]\\d{9}|\\d{7,8})(?!\\d)")
    static let email = regex("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+")
    static let postcode = regex("(?:邮编|邮政编码)[:：]?\\s*(\\d{6})")
    static let address = regex("(?:通信地址|通讯地址|邮寄地址|地址|邮政信箱)[:：]\\s*([^，。；;,\\n（(]+)")
    static let envelope = regex("(?:信封|邮件主题)上?(?:请)?注明[“\"「]([^”\"」]+)[”\"」]")

    static func firstMatch(_ pattern: NSRegularExpression, in text: String, group: Int = 1) -> String? {
        guard let m = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let r = Range(m.range(at: group), in: text) else { return nil }
        return String(text[r])
    }

    static func allMatches(_ pattern: NSRegularExpression, in text: String, group: Int = 1) -> [String] {
        pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { m in
            Range(m.range(at: group), in: text).map { String(text[$0]) }
        }
    }

    /// The dates of `text` in order; a date without a year takes the year of the date before it (or `year`).
    static func dates(in text: String, year: Int?) -> [(CalendarDate, Range<String.Index>)] {
        var found: [(CalendarDate, Range<String.Index>)] = []
        for m in [chineseDate, numeralDate, isoDate].flatMap({ $0.matches(in: text, range: NSRange(text.startIndex..., in: text)) }) {
            let parts = (1...3).compactMap { Range(m.range(at: $0), in: text).flatMap { number(String(text[$0])) } }
            if parts.count == 3, let d = CalendarDate(year: parts[0], month: parts[1], day: parts[2]), let r = Range(m.range, in: text) {
                found.append((d, r))
            }
        }
        for m in monthDay.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let r = Range(m.range, in: text), !found.contains(where: { $0.1.overlaps(r) }) else { continue }
            let previousYear = found.filter { $0.1.upperBound <= r.lowerBound }.max { $0.1.lowerBound < $1.1.lowerBound }?.0.year ?? year
            let parts = (1...2).compactMap { Range(m.range(at: $0), in: text).flatMap { number(String(text[$0])) } }
            if let y = previousYear, parts.count == 2, let d = CalendarDate(year: y, month: parts[0], day: parts[1]) {
                found.append((d, r))
            }
        }
        return found.sorted { $0.1.lowerBound < $1.1.lowerBound }
    }

    // MARK: Import

    /// A read document: its text, with what the format gave besides (formatting, tables, the page's own metadata).
    public func parse(_ document: ImportedDocument) -> Result {
        parse(document.text, formatted: document.formatted, tables: document.tables, hints: document.hints)
    }

    /// `formatted` gives Markdown for lines that carry formatting (bold, list items, tables from a .docx),
    /// keyed by the line's plain text; other lines are escaped and laid out by their numbering. `hints` (from a web
    /// page's metadata) are preferred to what the text suggests.
    public func parse(_ source: String, formatted: [String: String] = [:], tables: [[[String]]] = [], hints: ImportHints = ImportHints()) -> Result {
        var lines = Self.lines(of: source)
        // Keyed by their lines as `lines(of:)` cleans them.
        let formatted = Dictionary(formatted.map { (Self.lines(of: $0.key).joined(), $0.value) }, uniquingKeysWith: { first, _ in first })
        // The publication date from the page's widgets before they are dropped; the page's metadata wins.
        let publishDate = hints.publishDate ?? Self.statedPublicationDate(in: lines)
        lines = lines.filter { !Self.isWidgetLine($0) }
        let title = Self.takeTitle(from: &lines, hint: hints.title)

        // Signature: an organization line followed by a date line at the end (found before broken lines are joined).
        var signature: Signature?
        if lines.count >= 2, let last = lines.last, let date = Self.dates(in: last, year: nil).first?.0,
           last.count <= 16, lines[lines.count - 2].count <= 40, !lines[lines.count - 2].contains("：") {
            signature = Signature(org: lines[lines.count - 2], date: date)
        }
        let signatureLines = signature == nil ? [] : Array(lines.suffix(2))
        lines = Self.joinBrokenLines(signature == nil ? lines : Array(lines.dropLast(2)), keep: Set(formatted.keys)) + signatureLines
        let text = lines.joined(separator: "\n")

        let org = title.flatMap(NoticeScaffold.org(fromTitle:)) ?? signature?.org ?? hints.publisher
        let date = publishDate ?? signature?.date

        if Self.isAnnouncement(title: title, text: text) {
            return announcementResult(lines: lines, source: source, title: title, org: org, date: date, signature: signature)
        }
        let inspection = Self.inspection(in: lines, year: date?.year)
        let stats = Self.stats(in: text)
        let contact = Self.contact(in: lines, text: text)
        var body = Self.markdown(from: signature == nil ? lines : Array(lines.dropLast(2)), formatted: formatted)
        if signature != nil { body += "\n" + lines.suffix(2).joined(separator: "\n\n") + "\n" }

        let anonymized = Self.allMatches(Self.anonymized, in: source, group: 0)
        var (found, missing) = Self.report(title: title, org: org, date: date, inspection: inspection, stats: stats, contact: contact, signature: signature)
        var problems = tables.flatMap(Self.problems(fromTable:))
        if problems.isEmpty { problems = Self.problems(fromLines: lines) }
        if !problems.isEmpty { found.append("problems") }
        return Result(title: title, org: org, date: date, inspection: inspection, stats: problems.isEmpty ? stats : nil,
                      problems: problems, contact: contact.isEmpty && contact.envelope == nil ? nil : contact, signature: signature,
                      body: body, found: found, missing: missing, anonymizedDates: anonymized)
    }

    /// A table whose header names the problem and its status (问题 / 整改情况 or 状态) gives the problem list.
    static func problems(fromTable rows: [[String]]) -> [Problem] {
        guard let header = rows.first else { return [] }
        func column(_ words: [String]) -> Int? { header.firstIndex { h in words.contains { h.contains($0) } } }
        guard let titleColumn = column(["问题"]), let statusColumn = column(["状态", "整改情况", "进展", "进度"]), titleColumn != statusColumn else { return [] }
        let categoryColumn = column(["类别", "方面"]).flatMap { $0 == titleColumn ? nil : $0 }
        let ownerColumn = column(["责任"])
        return rows.dropFirst().compactMap { cells in
            guard titleColumn < cells.count, statusColumn < cells.count, !cells[titleColumn].isEmpty else { return nil }
            return Problem(title: cells[titleColumn], category: categoryColumn.flatMap { $0 < cells.count ? cells[$0].nonEmpty : nil },
                           status: status(from: cells[statusColumn]), owner: ownerColumn.flatMap { $0 < cells.count ? cells[$0].nonEmpty : nil })
        }
    }

    /// A table cell's or line's status: the phrase it states, else 进行中.
    static func status(from text: String) -> ProblemStatus {
        ProblemStatus(text: text) ?? statedStatus(in: text) ?? .ongoing
    }

    /// A long line with sentence punctuation is body text, not a title.
    static func looksLikeBodySentence(_ line: String) -> Bool {
        line.count > 50 || line.hasSuffix("。") || (line.count > 30 && (line.contains("，") || line.contains(",")))
    }

    /// Joins a line to the next when a PDF or page copy broke a sentence in the middle.
    static func joinBrokenLines(_ lines: [String], keep: Set<String> = []) -> [String] {
        var out: [String] = []
        let enders: Set<Character> = ["。", "！", "？", "；", "：", ":", "”", "」", "）", ")"]
        for line in lines {
            if let last = out.last, !last.isEmpty, !line.isEmpty, !keep.contains(line), !keep.contains(last), let end = last.last, !enders.contains(end),
               !isHeading(line), !isHeading(last), last.count > 20, !isDateLine(line) {
                out[out.count - 1] = last + line
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// A short line holding a date (the signature's) is never joined to the line before it.
    static func isDateLine(_ line: String) -> Bool { line.count <= 16 && !dates(in: line, year: nil).isEmpty }

    static let level1 = regex("^[一二三四五六七八九十]+、|^第[一二三四五六七八九十]+(个)?方面")
    static let level2 = regex("^[（(][一二三四五六七八九十]+[）)]|^关于[“\"].+[”\"]问题的整改情况$")
    static let level3 = regex("^\\d+[.．、]|^[（(]\\d+[）)]")

    /// `## ` for 一、 and 第一方面, `### ` for （一） and 关于“…”问题的整改情况 (short lines only), nil otherwise.
    static func headingPrefix(_ line: String) -> String? {
        let r = NSRange(line.startIndex..., in: line)
        if level1.firstMatch(in: line, range: r) != nil && line.count < 80 { return "## " }
        if level2.firstMatch(in: line, range: r) != nil && line.count < 60 { return "### " }
        return nil
    }

    static func isHeading(_ line: String) -> Bool { headingPrefix(line) != nil }

    /// Outline numbering as Markdown: 一、 and 第一方面 → ##, （一） and 关于“…”问题的整改情况 → ### (when short),
    /// everything else a paragraph. Markdown's own characters are escaped so the text stays text.
    static func markdown(from lines: [String], formatted: [String: String] = [:]) -> String {
        var out = ""
        for line in lines {
            out += (headingPrefix(line) ?? "") + (formatted[line] ?? escapeMarkdown(line)) + "\n\n"
        }
        return out
    }

    static func escapeMarkdown(_ line: String) -> String {
        var out = ""
        for (i, c) in line.enumerated() {
            if "\\`*_[]<>#|".contains(c) || (i == 0 && "-+=".contains(c)) { out.append("\\") }
            out.append(c)
        }
        // "1. " at the start would become a list whose numbering Markdown renumbers; keep the number as written.
        if let m = level3.firstMatch(in: out, range: NSRange(out.startIndex..., in: out)), let r = Range(m.range, in: out),
           let dot = out[r].lastIndex(where: { $0 == "." }) {
            out.insert("\\", at: dot)
        }
        return out
    }

    /// The content file for a parsed notice: front matter in the documented schema, then the body.
    public static func file(for result: Result, document: ImportedDocument? = nil) throws -> String {
        struct Front: Encodable {
            var title: String?
            var org: String?
            var date: CalendarDate?
            var kind: NoticeKind?
            var inspection: Inspection?
            var groups: [InspectionGroup]?
            var lettersUntil: CalendarDate?
            var problems: [Problem]?
            var stats: ProgressStats?
            var contact: Contact?
            var signature: Signature?
        }
        let encoder = YAMLEncoder()
        encoder.options.allowUnicode = true
        let announcement = result.kind == .announcement
        let yaml = try encoder.encode(Front(title: result.title, org: result.org, date: result.date, kind: announcement ? .announcement : nil,
                                                  inspection: result.inspection, groups: announcement ? result.groups : nil,
                                                  lettersUntil: result.lettersUntil,
                                                  problems: result.problems.isEmpty ? nil : result.problems, stats: result.stats, contact: result.contact, signature: result.signature))
        var header = ""
        if document?.isOCR == true { header += "# 本文由扫描件文字识别（OCR）得到，可能有错字：发布前请对照原件逐字校对，然后删去这一行\n" }
        if !result.missing.isEmpty { header += "# 导入时没有找到，请人工填写：\(result.missing.joined(separator: "、"))\n" }
        if !result.anonymizedDates.isEmpty { header += "# 原文中有隐去的日期（已保留在正文中，未猜测）：\(result.anonymizedDates.joined(separator: "、"))\n" }
        return "---\n" + header + yaml + "---\n\n" + result.body
    }
}
