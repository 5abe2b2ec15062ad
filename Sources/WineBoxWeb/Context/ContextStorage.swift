/// A key for a typed value in ``ContextStorage``. Declare one type per value: the type is the key.
///
/// ```swift
/// enum SignedInMemberKey: ContextKey { typealias Value = Member }
/// context.storage[SignedInMemberKey.self] = member
/// ```
public protocol ContextKey {
    associatedtype Value: Sendable
}

/// Typed values attached to a request by middleware. Keys are types, so values can't be confused or mistyped.
public struct ContextStorage: Sendable {
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public subscript<Key: ContextKey>(key: Key.Type) -> Key.Value? {
        get { values[ObjectIdentifier(key)] as? Key.Value }
        set { values[ObjectIdentifier(key)] = newValue }
    }
}
