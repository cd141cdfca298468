import Foundation

/// What `gongshi import` did with each file, as a table for the clerk or JSON for scripts (`--format json`).
public struct ImportReport: Sendable, Codable {
    public enum Outcome: String, Sendable, Codable {
        case imported, wouldImport, duplicate, skipped, failed

        var label: String {
            switch self {
            case .imported: return "已导入"
            case .wouldImport: return "将导入（试运行）"
            case .duplicate: return "重复，未导入"
            case .skipped: return "跳过"
            case .failed: return "无法导入"
            }
        }
    }

    public struct Row: Sendable, Codable {
        public var file: String
        public var outcome: Outcome
        /// The file's format (`PDF`, `网页`…), and how its text was obtained (encoding, converter or OCR).
        public var format: String?
        public var source: String?
        /// The text came from character recognition and must be proof-read.
        public var ocr = false
        public var target: String?
        public var title: String?
        public var found: [String] = []
        public var missing: [String] = []
        public var reason: String?

        public init(file: String, outcome: Outcome, reason: String? = nil) {
            self.file = file; self.outcome = outcome; self.reason = reason
        }
    }

    public var dryRun: Bool
    public var rows: [Row]

    public var importedCount: Int { rows.filter { $0.outcome == .imported || $0.outcome == .wouldImport }.count }
    public var failedCount: Int { rows.filter { $0.outcome == .failed }.count }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// One line per file (文件 | 格式 | 编码或识别 | 结果 | 找到的字段 | 需人工填写), then the totals.
    public func table(displayPath: (String) -> String = { $0 }) -> String {
        var lines = ["文件 | 格式 | 编码或识别 | 结果 | 找到的字段 | 需人工填写"]
        for row in rows {
            let result = row.outcome.label + (row.target.map { " → \($0)" } ?? "") + (row.reason.map { "：\($0.replacingOccurrences(of: "\n", with: " "))" } ?? "")
            let source = (row.source ?? "-") + (row.ocr ? "（文字识别，请逐字校对）" : "")
            lines.append([displayPath(row.file), row.format ?? "-", source, result,
                          row.found.isEmpty ? "-" : row.found.joined(separator: "、"),
                          row.missing.isEmpty ? "-" : row.missing.joined(separator: "、")].joined(separator: " | "))
        }
        let duplicates = rows.filter { $0.outcome == .duplicate }.count, skipped = rows.filter { $0.outcome == .skipped }.count
        lines.append("共 \(rows.count) 个文件：\(dryRun ? "将导入" : "导入") \(importedCount) 篇，重复 \(duplicates) 个，跳过 \(skipped) 个，无法导入 \(failedCount) 个"
                     + (dryRun ? "（试运行，没有写入任何文件）" : ""))
        if rows.contains(where: \.ocr) { lines.append("注意：标有“文字识别”的通知是从扫描件识别的，发布前请对照原件逐字校对。") }
        return lines.joined(separator: "\n")
    }
}
