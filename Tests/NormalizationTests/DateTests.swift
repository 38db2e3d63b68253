import Domain
import Normalization
import Testing

@Suite struct DateTests {
    private func iso(_ raw: String, _ order: DateNormalizer.FieldOrder = .auto) -> String? {
        DateNormalizer.normalize(raw, order: order).value?.description
    }

    private func rules(_ raw: String, _ order: DateNormalizer.FieldOrder = .auto) -> [String] {
        DateNormalizer.normalize(raw, order: order).findings.map(\.rule)
    }

    @Test(arguments: [
        ("09/03/1987", "1987-03-09"), ("9/3/1987", "1987-03-09"), ("09-03-1987", "1987-03-09"),
        ("09.03.1987", "1987-03-09"), ("1987-03-09", "1987-03-09"), ("1987/03/09", "1987-03-09"),
        ("19870309", "1987-03-09"), (" 09 / 03 / 1987 ", "1987-03-09"), ("1987", "1987"), ("03/1987", "1987-03"),
        ("1987-03", "1987-03"), ("29/02/1992", "1992-02-29"), ("29/02/2000", "2000-02-29"),
        ("1987-03-09T00:00:00", "1987-03-09"), ("09/03/1987 00:00:00", "1987-03-09"),
        ("ngày 09 tháng 03 năm 1987", "1987-03-09"), ("Ngày 9 tháng 3 năm 1987", "1987-03-09"),
        ("tháng 3 năm 1987", "1987-03"), ("năm 1945", "1945"),
    ])
    func acceptedFormsWithoutFindings(raw: String, expected: String) {
        let result = DateNormalizer.normalize(raw)
        #expect(result.value?.description == expected)
        #expect(result.findings.isEmpty)
    }

    @Test func impossibleDatesHaveNoValueAndSayWhy() {
        let february = DateNormalizer.normalize("31/02/1990")
        #expect(february.value == nil)
        #expect(february.findings.map(\.rule) == ["date.impossible"])
        #expect(february.findings.first?.message.contains("day 31 does not exist in 2/1990") == true)
        #expect(february.hasError)
        #expect(rules("29/02/1991") == ["date.impossible"])
        #expect(rules("29/02/1900") == ["date.impossible"])
        let month13 = DateNormalizer.normalize("13/13/1990")
        #expect(month13.value == nil)
        #expect(month13.findings.first?.message.contains("month 13") == true)
        #expect(rules("1990-13-13") == ["date.impossible"])
        #expect(rules("00/05/0000") == ["date.impossible"])
    }

    @Test func placeholdersLowerThePrecision() throws {
        let zeros = DateNormalizer.normalize("00/00/1945")
        let year = try #require(zeros.value)
        #expect(year.precision == .year)
        #expect(year.description == "1945")
        #expect(zeros.findings.map(\.rule) == ["date.placeholder"])
        let dayZero = DateNormalizer.normalize("00/07/1945")
        #expect(dayZero.value?.description == "1945-07")
        #expect(dayZero.value?.precision == .month)
        #expect(dayZero.findings.map(\.rule) == ["date.placeholder"])
        let firstOfJanuary = DateNormalizer.normalize("01/01/1945")
        #expect(firstOfJanuary.value?.description == "1945")
        #expect(firstOfJanuary.value?.day == nil)
        #expect(firstOfJanuary.findings.map(\.rule) == ["date.placeholder"])
        #expect(iso("1945-01-01") == "1945")
        #expect(iso("00/1945") == "1945")
        #expect(rules("1945-00-00") == ["date.placeholder"])
        let nothing = DateNormalizer.normalize("00/00/0000")
        #expect(nothing.value == nil)
        #expect(nothing.findings.map(\.rule) == ["date.placeholder"])
        #expect(!nothing.hasError)
    }

    @Test func placeholderNeverComparesAsAnExactDay() throws {
        let placeholder = try #require(DateNormalizer.normalize("01/01/1960").value)
        let exact = try #require(DateNormalizer.normalize("02/01/1960").value)
        #expect(placeholder != PartialDate(year: 1960, month: 1, day: 1))
        #expect(placeholder.precision == .year)
        #expect(exact.precision == .day)
    }

    @Test func sentinel1900IsNotADate() {
        let result = DateNormalizer.normalize("1900-01-01")
        #expect(result.value == nil)
        #expect(result.findings.map(\.rule) == ["date.sentinel"])
    }

    @Test func autoSwapsAnImpossibleMonthWithTheDay() {
        let result = DateNormalizer.normalize("03/25/1990")
        #expect(result.value?.description == "1990-03-25")
        #expect(result.findings.map(\.rule) == ["date.day_month_swapped"])
        #expect(iso("03/25/1990", .dayMonthYear) == nil)
        #expect(rules("03/25/1990", .dayMonthYear) == ["date.impossible"])
        #expect(iso("03/25/1990", .monthDayYear) == "1990-03-25")
        #expect(rules("03/25/1990", .monthDayYear).isEmpty)
        #expect(iso("03/04/1990", .monthDayYear) == "1990-03-04")
        #expect(iso("03/04/1990") == "1990-04-03")
    }

    @Test func twoDigitYearsUseThePivot() {
        #expect(iso("9/3/87") == "1987-03-09")
        #expect(rules("9/3/87") == ["date.two_digit_year"])
        #expect(iso("9/3/29") == "2029-03-09")
        #expect(iso("9/3/30") == "1930-03-09")
        #expect(iso("05/03/09") == "2009-03-05")
        #expect(iso("87/03/09", .yearMonthDay) == "1987-03-09")
    }

    @Test func excelSerialsUseThe1899Epoch() {
        let result = DateNormalizer.normalize("32942")
        #expect(result.value?.description == "1990-03-10")
        #expect(result.findings.map(\.rule) == ["date.excel_serial"])
        #expect(iso("45658") == "2025")  // 2025-01-01: 01/01 is read as a placeholder
        #expect(rules("45658") == ["date.excel_serial", "date.placeholder"])
        #expect(iso("45717") == "2025-03-01")
        #expect(iso("36585") == "2000-02-29")
        #expect(iso("32942.0") == "1990-03-10")
    }

    @Test func compactDayFirst() {
        #expect(iso("09031987") == "1987-03-09")
        #expect(rules("09031987") == ["date.compact_day_first"])
        #expect(iso("09031987", .dayMonthYear) == "1987-03-09")
        #expect(rules("09031987", .dayMonthYear).isEmpty)
    }

    @Test func timeOfDayIsDroppedWithANote() {
        let result = DateNormalizer.normalize("1987-03-09T08:30:00")
        #expect(result.value?.description == "1987-03-09")
        #expect(result.findings.map(\.rule) == ["date.time_ignored"])
    }

    @Test(arguments: ["abc", "09/03", "1987-03-09-01", "123456", "9/3/198", "09//03/1987", "09/03/1987/", "khoảng 1945", "+1987"])
    func unrecognisedForms(raw: String) {
        let result = DateNormalizer.normalize(raw)
        #expect(result.value == nil)
        #expect(result.findings.map(\.rule) == ["date.unrecognized"])
    }

    @Test func emptyDate() {
        #expect(rules("   ") == ["date.empty"])
        #expect(rules("") == ["date.empty"])
        #expect(rules("\u{00A0}\u{3000}") == ["date.empty"])
    }
}
