import Foundation
public import WineBoxDomain

/// The languages Tesseract reads with, as the `+`-separated list of model names it takes ("eng+fra+deu"); from
/// the configuration (`[ocr] tesseract_lang`).
///
/// Names are letters and `_` only ("eng", "chi_sim"), so a name can never reach outside the model folder. The
/// first language is Tesseract's main one; the others are tried on words it is unsure of, so every extra
/// language makes reading slower.
public struct TesseractLanguages: Sendable, Equatable, CustomStringConvertible {
    /// The model names, in order.
    public let names: [String]

    /// The longest accepted list, in characters.
    static let maxLength = 200

    /// Parses and checks `list`.
    ///
    /// - Throws: ``WineBoxError`` `.invalidInput` when `list` is empty, too long, has an empty name ("eng++fra"),
    ///   or a character other than ASCII letters, `_` and `+`.
    public init(_ list: String) throws(WineBoxError) {
        let trimmed = list.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= Self.maxLength else {
            throw WineBoxError(
                .invalidInput, "OCR languages must be 1 to \(Self.maxLength) characters, such as \"eng+fra\"")
        }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.letters.contains(scalar) || scalar == "_" || scalar == "+")
        }
        let names = trimmed.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard allowed, !names.contains(where: \.isEmpty) else {
            throw WineBoxError(
                .invalidInput,
                "OCR languages are Tesseract model names (letters and _) joined by +, such as \"eng+fra\"")
        }
        self.names = names
    }

    /// The list as Tesseract takes it: "eng+fra".
    public var description: String { names.joined(separator: "+") }

    /// The names with no `<name>.traineddata` in `dataPath`, in order.
    public func missing(in dataPath: String) -> [String] {
        names.filter { !FileManager.default.fileExists(atPath: "\(dataPath)/\($0).traineddata") }
    }

    /// The model names installed in `dataPath`, sorted; empty when the folder does not exist.
    public static func installed(in dataPath: String) -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dataPath)) ?? []
        return files.filter { $0.hasSuffix(".traineddata") }.map { String($0.dropLast(".traineddata".count)) }
            .sorted()
    }

    /// Throws when a model is not installed in `dataPath`.
    ///
    /// - Throws: ``WineBoxError`` `.unavailable`, naming the missing languages and those installed.
    public func checkInstalled(in dataPath: String) throws(WineBoxError) {
        let missing = missing(in: dataPath)
        guard missing.isEmpty else {
            let installed = Self.installed(in: dataPath).filter { $0 != "osd" }
            throw WineBoxError(
                .unavailable,
                "OCR language \(missing.joined(separator: ", ")) is not installed in \(dataPath) (installed: "
                    + "\(installed.isEmpty ? "none" : installed.joined(separator: ", "))); "
                    + "install tesseract-ocr-<language> or change [ocr] tesseract_lang")
        }
    }
}
