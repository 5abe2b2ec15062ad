extension XWinesMatcher {
    /// `fields` with its empty fields filled from the reference wine, and the names of the fields it filled (the
    /// API's snake_case names, in this order: `name`, `winery`, `wine_type`, `grape_variety`, `grapes`, `region`,
    /// `country`, `alcohol_percentage`). A field the label gave is never replaced.
    ///
    /// The values follow ``XWinesCellarFields``: the cellar's type (nil for a type the cellar does not know), the
    /// data set's grapes in its order (without shares); ``LabelFields/grapeVariety`` is the first of them, the
    /// dominant grape. The reference wine's id is `wine.id`, for the check-in's `xwines_id`.
    public static func filling(_ fields: LabelFields, from wine: XWinesWine) -> (fields: LabelFields, filled: [String])
    {
        let reference = XWinesCellarFields(wine)
        var result = fields
        var filled: [String] = []
        func fill<Value>(_ path: WritableKeyPath<LabelFields, Value?>, with value: Value?, as name: String) {
            guard result[keyPath: path] == nil, let value else { return }
            result[keyPath: path] = value
            filled.append(name)
        }
        fill(\.name, with: reference.name, as: "name")
        fill(\.winery, with: reference.winery, as: "winery")
        fill(\.wineType, with: reference.wineType.flatMap(WineType.init(rawValue:)), as: "wine_type")
        fill(\.grapeVariety, with: reference.grapes.first, as: "grape_variety")
        if result.grapes.isEmpty && !reference.grapes.isEmpty {
            result.grapes = reference.grapes.map { BlendComponent(grape: $0, percentage: nil) }
            filled.append("grapes")
        }
        fill(\.region, with: reference.region, as: "region")
        fill(\.country, with: reference.country, as: "country")
        fill(\.alcoholPercentage, with: reference.alcoholPercentage, as: "alcohol_percentage")
        return (result, filled)
    }
}
