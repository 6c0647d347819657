import Foundation
import RecoveryModel
import RecoveryServices
import TUI

/// A list screen whose rows are read a page at a time from the store (`PagedList`) and searched
/// there, so its search narrows the list rather than jumping through rows held in memory: `/`
/// and a query show only the matching rows, `n` and `N` move to the next and previous of them,
/// and Esc (or `/` with nothing typed) shows every row again. The list keys are answered by the
/// page, and past its edges by asking the store for the next one.
public protocol PagedListScreen: ListScreen {
    associatedtype Row: Sendable
    /// The page shown.
    var paging: PagedList<Row> { get set }
    /// The search the list is narrowed to ("" for none).
    var searchText: String { get set }
    /// The rows, in words: "checks", "escalations".
    var rowNoun: String { get }
    /// The task reading a page of this list as it is filtered now, narrowed to `search`.
    func pageTask(_ page: PageRequest, search: String) -> AppEffect
}

/// A task reading one page of a paged list. Only `run` differs from list to list; the page is
/// put into the list by `receivePage`.
public protocol PageTask: ScreenTask where Target: PagedListScreen, Output == RecordPage<Target.Row> {
    /// The search the page was read for.
    var search: String { get }
    /// False when the list's filter has changed since the page was asked for (the page is dropped).
    func fits(_ screen: Target) -> Bool
}

extension PageTask {
    public func fits(_ screen: Target) -> Bool { true }

    public func apply(_ page: Output, to screen: inout Target, context: ScreenContext) -> ScreenResponse {
        guard fits(screen) else { return .done }
        return screen.receivePage(page, search: search, context: context)
    }

    public func refused(_ error: StoreError, screen: inout Target, context: ScreenContext) -> ScreenResponse {
        screen.paging.cancelRequest()
        return .message(.error(error.description))
    }
}

extension PagedListScreen {
    /// The rows shown (a page), in the table's page size.
    func pageSize(_ context: ScreenContext) -> Int { ListPane.pageSize(forContentHeight: context.contentHeight) }

    /// The page shown, read again; for `appear`.
    public func reloadPage(context: ScreenContext) -> AppEffect {
        pageTask(paging.reload(pageSize: pageSize(context)), search: searchText)
    }

    /// The first page of the list as filtered now (after a filter changed).
    public mutating func firstPage(context: ScreenContext) -> AppEffect {
        list.state = TableState()
        return pageTask(paging.restart(pageSize: pageSize(context)), search: searchText)
    }

    /// Answers the list keys, `n`, `N`, and Esc while searching; nil for any other command.
    public mutating func performPaged(_ command: CommandID, context: ScreenContext) -> ScreenResponse? {
        switch command {
        case AppCommand.nextMatch, AppCommand.previousMatch:
            guard !searchText.isEmpty else {
                return .message(.info("Nothing searched for in this list. Press / to search."))
            }
            // Every row shown matches, so the next match is the next row.
            return performPaged(command == AppCommand.nextMatch ? AppCommand.down : AppCommand.up, context: context)
        case AppCommand.back where !searchText.isEmpty:
            return search("", context: context)
        default:
            break
        }
        let size = pageSize(context)
        var state = list.state
        let step = paging.step(command, state: &state, pageSize: size)
        list.state = state
        switch step {
        case nil: return nil
        case .moved?: return .done
        case .fetch(let request)?:
            return ScreenResponse(effects: [pageTask(request, search: searchText)])
        }
    }

    public mutating func search(_ query: String, context: ScreenContext) -> ScreenResponse {
        let query = query.trimmingCharacters(in: .whitespaces)
        if query.isEmpty {
            guard !searchText.isEmpty else { return .done }
            searchText = ""
            return ScreenResponse(status: .info("Search cleared: showing every one of the \(rowNoun) again."),
                                  effects: [firstPage(context: context)])
        }
        // The search is taken on only if it finds something (`receivePage`).
        let request = paging.restart(pageSize: pageSize(context))
        return ScreenResponse(effects: [pageTask(request, search: query)])
    }

    /// Takes a page the store sent, read with `search`. A new search that found nothing leaves
    /// the list as it was and says so.
    public mutating func receivePage(_ page: RecordPage<Row>, search: String, context: ScreenContext) -> ScreenResponse {
        var status: StatusMessage?
        if search != searchText {
            guard !page.rows.isEmpty else {
                paging.cancelRequest()
                return .message(.warning("No \(rowNoun) match \"\(search)\"."))
            }
            searchText = search
            list.state = TableState()
            status = .info("Showing the \(rowNoun) matching \"\(search)\". Esc shows them all.")
        }
        let size = pageSize(context)
        var state = list.state
        paging.receive(page, state: &state, pageSize: size)
        list.state = state
        list.footnote = paging.moreText
        return ScreenResponse(status: status)
    }
}
