import Foundation
import RecoveryModel
import RecoveryServices

/// Work a screen asks for: what to run against the services, off the input loop, and how its
/// result changes the screen that asked. Each task is a small value type declared beside its
/// screen (`Target`), so the compiler checks that the reply fits the screen; the app stamps it
/// with the asking screen's generation, and a reply for a screen that has since closed is dropped.
///
/// Tasks run one at a time, in the order asked, so writes keep their order.
public protocol ScreenTask: Sendable, Equatable {
    /// The screen the result is for.
    associatedtype Target: Screen
    /// What `run` hands back to `apply`.
    associatedtype Output: Sendable

    /// True for a task that changes the store: once it is done, what other screens hold is out
    /// of date and they are read again when they are shown.
    var changesStore: Bool { get }

    /// Runs on the store's worker, never on the input loop. `actor` is whoever was signed in
    /// when the task was asked for.
    func run(_ services: RecoveryServices, as actor: Actor?, at now: Date) throws(StoreError) -> Output

    /// Puts the result into the screen (on the input loop).
    func apply(_ output: Output, to screen: inout Target, context: ScreenContext) -> ScreenResponse

    /// The store refused or failed. By default the reason goes to the status line and the
    /// screen (with everything typed in it) is left as it was.
    func refused(_ error: StoreError, screen: inout Target, context: ScreenContext) -> ScreenResponse
}

extension ScreenTask {
    public var changesStore: Bool { false }

    public func refused(_ error: StoreError, screen: inout Target, context: ScreenContext) -> ScreenResponse {
        .message(.error(error.description))
    }

    /// True when `other` is the same task with the same values (for `TaskRequest`'s equality).
    func isSameTask(as other: any ScreenTask) -> Bool {
        guard let other = other as? Self else { return false }
        return other == self
    }
}

/// A task on its way to the worker: the task, the generation of the screen that asked, and who
/// was signed in. Screens make one with `Screen.task(_:)`; the app fills in the rest.
public struct TaskRequest: Sendable, Equatable, CustomStringConvertible {
    public let task: any ScreenTask
    /// The asking screen's generation (0 until the app stamps it).
    public internal(set) var generation: Int
    /// Whoever was signed in when the task was asked for.
    public internal(set) var actor: Actor?

    public init(_ task: any ScreenTask, generation: Int = 0, actor: Actor? = nil) {
        self.task = task
        self.generation = generation
        self.actor = actor
    }

    public var changesStore: Bool { task.changesStore }

    public var description: String { "\(task) for screen \(generation)" }

    public static func == (left: TaskRequest, right: TaskRequest) -> Bool {
        left.generation == right.generation && left.actor == right.actor && left.task.isSameTask(as: right.task)
    }

    /// Runs the task (on the worker) and wraps its result for the screen that asked.
    public func run(_ services: RecoveryServices, at now: Date) -> TaskReply {
        task.runForReply(services, as: actor, generation: generation, at: now)
    }

    /// The task refused without running (no store is open).
    func refuse(_ error: StoreError) -> TaskReply {
        task.refusal(error, generation: generation)
    }
}

extension ScreenTask {
    /// Runs the task, catching the store's refusal, and wraps the result.
    fileprivate func runForReply(_ services: RecoveryServices, as actor: Actor?, generation: Int, at now: Date) -> TaskReply {
        // A read notes the store's change count first: what it reads is at least that fresh.
        let count = changesStore ? nil : try? services.store.changeCount()
        let result: Result<Output, StoreError>
        do {
            result = .success(try run(services, as: actor, at: now))
        } catch {
            result = .failure(error)
        }
        var made = reply(generation: generation, result: result)
        made.readAtCount = count
        return made
    }

    fileprivate func refusal(_ error: StoreError, generation: Int) -> TaskReply {
        reply(generation: generation, result: .failure(error))
    }

    /// The reply this task would give with `output`, for the screen of `generation` (so tests
    /// can answer a task without a store: `state.update(.taskFinished(task.answer(x, generation: g)))`).
    /// `readAt`: the store's change count the read was made at.
    public func answer(_ output: Output, generation: Int, readAt count: Int64? = nil) -> TaskReply {
        var made = reply(generation: generation, result: .success(output))
        made.readAtCount = changesStore ? nil : count
        return made
    }

    /// The reply this task would give if the store refused it with `error`.
    public func answer(refusal error: StoreError, generation: Int) -> TaskReply {
        reply(generation: generation, result: .failure(error))
    }

    /// Wraps a result so the input loop can put it into the screen, if it is this task's target.
    fileprivate func reply(generation: Int, result: Result<Output, StoreError>) -> TaskReply {
        TaskReply(generation: generation, changedStore: changesStore && result.succeeded,
                  description: "\(self)") { screen, context in
            guard var target = screen as? Target else { return nil }
            let response: ScreenResponse
            switch result {
            case .success(let output): response = apply(output, to: &target, context: context)
            case .failure(let error): response = refused(error, screen: &target, context: context)
            }
            screen = target
            return response
        }
    }
}

/// A finished task on its way back to the input loop.
public struct TaskReply: Sendable, CustomStringConvertible {
    /// The generation of the screen that asked.
    public let generation: Int
    /// True when the task changed the store (and succeeded).
    public let changedStore: Bool
    /// For a read, the store's change count just before it read.
    public internal(set) var readAtCount: Int64?
    public let description: String
    /// Puts the result into the screen; nil when the screen is not the task's target.
    let apply: @Sendable (inout any Screen, ScreenContext) -> ScreenResponse?

    init(generation: Int, changedStore: Bool, description: String,
         apply: @escaping @Sendable (inout any Screen, ScreenContext) -> ScreenResponse?) {
        self.generation = generation
        self.changedStore = changedStore
        self.description = description
        self.apply = apply
    }
}

extension Screen {
    /// An effect running `task` for this screen; its result comes back to this screen only.
    public func task<Task: ScreenTask>(_ task: Task) -> AppEffect where Task.Target == Self {
        .task(TaskRequest(task))
    }
}

extension Array where Element == AppEffect {
    /// The tasks among these effects that are of type `Task` (for tests and the bench).
    public func tasks<Task: ScreenTask>(_ type: Task.Type) -> [Task] {
        compactMap { effect in
            if case .task(let request) = effect { return request.task as? Task }
            return nil
        }
    }
}

extension Result {
    /// True for a success.
    var succeeded: Bool {
        if case .success = self { return true }
        return false
    }
}
