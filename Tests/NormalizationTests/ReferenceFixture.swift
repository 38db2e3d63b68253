import Foundation
import Reference

/// The real reference tables of the repository (`Mappings/reference/`), loaded once for all address tests.
enum ReferenceFixture {
    static let directory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Mappings/reference").path

    static let data: Result<ReferenceData, any Error> = Result { try ReferenceData.load(directory: directory) }

    static func load() throws -> ReferenceData { try data.get() }
}
