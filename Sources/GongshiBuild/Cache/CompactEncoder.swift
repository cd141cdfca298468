import Foundation
import GongshiCore

/// A binary form of Codable values for the build cache, read back by `CompactDecoder` several times faster than JSON
/// (the cache of 10,000 notices' summaries took most of a one-edit build to decode). Each value starts with a tag:
/// nil, false, true, a signed or unsigned integer or a double (8 bytes), a string (4-byte length, UTF-8), a list or a
/// keyed container (4-byte length of what follows, then the values, or for a keyed container each key — 1-byte length up to 254,
/// UTF-8 — and its value; an end tag). Keys come in the order they were encoded, nils included, so a decoder asking
/// for them in the same order finds each at once; the lengths let it skip to any other. Values that encode through
/// nested containers or super encoders (none of the cached types do) are refused: `encode` throws.
enum CompactTag: UInt8 {
    case null, no, yes, int, uint, double, string, list, keyed
    /// Ends a container (where a keyed container has its entries' key lengths, which are shorter).
    case end = 255
}

struct UnsupportedEncoding: Error {}

final class CompactEncoder: Encoder {
    var bytes: [UInt8] = []
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]
    /// Set when a value asked for a nested container or a super encoder.
    var unsupported = false
    /// How many single-value containers are open inside each other.
    var singleDepth = 0

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = CompactEncoder()
        try encoder.add(value)
        guard !encoder.unsupported else { throw UnsupportedEncoding() }
        return Data(encoder.bytes)
    }

    /// Where a value that wants what this encoder does not offer writes instead (and the encoding fails).
    func refuse() -> CompactEncoder {
        unsupported = true
        return CompactEncoder()
    }

    func tag(_ tag: CompactTag) { bytes.append(tag.rawValue) }
    func word<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }

    func key(_ key: CodingKey) {
        let utf8 = Array(key.stringValue.utf8.prefix(254))
        bytes.append(UInt8(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// One value; a container it opens gets its length once the value is written.
    func add<T: Encodable>(_ value: T) throws {
        guard !primitive(value) else { return }
        let start = bytes.count
        try value.encode(to: self)
        if start < bytes.count, bytes[start] == CompactTag.list.rawValue || bytes[start] == CompactTag.keyed.rawValue {
            let length = UInt32(bytes.count - start - 5).littleEndian
            withUnsafeBytes(of: length) { for i in 0..<4 { bytes[start + 1 + i] = $0[i] } }
        }
    }

    /// Writes a value the form holds as itself: a string, a flag, a number, a day (as the number YYYYMMDD); false for
    /// any other type. Types are compared, not cast (a cast to a protocol costs a lookup every time).
    func primitive<T>(_ value: T) -> Bool {
        switch ObjectIdentifier(T.self) {
        case ObjectIdentifier(String.self): string(unsafeBitCast(value, to: String.self))
        case ObjectIdentifier(Bool.self): tag(unsafeBitCast(value, to: Bool.self) ? .yes : .no)
        case ObjectIdentifier(Double.self): tag(.double); word(unsafeBitCast(value, to: Double.self).bitPattern)
        case ObjectIdentifier(CalendarDate.self):
            let date = unsafeBitCast(value, to: CalendarDate.self)
            tag(.int); word(Int64(date.year * 10000 + date.month * 100 + date.day))
        case ObjectIdentifier(Int.self): tag(.int); word(Int64(unsafeBitCast(value, to: Int.self)))
        case ObjectIdentifier(Int64.self): tag(.int); word(unsafeBitCast(value, to: Int64.self))
        case ObjectIdentifier(Int32.self): tag(.int); word(Int64(unsafeBitCast(value, to: Int32.self)))
        case ObjectIdentifier(Int16.self): tag(.int); word(Int64(unsafeBitCast(value, to: Int16.self)))
        case ObjectIdentifier(Int8.self): tag(.int); word(Int64(unsafeBitCast(value, to: Int8.self)))
        case ObjectIdentifier(UInt64.self): tag(.uint); word(unsafeBitCast(value, to: UInt64.self))
        case ObjectIdentifier(UInt32.self): tag(.uint); word(UInt64(unsafeBitCast(value, to: UInt32.self)))
        case ObjectIdentifier(UInt16.self): tag(.uint); word(UInt64(unsafeBitCast(value, to: UInt16.self)))
        case ObjectIdentifier(UInt8.self): tag(.uint); word(UInt64(unsafeBitCast(value, to: UInt8.self)))
        case ObjectIdentifier(UInt.self): tag(.uint); word(UInt64(unsafeBitCast(value, to: UInt.self)))
        default: return false
        }
        return true
    }

    func string(_ text: String) {
        tag(.string)
        var text = text
        text.withUTF8 { utf8 in
            word(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Opens a container whose length `add` fills in.
    func open(_ kind: CompactTag) {
        tag(kind)
        word(UInt32.max)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        open(.keyed)
        return KeyedEncodingContainer(Keyed(encoder: self))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        open(.list)
        return Unkeyed(encoder: self)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { Single(encoder: self) }

    /// Each container writes its end tag when it is made and moves it along as values come (a container has no close).
    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CompactEncoder
        var codingPath: [CodingKey] { [] }

        init(encoder: CompactEncoder) {
            self.encoder = encoder
            encoder.tag(.end)
        }

        private func entry(_ key: Key, _ write: () throws -> Void) rethrows {
            encoder.bytes.removeLast()
            encoder.key(key)
            try write()
            encoder.tag(.end)
        }

        mutating func encodeNil(forKey key: Key) throws { entry(key) { encoder.tag(.null) } }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try entry(key) { try encoder.add(value) } }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            try entry(key) { if let value { try encoder.add(value) } else { encoder.tag(.null) } }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeIfPresent(value as String??, key) }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeIfPresent(value as Bool??, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeIfPresent(value as Int??, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeIfPresent(value as Int64??, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeIfPresent(value as UInt64??, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeIfPresent(value as Double??, key) }
        private mutating func encodeIfPresent<T: Encodable>(_ value: T??, _ key: Key) throws {
            try entry(key) { if let value = value ?? nil { try encoder.add(value) } else { encoder.tag(.null) } }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            encoder.refuse().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { encoder.refuse().unkeyedContainer() }
        mutating func superEncoder() -> Encoder { encoder.refuse() }
        mutating func superEncoder(forKey key: Key) -> Encoder { encoder.refuse() }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let encoder: CompactEncoder
        var codingPath: [CodingKey] { [] }
        var count = 0

        init(encoder: CompactEncoder) {
            self.encoder = encoder
            encoder.tag(.end)
        }

        mutating func encodeNil() throws {
            count += 1
            encoder.bytes.removeLast()
            encoder.tag(.null)
            encoder.tag(.end)
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            encoder.bytes.removeLast()
            try encoder.add(value)
            encoder.tag(.end)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            encoder.refuse().container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { encoder.refuse().unkeyedContainer() }
        mutating func superEncoder() -> Encoder { encoder.refuse() }
    }

    struct Single: SingleValueEncodingContainer {
        let encoder: CompactEncoder
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil() throws { encoder.tag(.null) }
        /// A value standing for another (a raw value, a wrapped one). A number type the form does not know (Float,
        /// Int128) encodes itself through here again and again: that is refused after a few turns.
        mutating func encode<T: Encodable>(_ value: T) throws {
            guard encoder.singleDepth < 16 else { encoder.unsupported = true; return }
            encoder.singleDepth += 1
            defer { encoder.singleDepth -= 1 }
            try encoder.add(value)
        }
    }
}
