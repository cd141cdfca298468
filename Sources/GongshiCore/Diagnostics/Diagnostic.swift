/// One problem found in the site's files, reported to the clerk in Chinese.
import Foundation
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning

        /// The word shown to the clerk.
        public var label: String {
            switch self {
            case .error: return "错误"
            case .warning: return "警告"
            }
        }
    }

    /// Path of the file as the user would type it (relative to the site folder when possible).
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column; 0 when unknown.
    public var column: Int
    public var severity: Severity
    /// What is wrong, in Simplified Chinese.
    public var message: String
    /// What to do about it, in Simplified Chinese.
    public var hint: String?

    public init(file: String, line: Int = 0, column: Int = 0, severity: Severity = .error, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.hint = hint
    }

    public static func error(_ message: String, file: String, line: Int = 0, column: Int = 0, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message, hint: hint)
    }

    public static func warning(_ message: String, file: String, line: Int = 0, column: Int = 0, hint: String? = nil) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .warning, message: message, hint: hint)
    }

    /// `file:line:column: 错误: message（hint）`, the form editors and CI logs understand.
    public var description: String {
        var location = file
        if line > 0 {
            location += ":\(line)"
            if column > 0 { location += ":\(column)" }
        }
        var text = "\(location): \(severity.label): \(message)"
        if let hint, !hint.isEmpty { text += "\n    提示：\(hint)" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Stable order for display: by file, then line, then column.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            if x.column != y.column { return x.column < y.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown by a pipeline stage that cannot go on; carries every diagnostic collected so far.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A diagnostic can be thrown or carried in a Result where one problem ends a step.
extension Diagnostic: Error {}
