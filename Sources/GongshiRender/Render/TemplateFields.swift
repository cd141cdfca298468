import Mustache

/// A view as the templates read it: each field under its property's name (the names docs/templates.md lists).
///
/// Every view lists its fields itself (NoticeViewFields.swift, SiteViewFields.swift) and is turned into plain
/// dictionaries and arrays once per page, so each template lookup is one dictionary access (swift-mustache would
/// reflect a struct on every lookup; reading views with Mirror took a quarter of a page's time). The lists replace
/// going through the views' Encodable conformance and a custom Encoder, whose generic containers cost 1.2% of a
/// build's instructions (callgrind, 1,000 notices); a test checks each list against the view's stored properties and
/// its encoding. (Views stay Encodable: page keys are digests of their encoding.)
public protocol TemplateFields: Encodable, Sendable {
    /// Every stored property in declaration order, nil ones included, nested views as their `templateContext`.
    var templateFields: KeyValuePairs<String, Any?> { get }
}

extension TemplateFields {
    /// What swift-mustache is given. Nil fields are left out, so Mustache looks such a name up in the contexts
    /// around it (its rule for a missing name), as the views' Encodable encoding leaves them out.
    var templateContext: ContextFields {
        let fields = templateFields
        var values = [String: Any](minimumCapacity: fields.count)
        for (name, value) in fields {
            if let value { values[name] = value }
        }
        return ContextFields(values)
    }
}

extension Array where Element: TemplateFields {
    var templateContext: [Any] { map { $0.templateContext } }
}

/// A view's fields for the templates: swift-mustache asks it for each name (`MustacheParent`). A struct: swift-mustache
/// casts every context to several protocols it does not conform to, and a failed cast of a class instance also tries
/// to unbox it from Foundation's `__SwiftValue` (~880 instructions; as a class this was 3.1% of a 1,000-notice build's
/// instructions, callgrind). Not a bare `[String: Any]`: its conformance is conditional, which costs 4% more (200 notices).
struct ContextFields: MustacheParent, CustomStringConvertible, @unchecked Sendable {
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
    func child(named name: String) -> Any? { values[name] }
    /// What `{{site}}` or `{{.}}` in a site's template shows for a whole view: its type's name, as when this was a
    /// class (a struct would print every field, the page's HTML unescaped among them).
    var description: String { "GongshiRender.ContextFields" }
}

/// A row a page holds one of per notice (the overview's, the sitemap's), made only of texts, numbers and flags: its
/// values typed, in the order of `templateFields`, for page keys. Through `templateFields` each value is boxed in `Any`
/// and cast back, which made the overview's 10,000 rows (22,000 instructions each) the most of an edit's work on its key.
public protocol FlatRow: TemplateFields {
    func forEachValue(_ body: (FlatValue?) -> Void)
}

public enum FlatValue: Equatable, Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
}
