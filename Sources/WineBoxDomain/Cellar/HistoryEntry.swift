public import Foundation

/// An event with what a history list shows beside it: the wine it belongs to and who recorded it.
public struct HistoryEntry: Sendable, Equatable {
    public var event: CellarEvent
    public var wine: WineReference
    /// The member's name (or the part of their address before the `@`); nil once the account is removed.
    public var userName: String?

    public init(event: CellarEvent, wine: WineReference, userName: String?) {
        self.event = event
        self.wine = wine
        self.userName = userName
    }
}

/// The few fields that name a wine in lists of events and lots.
public struct WineReference: Sendable, Equatable {
    public var id: String
    public var name: String
    public var vintage: Int?
    public var winery: String?

    public init(id: String, name: String, vintage: Int?, winery: String?) {
        self.id = id
        self.name = name
        self.vintage = vintage
        self.winery = winery
    }
}

/// Which events a history list wants.
public struct HistoryQuery: Sendable, Equatable {
    public var type: CellarEventType?
    public var wineID: String?
    public var reason: RemovalReason?
    public var userID: String?
    /// Events dated inside these bounds (inclusive).
    public var from: Date?
    public var until: Date?
    public var skip: Int
    public var limit: Int

    public init(
        type: CellarEventType? = nil, wineID: String? = nil, reason: RemovalReason? = nil, userID: String? = nil,
        from: Date? = nil, until: Date? = nil, skip: Int = 0, limit: Int = 100
    ) {
        self.type = type
        self.wineID = wineID
        self.reason = reason
        self.userID = userID
        self.from = from
        self.until = until
        self.skip = skip
        self.limit = limit
    }
}
