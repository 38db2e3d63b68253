import Domain
import Foundation

extension ReferenceData {
    /// Environment variable naming the reference directory; it wins over the search.
    public static let directoryEnvironmentVariable = "LIENTHONG_REFERENCE_DIR"

    /// Reads every table in `directory` (the layout of `Mappings/reference/`).
    /// Throws a `Diagnostic` naming `file:line` for an unreadable file, a bad header or a bad row.
    public static func load(directory: String) throws -> ReferenceData {
        var digests: [String] = []
        /// Each file is hashed as it is first named, just before its table is read.
        func path(_ name: String) -> String {
            let path = (directory as NSString).appendingPathComponent(name)
            digests.append(FileManager.default.contents(atPath: path).map { String(FNV1a.hash(bytes: $0), radix: 16) } ?? "-")
            return path
        }

        let provinces = try CSVTable(path: path("provinces_2025.csv"), expectedColumns: ["code", "name", "type"])
        let provinces2025 = try provinces.rows.map {
            Province2025(code: try provinces.code($0, 0, length: 2), name: try provinces.text($0, 1), type: try provinces.text($0, 2))
        }
        let communes = try CSVTable(path: path("communes_2025.csv"), expectedColumns: ["code", "name", "type", "province_code"])
        let communes2025 = try communes.rows.map {
            Commune2025(
                code: try communes.code($0, 0, length: 5), name: try communes.text($0, 1), type: try communes.text($0, 2),
                provinceCode: try communes.code($0, 3, length: 2))
        }
        let oldProvinces = try CSVTable(path: path("provinces_pre2025.csv"), expectedColumns: ["code", "name"])
        let provincesPre2025 = try oldProvinces.rows.map {
            ProvincePre2025(code: try oldProvinces.code($0, 0, length: 2), name: try oldProvinces.text($0, 1))
        }
        let districts = try CSVTable(
            path: path("districts_pre2025.csv"), expectedColumns: ["code", "name", "type", "province_code"])
        let districtsPre2025 = try districts.rows.map {
            DistrictPre2025(
                code: try districts.code($0, 0, length: 3), name: try districts.text($0, 1),
                provinceCode: try districts.code($0, 3, length: 2))
        }
        let oldCommunes = try CSVTable(
            path: path("communes_pre2025.csv"), expectedColumns: ["code", "name", "type", "district_code", "province_code"])
        let communesPre2025 = try oldCommunes.rows.map {
            CommunePre2025(
                code: try oldCommunes.code($0, 0, length: 5), name: try oldCommunes.text($0, 1),
                districtCode: try oldCommunes.code($0, 3, length: 3), provinceCode: try oldCommunes.code($0, 4, length: 2))
        }
        return ReferenceData(
            provinces2025: provinces2025, communes2025: communes2025, provincesPre2025: provincesPre2025,
            districtsPre2025: districtsPre2025, communesPre2025: communesPre2025,
            communeCrosswalk: try loadCommuneCrosswalk(path("commune_crosswalk_2025.csv")),
            provinceCrosswalk: try loadPairs(
                path("province_crosswalk_2025.csv"), columns: ["old_province_code", "new_province_code"], keyLength: 2,
                valueIsCode: true),
            birthRegistrationProvinces: try loadPairs(
                path("personal_number_provinces.csv"), columns: ["code", "name"], keyLength: 3, valueIsCode: false),
            landUseNames: try loadPairs(path("land_use_codes.csv"), columns: ["code", "name"], keyLength: nil, valueIsCode: false),
            sourceDigest: digests.joined(separator: ","))
    }

    /// `$LIENTHONG_REFERENCE_DIR` when set; otherwise the first `Mappings/reference` (holding
    /// `provinces_2025.csv`) found walking up from the current directory, then from the running executable's.
    public static func defaultDirectory() -> String? {
        if let configured = ProcessInfo.processInfo.environment[directoryEnvironmentVariable], !configured.isEmpty {
            return configured
        }
        var starts = [FileManager.default.currentDirectoryPath]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path {
            starts.append(executable)
        }
        for start in starts {
            var directory = URL(fileURLWithPath: start, isDirectory: true)
            while true {
                let candidate = directory.appendingPathComponent("Mappings/reference", isDirectory: true)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("provinces_2025.csv").path) {
                    return candidate.path
                }
                let parent = directory.deletingLastPathComponent()
                if parent.path == directory.path { break }
                directory = parent
            }
        }
        return nil
    }

    /// Loads from `defaultDirectory()`; throws when no directory is found.
    public static func loadDefault() throws -> ReferenceData {
        guard let directory = defaultDirectory() else {
            throw Diagnostic(
                location: SourceLocation(file: "Mappings/reference"), rule: "reference.not_found",
                message: "reference data not found: set \(directoryEnvironmentVariable) or run from the project tree")
        }
        return try load(directory: directory)
    }

    private static func loadCommuneCrosswalk(_ path: String) throws -> [String: [CrosswalkTarget]] {
        let table = try CSVTable(
            path: path,
            expectedColumns: [
                "old_commune_code", "old_district_code", "old_province_code", "new_commune_code", "new_province_code",
                "is_partial", "effective_date",
            ])
        var result: [String: [CrosswalkTarget]] = [:]
        for row in table.rows {
            let old = try table.code(row, 0, length: 5)
            let partial: Bool
            switch row.fields[5] {
            case "true": partial = true
            case "false": partial = false
            default: throw table.error(row, "column 'is_partial' must be true or false, found '\(row.fields[5])'")
            }
            let target = CrosswalkTarget(
                newCommuneCode: try table.code(row, 3, length: 5), newProvinceCode: try table.code(row, 4, length: 2),
                isPartial: partial)
            if !(result[old]?.contains(target) ?? false) {
                result[old, default: []].append(target)
            }
        }
        return result
    }

    /// A two-column key → value table; a repeated key is an error.
    private static func loadPairs(_ path: String, columns: [String], keyLength: Int?, valueIsCode: Bool) throws -> [String: String] {
        let table = try CSVTable(path: path, expectedColumns: columns)
        var result: [String: String] = [:]
        for row in table.rows {
            let key = try keyLength.map { try table.code(row, 0, length: $0) } ?? table.text(row, 0)
            let value = valueIsCode ? try table.code(row, 1, length: 2) : try table.text(row, 1)
            guard result[key] == nil else { throw table.error(row, "'\(key)' appears twice") }
            result[key] = value
        }
        return result
    }
}
