import Foundation
import GongshiCore
import GongshiMarkdown

/// Checks a clerk would otherwise only catch by proofreading: placeholders left in, contact details that
/// cannot be right, empty section headings, links to notices or files that do not exist.
enum ContentLints {
    static let placeholderPatterns: [(NSRegularExpression, String)] = [
        (try! NSRegularExpression(pattern: "[XxＸｘ]+\\s*[年月日号]"), "未填写的日期"),
        (try! NSRegularExpression(pattern: "[XＸ]{2,}"), "占位符"),
        (try! NSRegularExpression(pattern: "某某"), "占位符"),
        (try! NSRegularExpression(pattern: "TODO", options: [.caseInsensitive]), "待办标记"),
        (try! NSRegularExpression(pattern: "〔\\s*〕|【\\s*】"), "空的括号（文号等未填写）"),
    ]

    /// The findings, and the body's links (whose targets are checked by `linkFindings`, once every notice is known).
    static func check(_ decoded: DecodedNotice) -> (diagnostics: [Diagnostic], links: [BodyLink]) {
        let notice = decoded.notice
        var found: [Diagnostic] = []
        let file = notice.sourcePath
        func warn(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
            found.append(.warning(message, file: file, line: line, column: column, hint: hint))
        }

        // Placeholders, in the front matter (comment lines excepted) and in the body.
        // Most notices have none: the whole text is scanned once before looking at lines.
        if mayHavePlaceholders(decoded.frontMatterText) {
            let frontLines = decoded.frontMatterText.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in frontLines.enumerated() where !line.trimmingWhitespace().hasPrefix("#") {
                placeholders(in: String(line), line: i + 2, report: warn)
            }
        }
        if mayHavePlaceholders(notice.body) {
            let bodyLines = notice.body.split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in bodyLines.enumerated() where mayHavePlaceholders(line) {
                placeholders(in: String(line), line: notice.bodyStartLine + i, report: warn)
            }
        }

        // Contact details.
        if let contact = notice.contact {
            for (i, phone) in contact.phone.enumerated() where !isPhoneNumber(phone) {
                let p = decoded.positions["contact.phone[\(i + 1)]"] ?? decoded.positions["contact.phone"]
                warn(p?.line ?? 1, p?.column ?? 1, "电话号码“\(phone)”格式不对",
                     "请写成 010-12345678、0891-6323368、7663776、13800000000 或 12388 这样的号码")
            }
            if let email = contact.email, !isEmail(email) {
                let p = decoded.positions["contact.email"]
                warn(p?.line ?? 1, p?.column ?? 1, "电子邮箱“\(email)”格式不对", "应形如 name@example.gov.cn")
            }
            if let postcode = contact.postcode, !(postcode.count == 6 && postcode.allSatisfy { $0.isASCII && $0.isNumber }) {
                let p = decoded.positions["contact.postcode"]
                warn(p?.line ?? 1, p?.column ?? 1, "邮政编码“\(postcode)”应为 6 位数字", "请核对，并用引号括起来，例如 postcode: \"200050\"")
            }
        }

        // Structure and links of the body.
        let outline = MarkdownOutline(notice.body)
        for heading in outline.headings where heading.isEmpty {
            warn(notice.bodyStartLine + heading.line - 1, 1, "标题“\(heading.text)”下面没有内容", "请补写这一部分，或删去这个标题")
        }
        return (found, outline.links.map { BodyLink(url: $0.url, line: notice.bodyStartLine + $0.line - 1) })
    }

    /// Links of `file` that lead nowhere.
    static func linkFindings(_ links: [BodyLink], file: String, targets: LinkTargets) -> [Diagnostic] {
        links.compactMap { link in
            guard case .missing(let reason) = targets.resolve(link.url) else { return nil }
            return .warning(reason, file: file, line: link.line, column: 1,
                            hint: "请检查链接地址；链接其他通知写文件名（如 other.md），附件放在 content/files/ 并写 files/文件名")
        }
    }

    /// Whether `text` may hold a placeholder: 某, 〔, 【, "todo" in any letter case, two X's in a row, or X's
    /// followed by 年/月/日/号. Lines without one are skipped without running the regular expressions (an over-
    /// approximation: the expressions decide).
    static func mayHavePlaceholders<S: StringProtocol>(_ text: S) -> Bool {
        guard mayHaveAPlaceholderByte(text) else { return false }
        var first: UInt32 = 0, second: UInt32 = 0, third: UInt32 = 0
        var afterXs = false, afterCapitalX = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x67D0, 0x3014, 0x3010: return true // 某 〔 【
            case 0x58, 0xFF38: // X Ｘ
                if afterCapitalX { return true }
                afterXs = true; afterCapitalX = true
            case 0x78, 0xFF58: // x ｘ
                afterXs = true; afterCapitalX = false
            case 0x5E74, 0x6708, 0x65E5, 0x53F7: // 年 月 日 号
                if afterXs { return true }
            case 0x4F, 0x6F: // o: the end of "todo"
                if first | 0x20 == 0x74, second | 0x20 == 0x6F, third | 0x20 == 0x64 { return true }
                afterXs = false; afterCapitalX = false
            default:
                // Looking up the whitespace property is slow; it only matters right after X's.
                if afterXs, !scalar.properties.isWhitespace { afterXs = false }
                afterCapitalX = false
            }
            (first, second, third) = (second, third, value)
        }
        return false
    }

    /// Whether the UTF-8 bytes hold X, x, O, o, 某, 〔, 【, Ｘ or ｘ: without one of them nothing above can match. Most
    /// notice bodies have none, and looking at bytes in place costs far less than decoding the text into scalars.
    private static func mayHaveAPlaceholderByte<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for i in bytes.indices {
                let byte = bytes[i]
                switch byte {
                case 0x58, 0x78, 0x4F, 0x6F: return true                                      // X x O o
                case 0x90, 0x94, 0xB8, 0x98:                                                 // 3rd byte of 某 【 〔 Ｘ ｘ
                    guard i >= 2 else { continue }
                    switch (bytes[i - 2], bytes[i - 1], byte) {
                    case (0xE6, 0x9F, 0x90), (0xE3, 0x80, 0x90), (0xE3, 0x80, 0x94), (0xEF, 0xBC, 0xB8), (0xEF, 0xBD, 0x98):
                        return true
                    default: continue
                    }
                default: continue
                }
            }
            return false
        } ?? true
    }

    static func placeholders(in line: String, line number: Int, report: (Int, Int, String, String) -> Void) {
        let range = NSRange(line.startIndex..., in: line)
        var reported = Set<Int>()
        for (pattern, kind) in placeholderPatterns {
            for match in pattern.matches(in: line, range: range) {
                guard let r = Range(match.range, in: line) else { continue }
                let column = line[..<r.lowerBound].unicodeScalars.count + 1
                guard reported.insert(column).inserted else { continue }
                report(number, column, "“\(line[r])”像是没有替换的\(kind)", "发布前请填写真实内容")
            }
        }
    }

    /// 010-12345678, 0891-6323368, 021-22050716-801, 7663776, 13800000000, 12388, 400-123-4567, +86 10 12345678.
    /// Written out rather than as regular expressions: Foundation's NSRegularExpression was a tenth of the build time
    /// of a large site. The patterns it implements (a test compares the two on random input):
    /// `0\d{2,3}-?\d{7,8}(-\d{1,6})?`, `0\d{9,11}`, `[1-9]\d{6,7}`, `1[3-9]\d{9}`, `1\d{4}`, `400-?\d{3}-?\d{4}`.
    static func isPhoneNumber(_ text: String) -> Bool {
        var t = text.trimmingWhitespace()
        if t.hasPrefix("+86") { t = "0" + t.dropFirst(3).trimmingWhitespace() }
        var digits: [UInt8] = []
        var hyphens: [Int] = [] // how many digits stand before each hyphen
        for byte in t.utf8 where byte != UInt8(ascii: " ") {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte)
            case UInt8(ascii: "-"):
                guard !digits.isEmpty, hyphens.last != digits.count else { return false }
                hyphens.append(digits.count)
            default: return false
            }
        }
        let n = digits.count
        guard n > 0, hyphens.last != n else { return false }
        let first = digits[0], zero = UInt8(ascii: "0"), one = UInt8(ascii: "1")
        if first == zero {
            // Area code (0 and 2–3 digits), optional hyphen, 7–8 digits, optional hyphen and extension of 1–6 digits.
            for area in 3...4 {
                for number in 7...8 {
                    let main = area + number
                    if n == main, hyphens.allSatisfy({ $0 == area }) { return true }
                    if (1...6).contains(n - main), hyphens.last == main, hyphens.dropLast().allSatisfy({ $0 == area }) { return true }
                }
            }
            return false
        }
        if n == 10, digits.starts(with: [UInt8(ascii: "4"), zero, zero]), hyphens.allSatisfy({ $0 == 3 || $0 == 6 }) { return true }
        guard hyphens.isEmpty else { return false }
        if n == 7 || n == 8 { return true }
        if first == one, n == 5 { return true }
        return first == one && n == 11 && (UInt8(ascii: "3")...UInt8(ascii: "9")).contains(digits[1])
    }

    /// name@example.gov.cn: `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`.
    static func isEmail(_ text: String) -> Bool {
        func isLetterOrDigit(_ b: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
        }
        let parts = text.utf8.split(separator: UInt8(ascii: "@"), omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty,
              parts[0].allSatisfy({ isLetterOrDigit($0) || "._%+-".utf8.contains($0) }) else { return false }
        let labels = parts[1].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2, let last = labels.last, last.count >= 2,
              last.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0 | 0x20) }) else { return false }
        return labels.allSatisfy { !$0.isEmpty && $0.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") } }
    }
}
