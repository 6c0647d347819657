import Testing
@testable import TUI

@Suite struct ConfirmDialogTests {
    let dialog = ConfirmDialog(title: "Leave this form?",
                               message: "You have typed details that are not saved. If you leave now they will be lost.")

    @Test func answers() {
        #expect(dialog.answer(for: .character("y")) == true)
        #expect(dialog.answer(for: .character("Y")) == true)
        #expect(dialog.answer(for: .enter) == true)
        #expect(dialog.answer(for: .character("n")) == false)
        #expect(dialog.answer(for: .character("N")) == false)
        #expect(dialog.answer(for: .escape) == false)
        #expect(dialog.answer(for: .character("q")) == nil)
        #expect(dialog.answer(for: .tab) == nil)
        var careful = dialog
        careful.defaultAnswer = false
        #expect(careful.answer(for: .enter) == false)
        #expect(careful.answer(for: .character("y")) == true)
    }

    @Test func drawnCentredWithBorderAndWrappedMessage() {
        var buffer = Buffer(size: Size(width: 80, height: 24), fill: Cell(grapheme: "x"))
        dialog.render(in: buffer.area, into: &buffer, theme: .monochrome)
        let box = dialog.frame(in: buffer.area)
        #expect(box.width <= 60)
        #expect(abs((box.x) - (80 - box.maxX)) <= 1)
        #expect(abs((box.y) - (24 - box.maxY)) <= 1)
        #expect(buffer[box.x, box.y].grapheme == "┌")
        #expect(buffer[box.maxX - 1, box.maxY - 1].grapheme == "┘")
        #expect(buffer.line(box.y).contains(" Leave this form? "))
        #expect(buffer.line(box.maxY - 2).contains("Y Yes   N No"))
        #expect(buffer[box.x - 1, box.y].grapheme == "x")  // what is beneath stays outside the box
        let inside = (box.y + 1..<box.maxY - 1).map { String(buffer.line($0).dropFirst(box.x + 2).prefix(box.width - 4)) }
        let words = inside.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(words.hasPrefix("You have typed details that are not saved. If you leave now they will be lost."))
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX { #expect(buffer[x, y].grapheme != "x", "x showing through at \(x),\(y)") }
        }
    }

    @Test func fitsInASmallScreen() {
        var buffer = Buffer(size: Size(width: 30, height: 12))
        dialog.render(in: buffer.area, into: &buffer, theme: .monochrome)
        let box = dialog.frame(in: buffer.area)
        #expect(box.maxX <= 30 && box.x >= 0)
        #expect(buffer.text.contains("Y Yes   N No"))
    }
}

@Suite struct KeyBarTests {
    let bar = KeyBar(items: [(key: "F1", label: "Help"), (key: "F2", label: "Dashboard"), (key: "F3", label: "Search"),
                             (key: "F10", label: "Quit")])

    @Test func requiredWidth() {
        #expect(KeyBar.requiredWidth(bar.items) == 6 + 11 + 8 + 7 + 3 * KeyBar.gap)
        #expect(KeyBar.requiredWidth([]) == 0)
    }

    @Test func drawsHtopStyleAndFillsTheLine() {
        var buffer = Buffer(size: Size(width: 50, height: 1))
        bar.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.text == "F1Help F2Dashboard F3Search F10Quit")
        #expect(buffer[0, 0].style == Theme.monochrome[.keyBarKey])
        #expect(buffer[2, 0].style == Theme.monochrome[.keyBar])
        #expect(buffer[49, 0].style == Theme.monochrome[.keyBar])
    }

    @Test func dropsItemsFromTheEndRatherThanCuttingLabels() {
        var buffer = Buffer(size: Size(width: 30, height: 1))
        bar.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.text == "F1Help F2Dashboard F3Search")
        buffer = Buffer(size: Size(width: 26, height: 1))
        bar.render(in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.text == "F1Help F2Dashboard")
        #expect(bar.fittingItems(width: 5).isEmpty)
    }

    @Test func clickFindsItem() {
        let rect = Rect(x: 0, y: 23, width: 80, height: 1)
        #expect(bar.item(atColumn: 0, in: rect) == 0)
        #expect(bar.item(atColumn: 5, in: rect) == 0)
        #expect(bar.item(atColumn: 8, in: rect) == 1)
        #expect(bar.item(atColumn: 30, in: rect) == 3)
        #expect(bar.item(atColumn: 36, in: rect) == nil)
        #expect(bar.item(atColumn: 30, in: Rect(x: 0, y: 23, width: 30, height: 1)) == nil)
    }
}

@Suite struct StatusLineTests {
    @Test func kindIsShownInWordsAndRole() {
        var buffer = Buffer(size: Size(width: 60, height: 1))
        StatusLine(message: "Enter a date", kind: .error, right: "Signed in: A. Khan").render(
            in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.line(0).hasPrefix(" Error: Enter a date"))
        #expect(buffer.line(0).hasSuffix("Signed in: A. Khan "))
        #expect(buffer[1, 0].style == Theme.monochrome[.error])
        #expect(Set(StatusKind.allCases.map(\.prefix)).count == 4)
    }

    @Test func rightTextDroppedBeforeMessageIsCut() {
        var buffer = Buffer(size: Size(width: 30, height: 1))
        StatusLine(message: "Plan saved for Siobhán Ó Briain", kind: .ok, right: "14:02").render(
            in: buffer.area, into: &buffer, theme: .monochrome)
        #expect(buffer.text == " Done: Plan saved for Siobhá…")
        #expect(!buffer.text.contains("14:02"))
    }
}

@Suite struct SparklineGaugeTests {
    @Test func sparklineScalesToMinAndMax() {
        #expect(Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7]).text(width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline(values: [10, nil, 20]).text(width: 3) == "▁·█")
        #expect(Sparkline(values: [5, 15], range: 0...10).text(width: 2) == "▅█")
        #expect(Sparkline(values: [-3], range: 0...10).text(width: 1) == "▁")
    }

    @Test func sparklineIsFixedWidthNewestOnTheRight() {
        #expect(Sparkline(values: [1, 2]).text(width: 5) == "   ▁█")
        #expect(Sparkline(values: [9, 9, 0, 7]).text(width: 2) == "▁█")
        #expect(Sparkline(values: []).text(width: 3) == "   ")
        #expect(Sparkline(values: [.nan, nil]).text(width: 2) == "··")
    }

    @Test func flatSeriesScaledFromZero() {
        #expect(Sparkline(values: [0, 0, 0]).text(width: 3) == "▁▁▁")
        #expect(Sparkline(values: [4, 4]).text(width: 2) == "██")
    }

    @Test func gaugeBarAndPercentage() {
        #expect(Gauge(fraction: 0.73).label == "73%")
        #expect(Gauge(fraction: 0.5).text(width: 15) == "█████░░░░░  50%")
        #expect(Gauge(fraction: 1).text(width: 10) == "█████ 100%")
        #expect(Gauge(fraction: 0).text(width: 10) == "░░░░░   0%")
    }

    @Test func gaugeClampsAndNeverOverstates() {
        #expect(Gauge(fraction: 1.7).label == "100%")
        #expect(Gauge(fraction: -2).label == "0%")
        #expect(Gauge(fraction: .nan).label == "0%")
        #expect(Gauge(fraction: 0.999).label == "99%")
        #expect(Gauge(fraction: 0.999).text(width: 10) == "████░ 99%".replacingFirstSpace())
        #expect(Gauge(fraction: 0.001).label == "1%")
    }

    @Test func gaugeNarrowerThanItsLabel() {
        #expect(Gauge(fraction: 0.5).text(width: 4) == "██░░")
        #expect(Gauge(fraction: 0.5).text(width: 1) == "░")  // not complete, so not a full bar
        #expect(Gauge(fraction: 1).text(width: 1) == "█")
        #expect(Gauge(fraction: 0.5).text(width: 0) == "")
        for width in 0...20 { #expect(Gauge(fraction: 0.37).text(width: width).count == width) }
    }
}

extension String {
    /// The bar text padded as the gauge pads its label ("████░ 99%" → "████░  99%").
    func replacingFirstSpace() -> String {
        guard let index = firstIndex(of: " ") else { return self }
        return String(self[..<index]) + "  " + self[index...].dropFirst()
    }
}
