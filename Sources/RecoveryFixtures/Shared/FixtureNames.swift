import RecoveryModel

/// Fictional names for the demo: people, services and the provider. Any likeness to a real
/// person or service is chance.
enum FixtureNames {
    static let provider = "Brookfield Care Group"

    /// Named people first, so the demo always shows a few names with accents.
    static let featured = [
        "Siobhán Ó Briain", "Zoë Brontë", "Dafydd ap Rhys", "Chloé Marchetti", "Małgorzata Wiśniewska",
        "Seán Mac Giolla", "Renée Okonkwo", "José Ferreira", "Anaïs Delacroix-Hart", "Eilidh MacLeòid",
    ]

    static let firstNames = [
        "Aisha", "Amara", "Bethan", "Callum", "Carys", "Darren", "Deepa", "Eleanor", "Farah", "Gareth",
        "Grace", "Hamza", "Harriet", "Imran", "Isla", "Jade", "Jamal", "Kerry", "Kwame", "Leanne",
        "Lewis", "Maryam", "Megan", "Niamh", "Nkechi", "Oliver", "Olu", "Priya", "Rhys", "Rosa",
        "Ruth", "Sadia", "Sam", "Shanice", "Tariq", "Tegan", "Tomasz", "Usha", "Vikram", "Wendy",
        "Yusuf", "Zainab", "Agnieszka", "Bronwen", "Ciarán", "Declan", "Esther", "Femi", "Gemma", "Hollie",
    ]

    static let surnames = [
        "Adeyemi", "Ashworth", "Bakshi", "Barnes", "Begum", "Campbell", "Chowdhury", "Clarke", "Davies", "Dunmore",
        "Ellison", "Evans", "Fairbrother", "Gallagher", "Greaves", "Hadley", "Hussain", "Iqbal", "Jenkins", "Kaur",
        "Kowalski", "Lennox", "Lloyd", "Mahmood", "Mensah", "Morgan", "Nolan", "Nwosu", "Osei", "Patel",
        "Pritchard", "Quinn", "Rahman", "Rowntree", "Sanderson", "Shah", "Thornber", "Turner", "Varga", "Wainwright",
        "Whitfield", "Yates", "Zielinski", "Ogunleye", "Haworth", "Kinsella", "Bancroft", "Lindqvist", "Achterberg", "Moyo",
    ]

    /// Places for service names.
    static let places = [
        "Ashdown", "Millbrook", "Harefield", "Linden", "Cedar", "Rowan", "Hollins", "Kestrel", "Larchmere", "Fernhill",
        "Oakleigh", "Beckside", "Thornbury", "Willowmead", "Elmstead", "Foxglove", "Brambling", "Heathcote", "Marlow Green",
        "Sandpiper", "Wrenfield", "Applegarth", "Bluebell", "Castleton", "Dovecote",
    ]

    /// The service's name: a place and a word for its kind; a number when the places run out.
    static func service(_ index: Int, kind: Service.Kind) -> String {
        let place = places[index % places.count]
        let round = index / places.count
        let base: String
        switch kind {
        case .residential: base = "\(place) House"
        case .nursing: base = "\(place) Nursing Home"
        case .domiciliary: base = "Brookfield Homecare \(place)"
        case .supportedLiving: base = "\(place) Supported Living"
        }
        return round == 0 ? base : "\(base) \(round + 1)"
    }
}

/// Hands out names that are not yet taken, featured ones first.
struct FixtureNameSource {
    private var random: FixtureRandom
    private var used: Set<String> = []
    private var featured = FixtureNames.featured[...]

    init(random: FixtureRandom) { self.random = random }

    mutating func take(_ name: String) { used.insert(name.lowercased()) }

    mutating func next(featuredFirst: Bool = false) -> String {
        if featuredFirst, let name = featured.popFirst(), !used.contains(name.lowercased()) {
            used.insert(name.lowercased())
            return name
        }
        for attempt in 0..<200 {
            var name = "\(random.pick(FixtureNames.firstNames)) \(random.pick(FixtureNames.surnames))"
            if attempt > 100 { name += "-\(random.pick(FixtureNames.surnames))" }
            if !used.contains(name.lowercased()) {
                used.insert(name.lowercased())
                return name
            }
        }
        let name = "Staff Member \(used.count + 1)"
        used.insert(name.lowercased())
        return name
    }
}
