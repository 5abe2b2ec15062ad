/// A JSON request body whose fields are exactly its coding keys; see ``HTTPRequest/decodeStrictJSON(_:)``.
///
/// Declare the keys as `enum CodingKeys: String, CodingKey, CaseIterable`.
public protocol StrictJSONBody: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable
}
