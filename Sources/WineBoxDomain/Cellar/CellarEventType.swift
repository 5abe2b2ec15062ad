import Foundation

/// The kinds of history entries. Raw values are what the API answers in `transaction_type`.
public enum CellarEventType: String, Sendable, CaseIterable {
    /// Bottles came in.
    case checkIn = "CHECK_IN"
    /// Bottles left (drunk, sold, given away, broken, other).
    case checkOut = "CHECK_OUT"
    /// Bottles moved from one storage place to another; the stock did not change.
    case move = "MOVE"

    /// Accepts the raw values and the earlier WineBox's later names `ADDED` / `REMOVED`, in any case.
    public init?(loose text: String) {
        switch text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "CHECK_IN", "CHECKIN", "ADDED": self = .checkIn
        case "CHECK_OUT", "CHECKOUT", "REMOVED": self = .checkOut
        case "MOVE", "MOVED": self = .move
        default: return nil
        }
    }
}
