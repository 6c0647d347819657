import RecoveryModel

/// The made-up words the demo and the provider-scale bench write into records: finding notes
/// and actions, late-entry reasons, escalation responses and outcomes, and how often each kind
/// of finding turns up. One table, so both generators read the same way.
enum FixtureWords {
    static let lateEntryReasons = [
        "Paper check from the weekend typed up on Monday.",
        "System was down overnight; entered from the paper copy.",
        "Team leader off sick; the deputy entered it from the round sheet.",
        "Found in the office tray during the weekly audit.",
    ]

    /// A finding's note and the action taken, by type.
    static let findingWords: [FindingType: (String, String)] = [
        .missingSignature: ("No signature for the 08:00 dose.", "Spoke to the carer; dose confirmed given and countersigned."),
        .unexplainedGap: ("Blank box with no code.", "Checked with the person and stock; recorded as an omission."),
        .refusalWithoutReason: ("Refusal code used with no reason written.", ""),
        .refusalWithoutAction: ("Refused twice; nobody told the GP or the family.", "GP surgery informed the same day."),
        .prnWithoutReasonOrOutcome: ("Paracetamol PRN given with no reason or effect recorded.", "Reminded staff of the PRN protocol."),
        .handwrittenNotCountersigned: ("New handwritten entry not countersigned.", "Second signature obtained."),
        .stockCountMismatch: ("Count one tablet short of the running balance.", "Recount with the pharmacy; incident form raised."),
        .codeNotInKey: ("Code 'Z' used, which is not in the key.", "Key shown to the team at handover."),
        .other: ("Chart torn and hard to read.", "New chart requested from the pharmacy."),
        .chartReturnedLate: ("Chart came back to the office after the weekly return day.", "Logged in the medicines learning tracker."),
    ]

    /// How often each kind of finding (other than a late return) is made, as weights.
    static let findingTypes: [(FindingType, Double)] = [
        (.missingSignature, 3), (.unexplainedGap, 2), (.refusalWithoutReason, 2), (.refusalWithoutAction, 1),
        (.prnWithoutReasonOrOutcome, 2), (.handwrittenNotCountersigned, 1), (.stockCountMismatch, 1),
        (.codeNotInKey, 0.5), (.other, 0.4),
    ]

    static let responses = [
        "Spoke with the staff member and checked the person was safe.",
        "GP and pharmacy contacted; advice followed.",
        "Reviewed the chart with the team leader; supervision booked.",
        "Family informed and the care plan updated.",
    ]

    static let outcomes = [
        "No harm found; learning shared at handover.",
        "Supervised practice completed; no repeat since.",
        "Added to the medicines learning tracker and closed.",
        "Pharmacy corrected the chart; process confirmed with the team.",
    ]
}
