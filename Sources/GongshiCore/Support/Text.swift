import Foundation

extension String {
    /// nil for empty or whitespace-only text.
    public var nonEmpty: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }

    /// The text without whitespace (spaces, full-width spaces, newlines), as names are compared. Most names have
    /// none and come back as they are, without going through them character by character.
    public var withoutWhitespace: String {
        guard unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return self }
        return filter { !$0.isWhitespace }
    }

    public func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}

extension Array where Element: Hashable {
    /// Drops repeats, keeping the first of each.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
