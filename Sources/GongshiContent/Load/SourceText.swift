import GongshiCore
import GongshiMarkdown
import Foundation

/// A text file as offices produce it, made ready for parsing: BOM removed, line endings made `\n`.
struct SourceText {
    let text: String

    /// Reads `data` as UTF-8 text; returns a diagnostic instead when it is not text or not UTF-8.
    static func decode(_ data: Data, file: String) -> Result<SourceText, Diagnostic> {
        if data.isEmpty {
            return .failure(.error("文件是空的", file: file, line: 1, column: 1,
                                   hint: "请写入 front matter 和正文，或删除这个文件；可用 gongshi new 生成模板"))
        }
        // Checked on the raw bytes: Data's own iterator and String(data:encoding:) are many times slower.
        enum Bytes { case binary, notUTF8, text(String) }
        let bytes = data.withUnsafeBytes { raw -> Bytes in
            if memchr(raw.baseAddress!, 0, raw.count) != nil { return .binary }
            var bytes = raw.bindMemory(to: UInt8.self)[...]
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            return String(validating: bytes, as: UTF8.self).map(Bytes.text) ?? .notUTF8
        }
        let text: String
        switch bytes {
        case .text(let t): text = t
        case .binary:
            return .failure(.error("这不是文本文件（含有二进制内容）", file: file, line: 1, column: 1,
                                   hint: "通知应是 UTF-8 编码的 Markdown 文本；Word 文档请用 gongshi import 导入"))
        case .notUTF8:
            return .failure(.error("文件不是 UTF-8 编码（可能是 GB18030/GBK）", file: file, line: 1, column: 1,
                                   hint: "用 gongshi import 导入，或运行：iconv -f GB18030 -t UTF-8 \"\(file)\" -o 新文件.md"))
        }
        let hasCarriageReturn = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
        } ?? text.utf8.contains(0x0D)
        let normalized = hasCarriageReturn
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            : text
        return .success(SourceText(text: normalized))
    }
}

/// A notice file split into its YAML front matter and Markdown body.
public struct FrontMatterSplit: Sendable {
    /// YAML between the two `---` lines.
    public let yaml: String
    /// File line on which the YAML's first line stands (1-based).
    public let yamlFirstLine: Int
    public let body: String
    /// File line on which the body starts (1-based).
    public let bodyFirstLine: Int

    /// Decodes a notice file's bytes as text (see `SourceText`) and splits it.
    public static func split(_ data: Data, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        SourceText.decode(data, file: file).flatMap { split($0.text, file: file) }
    }

    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        func isFence(_ line: Substring, _ allowed: [String]) -> Bool {
            allowed.contains(line.trimmingWhitespace())
        }
        // A fence is `---` or `...` between spaces: a short line with exactly three of those bytes. Checked first,
        // so trimming (a new string per line) runs on a handful of lines instead of every line of the front matter.
        func mayBeFence(_ line: Substring) -> Bool {
            guard line.utf8.count <= 32 else { return false }
            var dashes = 0, dots = 0
            for byte in line.utf8 {
                if byte == UInt8(ascii: "-") { dashes += 1 } else if byte == UInt8(ascii: ".") { dots += 1 }
            }
            return dashes == 3 || dots == 3
        }
        // Lines are found on the UTF-8 bytes: searching Characters runs grapheme breaking over the whole front matter.
        let newline = UInt8(ascii: "\n")
        let firstEnd = text.utf8.firstIndex(of: newline) ?? text.endIndex
        guard isFence(text[..<firstEnd], ["---"]) else {
            return .failure(.error("文件开头缺少 front matter：第一行应为 ---", file: file, line: 1, column: 1,
                                   hint: "在文件最前面加上以 --- 开始、以 --- 结束的一段，写明 title、org、date 等字段"))
        }
        // Walk the lines after the first until the closing fence; the body is everything after it.
        var lineStart = firstEnd < text.endIndex ? text.index(after: firstEnd) : text.endIndex
        var lineNumber = 2
        while lineStart < text.endIndex {
            let lineEnd = text.utf8[lineStart...].firstIndex(of: newline) ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            if mayBeFence(line), isFence(line, ["---", "..."]) {
                let yamlStart = firstEnd < text.endIndex ? text.index(after: firstEnd) : text.endIndex
                let yaml = String(text[yamlStart..<lineStart].dropLast(lineStart > yamlStart ? 1 : 0))
                let bodyStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1))
            }
            lineStart = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            lineNumber += 1
        }
        return .failure(.error("front matter 没有结束：找不到第二个 --- 行", file: file, line: 1, column: 1,
                               hint: "在最后一个字段之后另起一行写 ---，再写正文"))
    }
}
