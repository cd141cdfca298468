import Foundation
import GongshiCore

/// Word 97–2003 `.doc`: antiword (UTF-8, no wrapping), or catdoc when antiword is missing or cannot read the file.
enum LegacyWordReader {
    static func read(_ url: URL) throws -> ImportedDocument {
        var firstError: Error?
        for (tool, arguments) in [(ExternalTool.antiword, ["-m", "UTF-8.txt", "-w", "0", url.path]),
                                  (ExternalTool.catdoc, ["-d", "utf-8", "-w", url.path])] where tool.isInstalled {
            do {
                let text = String(decoding: try tool.run(arguments), as: UTF8.self)
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                    return ImportedDocument(format: .doc, source: tool.program, text: clean(text))
                }
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
        throw ScaffoldError("没有安装 antiword 或 catdoc，无法读取 .doc 文件", hint: "请安装：apt-get install -y antiword catdoc")
    }

    /// antiword marks pictures as `[pic]` and tables with `|`; both are layout, not text.
    static func clean(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line).replacingOccurrences(of: "[pic]", with: "")
            if line.hasPrefix("|") && line.hasSuffix("|") {
                line = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\t")
            }
            return line
        }.joined(separator: "\n")
    }
}

/// `.wps` (WPS Office), `.rtf`, `.odt` and the like: LibreOffice converts the file to .docx, which is then read as
/// one. Optional: without LibreOffice the message says how to install it, or to save as .docx in WPS.
enum OfficeConverter {
    static func read(_ url: URL) throws -> ImportedDocument {
        let folder = try ExternalTool.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Its own profile folder: a LibreOffice the user has open, or another import running, does not get in the way.
        let profile = folder.appendingPathComponent("profile").absoluteString
        try ExternalTool.libreoffice.run(["-env:UserInstallation=\(profile)", "--headless", "--convert-to", "docx",
                                          "--outdir", folder.path, url.path], environment: ["HOME": folder.path])
        let converted = folder.appendingPathComponent(url.deletingPathExtension().lastPathComponent + ".docx")
        guard FileManager.default.fileExists(atPath: converted.path) else {
            throw ScaffoldError("LibreOffice 没能转换这个文件", hint: "请在 WPS 或 Word 中打开它，另存为 .docx 后再导入")
        }
        var document = try DocumentReader.readDocx(converted)
        document.format = .office
        document.source = "LibreOffice 转换"
        return document
    }
}
