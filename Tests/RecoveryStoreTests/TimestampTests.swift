import Foundation
@testable import RecoveryStore
import Testing

/// Stored moments read back exactly, and anything else is refused.
@Suite struct TimestampTests {
    @Test func roundTripsToTheMillisecond() {
        for seconds in [0.0, 1_795_253_400.123, 951_782_400.5, 4_102_444_799.999, 1_774_746_000] {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.text(date)
            let back = Timestamp.date(text)
            #expect(back.map { Timestamp.text($0) } == text, "\(text)")
        }
        #expect(Timestamp.date("2026-11-21T14:05:00Z") == Date(timeIntervalSince1970: 1_795_269_900))
    }

    @Test func refusesWhatIsNotAStoredMoment() {
        for bad in ["", "2026-11-21", "2026-13-01T00:00:00.000Z", "2026-11-21T14:05:00.123", "21/11/2026 14:05",
                    "2026-11-21T25:00:00.000Z", "2026-11-21T14:05:00.12Z"] {
            #expect(Timestamp.date(bad) == nil, "\(bad)")
        }
    }
}
