import Domain

/// Makes households: sizes, relations, ages, names, residence and identity numbers.
struct HouseholdFactory {
    let places: PlaceTables
    let names: NamePools
    var issuer: IdentityNumberIssuer
    private var householdCount = 0

    static let sizes = WeightedChoice<Int>([(1, 10), (2, 18), (3, 24), (4, 27), (5, 13), (6, 8)])
    static let streets = [
        "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Quang Trung", "Lý Thường Kiệt", "Hùng Vương",
        "Nguyễn Huệ", "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Lê Duẩn", "Phan Chu Trinh", "Ngô Quyền", "Trần Phú",
        "Bạch Đằng", "Hoàng Văn Thụ", "Võ Thị Sáu", "Nguyễn Du", "Láng Hạ", "Lê Thánh Tông", "Nguyễn Văn Cừ",
        "Phạm Văn Đồng", "Tôn Đức Thắng", "Lạc Long Quân", "Âu Cơ",
    ]
    static let mobilePrefixes = [
        "090", "091", "093", "094", "096", "097", "098", "086", "088", "089", "070", "076", "077", "078", "079",
        "081", "082", "083", "084", "085", "032", "033", "034", "035", "036", "037", "038", "039", "056", "058",
    ]

    init(places: PlaceTables, names: NamePools, issuer: IdentityNumberIssuer) {
        self.places = places
        self.names = names
        self.issuer = issuer
    }

    /// The next household, with at most `limit` members whose indices start at `firstIndex`.
    mutating func make(firstIndex: Int, limit: Int, _ random: inout SplitMix64) -> SyntheticHousehold {
        householdCount += 1
        let size = min(Self.sizes.draw(&random), max(limit, 1))
        let communeIndex = places.residence.draw(&random)
        let predecessors = places.predecessors[communeIndex]
        let oldPlace = predecessors.isEmpty ? nil : random.pick(predecessors)
        let commune = places.communes[communeIndex]
        let detail: String
        if places.isUrban(commune) || random.chance(0.2) {
            let number = random.chance(0.2) ? "\(random.between(1...300))/\(random.between(1...40))" : "\(random.between(1...400))"
            detail = "Số \(number) \(random.chance(0.7) ? "Đường" : "Phố") \(random.pick(Self.streets))"
        } else {
            detail = "\(places.hamletWord(provinceCode: commune.provinceCode, &random)) \(random.between(1...15))"
        }
        let homePrefix = oldPlace.map { "0" + $0.provinceCode }
        let plans = planMembers(size: size, &random)
        // Children take the father's family name.
        let headFamily = names.surnames.draw(&random)
        let spouseFamily = names.surnames.draw(&random)
        let fatherFamily = plans.first?.sex == .female && plans.count > 1 && plans[1].relation == "Chồng" ? spouseFamily : headFamily
        var members: [SyntheticPerson] = []
        for (offset, plan) in plans.enumerated() {
            let family: String
            switch plan.relation {
            case "Chủ hộ": family = headFamily
            case "Vợ", "Chồng": family = spouseFamily
            case "Mẹ": family = names.surnames.draw(&random)
            case "Bố", "Em": family = headFamily
            default: family = fatherFamily
            }
            let prefix = homePrefix.flatMap { random.chance(0.85) ? $0 : nil } ?? places.birthRegistrationCodes.draw(&random)
            members.append(person(index: firstIndex + offset, plan: plan, family: family, prefix: prefix, &random))
        }
        return SyntheticHousehold(
            book: "HK" + TextFormatting.padded(householdCount, width: 8), communeIndex: communeIndex, oldPlace: oldPlace,
            detail: detail, members: members)
    }

    private struct MemberPlan {
        let relation: String
        let sex: Sex
        let year: Int
    }

    /// Relations, sexes and birth years (1930–2007) that make a plausible family.
    private func planMembers(size: Int, _ random: inout SplitMix64) -> [MemberPlan] {
        let headYear = size >= 3 ? random.between(1945...1985) : random.between(1935...2003)
        let hasSpouse = size >= 2 && random.chance(size >= 3 ? 0.9 : 0.8) && headYear <= 2000
        let headSex: Sex = random.chance(hasSpouse ? 0.78 : 0.5) ? .male : .female
        var plans = [MemberPlan(relation: "Chủ hộ", sex: headSex, year: headYear)]
        if hasSpouse {
            let gap = random.between(0...8)
            let year = headSex == .male ? headYear + gap - 2 : headYear - gap + 2
            plans.append(MemberPlan(relation: headSex == .male ? "Vợ" : "Chồng", sex: headSex == .male ? .female : .male, year: clampYear(year)))
        }
        if plans.count < size, headYear >= 1955, random.chance(0.25) {
            let sex: Sex = random.chance(0.4) ? .male : .female
            plans.append(MemberPlan(relation: sex == .male ? "Bố" : "Mẹ", sex: sex, year: clampYear(headYear - random.between(20...35))))
        }
        let lastChild = min(2007, headYear + 42)
        while plans.count < size {
            let sex: Sex = random.chance(0.51) ? .male : .female
            let remaining = size - plans.count
            if remaining == 1, size >= 5, headYear <= 1965, lastChild >= headYear + 42, random.chance(0.3) {
                plans.append(MemberPlan(relation: "Cháu", sex: sex, year: random.between(min(headYear + 42, 2007)...2007)))
            } else if headYear + 20 <= lastChild {
                plans.append(MemberPlan(relation: "Con", sex: sex, year: random.between((headYear + 20)...lastChild)))
            } else {
                plans.append(MemberPlan(relation: "Em", sex: sex, year: clampYear(headYear + random.between(1...10))))
            }
        }
        return plans
    }

    private func clampYear(_ year: Int) -> Int { min(max(year, 1930), 2007) }

    private mutating func person(index: Int, plan: MemberPlan, family: String, prefix: String, _ random: inout SplitMix64) -> SyntheticPerson {
        let month = random.between(1...12)
        let day = random.between(1...PartialDate.daysIn(month: month, year: plan.year))
        let yearOnly = random.chance(plan.year < 1950 ? 0.25 : plan.year < 1970 ? 0.05 : 0.005)
        let number =
            issuer.personalNumber(prefix: prefix, sex: plan.sex, year: plan.year)
            ?? issuer.personalNumber(prefix: "001", sex: plan.sex, year: plan.year) ?? ""
        var cmnd: String?
        if plan.year < 1990, random.chance(0.4) {
            cmnd = issuer.cmnd(provinceCode: String(prefix.suffix(2)))
        }
        var phone: String?
        if RegistryGenerator.exportYear - plan.year >= 16, random.chance(0.7) {
            if random.chance(0.05) {
                phone = "016" + String(random.between(2...9)) + TextFormatting.padded(random.below(10_000_000), width: 7)
            } else {
                phone = random.pick(Self.mobilePrefixes) + TextFormatting.padded(random.below(10_000_000), width: 7)
            }
        }
        return SyntheticPerson(
            index: index, family: family, middle: names.middle(for: plan.sex, birthYear: plan.year, &random),
            given: names.given(for: plan.sex, &random), sex: plan.sex, year: plan.year, month: month, day: day,
            yearOnly: yearOnly, personalNumber: number, cmnd: cmnd, relation: plan.relation, phone: phone)
    }
}
