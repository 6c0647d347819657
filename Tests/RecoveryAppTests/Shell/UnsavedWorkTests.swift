import Foundation
import RecoveryApp
import RecoveryModel
import Testing
import TUI

/// The words for unsaved work waiting at a shared terminal.
@Suite struct UnsavedWorkTests {
    typealias Support = ShellTestSupport

    @Test func aFormIsNamedAfterWhatItRecords() {
        #expect(UnsavedWork.formName(forTitle: "Raise an escalation") == "escalation form")
        #expect(UnsavedWork.formName(forTitle: "Log a MAR chart check") == "MAR chart check form")
        #expect(UnsavedWork.formName(forTitle: "Record an observation") == "observation form")
        #expect(UnsavedWork.formName(forTitle: "Add a member of staff") == "member of staff form")
        #expect(UnsavedWork.formName(forTitle: "New plan") == "plan form")
        #expect(UnsavedWork.formName(forTitle: "Preferences") == "\"Preferences\" form")
        #expect(UnsavedWork.formName(forTitle: "Step 2: done") == "\"Step 2: done\" form")
    }

    @Test func theReturnMessageGivesTheTimeAndTheDayWhenItIsAnotherDay() {
        let parked = Support.fixedNow  // 21/11/2026 09:30
        #expect(UnsavedWork.returnMessage(forms: ["escalation form"], parkedAt: parked, now: parked.addingTimeInterval(3600))
                == "Your unsaved escalation form from 09:30 is open again.")
        #expect(UnsavedWork.returnMessage(forms: ["MAR chart check form", "escalation form"], parkedAt: parked,
                                          now: parked.addingTimeInterval(86_400))
                == "Your unsaved MAR chart check form and escalation form from 09:30 on 21/11/2026 are open again.")
        #expect(UnsavedWork.returnMessage(forms: [], parkedAt: parked, now: parked) == nil)
    }

    @Test func theQuitQuestionNamesWhoseWorkIsWaiting() {
        let dana = ParkedScreens(userID: 7, name: "Dana Patel", parkedAt: Support.fixedNow,
                                 stack: [Typed(title: "Raise an escalation")])
        let sam = ParkedScreens(userID: 8, name: "Sam Jones", parkedAt: Support.fixedNow,
                                stack: [Typed(title: "Log a MAR chart check"), Typed(title: "Raise an escalation")])
        #expect(UnsavedWork.quitQuestion(ownUnsaved: false, waiting: []) == nil)
        #expect(UnsavedWork.quitQuestion(ownUnsaved: true, waiting: [])
                == "Quit RecoveryDesk? What you typed in the form has not been saved and will be lost.")
        #expect(UnsavedWork.quitQuestion(ownUnsaved: false, waiting: [dana, sam])
                == "Unsaved work is waiting for Dana Patel (escalation form) and Sam Jones (MAR chart check form and escalation form). Quit and lose it?")
        #expect(UnsavedWork.quitQuestion(ownUnsaved: true, waiting: [dana])
                == "What you typed in the form has not been saved, and unsaved work is waiting for Dana Patel (escalation form). Quit and lose it all?")
    }

    /// A screen holding typed input, for naming.
    struct Typed: Screen {
        let id = "typed"
        let title: String
        var hasUnsavedInput: Bool { true }
        mutating func perform(_ command: CommandID, context: ScreenContext) -> ScreenResponse { .notHandled }
        func render(into buffer: inout Buffer, area: Rect, context: ScreenContext) {}
    }
}
