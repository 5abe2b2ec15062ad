import Foundation
import Synchronization
import Testing
import WineBoxConfig
import WineBoxDomain
import WineBoxStorage
import WineBoxTesting

@testable import WineBoxApp

/// The promise: a backup taken while check-ins and check-outs are running restores to a sound database
/// that holds every event committed before the backup started.
@Suite struct CellarBackupTests {
    @Test func aBackupDuringCellarWritesRestoresEveryCommittedEvent() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withCellarApplication { application, client in
            let wineID = try await client.checkIn([("name", "Busy Wine"), ("quantity", "10000")])["id"] as! String
            let committed = Mutex<Int>(1)
            let stop = Atomic<Bool>(false)

            let writer = Task {
                while !stop.load(ordering: .relaxed) {
                    let checkIn = try await client.multipart(
                        "POST", "/api/wines/checkin", fields: [("name", "Incoming"), ("quantity", "2")])
                    let checkOut = try await client.send("POST", "/api/wines/\(wineID)/checkout", form: "quantity=1")
                    guard checkIn.status == 201, checkOut.status == 200 else {
                        throw RawHTTPClient.ClientError("writes failed: \(checkIn.status) \(checkOut.status)")
                    }
                    committed.withLock { $0 += 2 }
                }
            }

            while committed.withLock({ $0 }) < 40 {
                try await Task.sleep(for: .milliseconds(20))
            }
            let committedBeforeBackup = committed.withLock { $0 }
            let archive = directory.file("cellar.tar.gz")
            _ = try await DataBackup.create(
                dataDirectory: application.configuration.storage.dataDirectory, output: archive)
            stop.store(true, ordering: .relaxed)
            try await writer.value
            let committedAfterBackup = committed.withLock { $0 }

            let restoredDirectory = directory.file("restored")
            _ = try await DataRestore.restore(archive: archive, into: restoredDirectory)
            let restored = try await Database.openExisting(at: restoredDirectory + "/" + Application.databaseFileName)
            let problems = try await restored.integrityCheck()
            let (events, stock, lots) = try await restored.read { connection in
                (
                    try connection.queryOne("SELECT count(*) AS n FROM wine_event")?.int("n") ?? -1,
                    try connection.queryOne("SELECT sum(bottles) AS n FROM wine")?.int("n") ?? -1,
                    try connection.queryOne("SELECT sum(quantity) AS n FROM wine_lot")?.int("n") ?? -1
                )
            }
            await restored.close()

            #expect(problems.isEmpty)
            #expect(events >= committedBeforeBackup)
            #expect(events <= committedAfterBackup)
            #expect(stock == lots)
        }
    }
}
