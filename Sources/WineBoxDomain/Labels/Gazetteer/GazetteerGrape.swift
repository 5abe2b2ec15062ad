/// A grape variety of the gazetteer: its canonical name and the colour of its berries.
public struct GazetteerGrape: Sendable, Equatable {
    /// The canonical spelling ("Syrah" for Shiraz, "Grenache" for Garnacha).
    public let name: String
    /// ``WineType/red`` or ``WineType/white``: what a wine mostly made of it usually is.
    public let colour: WineType

    public init(name: String, colour: WineType) {
        self.name = name
        self.colour = colour
    }
}
