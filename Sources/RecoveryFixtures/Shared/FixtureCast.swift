import Foundation
import RecoveryModel
import RecoveryStore

/// A member of staff as a fixture uses them.
struct FixturePerson: Hashable {
    var id: Int64
    var name: String
    var role: Role
    /// The day they started, counted from the first day of records (they are named in records
    /// only from then on). Everyone in the demo was there from the start.
    var joined = 0

    var actor: Actor { Actor(userID: id, name: name, role: role) }
}

/// How a service is doing; it sets the rates of gaps, findings, lateness and follow-up.
enum FixtureProfile {
    case strong, middling, struggling

    private static let pattern: [FixtureProfile] = [.struggling, .strong, .middling, .middling, .strong, .struggling, .middling, .strong]

    /// The profile of the service at `index`. With `shifted`, the pattern moves on by one every
    /// four services, so that among many services each kind has every profile.
    static func of(_ index: Int, shifted: Bool) -> FixtureProfile {
        pattern[(index + (shifted ? index / 4 : 0)) % pattern.count]
    }
}

/// A service of a fixture and its people.
final class FixtureService {
    let service: Service
    let index: Int
    let profile: FixtureProfile
    var manager: FixturePerson!
    var deputy: FixturePerson!
    /// Who logs the MAR checks (team leaders, shift leaders, care coordinators).
    var checkers: [FixturePerson] = []
    /// Who gives medicines (and so is observed, and named in findings), by the day they joined.
    var givers: [FixturePerson] = []
    var supervisor: FixturePerson?
    var others: [FixturePerson] = []
    /// The one member of staff whose name keeps coming up (middling and struggling services).
    var repeatOffender: FixturePerson?

    init(service: Service, index: Int, profile: FixtureProfile) {
        self.service = service
        self.index = index
        self.profile = profile
    }

    var kind: Service.Kind { service.kind }

    var everyone: [FixturePerson] {
        var list: [FixturePerson] = [manager, deputy]
        list.append(contentsOf: checkers)
        list.append(contentsOf: givers)
        if let supervisor { list.append(supervisor) }
        list.append(contentsOf: others)
        return list
    }

    /// Givers who had joined by `day` (a day index); at least the first.
    func givers(on day: Int) -> ArraySlice<FixturePerson> {
        var low = 0
        var high = givers.count
        while low < high {
            let middle = (low + high) / 2
            if givers[middle].joined > day { high = middle } else { low = middle + 1 }
        }
        return givers[..<max(1, low)]
    }
}

/// Who works in a service of each kind, for one size of fixture, in the order they are added.
struct FixtureStaffing {
    /// People of one role, added one after another.
    struct Group {
        var role: Role
        var count: Int
        /// How many of them (the first ones) can sign in with the fixture's PIN.
        var withPIN = 0
        var checker = false
        var giver = false
        var other = false
        var supervisor = false
    }

    var groups: [Service.Kind: [Group]]
    /// The PIN of those who can sign in (the managers and deputies too); nil: nobody but the
    /// administrator signs in.
    var pin: String?
    /// Managers and deputies take the featured names (the demo shows them first).
    var featuredManagers: Bool
    /// Seconds between two additions.
    var tick: TimeInterval
    /// Givers other than the checkers join over the years (a day drawn for each) instead of all
    /// being there on the first day.
    var joinOverTime: Bool

    static func group(_ role: Role, _ count: Int, pins: Int = 0, checker: Bool = false, giver: Bool = false,
                      other: Bool = false, supervisor: Bool = false) -> Group {
        Group(role: role, count: count, withPIN: pins, checker: checker, giver: giver, other: other, supervisor: supervisor)
    }

    /// The demo: small teams; someone of every role can sign in.
    static let demo = FixtureStaffing(groups: [
        .residential: [group(.teamLeader, 2, pins: 1, checker: true, giver: true), group(.shiftLeader, 1, checker: true, giver: true),
                       group(.seniorCarer, 2, giver: true), group(.careWorker, 5, other: true)],
        .nursing: [group(.teamLeader, 2, pins: 1, checker: true, giver: true), group(.shiftLeader, 1, checker: true, giver: true),
                   group(.seniorCarer, 2, giver: true), group(.careWorker, 2, giver: true, other: true), group(.careWorker, 3, other: true)],
        .domiciliary: [group(.careCoordinator, 2, pins: 1, checker: true), group(.fieldSupervisor, 1, pins: 1, supervisor: true),
                       group(.seniorCarer, 1, giver: true), group(.careWorker, 7, giver: true)],
        .supportedLiving: [group(.teamLeader, 1, pins: 1, checker: true, giver: true), group(.keyWorker, 2, giver: true),
                           group(.careWorker, 4, giver: true)],
    ], pin: "1234", featuredManagers: true, tick: 60, joinOverTime: false)

    /// A large provider: full teams (about 21 a service), joining over the years.
    static let provider = FixtureStaffing(groups: [
        .residential: [group(.teamLeader, 3, checker: true, giver: true), group(.shiftLeader, 1, checker: true, giver: true),
                       group(.seniorCarer, 4, giver: true), group(.careWorker, 10, giver: true)],
        .nursing: [group(.teamLeader, 3, checker: true, giver: true), group(.shiftLeader, 1, checker: true, giver: true),
                   group(.seniorCarer, 6, giver: true), group(.careWorker, 14, giver: true)],
        .domiciliary: [group(.careCoordinator, 3, checker: true), group(.fieldSupervisor, 1, supervisor: true),
                       group(.seniorCarer, 2, giver: true), group(.careWorker, 17, giver: true)],
        .supportedLiving: [group(.teamLeader, 2, checker: true, giver: true), group(.keyWorker, 3, giver: true),
                           group(.careWorker, 7, giver: true)],
    ], pin: nil, featuredManagers: false, tick: 30, joinOverTime: true)
}

/// The provider, its services and their people, added through the store's audited write path
/// (the same for every size of fixture; only the numbers differ).
struct FixtureCast {
    var admin: FixturePerson
    var provider: [Role: FixturePerson] = [:]
    var services: [FixtureService] = []

    /// The kinds cycle residential, nursing, domiciliary, supported living.
    static func kind(_ index: Int) -> Service.Kind {
        [Service.Kind.residential, .nursing, .domiciliary, .supportedLiving][index % 4]
    }

    /// Sets up the store (provider, first service, administrator) at `setUpTime`.
    static func setUp(_ store: SQLiteRecoveryStore, names: inout FixtureNameSource, pin: String,
                      at setUpTime: Date) throws(StoreError) -> FixtureCast {
        let member = try store.setUp(SetUpRequest(providerName: FixtureNames.provider,
                                                  serviceName: FixtureNames.service(0, kind: kind(0)), serviceKind: kind(0),
                                                  administratorName: names.next(featuredFirst: true), pin: pin), at: setUpTime)
        return FixtureCast(admin: FixturePerson(id: member.id, name: member.name, role: .administrator))
    }

    /// Adds the other services, the provider's own people and each service's team, from `start`
    /// one `staffing.tick` apart. `dayCount` is the number of days of records (for joining days).
    mutating func addServicesAndStaff(_ store: SQLiteRecoveryStore, count: Int, staffing: FixtureStaffing, shiftedProfiles: Bool,
                                      names: inout FixtureNameSource, random: inout FixtureRandom, dayCount: Int,
                                      from start: Date) throws(StoreError) {
        var time = start
        func tick() -> Date {
            time = time.addingTimeInterval(staffing.tick)
            return time
        }
        var all = try store.services(includingInactive: false)
        for index in 1..<count {
            all.append(try store.addService(name: FixtureNames.service(index, kind: Self.kind(index)), kind: Self.kind(index),
                                            registeredManager: nil, by: admin.actor, at: tick()))
        }
        all.sort { $0.id < $1.id }
        services = all.enumerated().map {
            FixtureService(service: $0.element, index: $0.offset, profile: FixtureProfile.of($0.offset, shifted: shiftedProfiles))
        }
        let everyService = all.map(\.id)
        let admin = admin
        func add(_ role: Role, _ serviceIDs: [Int64], pin: Bool, featured: Bool = false) throws(StoreError) -> FixturePerson {
            let member = try store.addStaff(name: names.next(featuredFirst: featured), role: role, serviceIDs: serviceIDs,
                                            pin: pin ? staffing.pin : nil, by: admin.actor, at: tick())
            return FixturePerson(id: member.id, name: member.name, role: role)
        }

        // The provider's own people, across every service.
        let signIn = staffing.pin != nil
        for role in [Role.nominatedIndividual, .providerOperationsLead, .qualityLead, .safeguardingLead, .medicinesLead] {
            provider[role] = try add(role, everyService, pin: signIn, featured: true)
        }
        for team in services {
            let id = [team.service.id]
            team.manager = try add(.registeredManager, id, pin: signIn, featured: staffing.featuredManagers)
            team.deputy = try add(.deputyManager, id, pin: signIn, featured: staffing.featuredManagers)
            for group in staffing.groups[team.kind] ?? [] {
                for number in 0..<group.count {
                    let person = try add(group.role, id, pin: number < group.withPIN)
                    if group.checker { team.checkers.append(person) }
                    if group.giver { team.givers.append(person) }
                    if group.other { team.others.append(person) }
                    if group.supervisor { team.supervisor = person }
                }
            }
            if staffing.joinOverTime {
                // Most were there from the start; the rest joined over the years.
                let checkerIDs = Set(team.checkers.map(\.id))
                for index in team.givers.indices where !checkerIDs.contains(team.givers[index].id) {
                    team.givers[index].joined = random.chance(0.65) ? 0 : random.int(30...max(30, dayCount - 30))
                }
                team.givers.sort { ($0.joined, $0.id) < ($1.joined, $1.id) }
            }
            if team.profile != .strong {
                team.repeatOffender = team.givers.last { $0.role == .careWorker || $0.role == .seniorCarer || $0.role == .keyWorker }
            }
        }
        guard signIn else { return }
        // Every role has someone who can sign in with the fixture's PIN.
        let withPIN = Set(try store.signInList().map(\.role))
        let first = services[0]
        for role in Role.allCases where !withPIN.contains(role) {
            let person = try add(role, [first.service.id], pin: true)
            if role == .careWorker || role == .keyWorker || role == .seniorCarer { first.givers.append(person) }
            if role == .fieldSupervisor && first.supervisor == nil { first.supervisor = person }
            if [.teamLeader, .shiftLeader, .careCoordinator].contains(role) { first.others.append(person) }
        }
    }

    /// Who records a plan step given to `role`: someone of that role in the service, or the
    /// provider's, or the manager.
    func stepPerson(_ role: Role, _ team: FixtureService?) -> FixturePerson {
        if let team, let person = team.everyone.first(where: { $0.role == role }) { return person }
        if let person = provider[role] { return person }
        return team?.manager ?? provider[.qualityLead] ?? admin
    }
}
