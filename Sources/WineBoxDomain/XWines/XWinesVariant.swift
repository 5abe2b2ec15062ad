/// Which of the three published versions of X-Wines a file is: Test (100 wines), Slim (about 1,000) or Full
/// (100,646).
public enum XWinesVariant: String, Sendable, Hashable, CaseIterable {
    case test
    case slim
    case full

    /// Guesses the version from the file name (the official files are called `XWines_Test_100_wines.csv`,
    /// `XWines_Slim_1K_wines.csv` and `XWines_Full_100K_wines.csv`), else from the number of wines in it:
    /// up to 500 is Test, up to 10,000 Slim, more is Full. Only whole words of the file name count, so
    /// `latest.csv` is not taken for Test.
    public static func guess(fileName: String, wineCount: Int) -> XWinesVariant {
        let baseName = fileName.split(separator: "/").last ?? ""
        let words = baseName.lowercased().split { !$0.isLetter }
        for variant in allCases where words.contains(Substring(variant.rawValue)) {
            return variant
        }
        if wineCount <= 500 {
            return .test
        }
        return wineCount <= 10_000 ? .slim : .full
    }
}
