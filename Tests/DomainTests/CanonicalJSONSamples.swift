import Domain

/// Seeded, deliberately awkward values for the canonical JSON writer and reader tests: Vietnamese text with
/// diacritics (composed and decomposed), quotes, backslashes, slashes, every control character, emoji, empty
/// strings, nil and non-nil optionals, and doubles at the edges of `description`'s formats.
struct CanonicalJSONSamples {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let words = [
        "Nguyễn", "Thị", "Ánh", "Tuyết", "Đặng", "Văn", "Hoàng", "Phường Bến Nghé", "Số 12/3 Lê Lợi", "Chủ hộ", "Vợ",
        "", " ", "O'Brien", "\"quoted\"", "back\\slash", "a/b//c", "tab\there", "line\nbreak", "cr\r", "\u{0}nul",
        "\u{1}\u{7}\u{8}\u{b}\u{c}\u{1f}", "del\u{7f}", "\u{2028}\u{2029}", "\u{feff}bom", "👨‍👩‍👧 family", "🇻🇳",
        "e\u{301}\u{323}", "中文", "Ω≈ç√", "trailing\\", "\\u0041", "{\"json\":[1,2]}", "ờ ở ỡ ợ ừ ử ữ ự",
    ]

    static let doubles: [Double] = [
        0, -0.0, 0.1, 0.2, 1, 120, 100, 1e-7, 2.5e-8, 1e-4, 1e-5, 3.14159, 123456.789, 1e15, 999_999_999_999_999,
        1e16, 9_007_199_254_740_992, 9_007_199_254_740_994, 1e20, 1e21, 1e22, 1.5e300, .leastNonzeroMagnitude,
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .leastNormalMagnitude, 1_234_567_890_123, -42.5, 0.001,
        1 / 3, 2.0 / 3, 1e-300, 4_503_599_627_370_495.5, 72.25,
    ]

    mutating func chance() -> Bool { random.chance(0.5) }

    mutating func string() -> String {
        switch random.below(4) {
        case 0: return random.pick(Self.words)
        case 1: return (0..<random.between(1...4)).map { _ in random.pick(Self.words) }.joined(separator: " ")
        case 2:
            // Arbitrary scalars, including controls, surrogate-free non-BMP and private use.
            var text = ""
            for _ in 0..<random.between(0...12) {
                let ranges: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
                let range = random.pick(ranges)
                if let scalar = Unicode.Scalar(range.lowerBound + UInt32(random.below(Int(range.upperBound - range.lowerBound) + 1))) {
                    text.unicodeScalars.append(scalar)
                }
            }
            return text
        default: return String(random.next() % 1_000_000_000_000)
        }
    }

    mutating func optionalString() -> String? { chance() ? string() : nil }

    mutating func double() -> Double {
        switch random.below(4) {
        case 0: return random.pick(Self.doubles)
        case 1:
            let value = Double(bitPattern: random.next())
            return value.isFinite ? value : 1
        case 2: return Double(random.below(10_000_000)) / 100
        default: return Double(random.between(-1_000_000...1_000_000))
        }
    }

    mutating func date() -> PartialDate? {
        guard chance() else { return nil }
        let year = random.between(1900...2025)
        switch random.below(3) {
        case 0: return PartialDate(year: year)
        case 1: return PartialDate(year: year, month: random.between(1...12))
        default: return PartialDate(year: year, month: random.between(1...12), day: random.between(1...28))
        }
    }

    mutating func name() -> PersonName {
        PersonName(
            asGiven: string(), full: string(), family: optionalString(), middle: optionalString(), given: optionalString(),
            folded: string())
    }

    mutating func identifier() -> Identifier {
        let types: [IdentifierType] = IdentifierType.allCases
        return Identifier(
            type: random.pick(types), value: string(), isValid: chance(), issuer: optionalString(), validFrom: date(),
            validTo: date())
    }

    mutating func address() -> Address {
        Address(
            text: optionalString(), houseNumber: optionalString(), street: optionalString(), communeCode: optionalString(),
            districtCode: optionalString(), provinceCode: optionalString(),
            scheme: chance() ? nil : random.pick([AdminScheme.pre2025, .from2025]),
            currentCommuneCodes: (0..<random.below(3)).map { _ in string() }, currentProvinceCode: optionalString())
    }

    mutating func finding() -> Finding {
        Finding(rule: string(), severity: random.pick([.info, .warning, .error]), message: string(), field: optionalString())
    }

    mutating func person() -> PersonRecord {
        PersonRecord(
            name: chance() ? name() : nil, birthDate: date(), sex: chance() ? nil : random.pick([Sex.male, .female]),
            identifiers: (0..<random.below(4)).map { _ in identifier() }, addresses: (0..<random.below(3)).map { _ in address() },
            phone: optionalString(), householdID: optionalString(), householdRelation: optionalString())
    }

    mutating func parcel() -> ParcelRecord {
        ParcelRecord(
            communeCode: string(), communeScheme: random.pick([.pre2025, .from2025]), mapSheet: string(),
            parcelNumber: string(), area: chance() ? double() : nil, landUse: optionalString(), certificate: optionalString(),
            address: chance() ? address() : nil)
    }

    mutating func enterprise() -> EnterpriseRecord {
        EnterpriseRecord(
            code: string(), codeIsValid: chance(), name: string(),
            status: chance() ? nil : random.pick([.active, .suspended, .dissolved, .bankrupt, .unknown]),
            registrationDate: date(), address: chance() ? address() : nil)
    }

    mutating func body() -> MentionBody {
        switch random.below(3) {
        case 0: return .person(person())
        case 1: return .parcel(parcel())
        default: return .enterprise(enterprise())
        }
    }

    mutating func key() -> MentionKey {
        MentionKey(source: string(), kind: random.pick(EntityKind.allCases), recordKey: string())
    }

    mutating func provenanced<Value: Hashable & Codable & Sendable>(_ value: Value) -> Provenanced<Value> { Provenanced(value: value, from: key()) }

    mutating func golden() -> GoldenRecord {
        let body: GoldenBody
        switch random.below(3) {
        case 0:
            body = .person(
                GoldenPerson(
                    name: chance() ? provenanced(name()) : nil, birthDate: date().map { provenanced($0) },
                    sex: chance() ? provenanced(random.pick([Sex.male, .female])) : nil,
                    identifiers: (0..<random.below(3)).map { _ in provenanced(identifier()) },
                    addresses: (0..<random.below(3)).map { _ in provenanced(address()) },
                    phone: chance() ? provenanced(string()) : nil))
        case 1: body = .parcel(provenanced(parcel()))
        default: body = .enterprise(provenanced(enterprise()))
        }
        return GoldenRecord(entityID: string(), body: body, mentions: (0..<random.below(4)).map { _ in key() })
    }

    mutating func location() -> SourceLocation {
        let ints = [0, 1, -1, 42, 1_000_000, Int.max, Int.min, Int.min + 1]
        func int(_ samples: inout CanonicalJSONSamples) -> Int? {
            samples.chance() ? nil : (samples.chance() ? samples.random.pick(ints) : samples.random.between(-99_999...99_999_999))
        }
        return SourceLocation(file: string(), line: int(&self), column: int(&self), byteOffset: int(&self), pointer: optionalString())
    }
}
