import Foundation

/// Sizes for people: `512 bytes`, `48.2 KiB`, `3.0 MiB`, `1.2 GiB` (powers of 1,024, one decimal).
enum ByteCount {
    static func text(_ bytes: Int64) -> String {
        let units = ["KiB", "MiB", "GiB", "TiB"]
        guard bytes >= 1_024 else {
            return bytes == 1 ? "1 byte" : "\(bytes) bytes"
        }
        var value = Double(bytes) / 1_024
        var unit = 0
        while value >= 1_024 && unit < units.count - 1 {
            value /= 1_024
            unit += 1
        }
        return String(format: "%.1f %@", value, units[unit])
    }
}
