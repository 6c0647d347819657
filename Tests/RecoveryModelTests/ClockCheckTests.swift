import Foundation
import RecoveryModel
import Testing

/// The rule that calls the computer's clock behind the records.
@Suite struct ClockCheckTests {
    /// Thursday 03/12/2026 11:30 in London (GMT in December).
    let newest = Date(timeIntervalSince1970: 1_796_297_400)

    @Test func fiveMinutesBehindIsStillFineAndOneSecondMoreIsNot() {
        #expect(ClockCheck.behind(now: newest.addingTimeInterval(-300), newestRecord: newest) == nil)
        let behind = ClockCheck.behind(now: newest.addingTimeInterval(-301), newestRecord: newest)
        #expect(behind?.newestRecord == newest)
        #expect(behind?.now == newest.addingTimeInterval(-301))
    }

    @Test func aClockLevelWithOrAheadOfTheRecordsIsFine() {
        #expect(ClockCheck.behind(now: newest, newestRecord: newest) == nil)
        #expect(ClockCheck.behind(now: newest.addingTimeInterval(86_400 * 30), newestRecord: newest) == nil)
    }

    @Test func aStoreWithNoRecordsCannotShowTheClockBehind() {
        #expect(ClockCheck.behind(now: newest, newestRecord: nil) == nil)
    }

    @Test func theMessageGivesBothMomentsInLondonTime() throws {
        let behind = try #require(ClockCheck.behind(now: newest.addingTimeInterval(-9000), newestRecord: newest))
        #expect(behind.message == "Clock behind: this computer says 03/12/2026 09:00 but records go up to 03/12/2026 11:30")
        #expect(behind.shortMessage == "Clock behind: records up to 03/12/2026 11:30")
        // In British Summer Time the hour is London's, not UTC's: 01/07/2026 10:00 UTC is 11:00.
        let summer = Date(timeIntervalSince1970: 1_782_900_000)
        let july = try #require(ClockCheck.behind(now: summer.addingTimeInterval(-3600), newestRecord: summer))
        #expect(july.message == "Clock behind: this computer says 01/07/2026 10:00 but records go up to 01/07/2026 11:00")
    }
}
