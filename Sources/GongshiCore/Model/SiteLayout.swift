import Foundation

/// Where a site's files are.
public struct SiteLayout: Sendable {
    public let root: URL
    public init(root: URL) { self.root = root.standardizedFileURL }
    public var content: URL { root.appendingPathComponent("content") }
    public var configFile: URL { content.appendingPathComponent("site.yaml") }
    public var noticesFolder: URL { content.appendingPathComponent("notices") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public var attachmentsFolder: URL { content.appendingPathComponent("files") }

    /// `content/notices/a.md` for messages: relative to the site folder.
    public func displayPath(_ url: URL) -> String {
        let full = url.standardizedFileURL.path
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return full.hasPrefix(base) ? String(full.dropFirst(base.count)) : full
    }
}
