import Foundation
import RecoveryModel

/// The words for unsaved work kept at a shared terminal: what kind of form a screen is, the
/// message a person gets when their parked forms come back, and the question asked before
/// quitting would lose someone's waiting work.
public enum UnsavedWork {
    /// The kind of form a screen is, from its title: "Raise an escalation" is the "escalation
    /// form", "Log a MAR chart check" the "MAR chart check form", "New plan" the "plan form";
    /// a title of any other shape is quoted ("\"Preferences\" form").
    public static func formName(forTitle title: String) -> String {
        var words = title.split(separator: " ").map(String.init)
        if words.count > 2, ["a", "an", "the"].contains(words[1].lowercased()) {
            words.removeFirst(2)
        } else if words.count > 1, ["new", "edit"].contains(words[0].lowercased()) {
            words.removeFirst()
        } else {
            return "\"\(title)\" form"
        }
        // The first word is lower-cased unless it is an abbreviation such as MAR or PIN.
        if let first = words.first, first.dropFirst().allSatisfy({ !$0.isUppercase }) {
            words[0] = first.lowercased()
        }
        return words.joined(separator: " ") + " form"
    }

    /// "escalation form", "MAR chart check form and escalation form", "a, b and c".
    public static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// What a person is told when their screens come back after a lock:
    /// "Your unsaved escalation form from 14:02 is open again." The date joins the time when
    /// the screens were parked on another day. Nil when nothing was half typed.
    public static func returnMessage(forms: [String], parkedAt: Date, now: Date) -> String? {
        guard !forms.isEmpty else { return nil }
        var when = UKDateFormat.time(parkedAt)
        if LondonDay(parkedAt) != LondonDay(now) { when += " on \(UKDateFormat.date(parkedAt))" }
        let verb = forms.count == 1 ? "is" : "are"
        return "Your unsaved \(list(forms)) from \(when) \(verb) open again."
    }

    /// The question before quitting: what the signed-in person would lose (`ownUnsaved`) and
    /// whose parked work is waiting. Nil when nothing would be lost.
    public static func quitQuestion(ownUnsaved: Bool, waiting: [ParkedScreens]) -> String? {
        let others = list(waiting.map { "\($0.name) (\(list($0.unsavedForms)))" })
        switch (ownUnsaved, waiting.isEmpty) {
        case (false, true):
            return nil
        case (true, true):
            return "Quit RecoveryDesk? What you typed in the form has not been saved and will be lost."
        case (false, false):
            return "Unsaved work is waiting for \(others). Quit and lose it?"
        case (true, false):
            return "What you typed in the form has not been saved, and unsaved work is waiting for \(others). Quit and lose it all?"
        }
    }
}
