import Domain
import Foundation
import Testing

/// Day numbers against Foundation's Gregorian calendar (UTC), both ways, across leap rules and 1970. Foundation
/// switches to the Julian calendar before 1582-10-15; this one stays proleptic, so the comparison starts after.
@Suite struct CivilCalendarTests {
    @Test func knownDays() {
        #expect(CivilCalendar.dayNumber(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.dayNumber(year: 1969, month: 12, day: 31) == -1)
        #expect(CivilCalendar.dayNumber(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.date(dayNumber: 11_016) == (2000, 2, 29))
        #expect(CivilCalendar.date(dayNumber: -25_567) == (1900, 1, 1))
    }

    @Test func agreesWithFoundationBothWays() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for dayNumber in stride(from: -140_000, through: 150_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilCalendar.date(dayNumber: dayNumber)
            #expect(civil == (parts.year!, parts.month!, parts.day!), "day \(dayNumber)")
            #expect(CivilCalendar.dayNumber(year: civil.year, month: civil.month, day: civil.day) == dayNumber)
        }
    }
}
