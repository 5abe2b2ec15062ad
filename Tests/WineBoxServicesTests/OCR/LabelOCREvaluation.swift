import Foundation
import Testing
import WineBoxDomain
import WineBoxTesting

@testable import WineBoxServices

/// Not a unit test: a measurement of label reading on the shared photos, run by hand with
/// `WINEBOX_OCR_EVAL=1 swift test --filter LabelOCREvaluation` (add `-c release` for realistic times). It prints,
/// per X-Wines photo, the words read and how many words of the wine's and winery's names were found, then the
/// median and 90th percentile of the working time. `WINEBOX_OCR_PSM` (3, 6 or 11), `WINEBOX_OCR_TURNS`
/// ("0,1,3,2"), `WINEBOX_OCR_EDGE` (the smallest long side), `WINEBOX_OCR_LANG` try other strategies;
/// `WINEBOX_OCR_LIMIT` reads only the first photos.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["WINEBOX_OCR_EVAL"] == "1"))
struct LabelOCREvaluation {
    @Test func readTheSharedPhotos() async throws {
        let environment = ProcessInfo.processInfo.environment
        var strategy = LabelOCRStrategy()
        switch environment["WINEBOX_OCR_PSM"] {
        case "3": strategy.pageSegmentation = .automatic
        case "6": strategy.pageSegmentation = .singleBlock
        default: break
        }
        if let turns = environment["WINEBOX_OCR_TURNS"] {
            strategy.quarterTurns = turns.split(separator: ",").compactMap { Int($0) }
        }
        if let edge = environment["WINEBOX_OCR_EDGE"].flatMap({ Int($0) }) {
            strategy.minLongEdge = edge
        }
        strategy.sharpens = environment["WINEBOX_OCR_SHARPEN"] == "1"
        strategy.stretchesContrast = environment["WINEBOX_OCR_STRETCH"] != "0"
        let reader = try LabelTextReader(
            languages: environment["WINEBOX_OCR_LANG"] ?? "eng+fra+deu+ita+spa+por", threadCount: 1,
            strategy: strategy)
        defer { reader.shutdown() }
        let names = try Self.xwinesNames()
        let photos = try FileManager.default.contentsOfDirectory(atPath: SharedData.path("xwines/photos"))
            .filter { $0.hasSuffix(".jpeg") }.sorted()
            .prefix(environment["WINEBOX_OCR_LIMIT"].flatMap { Int($0) } ?? 1000)
        var times: [Double] = []
        var found = 0
        var foundInAllWords = 0
        var wanted = 0
        // The first read also starts the engine; its time is reported apart.
        let residentBefore = Self.residentMegabytes()
        let first = try await reader.read(try SharedData.bytes("labels/jo-pithon-clos-des-bois-1994.jpg"))
        print(
            "first read: engine start \(first.timings.engineStart), preprocessing \(first.timings.preprocessing), "
                + "recognition \(first.timings.recognition); resident memory \(residentBefore) → "
                + "\(Self.residentMegabytes()) MiB")
        var cpuTimes: [Double] = []
        for photo in photos {
            let bytes = try SharedData.bytes("xwines/photos/\(photo)")
            let cpuBefore = Self.processCPUMilliseconds()
            let result = try await reader.read(bytes)
            cpuTimes.append(Self.processCPUMilliseconds() - cpuBefore)
            let id = String(photo.dropLast(".jpeg".count))
            let expected = Set(OCRTextFolding.words(names[id] ?? "").filter { $0.count >= 3 })
            let read = Set(OCRTextFolding.words(result.text))
            let hits = expected.filter { read.contains($0) }
            let anyWord = Set(result.words.flatMap { OCRTextFolding.words($0.text) })
            foundInAllWords += expected.filter { anyWord.contains($0) }.count
            found += hits.count
            wanted += expected.count
            let milliseconds =
                Double(result.timings.working.components.attoseconds) / 1e15
                + Double(result.timings.working.components.seconds) * 1000
            times.append(milliseconds)
            print(
                "\(id)\t\(Int(milliseconds)) ms\tcpu \(Int(cpuTimes.last ?? 0)) ms"
                    + "\tpasses \(result.timings.passes)\trot \(result.rotation)\t"
                    + "conf \(result.meanConfidence)\t\(hits.count)/\(expected.count)\t[\(names[id] ?? "?")]\t"
                    + result.text.replacingOccurrences(of: "\n", with: " | "))
        }
        times.sort()
        let median = times[times.count / 2]
        let p90 = times[min(times.count - 1, Int(Double(times.count) * 0.9))]
        cpuTimes.sort()
        let cpuMedian = cpuTimes[cpuTimes.count / 2]
        let cpuP90 = cpuTimes[min(cpuTimes.count - 1, Int(Double(cpuTimes.count) * 0.9))]
        print(
            "photos \(times.count)  median \(Int(median)) ms  p90 \(Int(p90)) ms  CPU median \(Int(cpuMedian)) ms  "
                + "CPU p90 \(Int(cpuP90)) ms  name words found \(found)/\(wanted) (\(foundInAllWords) in all words)")
        #expect(times.count == photos.count)
    }

    /// The CPU time this process has used so far (user and system, every thread), in milliseconds: with one read
    /// at a time, its growth during a read is that read's cost, whatever else the machine is doing.
    static func processCPUMilliseconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let user = Double(usage.ru_utime.tv_sec) * 1000 + Double(usage.ru_utime.tv_usec) / 1000
        return user + Double(usage.ru_stime.tv_sec) * 1000 + Double(usage.ru_stime.tv_usec) / 1000
    }

    /// This process's resident memory (VmRSS) in MiB, or -1 when /proc cannot tell.
    static func residentMegabytes() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }
        let kilobytes = line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") }
        return kilobytes.map { $0 / 1024 } ?? -1
    }

    /// "WineName WineryName" by X-Wines WineID, from the test CSV.
    static func xwinesNames() throws -> [String: String] {
        var parser = CSVParser()
        var records: [CSVRecord] = []
        try parser.consume(try SharedData.bytes("xwines/XWines_Test_100_wines.csv")) { records.append($0) }
        try parser.finish { records.append($0) }
        guard let header = records.first?.fields,
            let id = header.firstIndex(of: "WineID"), let wine = header.firstIndex(of: "WineName"),
            let winery = header.firstIndex(of: "WineryName")
        else {
            return [:]
        }
        var names: [String: String] = [:]
        for record in records.dropFirst() where record.fields.count > max(id, wine, winery) {
            names[record.fields[id]] = record.fields[wine] + " " + record.fields[winery]
        }
        return names
    }
}
