/// The URL name of a notice: `notices/<slug>/`. Plain ASCII so every server, rsync and zip handles it.
import Foundation
public enum Slug {
    private static let windowsReserved: Set<String> = [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// Why `slug` cannot be used, in Chinese; nil when it is fine.
    public static func problem(with slug: String) -> String? {
        if slug.isEmpty { return "网址名（slug）是空的" }
        if slug.count > 100 { return "网址名（slug）太长（超过 100 个字符）" }
        if slug.contains("/") || slug.contains("\\") || slug.contains("..") {
            return "网址名（slug）“\(slug)”含有路径符号（/、\\ 或 ..）"
        }
        if slug.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "网址名（slug）含有控制字符"
        }
        if slug.hasPrefix(".") || slug.hasPrefix("-") { return "网址名（slug）“\(slug)”不能以“.”或“-”开头" }
        let allowed = slug.unicodeScalars.allSatisfy { s in
            (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39) || s == "-" || s == "_" || s == "."
        }
        if !allowed { return "网址名（slug）“\(slug)”只能使用小写英文字母、数字、“-”、“_”和“.”" }
        let stem = slug.split(separator: ".").first.map(String.init) ?? slug
        if windowsReserved.contains(stem) { return "网址名（slug）“\(slug)”是 Windows 保留名称，无法作为文件夹名" }
        return nil
    }

    /// The default slug for a file: its name without `.md`, lowercased.
    public static func fromFileName(_ name: String) -> String {
        let stem = name.hasSuffix(".md") ? String(name.dropLast(3)) : name
        return stem.lowercased()
    }
}
