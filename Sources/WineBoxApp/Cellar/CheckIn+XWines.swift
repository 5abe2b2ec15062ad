import WineBoxDomain

extension CheckIn {
    /// Fills the fields the person left empty from the X-Wines reference wine they picked, and records which
    /// fields were filled (`enriched_fields`). Fields the person typed are never changed. The name is taken from
    /// X-Wines only when none was given (check-in then has the placeholder "Unknown Wine" or nothing).
    mutating func fill(from reference: XWinesCellarFields) {
        var filled: [String] = []
        func fill(_ field: String, _ keyPath: WritableKeyPath<WineDetails, String?>, _ value: String?) {
            guard details[keyPath: keyPath] == nil, let value, !value.isEmpty else { return }
            details[keyPath: keyPath] = value
            filled.append(field)
        }
        if details.name.isEmpty || details.name == WineRoutes.unknownWineName {
            details.name = reference.name
            filled.append("name")
        }
        fill("winery", \.winery, reference.winery)
        fill("grape_variety", \.grapeVariety, reference.grapeVariety)
        fill("country", \.country, reference.country)
        fill("region", \.region, reference.region)
        if details.wineType == nil, let type = reference.wineType.flatMap(WineType.init(loose:)) {
            details.wineType = type
            filled.append("wine_type")
        }
        if details.alcoholPercentage == nil, let alcohol = reference.alcoholPercentage {
            details.alcoholPercentage = alcohol
            filled.append("alcohol_percentage")
        }
        if blend.isEmpty && reference.grapes.count > 1 {
            blend = reference.grapes.prefix(30).map { BlendComponent(grape: $0, percentage: nil) }
            filled.append("blend")
        }
        xwinesID = reference.xwinesID
        enrichedFields = filled
    }
}
