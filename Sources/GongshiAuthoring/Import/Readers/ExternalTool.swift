import Foundation
import GongshiCore

/// A Debian program the importer runs as a process (antiword, catdoc, pdftotext, pdftoppm, tesseract, LibreOffice).
/// When it is missing, the error names the package and the exact apt-get command, as the build does for libcmark.
public struct ExternalTool: Sendable {
    public let program: String
    /// The Debian package that installs it.
    public let package: String
    /// What the tool is for, in the message when it is missing (`读取 .doc 文件`).
    public let purpose: String

    public static let antiword = ExternalTool(program: "antiword", package: "antiword", purpose: "读取 .doc 文件")
    public static let catdoc = ExternalTool(program: "catdoc", package: "catdoc", purpose: "读取 .doc 文件")
    public static let pdftotext = ExternalTool(program: "pdftotext", package: "poppler-utils", purpose: "读取 PDF 文件")
    public static let pdftoppm = ExternalTool(program: "pdftoppm", package: "poppler-utils", purpose: "识别扫描的 PDF")
    public static let tesseract = ExternalTool(program: "tesseract", package: "tesseract-ocr tesseract-ocr-chi-sim", purpose: "识别扫描件中的文字")
    public static let libreoffice = ExternalTool(program: "soffice", package: "libreoffice-writer-nogui",
                                                 purpose: "读取 .wps 等办公文档（也可在 WPS 中另存为 .docx 后导入）")

    /// The program's full path, if it is installed.
    public var path: String? {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") + ["/usr/bin", "/usr/local/bin"]
        return folders.map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public var isInstalled: Bool { path != nil }

    var missing: ScaffoldError {
        ScaffoldError("没有安装 \(program)，无法\(purpose)", hint: "请安装：apt-get install -y \(package)")
    }

    /// Runs the program with `arguments`; returns its standard output. A non-zero exit is an error carrying the
    /// program's own message.
    @discardableResult
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Data {
        guard let path else { throw missing }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Both pipes are read before waiting: a converter writing more than a pipe holds would otherwise never finish.
        let errorText = ErrorText()
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { errorText.data = errors.fileHandleForReading.readDataToEndOfFile(); done.signal() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errorText.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw ScaffoldError("\(program) 无法处理这个文件（退出码 \(process.terminationStatus)）\(message.isEmpty ? "" : "：" + message.prefix(200))",
                                hint: "文件可能已损坏或加密；可以用办公软件打开后另存为 .docx 或纯文本再导入")
        }
        return data
    }

    private final class ErrorText: @unchecked Sendable { var data = Data() }

    /// A new empty folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
