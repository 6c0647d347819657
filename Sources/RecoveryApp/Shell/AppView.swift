import Foundation
import RecoveryModel
import TUI

/// Draws the whole frame from the state into a fresh buffer: title bar, heading, the current
/// screen, the hint or status line and the key bar, then any dialog on top.
public enum AppView {
    public static func render(_ state: AppState) -> Buffer {
        var buffer = Buffer(size: state.size, fill: Cell(style: state.theme[.normal]))
        if state.isTooSmall {
            renderTooSmall(state, into: &buffer)
            return buffer
        }
        let layout = AppLayout(size: state.size)
        let context = state.screenContext
        renderTitleBar(state, in: layout.titleBar, into: &buffer)
        renderHeading(state, in: layout.heading, into: &buffer)
        state.current.render(into: &buffer, area: layout.content, context: context)
        if state.isLoading { renderLoading(state, in: layout.content, into: &buffer) }
        renderHintLine(state, in: layout.hintLine, into: &buffer)
        renderKeyBar(state, in: layout.keyBar, into: &buffer)
        if let pending = state.dialog {
            let dialog = ConfirmDialog(title: pending.title, message: pending.message,
                                       yesLabel: pending.yesLabel, noLabel: pending.noLabel, defaultAnswer: false)
            dialog.render(in: layout.content, into: &buffer, theme: state.theme)
            buffer.cursor = nil
        }
        return buffer
    }

    /// The words shown in place of a screen's data while the store is still reading it.
    public static let loadingText = "Loading…"

    /// "Loading…" in the middle of the content, in a box so it reads over what is beneath.
    private static func renderLoading(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let text = " \(loadingText) "
        let width = TextWidth.of(text) + 2
        let box = Rect(x: rect.x + max(0, (rect.width - width) / 2), y: rect.y + max(0, (rect.height - 3) / 2),
                       width: min(width, rect.width), height: min(3, rect.height))
        buffer.fill(box, style: state.theme[.status])
        buffer.drawBox(box, style: state.theme[.border])
        buffer.write(text, in: box.inset(by: 1), style: state.theme[.status], alignment: .centre)
    }

    /// The one line shown below the minimum size.
    static func tooSmallMessage(for size: Size) -> String {
        "Terminal too small: need \(AppState.minimumSize.width)x\(AppState.minimumSize.height), have \(size.width)x\(size.height)"
    }

    private static func renderTooSmall(_ state: AppState, into buffer: inout Buffer) {
        guard state.size.height > 0 else { return }
        let message = tooSmallMessage(for: state.size)
        let lines = TextWrap.lines(message, width: max(1, state.size.width))
        let top = max(0, (state.size.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < state.size.height {
            buffer.write(line, in: Rect(x: 0, y: top + offset, width: state.size.width, height: 1),
                         style: state.theme[.warning], alignment: .centre)
        }
    }

    private static func renderTitleBar(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let style = state.theme[.title]
        buffer.fill(rect, style: style)
        // The weekday joins the date when there is room for it.
        let clock = rect.width >= 100 ? UKDateFormat.dayDateTime(state.now)
            : "\(UKDateFormat.date(state.now)) \(UKDateFormat.time(state.now))"
        // The role joins the name when there is room for it.
        let who = state.session.user.map { rect.width >= 100 ? "\($0.name) (\($0.role.title))" : $0.name }
            ?? "Not signed in"
        let clockWidth = TextWidth.of(clock) + 1
        let leftRect = Rect(x: rect.x, y: rect.y, width: max(0, rect.width - clockWidth - 1), height: 1)
        if let behind = state.clockBehind {
            // A clock behind the records takes the place of the name of the app and provider,
            // beside the computer's own time on the right, until the clock is right.
            let warning = " ! \(behind.shortMessage)"
            let used = buffer.write(warning, x: leftRect.x, y: leftRect.y, style: state.theme[.warning],
                                    maxWidth: leftRect.width)
            if state.session.user != nil {
                buffer.write(" │ " + who, in: Rect(x: leftRect.x + used, y: rect.y,
                                                  width: max(0, leftRect.width - used), height: 1), style: style)
            }
        } else {
            let parts = ["RecoveryDesk", state.session.provider?.name ?? "No provider yet", "All services", who]
            buffer.write(" " + parts.joined(separator: " │ "), in: leftRect, style: style)
        }
        buffer.write(clock + " ", in: Rect(x: rect.maxX - clockWidth, y: rect.y, width: clockWidth, height: 1),
                     style: style, alignment: .right)
    }

    private static func renderHeading(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let titles = state.stack.count > 1 ? state.stack.dropFirst().map(\.title) : [state.stack[0].title]
        buffer.write(" " + titles.joined(separator: " › "), in: rect, style: state.theme[.header])
    }

    private static func renderHintLine(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        if let prompt = state.search.prompt {
            let label = "Search: "
            buffer.write(label, in: rect, style: state.theme[.status])
            let help = state.current is any PagedListScreen ? "  Enter show matches · Esc cancel" : "  Enter find · Esc cancel"
            let fieldWidth = max(1, rect.width - TextWidth.of(label) - TextWidth.of(help))
            let fieldRect = Rect(x: rect.x + TextWidth.of(label), y: rect.y, width: fieldWidth, height: 1)
            prompt.render(in: fieldRect, into: &buffer, theme: state.theme, focused: true)
            buffer.write(help, x: fieldRect.maxX, y: rect.y, style: state.theme[.muted])
            return
        }
        if let message = state.status {
            renderStatus(message, state, above: rect, into: &buffer)
            return
        }
        if state.dialog == nil, let own = state.current.keyHints {
            let texts = own.compactMap { $0.text(keymap: state.keymap, scopes: state.activeScopes) }
            buffer.write(" " + texts.joined(separator: "  "), in: rect, style: state.theme[.muted])
            return
        }
        let scopes = state.dialog != nil ? [KeyScope.dialog] : state.current.scopes
        var hints = state.keymap.bindings(in: scopes).filter(\.inKeyBar).map { binding in
            "\(binding.keys.first?.name ?? "") \(binding.label)"
        }
        if state.dialog == nil {
            if state.current is any SearchableScreen { hints.append("/ Search") }
            if state.stack.count > 1 { hints.append("Esc Back") }
        }
        buffer.write(" " + hints.joined(separator: "  "), in: rect, style: state.theme[.muted])
    }

    /// The status message on the hint line; one too long for it grows upwards over the bottom
    /// of the screen, under a rule, so the whole sentence can be read. It goes with the next key,
    /// like any message, and the screen beneath (a form and what was typed in it) is untouched.
    private static func renderStatus(_ message: StatusMessage, _ state: AppState, above rect: Rect,
                                     into buffer: inout Buffer) {
        let line = StatusLine(message: message.text, kind: message.kind)
        let content = AppLayout(size: state.size).content
        let rows = min(line.lines(width: rect.width).count, max(1, content.height))
        guard rows > 1 else {
            line.render(in: rect, into: &buffer, theme: state.theme)
            return
        }
        let block = Rect(x: rect.x, y: rect.y - rows + 1, width: rect.width, height: rows)
        line.render(in: block, into: &buffer, theme: state.theme)
        let rule = block.y - 1
        if rule >= content.y {
            buffer.write(String(repeating: "─", count: rect.width), x: rect.x, y: rule, style: state.theme[.border])
        }
        // A cursor under the message would sit in its words.
        if let cursor = buffer.cursor, cursor.y >= max(content.y, rule) && cursor.y <= rect.y {
            buffer.cursor = nil
        }
    }

    private static func renderKeyBar(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let items = state.keyBarBindings.map { KeyBarItem(key: $0.keys.first?.name ?? "", label: $0.label) }
        KeyBar(items).render(in: rect, into: &buffer, theme: state.theme)
    }
}
