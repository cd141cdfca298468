/// The templates' view of a value by way of its Encodable conformance: what gongshi gave swift-mustache before the
/// views listed their own fields (TemplateFields). Kept as the tests' reference: every view's `templateContext` must
/// come out the same. Nil optionals are left out, as the synthesized encoding does.
@testable import GongshiRender
enum EncodedContext {
    static func make<T: Encodable>(_ value: T) -> Any {
        // Types are compared, not cast (a cast costs a lookup on every value).
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): return unsafeBitCast(value, to: String.self)
        case ObjectIdentifier(Int.self): return unsafeBitCast(value, to: Int.self)
        case ObjectIdentifier(Bool.self): return unsafeBitCast(value, to: Bool.self)
        case ObjectIdentifier(Double.self): return unsafeBitCast(value, to: Double.self)
        default: break
        }
        let encoder = ContextEncoder()
        try? value.encode(to: encoder)
        return encoder.storage?.plain ?? ""
    }

    private enum Storage {
        case fields(Fields)
        case items(Items)
        case single(Any)

        var plain: Any {
            switch self {
            // Made at its final size: growing a dictionary field by field rehashed it several times per view.
            case .fields(let f): return ContextFields(Dictionary(f.pairs, uniquingKeysWith: { $1 }))
            case .items(let i): return i.values
            case .single(let v): return v
            }
        }
    }

    private final class Fields { var pairs: [(String, Any)] = [] }
    private final class Items { var values: [Any] = [] }

    private final class ContextEncoder: Encoder {
        var codingPath: [CodingKey] = []
        var userInfo: [CodingUserInfoKey: Any] = [:]
        var storage: Storage?

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            let fields = Fields()
            storage = .fields(fields)
            return KeyedEncodingContainer(Keyed(fields: fields))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            let items = Items()
            storage = .items(items)
            return Unkeyed(items: items)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let fields: Fields
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { fields.pairs.append((key.stringValue, make(value))) }
        // The views' own text, number and flag fields come here directly (no cast to find out what they are).
        mutating func encode(_ value: String, forKey key: Key) throws { fields.pairs.append((key.stringValue, value)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { fields.pairs.append((key.stringValue, value)) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { fields.pairs.append((key.stringValue, value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { fields.pairs.append((key.stringValue, value)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = Fields()
            fields.pairs.append((key.stringValue, nested)) // views never nest containers by hand; kept for completeness
            return KeyedEncodingContainer(Keyed<NestedKey>(fields: nested))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = Items()
            fields.pairs.append((key.stringValue, nested))
            return Unkeyed(items: nested)
        }
        mutating func superEncoder() -> Encoder { ContextEncoder() }
        mutating func superEncoder(forKey key: Key) -> Encoder { ContextEncoder() }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let items: Items
        var codingPath: [CodingKey] { [] }
        var count: Int { items.values.count }
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { items.values.append(make(value)) }
        mutating func encode(_ value: String) throws { items.values.append(value) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = Fields()
            items.values.append(nested)
            return KeyedEncodingContainer(Keyed<NestedKey>(fields: nested))
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = Items()
            items.values.append(nested)
            return Unkeyed(items: nested)
        }
        mutating func superEncoder() -> Encoder { ContextEncoder() }
    }

    private struct Single: SingleValueEncodingContainer {
        let encoder: ContextEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil() throws {}
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.storage = .single(make(value)) }
    }
}
