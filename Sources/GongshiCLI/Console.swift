import GongshiCore
import GongshiContent
import GongshiBuild
import GongshiAuthoring
import ArgumentParser
import Foundation
import GongshiServe

/// Terminal output: diagnostics and errors to standard error, information to standard output,
/// colour only when standard error is a terminal.
struct Console: Sendable {
    var quiet = false
    var verbose = false
    let colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    let interactive = isatty(STDERR_FILENO) == 1

    func info(_ text: String) {
        guard !quiet else { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    func summary(_ text: String) {
        write(colour ? "\u{1B}[1m\(text)\u{1B}[0m" : text)
    }

    func error(_ text: String) {
        write(colour ? "\u{1B}[31m\(text)\u{1B}[0m" : text)
    }

    func print(diagnostics: [Diagnostic]) {
        for d in diagnostics.sortedForDisplay() where !(quiet && d.severity == .warning) {
            guard colour else { write(d.description); continue }
            let code = d.severity == .error ? "31" : "33"
            write(d.description.replacingOccurrences(of: ": \(d.severity.label): ", with: ": \u{1B}[\(code)m\(d.severity.label)\u{1B}[0m: "))
        }
    }

    /// A one-line progress display for builds that take more than a moment (terminals only).
    func progressReporter(label: String, started: Date) -> (@Sendable (Int, Int) -> Void)? {
        guard interactive, !quiet else { return nil }
        return { done, total in
            guard Date().timeIntervalSince(started) > 0.5, done % 50 == 0 || done == total else { return }
            FileHandle.standardError.write(Data("\r\(label) \(done)/\(total)".utf8))
        }
    }

    func endProgress() {
        guard interactive, !quiet else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

