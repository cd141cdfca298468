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
            exit(withError: error)
        }
    }
}
