/// Parses one field of a cron expression — `*`, `5`, `1-5`, `*/15`, `10-40/10`, `MON-FRI`, lists of those
/// joined by commas — into the set of values it allows, as a bit mask (bit `v` set ⇔ value `v` allowed).
/// Day of week 7 is folded into 0 (both Sunday). Errors name the field, the token and its column.
struct CronFieldParser {
    let field: CronField
    /// The field's characters.
    let characters: [Character]
    /// The 1-based column of the field's first character within the whole schedule text.
    let column: Int

    /// The bit mask of values `text` allows in `field`; `column` is where `text` starts in the schedule.
    static func mask(of text: [Character], field: CronField, column: Int) throws(ScheduleSyntaxError) -> UInt64 {
        try CronFieldParser(field: field, characters: text, column: column).mask()
    }

    func mask() throws(ScheduleSyntaxError) -> UInt64 {
        var mask: UInt64 = 0
        var itemStart = 0
        for index in 0...characters.count where index == characters.count || characters[index] == "," {
            mask |= try item(from: itemStart, to: index)
            itemStart = index + 1
        }
        return mask
    }

    /// One list item, `characters[start..<end]`: a value, a range or `*`, with an optional `/step`.
    private func item(from start: Int, to end: Int) throws(ScheduleSyntaxError) -> UInt64 {
        let itemText = text(start, end)
        guard start < end else {
            throw error("empty item in the list '\(text(0, characters.count))'", token: "", at: start)
        }
        var index = start
        var values = field.wildcardValues
        var isWildcard = false
        var isRange = false
        if characters[index] == "*" {
            isWildcard = true
            index += 1
        } else {
            let low = try value(at: &index, end: end, item: itemText)
            values = low...low
            if index < end, characters[index] == "-" {
                index += 1
                let high = try value(at: &index, end: end, item: itemText)
                guard low <= high else {
                    let reason = "range \(itemText) runs backwards; write the smaller value first"
                    throw error(reason, token: itemText, at: start)
                }
                values = low...high
                isRange = true
            }
        }
        var step = 1
        if index < end, characters[index] == "/" {
            index += 1
            let stepStart = index
            let digits = self.digits(at: &index, end: end)
            guard !digits.isEmpty else {
                if index < end { throw unexpected(at: index, item: itemText) }
                throw error("missing step after '/' in '\(itemText)'", token: "", at: index)
            }
            guard isWildcard || isRange else {
                let example = "\(values.lowerBound)-\(field.bounds.upperBound)/\(digits)"
                let reason = "a step needs a range or '*' before it, as in \(example) or */\(digits)"
                throw error(reason, token: itemText, at: start)
            }
            guard let number = Int(digits), number <= field.bounds.upperBound else {
                throw error("step \(digits) is larger than \(field.bounds.upperBound), the field's largest value",
                            token: digits, at: stepStart)
            }
            guard number >= 1 else { throw error("step \(digits) must be at least 1", token: digits, at: stepStart) }
            step = number
        }
        guard index == end else { throw unexpected(at: index, item: itemText) }
        var mask: UInt64 = 0
        for value in stride(from: values.lowerBound, through: values.upperBound, by: step) {
            mask |= 1 << UInt64(field == .dayOfWeek && value == 7 ? 0 : value)
        }
        return mask
    }

    /// A number or a name starting at `index`, checked against the field's bounds; advances `index` past it.
    private func value(at index: inout Int, end: Int, item: String) throws(ScheduleSyntaxError) -> Int {
        let start = index
        guard index < end else {
            throw error("missing value after '\(characters[index - 1])' in '\(item)'", token: "", at: index)
        }
        let digits = self.digits(at: &index, end: end)
        if !digits.isEmpty {
            let bounds = field.bounds
            guard let number = Int(digits), bounds.contains(number) else {
                let reason = "\(digits) is out of range \(bounds.lowerBound)–\(bounds.upperBound)"
                throw error(reason, token: digits, at: start)
            }
            return number
        }
        while index < end, characters[index].isASCII, characters[index].isLetter { index += 1 }
        guard index > start else { throw unexpected(at: start, item: item) }
        let name = text(start, index)
        guard let names = field.nameRange else {
            let bounds = field.bounds
            let reason = "'\(name)' is not a number in \(bounds.lowerBound)–\(bounds.upperBound)"
            throw error(reason, token: name, at: start)
        }
        guard let number = field.names[name.uppercased()] else {
            throw error("unknown \(field) name '\(name)'; expected \(names)", token: name, at: start)
        }
        return number
    }

    /// The ASCII digits starting at `index`; advances `index` past them.
    private func digits(at index: inout Int, end: Int) -> String {
        let start = index
        while index < end, characters[index].isASCII, characters[index].isNumber { index += 1 }
        return text(start, index)
    }

    private func text(_ start: Int, _ end: Int) -> String { String(characters[start..<end]) }

    private func unexpected(at index: Int, item: String) -> ScheduleSyntaxError {
        error("unexpected character '\(characters[index])' in '\(item)'", token: String(characters[index]), at: index)
    }

    private func error(_ reason: String, token: String, at index: Int) -> ScheduleSyntaxError {
        ScheduleSyntaxError(part: .field(field), token: token, column: column + index, reason: reason)
    }
}
