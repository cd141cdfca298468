import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

struct SiteOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("网站文件夹（含 content/）；“.”即当前文件夹", valueName: "DIR"))
    var site: String = "."

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("单个通知文件的大小上限（MB）", valueName: "MB"))
    var maxFileSizeMB: Int = 10

    var maxFileSize: Int { maxFileSizeMB * 1024 * 1024 }

    func validate() throws {
        if maxFileSizeMB < 1 { throw ValidationError("--max-file-size 必须是正整数（单位 MB）") }
    }

    var url: URL { URL(fileURLWithPath: site, isDirectory: true) }
    var layout: SiteLayout { SiteLayout(root: url) }
}

struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "只显示错误")
    var quiet = false

    @Flag(name: .shortAndLong, help: "显示更多过程信息")
    var verbose = false

    var console: Console { Console(quiet: quiet, verbose: verbose) }
}


struct TimeOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("参照时间（北京时间），决定哪些通知已到发布时间、哪些问题已逾期、公示期是否结束。默认：环境变量 SOURCE_DATE_EPOCH，没有则为当前时间。例如 2026-11-23 或 \"2026-11-23 09:30\"", valueName: "TIME"))
    var now: String?

    func validate() throws { _ = try referenceMoment(now) }

    /// The reference time asked for (validated above).
    var moment: Moment { (try? referenceMoment(now)) ?? Moment.current() }
}

/// The reference time `--now` gives (else SOURCE_DATE_EPOCH, else the clock); a text that is no time is refused with
/// the reason, which names it.
private func referenceMoment(_ now: String?) throws -> Moment {
    do { return try Moment.reference(now: now) } catch { throw ValidationError("\(error)") }
}

/// The day `init`, `new` and `import` take as today (for dates left unwritten), so their output can be reproduced.
struct TodayOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("参照时间（北京时间），作为“今天”：没有写日期时用它的日期。默认：环境变量 SOURCE_DATE_EPOCH，没有则为当前时间。例如 2026-11-23", valueName: "TIME"))
    var now: String?

    func validate() throws { _ = try referenceMoment(now) }

    /// The day of the reference time asked for (validated above), on Beijing time.
    var today: CalendarDate { ((try? referenceMoment(now)) ?? Moment.current()).date }
}
