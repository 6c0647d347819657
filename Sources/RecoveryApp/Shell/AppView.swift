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
        let parts = ["RecoveryDesk", state.session.provider?.name ?? "No provider yet", "All services", who]
        let left = " " + parts.joined(separator: " │ ")
        let clockWidth = TextWidth.of(clock) + 1
        buffer.write(left, in: Rect(x: rect.x, y: rect.y, width: max(0, rect.width - clockWidth - 1), height: 1),
                     style: style)
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
            let help = "  Enter find · Esc cancel"
            let fieldWidth = max(1, rect.width - TextWidth.of(label) - TextWidth.of(help))
            let fieldRect = Rect(x: rect.x + TextWidth.of(label), y: rect.y, width: fieldWidth, height: 1)
            prompt.render(in: fieldRect, into: &buffer, theme: state.theme, focused: true)
            buffer.write(help, x: fieldRect.maxX, y: rect.y, style: state.theme[.muted])
            return
        }
        if let message = state.status {
            StatusLine(message: message.text, kind: message.kind).render(in: rect, into: &buffer, theme: state.theme)
            return
        }
        if state.dialog == nil, let own = state.current.hints {
            buffer.write(" " + own.joined(separator: "  "), in: rect, style: state.theme[.muted])
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

    private static func renderKeyBar(_ state: AppState, in rect: Rect, into buffer: inout Buffer) {
        let items = state.keyBarBindings.map { KeyBarItem(key: $0.keys.first?.name ?? "", label: $0.label) }
        KeyBar(items).render(in: rect, into: &buffer, theme: state.theme)
    }
}
