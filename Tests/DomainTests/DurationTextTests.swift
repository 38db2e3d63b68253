import Domain
import Foundation
import Testing

@Suite struct DurationTextTests {
    @Test func unitsAndCompounds() {
        #expect(DurationText.seconds("90s") == 90)
        #expect(DurationText.seconds("15m") == 900)
        #expect(DurationText.seconds("36h") == 129_600)
        #expect(DurationText.seconds("7d") == 604_800)
        #expect(DurationText.seconds("2w") == 1_209_600)
        #expect(DurationText.seconds("1h30m") == 5_400)
    }

    @Test func rejectsWhatIsNotADuration() {
        for text in ["", "7", "d", "7x", "-7d", "7d3", "1.5h", "0s", " 7d", "99999999999999999999w"] {
            #expect(DurationText.seconds(text) == nil, "\(text)")
        }
    }

    @Test func cutoffComparesAsStoreText() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let cutoff = DurationText.time(86_400, before: now)
        let older = Date(timeIntervalSince1970: 1_795_000_000 - 90_000).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let newer = Date(timeIntervalSince1970: 1_795_000_000 - 3_600).formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        #expect(older < cutoff)
        #expect(newer > cutoff)
    }
}
