import Foundation
import Mustache

/// The frame partials: the parts of every page that depend only on the site, the way back to its root (the page's
/// depth) and which navigation entry is current (the page's column): `site-header` (title, search, navigation) and
/// `site-footer` (title and identifiers). Like Hugo's `partialCached`, each is rendered once per depth and column
/// and the result is put into every such page, instead of looking up the same forty names on every page. A site may
/// override these templates like any other, as long as they use only `site.…` and `root` (a lint warns otherwise:
/// anything else would show the value of the first page rendered); a layout that does not include them is
/// rendered as it is.
extension TemplateSet {
    public static let framePartials = ["site-header", "site-footer"]
    /// Where a page's renderings of the frame partials are in its context (the library's stand-ins look there).
    static let frameKey = "framePartials"

    /// `library` with each frame partial replaced by a stand-in that puts in the page's rendering of it.
    static func framed(_ library: MustacheLibrary) -> MustacheLibrary {
        var framed = library
        for (index, name) in framePartials.enumerated() where library.getTemplate(named: name) != nil {
            framed.register(try! MustacheTemplate(string: "{{{\(frameKey).\(index)}}}"), named: name)
        }
        return framed
    }

    /// A page's context with the renderings of its frame partials added.
    func framing(_ context: ContextFields, page: PageView, cache: FrameCache) -> ContextFields {
        var fields = context.values
        let current = page.site.nav.firstIndex(where: \.current) ?? -1
        var renderings: [String: Any] = [:]
        for (index, name) in Self.framePartials.enumerated() {
            renderings[String(index)] = cache.rendering(of: "\(index)|\(current)|\(page.root)") {
                library.render(context, withTemplate: name) ?? ""
            }
        }
        fields[Self.frameKey] = renderings
        return ContextFields(fields)
    }
}

/// The frame partials rendered so far for one site model (one build): the site they show is the same on every page.
public final class FrameCache: @unchecked Sendable {
    private var renderings: [String: String] = [:]
    private let lock = NSLock()
    public init() {}

    func rendering(of key: String, _ make: () -> String) -> String {
        if let done = lock.withLock({ renderings[key] }) { return done }
        let made = make()
        lock.withLock { renderings[key] = made }
        return made
    }
}
