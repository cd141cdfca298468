import Foundation
import Yams

/// Decodes Codable values straight from a Yams node tree, giving the same values and the same errors as Yams'
/// `YAMLDecoder` for the front matter Gongshi reads. It exists for speed (issue 17): Yams finds each key by making a
/// node for it (with a tag object) and comparing nodes from the end of the mapping, copies every mapping to flatten
/// merge keys (the resolver has no merge rule, so there are none), asks `contains`, `decodeNil` and `decode` for each
/// optional field, and appends to the coding path for every value. Here a mapping's keys are read once per container,
/// an optional field is found once, and scalars are still made by Yams' own constructors (`Int.construct(from:)`,
/// `Bool.construct(from:)`, `NSNull.construct(from:)`), so what counts as a number, a boolean or an empty value is
/// exactly what Yams decides. Aliases, anchors as keys and `userInfo` are not used by Gongshi's models.
struct NodeDecoder: Decoder, SingleValueDecodingContainer {
    let node: Node
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            throw Self.mismatch(codingPath, Node.Mapping.self)
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else {
            throw Self.mismatch(codingPath, Node.Sequence.self)
        }
        return NodeUnkeyedContainer(sequence: sequence, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { self }

    // MARK: Single values

    func decodeNil() -> Bool { Self.isNull(node) }

    func decode(_ type: String.Type) throws -> String { try Self.scalar(node, codingPath).string }

    func decode(_ type: Bool.Type) throws -> Bool { try construct(Bool.self) }

    func decode(_ type: Int.Type) throws -> Int { try construct(Int.self) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if T.self == String.self { return try decode(String.self) as! T }
        if let constructible = type as? ScalarConstructible.Type {
            guard let value = try construct(constructible) as? T else { throw Self.mismatch(codingPath, type) }
            return value
        }
        return try T(from: self)
    }

    private func construct<T: ScalarConstructible>(_ type: T.Type) throws -> T {
        guard let value = type.construct(from: try Self.scalar(node, codingPath)) else {
            throw Self.mismatch(codingPath, type)
        }
        return value
    }

    // MARK: Shared with the containers

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return NSNull.construct(from: scalar) != nil
    }

    static func scalar(_ node: Node, _ codingPath: [CodingKey]) throws -> Node.Scalar {
        guard case .scalar(let scalar) = node else { throw mismatch(codingPath, Node.Scalar.self) }
        return scalar
    }

    static func mismatch(_ codingPath: [CodingKey], _ expected: Any.Type) -> DecodingError {
        .typeMismatch(expected, .init(codingPath: codingPath, debugDescription: "Expected to decode \(expected)"))
    }
}

/// A mapping's values by key text, read once when the container is made.
private struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [CodingKey]
    // Names and values apart: a search compares names only (searching the pairs copied each value node on the way,
    // 1.8% of a 1,000-notice build's instructions, some 26 searches a notice).
    private let names: [String?]
    private let values: [Node]

    init(mapping: Node.Mapping, codingPath: [CodingKey]) {
        self.codingPath = codingPath
        names = mapping.keys.map { $0.scalar?.string }
        values = Array(mapping.values)
    }

    var allKeys: [Key] { names.compactMap { $0.flatMap(Key.init(stringValue:)) } }

    /// The value of the first pair named `key`.
    private func find(_ key: Key) -> Node? {
        names.firstIndex(of: key.stringValue).map { values[$0] }
    }

    private func node(_ key: Key) throws -> Node {
        guard let node = find(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "No value for \(key.stringValue)"))
        }
        return node
    }

    private func child(_ node: Node, _ key: Key) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key])
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { NodeDecoder.isNull(try node(key)) }

    /// A text field's value; only a value that is not text needs a decoder (for its error's path).
    private func string(_ value: Node, _ key: Key) throws -> String {
        guard case .scalar(let scalar) = value else { return try child(value, key).decode(String.self) }
        return scalar.string
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String { try string(try node(key), key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try child(try node(key), key).decode(type)
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let value = find(key), !NodeDecoder.isNull(value) else { return nil }
        return try string(value, key)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = find(key), !NodeDecoder.isNull(value) else { return nil }
        return try child(value, key).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try child(try node(key), key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try child(try node(key), key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { throw NodeDecoder.mismatch(codingPath, Node.Mapping.self) }

    func superDecoder(forKey key: Key) throws -> Decoder { child(try node(key), key) }
}

/// A sequence's items in order; positions in the coding path are the item's index, as in Yams.
private struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let sequence: Node.Sequence
    let codingPath: [CodingKey]
    private(set) var currentIndex = 0

    init(sequence: Node.Sequence, codingPath: [CodingKey]) {
        self.sequence = sequence
        self.codingPath = codingPath
    }

    var count: Int? { sequence.count }
    var isAtEnd: Bool { currentIndex >= sequence.count }

    private mutating func next<T>(_ type: T.Type, _ read: (NodeDecoder) throws -> T) throws -> T {
        let key = IndexKey(intValue: currentIndex)
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(type, .init(codingPath: codingPath + [key], debugDescription: "At end"))
        }
        let value = try read(NodeDecoder(node: sequence[currentIndex], codingPath: codingPath + [key]))
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        let isNull = try next(Bool.self) { $0.decodeNil() }
        if !isNull { currentIndex -= 1 }
        return isNull
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(type) { try $0.decode(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try next(KeyedDecodingContainer<NestedKey>.self) { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        try next(UnkeyedDecodingContainer.self) { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> Decoder { try next(NodeDecoder.self) { $0 } }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
