import Domain
import Normalization

enum NormalizeCommand {
    static let command = Command(
        name: "normalize", summary: "show the canonical form of a value and every finding, as JSON",
        usage: "name|date|id|phone|address VALUE [--birth-date D] [--sex male|female]",
        options: [
            .value("--birth-date", "D", "birth date of the same record, for personal-number consistency checks"),
            .value("--sex", "S", "male or female, for personal-number consistency checks"),
        ],
        examples: [
            "lienthong normalize name 'NGUYEN  VAN  ANH'",
            "lienthong normalize id 001087012345 --birth-date 09/03/1987 --sex male",
            "lienthong normalize address 'Số 5, Xã Tân Phú, Huyện Đức Hòa, Tỉnh Long An'",
        ],
        details: "id accepts a 12-digit personal number, a 9-digit CMND or an enterprise code (10 or 13 digits).",
        run: run)

    struct Output<Value: Encodable>: Encodable {
        var kind: String
        var input: String
        var value: Value?
        var findings: [Finding]
    }

    static func run(_ arguments: ParsedArguments, _ context: Context) throws -> Int32 {
        guard arguments.positionals.count == 2 else {
            throw UsageError(message: "expected KIND VALUE, e.g. normalize name 'Nguyễn Văn An'", verb: "normalize")
        }
        let kind = arguments.positionals[0], input = arguments.positionals[1]
        let console = context.console
        switch kind {
        case "name":
            let result = NameNormalizer.normalize(input)
            try console.json(Output(kind: kind, input: input, value: result.value, findings: result.findings))
        case "date":
            let result = DateNormalizer.normalize(input, order: .auto)
            try console.json(
                Output(kind: kind, input: input, value: result.value.map { DateValue(date: $0) }, findings: result.findings))
        case "phone":
            let result = PhoneNormalizer.normalize(input)
            try console.json(Output(kind: kind, input: input, value: result.value, findings: result.findings))
        case "address":
            let result = AddressNormalizer.normalize(input, reference: try context.reference())
            try console.json(Output(kind: kind, input: input, value: result.value, findings: result.findings))
        case "id":
            let result = try identifier(input, arguments: arguments, context: context)
            try console.json(Output(kind: kind, input: input, value: result.value, findings: result.findings))
        default:
            throw UsageError(message: "unknown kind '\(kind)' (name, date, id, phone, address)", verb: "normalize")
        }
        return ExitCode.ok
    }

    struct DateValue: Encodable {
        var iso: String
        var precision: String
        init(date: PartialDate) {
            iso = date.description
            precision = date.precision.rawValue
        }
    }

    static func identifier(_ input: String, arguments: ParsedArguments, context: Context) throws -> Normalized<Identifier> {
        let digits = input.filter(\.isNumber)
        switch digits.count {
        case 12:
            let birthDate = arguments.value("--birth-date").flatMap { DateNormalizer.normalize($0, order: .auto).value }
            var sex: Sex?
            if let text = arguments.value("--sex") {
                guard let parsed = Sex(rawValue: text) else { throw UsageError(message: "--sex expects male or female", verb: "normalize") }
                sex = parsed
            }
            return PersonalNumber.normalize(input, birthDate: birthDate, sex: sex, reference: try context.reference())
        case 9: return LegacyIDNumber.normalize(input)
        default: return EnterpriseCode.normalize(input)
        }
    }
}
