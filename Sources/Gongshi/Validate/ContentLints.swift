import Foundation

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

    static func check(_ notice: Notice, targets: LinkTargets) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let file = notice.sourcePath
        func warn(_ line: Int, _ column: Int, _ message: String, _ hint: String) {
            found.append(.warning(message, file: file, line: line, column: column, hint: hint))
        }

        // Placeholders, in the front matter (comment lines excepted) and in the body.
        let frontLines = notice.frontMatterText.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in frontLines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            placeholders(in: String(line), line: i + 2, report: warn)
        }
        let bodyLines = notice.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in bodyLines.enumerated() {
            placeholders(in: String(line), line: notice.bodyStartLine + i, report: warn)
        }

        // Contact details.
        if let contact = notice.contact {
            for (i, phone) in contact.phone.enumerated() where !isPhoneNumber(phone) {
                let p = notice.positions["contact.phone[\(i + 1)]"] ?? notice.positions["contact.phone"]
                warn(p?.line ?? 1, p?.column ?? 1, "电话号码“\(phone)”格式不对",
                     "请写成 010-12345678、0891-6323368、7663776、13800000000 或 12388 这样的号码")
            }
            if let email = contact.email, !isEmail(email) {
                let p = notice.positions["contact.email"]
                warn(p?.line ?? 1, p?.column ?? 1, "电子邮箱“\(email)”格式不对", "应形如 name@example.gov.cn")
            }
            if let postcode = contact.postcode, !(postcode.count == 6 && postcode.allSatisfy { $0.isASCII && $0.isNumber }) {
                let p = notice.positions["contact.postcode"]
                warn(p?.line ?? 1, p?.column ?? 1, "邮政编码“\(postcode)”应为 6 位数字", "请核对，并用引号括起来，例如 postcode: \"200050\"")
            }
        }

        // Structure and links of the body.
        let outline = MarkdownOutline(notice.body)
        for heading in outline.headings where heading.isEmpty {
            warn(notice.bodyStartLine + heading.line - 1, 1, "标题“\(heading.text)”下面没有内容", "请补写这一部分，或删去这个标题")
        }
        for link in outline.links {
            if case .missing(let reason) = targets.resolve(link.url) {
                warn(notice.bodyStartLine + link.line - 1, 1, reason, "请检查链接地址；链接其他通知写文件名（如 other.md），附件放在 content/files/ 并写 files/文件名")
            }
        }
        return found
    }

    /// Characters every placeholder pattern needs: lines without any of them are skipped quickly.
    static let placeholderCharacters: Set<Character> = ["X", "x", "Ｘ", "ｘ", "某", "〔", "【"]

    static func placeholders(in line: String, line number: Int, report: (Int, Int, String, String) -> Void) {
        guard line.contains(where: { placeholderCharacters.contains($0) }) || containsTODO(line) else { return }
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

    /// "todo" in any letter case, without Foundation's locale-aware search.
    static func containsTODO(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        guard bytes.count >= 4 else { return false }
        for i in 0...(bytes.count - 4) where bytes[i] | 0x20 == UInt8(ascii: "t") {
            if bytes[i + 1] | 0x20 == UInt8(ascii: "o"), bytes[i + 2] | 0x20 == UInt8(ascii: "d"), bytes[i + 3] | 0x20 == UInt8(ascii: "o") {
                return true
            }
        }
        return false
    }

    /// 010-12345678, 0891-6323368, 021-22050716-801, 7663776, 13800000000, 12388, 400-123-4567, +86 10 12345678.
    static func isPhoneNumber(_ text: String) -> Bool {
        var t = text.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("+86") { t = "0" + t.dropFirst(3).trimmingCharacters(in: .whitespaces) }
        let compact = t.replacingOccurrences(of: " ", with: "")
        let range = NSRange(compact.startIndex..., in: compact)
        return phonePatterns.contains { $0.firstMatch(in: compact, range: range) != nil }
    }

    static let phonePatterns = ["^0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?$", "^[1-9]\\d{6,7}$", "^1[3-9]\\d{9}$", "^1\\d{4}$",
                                "^400-?\\d{3}-?\\d{4}$", "^0\\d{9,11}$"].map { try! NSRegularExpression(pattern: $0) }
    static let emailPattern = try! NSRegularExpression(pattern: "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$")

    static func isEmail(_ text: String) -> Bool {
        emailPattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
