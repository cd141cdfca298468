/// Turns a view value into plain dictionaries and arrays once per page, so each template lookup is a
/// dictionary access instead of a reflection walk (swift-mustache reflects structs on every lookup).
/// Nil optionals are left out, which keeps Mustache's rule of looking the name up in outer contexts.
enum TemplateContext {
    static func make(_ value: Any) -> Any {
        switch value {
        case is String, is Int, is Bool, is Double:
            return value
        case let array as [Any]:
            return array.map(make)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { return value }
            return make(wrapped)
        case .struct, .class:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first?.value else { continue }
                    fields[label] = make(wrapped)
                } else {
                    fields[label] = make(child.value)
                }
            }
            return fields
        case .collection:
            return mirror.children.map { make($0.value) }
        default:
            return value
        }
    }
}
