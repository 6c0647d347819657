/// One titled page of a `PagedForm`. A page in a repeating group (e.g. one per finding) is
/// titled with its number in the group: "Finding 2 of 3".
public struct FormPage: Sendable {
    public var title: String
    public var form: Form
    /// The repeating group the page belongs to ("finding"), or nil for a fixed page.
    public var group: String?
    /// A number the screen keeps with the page (e.g. the stored number of a finding).
    public var tag: Int?
    /// Tells pages apart as they are added and removed (for `hasUnsavedInput`).
    public fileprivate(set) var id = 0

    public init(_ title: String, form: Form, group: String? = nil, tag: Int? = nil) {
        self.title = title
        self.form = form
        self.group = group
        self.tag = tag
    }
}

/// A form in titled pages, with one page showing: "Page 2 of 3: Finding 1 of 2".
///
/// Keys (as the paged forms have always had them): Tab and Down move to the next field and from
/// the last field of a page to the first of the next; Shift-Tab and Up move back the same way;
/// Enter moves on like Tab and, on the last field of the last page, asks to submit. Page Down and
/// Page Up move a whole page. A pick list keeps the keys it claims (see `Form.claims`).
///
/// Fields on fixed pages are addressed by name across the pages (`paged["round"]`); the pages of
/// a repeating group are read with `forms(in:)` and added or removed with `addPage` and
/// `removePage`.
public struct PagedForm: Sendable {
    public private(set) var pages: [FormPage]
    /// The page showing.
    public private(set) var page: Int
    private var nextID: Int
    private let initialIDs: [Int]

    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        /// It moved or edited.
        case handled
        /// Enter on the last field of the last page: the screen saves.
        case submit
        /// Not a key the form uses.
        case notHandled
    }

    public init(pages: [FormPage], page: Int = 0) {
        var numbered = pages
        for index in numbered.indices { numbered[index].id = index }
        self.pages = numbered
        self.page = min(max(0, page), max(0, pages.count - 1))
        nextID = pages.count
        initialIDs = numbered.map(\.id)
        let fixedNames = numbered.filter { $0.group == nil }.flatMap { $0.form.fields.map(\.name) }
        assert(Set(fixedNames).count == fixedNames.count, "Two fields on the fixed pages share a name")
    }

    /// The form on the page showing.
    public var current: Form {
        get { pages[page].form }
        set { pages[page].form = newValue }
    }

    /// The title of page `index`, numbered within its group: "Finding 2 of 3".
    public func title(of index: Int) -> String {
        let entry = pages[index]
        guard let group = entry.group else { return entry.title }
        let members = pages.indices.filter { pages[$0].group == group }
        return "\(entry.title) \((members.firstIndex(of: index) ?? 0) + 1) of \(members.count)"
    }

    /// "Page 2 of 3: Finding 1 of 2".
    public var indicator: String { "Page \(page + 1) of \(pages.count): \(title(of: page))" }

    /// True when a value differs from its start, or a page was added or removed.
    public var hasUnsavedInput: Bool {
        pages.map(\.id) != initialIDs || pages.contains { $0.form.hasUnsavedInput }
    }

    /// True when the focus is on the last field of the last page.
    public var isAtEnd: Bool {
        page == pages.count - 1 && current.focus == max(0, current.fields.count - 1)
    }

    // MARK: Keys and moving

    /// Acts on a key pressed now.
    public mutating func handle(_ key: Key) -> Outcome { handle(key, at: .now) }

    /// Acts on a key pressed at `time` (see the type's notes).
    public mutating func handle(_ key: Key, at time: ContinuousClock.Instant) -> Outcome {
        guard !pages.isEmpty else { return .notHandled }
        if current.claims(key) { return pages[page].form.handle(key, at: time) ? .handled : .notHandled }
        switch key {
        case .tab, .down: nextField()
        case .backTab, .up: previousField()
        case .enter:
            if isAtEnd { return .submit }
            nextField()
        case .pageDown: go(toPage: page + 1)
        case .pageUp: go(toPage: page - 1)
        default:
            return pages[page].form.handle(key, at: time) ? .handled : .notHandled
        }
        return .handled
    }

    /// The next field, or the first field of the next page after a page's last field (the last
    /// page wraps round to its own first field).
    public mutating func nextField() {
        if current.focus >= current.fields.count - 1 && page < pages.count - 1 {
            go(toPage: page + 1)
        } else {
            pages[page].form.focusNext()
        }
    }

    /// The field before, or the last field of the page before from a page's first field.
    public mutating func previousField() {
        if current.focus == 0 && page > 0 {
            go(toPage: page - 1, field: pages[page - 1].form.fields.count - 1)
        } else {
            pages[page].form.focusPrevious()
        }
    }

    /// Shows page `index` (clamped) with the focus on `field` (its first field by default),
    /// checking the field being left.
    public mutating func go(toPage index: Int, field: Int = 0) {
        guard !pages.isEmpty else { return }
        let target = min(max(0, index), pages.count - 1)
        pages[page].form.validate(pages[page].form.focus)
        page = target
        pages[page].form.move(to: field)
    }

    // MARK: Checking

    /// Checks every field on every page; when any is refused, shows the first page with a
    /// problem, focused on its first refused field. Returns true when all are acceptable.
    public mutating func validateAll() -> Bool {
        var firstBad: Int?
        for index in pages.indices where !pages[index].form.validateAll() {
            if firstBad == nil { firstBad = index }
        }
        if let firstBad { page = firstBad }
        return firstBad == nil
    }

    /// Every refused field, page by page: the page's title, the label and the message.
    public var problems: [(page: String, label: String, error: String)] {
        pages.indices.flatMap { index in
            pages[index].form.fields.compactMap { field in field.error.map { (title(of: index), field.label, $0) } }
        }
    }

    /// The focused field's error in full, for the status line.
    public var focusedError: String? { pages.isEmpty ? nil : current.focusedError }

    // MARK: Fields by name (fixed pages)

    /// The page and position of the field called `name` on a fixed page, or nil.
    public func location(of name: FieldName) -> (page: Int, field: Int)? {
        for index in pages.indices where pages[index].group == nil {
            if let field = pages[index].form.index(of: name) { return (index, field) }
        }
        return nil
    }

    private func place(_ name: FieldName) -> (page: Int, field: Int) {
        guard let place = location(of: name) else { preconditionFailure("The paged form has no field called \"\(name)\"") }
        return place
    }

    /// The value of the field called `name` on a fixed page (see `Form`'s subscript). An unknown
    /// name is a programmer error and stops the program.
    public subscript(name: FieldName) -> String {
        get { pages[place(name).page].form[name] }
        set { pages[place(name).page].form[name] = newValue }
    }

    /// The whole field called `name` on a fixed page.
    public subscript(field name: FieldName) -> FormField {
        get { pages[place(name).page].form[field: name] }
        set { pages[place(name).page].form[field: name] = newValue }
    }

    /// The value of the field called `name` on a fixed page.
    public func value(of name: FieldName) -> String { self[name] }

    /// The chosen position in the pick list called `name` on a fixed page.
    public func selectedIndex(of name: FieldName) -> Int? { pages[place(name).page].form.selectedIndex(of: name) }

    /// Shows the page holding `name` with the focus on it.
    public mutating func move(to name: FieldName) {
        let place = place(name)
        go(toPage: place.page, field: place.field)
    }

    // MARK: Repeating groups

    /// The positions of the pages in `group`, in order.
    public func pageIndices(in group: String) -> [Int] { pages.indices.filter { pages[$0].group == group } }

    /// The pages in `group`, in order.
    public func pages(in group: String) -> [FormPage] { pages.filter { $0.group == group } }

    /// The forms of the pages in `group`, in order (read each by name: `form["person"]`).
    public func forms(in group: String) -> [Form] { pages(in: group).map(\.form) }

    /// Adds a page: after the last page of its group, or at the end when the group has none.
    /// With `show` it becomes the page showing, focused on its first field.
    public mutating func addPage(_ newPage: FormPage, show: Bool = true) {
        var entry = newPage
        entry.id = nextID
        nextID += 1
        let at = entry.group.flatMap { pageIndices(in: $0).last.map { $0 + 1 } } ?? pages.count
        pages.insert(entry, at: at)
        if show {
            page = at
            pages[page].form.move(to: 0)
        } else if at <= page, pages.count > 1 {
            page += 1
        }
    }

    /// Removes page `index` if it belongs to a repeating group (fixed pages stay). Shows the
    /// page before it. Returns whether a page was removed.
    @discardableResult
    public mutating func removePage(at index: Int) -> Bool {
        guard pages.indices.contains(index), pages[index].group != nil else { return false }
        let wasShowing = page == index
        pages.remove(at: index)
        if wasShowing {
            page = max(0, index - 1)
            pages[page].form.move(to: 0)
        } else if page > index {
            page -= 1
        }
        return true
    }

    // MARK: Drawing

    /// Where the page's form is drawn when the paged form is drawn in `rect`.
    public func formRect(in rect: Rect) -> Rect { rect.inset(top: 2) }

    /// Draws the indicator on the first row (in the `header` role), a blank row, then the page's
    /// form in the rest of `rect` (an open list may cover it). Returns the rows the fields use,
    /// so a screen can draw more beneath them (then call `renderOpenList` last).
    @discardableResult
    public func render(in rect: Rect, into buffer: inout Buffer, theme: Theme, focused: Bool = true) -> Int {
        guard !rect.isEmpty, !pages.isEmpty else { return 0 }
        buffer.write(indicator, in: rect.row(0), style: theme[.header])
        let area = formRect(in: rect)
        current.render(in: area, into: &buffer, theme: theme, focused: focused)
        return min(rect.height, 2 + current.height)
    }

    /// Draws the open pick list again, over anything drawn since `render`.
    public func renderOpenList(in rect: Rect, into buffer: inout Buffer, theme: Theme) {
        guard !pages.isEmpty else { return }
        current.renderOpenList(in: formRect(in: rect), into: &buffer, theme: theme)
    }
}
