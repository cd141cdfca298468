import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

public struct GongshiCommand: AsyncParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "gongshi",
        abstract: "公示：把巡察整改通报（Markdown + front matter）生成为可直接发布的静态网站。",
        discussion: """
        常用流程：gongshi init 网站文件夹 → gongshi new "标题" → gongshi check → gongshi build（或 gongshi serve 边改边看）。

        退出状态：
          0   成功（可能有警告）
          1   内容或模板有错误（输出文件夹保持原样），或 init/new/import 拒绝覆盖已有文件、无法读取输入
          2   gongshi check --strict 发现警告
          64  命令行参数有误
        """,
        subcommands: [Build.self, Check.self, Init.self, New.self, Serve.self, Import.self]
    )
}

extension GongshiCommand {
    /// Parses the program's arguments and runs the command they name: the executable's entry point.
    public static func runFromCommandLine() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            // The argument parser's own words (headings, the help flag, its errors) are English: say them in Chinese.
            let code = exitCode(for: error)
            let message = ParserWords.chinese(fullMessage(for: error))
            if !message.isEmpty {
                if code == .success { print(message) } else { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// The fixed English of swift-argument-parser's help and error texts, and what a clerk reads instead.
enum ParserWords {
    static let pairs: [(String, String)] = [
        ("OVERVIEW:", "说明："), ("USAGE:", "用法："), ("ARGUMENTS:", "参数："), ("OPTIONS:", "选项："),
        ("SUBCOMMANDS:", "子命令："), ("Show help information.", "显示帮助信息。"), ("Show the version.", "显示版本。"),
("See 'gongshi help <subcommand>' for detailed help.", "查看某个子命令的详细说明：gongshi help <子命令>"),
        ("Error: ", "错误："), ("Usage: ", "用法："), ("Help:  ", "帮助："),
        ("Missing expected argument", "缺少参数"), ("Unknown option", "未知选项"), ("Unexpected argument", "多余的参数"),
        ("Missing value for", "缺少值："), ("The value", "值"), ("is invalid for", "不能用于"),
    ]

    static func chinese(_ text: String) -> String {
        var text = text
        for (english, chinese) in pairs { text = text.replacingOccurrences(of: english, with: chinese) }
        text = text.replacingOccurrences(of: #"\(default: ([^)]*)\)"#, with: "（默认：$1）", options: .regularExpression)
        return text.replacingOccurrences(of: #"See '([^']*)' for more information\."#, with: "查看说明：$1", options: .regularExpression)
    }
}
