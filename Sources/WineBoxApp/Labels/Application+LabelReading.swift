import Foundation
import WineBoxConfig
import WineBoxDomain
import WineBoxServices
import WineBoxStorage
import WineBoxSupport

extension Application {
    /// Builds the label scanner from `[ocr]`: Tesseract with the configured languages on two worker threads, and
    /// Claude when `use_claude_vision` is on and an API key is set. Nothing is loaded until the first scan; a
    /// missing language model is logged now, so the operator hears of it before anyone scans.
    ///
    /// - Throws: ``ApplicationError`` when the `[ocr]` settings cannot be used.
    static func makeScanner(
        configuration: AppConfiguration, secrets: Secrets, images: LabelImageStore, database: Database,
        logger: Logger, now: @escaping @Sendable () -> Date
    ) throws -> LabelScanner {
        let ocr = configuration.ocr
        let reader: LabelTextReader
        do {
            reader = try LabelTextReader(languages: ocr.tesseractLanguages, threadCount: 2, logger: logger)
        } catch {
            throw ApplicationError("The [ocr] tesseract_lang setting is not usable: \(error.message)")
        }
        do {
            try reader.checkInstalled()
        } catch {
            logger.warning("Offline label reading is not ready", [("reason", error.message)])
        }

        var claude: ClaudeLabelReader?
        if ocr.usesClaude(apiKey: secrets.anthropicAPIKey), let key = secrets.anthropicAPIKey {
            do {
                let settings = ClaudeConfiguration(
                    apiKey: try ClaudeAPIKey(key), model: ocr.anthropicModel, baseURL: ocr.anthropicBaseURL,
                    timeout: ocr.anthropicTimeout, maxTokens: ocr.anthropicMaxTokens)
                claude = try ClaudeLabelReader(configuration: settings, logger: logger, now: now)
            } catch {
                throw ApplicationError("Claude label reading cannot be set up: \(error.message)")
            }
        }
        logger.info(
            "Label reading configured",
            [("claude", claude == nil ? "off" : "on"), ("tesseract_lang", ocr.tesseractLanguages)])
        return LabelScanner(
            images: images, reader: reader, claude: claude, database: database, logger: logger, now: now)
    }
}
