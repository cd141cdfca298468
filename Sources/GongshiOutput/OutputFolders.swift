import Foundation

/// The folders beside an output folder `public`: `.public.staging` (the build in progress), `.public.previous` (the
/// old output during a swap without renameat2) and `.public.cache` (what a build keeps for the next one, never
/// published), with `.public.cache/previous` (the output before the current one, the next build's staging folder).
public struct OutputFolders: Sendable {
    public let output: URL
    public init(output: URL) { self.output = output.standardizedFileURL }

    private func sibling(_ suffix: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(suffix)")
    }

    public var staging: URL { sibling("staging") }
    public var backup: URL { sibling("previous") }
    public var cache: URL { sibling("cache") }
    public var spare: URL { cache.appendingPathComponent("previous") }

    /// The published folder as the last build left it: its inode and its index page's size and time. Changes
    /// when anything else replaced or edited the output, so such an output is never taken as up to date.
    public static func identity(_ output: URL) -> String {
        let fm = FileManager.default
        let folder = try? fm.attributesOfItem(atPath: output.path)
        let index = try? fm.attributesOfItem(atPath: output.appendingPathComponent("index.html").path)
        let inode = (folder?[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        let size = (index?[.size] as? NSNumber)?.int64Value ?? -1
        let time = (index?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(inode)|\(size)|\(time)"
    }
}
