/// Feeds everything an Encodable value holds into a Digest (field names, values, where nils and lists start and
/// end), in encoding order. Page views are Encodable so their input key costs one pass over plain values.
import Foundation
import GongshiCore
import GongshiContent
import GongshiRender
import GongshiOutput
final class DigestEncoder: Encoder {
    var digest = Digest()
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    static func digest(_ value: some Encodable) -> UInt64 {
        let encoder = DigestEncoder()
        try? value.encode(to: encoder)
        return encoder.digest.value
    }

    func add(_ marker: UInt8, _ text: String) {
        digest.add(UInt64(marker))
        digest.add(text)
    }

    func add<T: Encodable>(_ value: T) throws {
        // The common types are told apart by their metadata, not by casts: a page key passes here for every value of
        // its view (10,000 rows of the overview), and each failed cast cost hundreds of instructions.
        if T.self == String.self { return add(text: Self.reinterpret(value, as: String.self)) }
        if T.self == Int.self { return add(number: Self.reinterpret(value, as: Int.self)) }
        if T.self == Bool.self { return add(flag: Self.reinterpret(value, as: Bool.self)) }
        // The two lists of flat rows a page holds one of per notice: digested from their template fields.
        if T.self == [OverviewRowView].self { return add(rows: Self.reinterpret(value, as: [OverviewRowView].self)) }
        if T.self == [SitemapURLView].self { return add(rows: Self.reinterpret(value, as: [SitemapURLView].self)) }
        switch value {
        case let number as Double: add(4, String(number))
        // Other integers encode themselves as a single value: taken here, or they would come back forever.
        case let number as any BinaryInteger: add(5, String(describing: number))
        default: try value.encode(to: self)
        }
    }

    /// Rows made only of texts, numbers and flags (the overview's, the sitemap's), value by value (`FlatRow`): through
    /// Encodable each of the overview's 10,000 rows cost 12,500 instructions, through its template fields 22,000 (each
    /// value boxed and cast back). The names are left out: every row of a list is of one type, whose fields come in
    /// one order.
    func add<Row: FlatRow>(rows: [Row]) {
        digest.add(UInt64(11))
        for row in rows {
            digest.add(UInt64(10))
            row.forEachValue { value in
                switch value {
                case nil: digest.add(UInt64(5))
                case .text(let text)?: add(text: text)
                case .number(let number)?: add(number: number)
                case .flag(let flag)?: add(flag: flag)
                }
            }
        }
    }

    // The three plain values, the same wherever they are met (in a view or in a row).
    private func add(text: String) { add(1, text) }
    private func add(number: Int) {
        digest.add(UInt64(2))
        digest.add(UInt64(bitPattern: Int64(number)))
    }
    private func add(flag: Bool) { add(3, flag ? "1" : "0") }

    /// `value` as the type it is known to be (`T.self == U.self`).
    private static func reinterpret<T, U>(_ value: T, as type: U.Type) -> U {
        withUnsafePointer(to: value) { $0.withMemoryRebound(to: U.self, capacity: 1) { $0.pointee } }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        digest.add(UInt64(10))
        return KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        digest.add(UInt64(11))
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: DigestEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws { encoder.add(5, key.stringValue) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            encoder.add(6, key.stringValue)
            try encoder.add(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.add(6, key.stringValue)
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            encoder.add(6, key.stringValue)
            return encoder.unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { encoder }
        mutating func superEncoder(forKey key: Key) -> Encoder { encoder.add(6, key.stringValue); return encoder }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [CodingKey] { [] }
        var count = 0
        mutating func encodeNil() throws { count += 1; encoder.add(7, "") }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            encoder.digest.add(UInt64(8))
            try encoder.add(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return encoder.container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { count += 1; return encoder.unkeyedContainer() }
        mutating func superEncoder() -> Encoder { encoder }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: DigestEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil() throws { encoder.add(7, "") }
        mutating func encode<T: Encodable>(_ value: T) throws { try encoder.add(value) }
    }
}
