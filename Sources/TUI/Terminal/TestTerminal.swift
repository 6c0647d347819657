/// An in-memory terminal for tests: it plays back scripted events and keeps every frame shown.
public final class TestTerminal: Terminal {
    public private(set) var size: Size
    public private(set) var frames: [Buffer] = []
    public private(set) var invalidations = 0
    private var pending: [Event] = []

    public init(size: Size = Size(width: 80, height: 24)) {
        self.size = size
    }

    /// Queues key presses.
    public func type(_ keys: Key...) { pending += keys.map(Event.key) }

    /// Queues key presses from a list.
    public func type(keys: [Key]) { pending += keys.map(Event.key) }

    /// Queues each character of `text` as a key press.
    public func type(text: String) { pending += text.map { Event.key(.character($0)) } }

    /// Queues a resize; the terminal takes the new size when the event is read.
    public func resize(to newSize: Size) { pending.append(.resize(newSize)) }

    /// Queues any event.
    public func send(_ event: Event) { pending.append(event) }

    /// True while scripted events remain.
    public var hasPendingEvents: Bool { !pending.isEmpty }

    public func readEvent(timeoutMilliseconds: Int) -> Event? {
        guard !pending.isEmpty else { return nil }
        let event = pending.removeFirst()
        if case .resize(let newSize) = event { size = newSize }
        return event
    }

    public func present(_ buffer: Buffer) { frames.append(buffer) }

    public func invalidate() { invalidations += 1 }

    /// The last frame shown, as text.
    public var screenText: String { frames.last?.text ?? "" }
}
