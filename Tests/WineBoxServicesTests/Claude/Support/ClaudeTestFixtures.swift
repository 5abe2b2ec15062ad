import Foundation
import Synchronization
import WineBoxDomain
import WineBoxSupport
import WineBoxTesting

@testable import WineBoxServices

/// Images, answers and a reader wired to a ``FakeAnthropicServer``, shared by the Claude tests.
enum ClaudeTestFixtures {
    /// A PNG signature followed by bytes of every value, so base64 padding and `+`/`/` both occur.
    static let frontBytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0...255).map(UInt8.init)
    /// A JPEG signature followed by other bytes, of a length that needs base64 padding.
    static let backBytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + (0..<101).map { UInt8(($0 * 37) % 256) }

    static func front() throws -> ClaudeLabelImage {
        try ClaudeLabelImage(bytes: frontBytes, format: .png)
    }

    static func back() throws -> ClaudeLabelImage {
        try ClaudeLabelImage(bytes: backBytes, format: .jpeg)
    }

    /// 1 June 2026, so the latest plausible vintage is 2027.
    static let now = Date(timeIntervalSince1970: 1_780_272_000)

    /// A complete, valid answer.
    static let goodAnswer = """
        {"name": "Grand Vin", "winery": "Château Exemple", "vintage": 2018, "grape_variety": null,
         "grape_varieties": [{"name": "Cabernet Sauvignon", "percentage": 65}, {"name": "Merlot", "percentage": 35}],
         "region": "Bordeaux", "sub_region": "Médoc", "appellation": "Margaux", "country": "France",
         "classification": "Grand Cru Classé", "alcohol_percentage": 13.5, "wine_type": "red",
         "bottle_size_ml": 750, "drink_from": 2025, "drink_until": 2040,
         "front_label_text": "CHÂTEAU EXEMPLE\\nGRAND VIN\\n2018", "back_label_text": "Mis en bouteille au château"}
        """

    /// The fields of ``goodAnswer``; the main grape comes from the blend, as the answer left it null.
    static let goodFields = LabelFields(
        name: "Grand Vin", winery: "Château Exemple", vintage: 2018, grapeVariety: "Cabernet Sauvignon",
        grapes: [
            BlendComponent(grape: "Cabernet Sauvignon", percentage: 65),
            BlendComponent(grape: "Merlot", percentage: 35),
        ],
        region: "Bordeaux", subRegion: "Médoc", appellation: "Margaux", country: "France",
        classification: "Grand Cru Classé", alcoholPercentage: 13.5, wineType: .red, bottleSizeML: 750,
        drinkFrom: 2025, drinkUntil: 2040)

    static func configuration(
        _ server: FakeAnthropicServer, key: String = FakeAnthropicServer.apiKey, timeout: Duration = .seconds(120)
    ) throws -> ClaudeConfiguration {
        ClaudeConfiguration(
            apiKey: try ClaudeAPIKey(key), model: FakeAnthropicServer.model, baseURL: server.baseURL,
            timeout: timeout, maxTokens: 1024)
    }

    static func reader(
        _ configuration: ClaudeConfiguration, sleeper: RecordingSleeper = RecordingSleeper(),
        logger: Logger = .disabled, jitter: Double = 1
    ) throws -> ClaudeLabelReader {
        try ClaudeLabelReader(
            configuration: configuration, logger: logger, now: { now }, sleep: sleeper.sleep, jitter: { jitter })
    }
}

/// An injected sleep that returns at once and remembers each pause asked for.
final class RecordingSleeper: Sendable {
    private let pauses = Mutex<[Duration]>([])

    var recorded: [Duration] {
        pauses.withLock { $0 }
    }

    var sleep: ClaudeLabelReader.Sleep {
        { [self] duration in
            try Task.checkCancellation()
            self.pauses.withLock { $0.append(duration) }
        }
    }
}
