import Foundation
import RecoveryModel
import TUI

extension AppState {
    /// The one place state changes. Pure: it returns the effects the run loop must carry out.
    public mutating func update(_ action: AppAction) -> [AppEffect] {
        switch action {
        case .key(let key):
            session.lastActivity = now
            return handleKey(key)
        case .mouse(let event):
            guard mouseEnabled else { return [] }
            session.lastActivity = now
            return handleMouse(event)
        case .resize(let newSize):
            size = newSize
            return []
        case .tick(let date):
            now = date
            if let due = session.lockDue, date >= due { return lock(notice: SignInScreen.idleNotice) }
            return askClockIfDue()
        case .started:
            return appearTop() + askClock()
        case .taskFinished(let reply):
            return receive(reply)
        case .storeChecked(let newest, let changes):
            newestRecord = newest
            return changes.map { changesCounted($0) } ?? []
        case .terminate:
            isRunning = false
            return [.quit]
        case .themeLoaded(let newTheme):
            theme = newTheme
            let note = "Theme \"\(newTheme.name)\" is now in use."
            // Keep a message from the same key press (e.g. "Preferences saved") in front.
            if let earlier = status, earlier.kind == .ok {
                status = .ok("\(earlier.text) \(note)")
            } else {
                status = .ok(note)
            }
            return []
        case .themeFailed(let message):
            status = .error(message)
            return []
        case .configurationSaved(let configuration):
            environment.configuration = configuration
            closeScreens(id: PreferencesScreen.screenID)
            status = .ok("Preferences saved to \(environment.paths.configFile.path).")
            if let theme = configuration.theme, environment.themeOverride == nil {
                return [.loadTheme(theme)]
            }
            return []
        case .configurationFailed(let message):
            status = .error(message)
            return []
        }
    }

    // MARK: Keys

    private mutating func handleKey(_ key: Key) -> [AppEffect] {
        status = nil
        if isTooSmall {
            // Below the minimum size nothing can be seen, so only leaving is allowed.
            if keymap.command(for: key, scopes: [.global]) == AppCommand.quit { return requestQuit() }
            return []
        }
        if dialog != nil {
            return answerDialog(keymap.command(for: key, scopes: [.dialog]))
        }
        if search.isOpen { return handleSearchPrompt(key) }
        if current.claims(key) {
            return withTop { screen, context in screen.type(key, context: context) }
        }
        let typing = current.isTyping
        guard let command = keymap.command(for: key, scopes: activeScopes, typing: typing) else {
            if typing && key.isPrintable {
                return withTop { screen, context in screen.type(key, context: context) }
            }
            if typing, case .character = key { return [] }
            status = .info("The key \(key.name) does nothing here. Press F1 for help.")
            return []
        }
        return run(command)
    }

    /// Runs a command: global ones here, the rest by the current screen.
    public mutating func run(_ command: CommandID) -> [AppEffect] {
        if session.user == nil && !Self.commandsBeforeSignIn.contains(command) {
            status = .info("Sign in first: choose your name and enter your PIN.")
            return []
        }
        if command == AppCommand.switchUser { return request(.switchUser) }
        if let section = Section(command: command) { return request(.showSection(section)) }
        let index = screens.count - 1
        var screen = current
        let response = screen.perform(command, context: screenContext)
        screens[index].screen = screen
        if response.handled { return applyScreen(response, at: index) }
        switch command {
        case AppCommand.quit:
            return requestQuit()
        case AppCommand.help:
            if current is HelpScreen { return closeTop() }
            let beneath = current
            return open(HelpScreen(keymap: keymap, screenTitle: beneath.title, scopes: beneath.scopes))
        case AppCommand.back:
            if screens.count > 1 { return request(.closeScreen) }
            let quit = [AppCommand.quit, AppCommand.leave].compactMap { command in
                keymap.keyName(for: command, in: activeScopes)
            }
            status = .info("This is the home screen. Press \(quit.joined(separator: " or ")) to quit.")
            return []
        case AppCommand.leave:
            return screens.count > 1 ? request(.closeScreen) : requestQuit()
        case AppCommand.search:
            guard current is any SearchableScreen else {
                status = .info("There is no list to search on this screen.")
                return []
            }
            search.prompt = TextField(value: "")
            return []
        case AppCommand.nextMatch, AppCommand.previousMatch:
            guard !search.lastQuery.isEmpty else {
                status = .info("Nothing searched for yet. Press / to search.")
                return []
            }
            findMatch(search.lastQuery, forward: command == AppCommand.nextMatch, startingAfterSelection: true)
            return []
        case AppCommand.redraw:
            return [.invalidateScreen]
        default:
            if let binding = keymap.binding(for: command) {
                status = .info("\(binding.label) does nothing on this screen.")
            }
            return []
        }
    }

    /// Commands that work while nobody is signed in.
    static let commandsBeforeSignIn: Set<CommandID> = [
        AppCommand.help, AppCommand.quit, AppCommand.redraw, AppCommand.back, AppCommand.leave,
        AppCommand.up, AppCommand.down, AppCommand.pageUp, AppCommand.pageDown, AppCommand.first, AppCommand.last,
        AppCommand.open, AppCommand.nextField, AppCommand.previousField, AppCommand.submit, AppCommand.save,
        AppCommand.cursorLeft, AppCommand.cursorRight, AppCommand.fieldStart, AppCommand.fieldEnd,
        AppCommand.deleteBack, AppCommand.deleteForward, AppCommand.clearField,
    ]

    // MARK: The store's answers, signing in and locking

    /// Signs a user in: they get back the screens they were locked out of, told what unsaved
    /// work was waiting; anyone else starts afresh at the dashboard and never sees what another
    /// person left. A clock behind the records is named at once.
    mutating func signIn(_ member: StaffMember) -> [AppEffect] {
        session.user = member
        session.lastActivity = now
        var message: StatusMessage
        if let parked = session.parked.removeValue(forKey: member.id) {
            replaceScreens(with: parked.stack)
            let waiting = UnsavedWork.returnMessage(forms: parked.unsavedForms, parkedAt: parked.parkedAt, now: now)
            message = .ok("Welcome back, \(member.name). " + (waiting ?? "Everything is as you left it."))
        } else {
            replaceScreens(with: [SectionScreens.make(.dashboard)])
            message = .ok("Signed in as \(member.name), \(member.role.title.lowercased()).")
        }
        if let behind = clockBehind {
            message = .warning("\(message.text) \(behind.message). \(ClockCheck.advice)")
        }
        status = message
        return appearTop()
    }

    /// Locks the screen: the user's screens are parked under their id and the sign-in screen shows.
    private mutating func lock(notice: String) -> [AppEffect] {
        guard let user = session.user else { return [] }
        session.parked[user.id] = ParkedScreens(userID: user.id, name: user.name, parkedAt: now, stack: stack)
        session.user = nil
        dialog = nil
        search.prompt = nil
        replaceScreens(with: [SignInScreen(notice: notice)])
        pendingTasks = [:]
        status = nil
        return appearTop() + askClock()
    }

    // MARK: Leaving screens and quitting, asking first when typed input would be lost

    private mutating func requestQuit() -> [AppEffect] { request(.quit) }

    /// Carries out an intent at once, or asks first if it would throw away typed input.
    private mutating func request(_ intent: PendingDialog.Intent) -> [AppEffect] {
        if intent == .quit {
            // Quitting also loses the work parked for anyone locked out, so their names are given.
            guard let question = UnsavedWork.quitQuestion(ownUnsaved: hasUnsavedInput,
                                                          waiting: session.waitingWork) else { return carryOut(.quit) }
            let title = session.waitingWork.isEmpty ? "Unsaved input" : "Unsaved work waiting"
            dialog = PendingDialog(title: title, message: question, onConfirm: .quit)
            return []
        }
        let losing: Bool
        switch intent {
        case .quit: losing = hasUnsavedInput
        case .closeScreen: losing = current.hasUnsavedInput
        case .switchUser: losing = false // the screens are parked, not lost
        case .showSection(let target): losing = screensClosed(byShowing: target).contains { $0.hasUnsavedInput }
        }
        guard losing else { return carryOut(intent) }
        let question: String
        switch intent {
        case .quit: question = "Quit RecoveryDesk?"
        case .closeScreen: question = "Leave this screen?"
        case .switchUser: question = "Switch user?"
        case .showSection(let target): question = "Go to \(target.title)?"
        }
        dialog = PendingDialog(title: "Unsaved input",
                               message: "\(question) What you typed in the form has not been saved and will be lost.",
                               onConfirm: intent)
        return []
    }

    private func screensClosed(byShowing target: Section) -> [any Screen] {
        if target == .dashboard { return Array(stack.dropFirst()) }
        if section == target { return Array(stack.dropFirst(2)) }
        return Array(stack.dropFirst())
    }

    private mutating func carryOut(_ intent: PendingDialog.Intent) -> [AppEffect] {
        switch intent {
        case .quit:
            isRunning = false
            return [.quit]
        case .closeScreen:
            return closeTop()
        case .switchUser:
            return lock(notice: SignInScreen.switchNotice)
        case .showSection(let target):
            if target == .dashboard {
                keepScreens(1)
            } else if section == target {
                keepScreens(2)
            } else {
                keepScreens(1)
                return open(SectionScreens.make(target))
            }
            // Back at the section's first screen: as it was, unless the store has changed.
            return revisitTop()
        }
    }

    private mutating func answerDialog(_ command: CommandID?) -> [AppEffect] {
        guard let pending = dialog else { return [] }
        switch command {
        case AppCommand.confirm:
            dialog = nil
            return carryOut(pending.onConfirm)
        case AppCommand.cancel:
            dialog = nil
            status = .info("Nothing was lost: you are back where you were.")
            return []
        default:
            return []
        }
    }

    // MARK: Search

    private mutating func handleSearchPrompt(_ key: Key) -> [AppEffect] {
        guard var field = search.prompt else { return [] }
        switch key {
        case .escape:
            search.prompt = nil
        case .enter:
            search.prompt = nil
            let query = field.value
            if var screen = current as? any PagedListScreen {
                // Searched in the store: the list is narrowed to the matches (blank: all rows).
                let response = screen.search(query, context: screenContext)
                screens[screens.count - 1].screen = screen
                if !query.isEmpty { search.lastQuery = query }
                return applyScreen(response, at: screens.count - 1)
            }
            guard !query.isEmpty else { return [] }
            search.lastQuery = query
            findMatch(query, forward: true, startingAfterSelection: false)
        case .function:
            // A function key (help, a section, quit) closes the prompt and does its usual work.
            search.prompt = nil
            return handleKey(key)
        default:
            _ = field.handle(key)
            search.prompt = field
        }
        return []
    }

    /// Moves the current list's selection to the next row matching `query`.
    private mutating func findMatch(_ query: String, forward: Bool, startingAfterSelection: Bool) {
        guard var screen = current as? any SearchableScreen else {
            status = .info("There is no list to search on this screen.")
            return
        }
        let rows = screen.searchRows
        guard rows.rowCount > 0 else {
            status = .info("The list is empty, so there is nothing to find.")
            return
        }
        let start: Int
        if startingAfterSelection {
            start = forward ? screen.selectedRow + 1 : screen.selectedRow - 1
        } else {
            start = screen.selectedRow
        }
        let begin = (start % rows.rowCount + rows.rowCount) % rows.rowCount
        guard let match = ListSearch.find(query, in: rows, from: begin,
                                          direction: forward ? .forward : .backward) else {
            status = .warning("No match for \"\(query)\".")
            return
        }
        screen.selectRow(match, context: screenContext)
        screens[screens.count - 1].screen = screen
        status = .info("Found \"\(query)\" (row \(match + 1) of \(rows.rowCount)). n next, N previous.")
    }

    // MARK: Mouse

    private mutating func handleMouse(_ event: MouseEvent) -> [AppEffect] {
        status = nil
        guard !isTooSmall, dialog == nil, !search.isOpen else { return [] }
        let layout = AppLayout(size: size)
        switch event.kind {
        case .scrollUp:
            return run(AppCommand.up)
        case .scrollDown:
            return run(AppCommand.down)
        case .click:
            if layout.keyBar.contains(event.position) {
                let bindings = keyBarBindings
                let items = bindings.map { KeyBarItem(key: $0.keys.first?.name ?? "", label: $0.label) }
                if let index = KeyBar(items).item(atColumn: event.position.x, in: layout.keyBar) {
                    return run(bindings[index].command)
                }
                return []
            }
            if layout.content.contains(event.position) {
                return withTop { screen, context in screen.click(at: event.position, area: layout.content, context: context) }
            }
            return []
        }
    }

    /// The global bindings shown in the bottom key bar, in table order. Before anyone signs in
    /// only the keys that work then are shown.
    public var keyBarBindings: [KeyBinding] {
        let shown = keymap.bindings(in: [.global]).filter(\.inKeyBar)
        return session.user == nil ? shown.filter { Self.commandsBeforeSignIn.contains($0.command) } : shown
    }

    /// Closes every open screen with this id (never the dashboard at the bottom).
    mutating func closeScreens(id: String) {
        screens = [screens[0]] + screens.dropFirst().filter { $0.screen.id != id }
    }
}
