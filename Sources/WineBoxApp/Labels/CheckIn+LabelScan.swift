import WineBoxDomain

extension CheckIn {
    /// Fills what the person left empty from a scan of the wine's labels: the fields read (each only when it
    /// passes the same rules as typed input), the label texts, and the X-Wines wine the scan identified, whose
    /// data then fills what is still empty (see ``fill(from:)``). What the person typed is never changed.
    ///
    /// - Parameter typed: the form fields the person sent; a typed bottle size wins over a read one.
    mutating func fill(from scan: LabelScan, typed: Set<String>) {
        let read = scan.reading.fields
        var proposal = details
        if proposal.name == WineRoutes.unknownWineName, let name = read.name {
            proposal.name = name
        }
        func take<Value>(_ keyPath: WritableKeyPath<WineDetails, Value?>, _ value: Value?) {
            if proposal[keyPath: keyPath] == nil {
                proposal[keyPath: keyPath] = value
            }
        }
        take(\.winery, read.winery)
        take(\.vintage, read.vintage)
        take(\.grapeVariety, read.grapeVariety)
        take(\.region, read.region)
        take(\.subRegion, read.subRegion)
        take(\.appellation, read.appellation)
        take(\.country, read.country)
        take(\.classification, read.classification)
        take(\.alcoholPercentage, read.alcoholPercentage)
        take(\.wineType, read.wineType)
        take(\.drinkFrom, read.drinkFrom)
        take(\.drinkUntil, read.drinkUntil)
        if !typed.contains("bottle_size_ml"), let size = read.bottleSizeML {
            proposal.bottleSizeML = size
        }
        if proposal.frontLabelText.isEmpty {
            proposal.frontLabelText = String(scan.reading.frontText.prefix(WineDetails.labelTextLimit))
        }
        if proposal.backLabelText.isEmpty {
            proposal.backLabelText = String(scan.reading.backText.prefix(WineDetails.labelTextLimit))
        }

        // A value read off a label that breaks a rule (an implausible year, say) must not sink the check-in:
        // then only the label texts are kept.
        if let valid = try? proposal.validated() {
            details = valid
        } else {
            details.frontLabelText = proposal.frontLabelText
            details.backLabelText = proposal.backLabelText
        }
        if xwinesID == nil {
            xwinesID = scan.xwinesID
        }
    }
}
