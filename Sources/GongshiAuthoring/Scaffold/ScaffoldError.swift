/// Why `init` or `new` refused to write, in Chinese.
import Foundation
import GongshiCore
import GongshiContent
public struct ScaffoldError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public init(_ message: String, hint: String? = nil) { self.message = message; self.hint = hint }
    public var description: String { hint.map { "\(message)\n    提示：\($0)" } ?? message }
}
