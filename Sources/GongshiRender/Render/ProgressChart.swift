import Foundation
import GongshiMarkdown
import GongshiCore

/// The static SVG bar chart of the progress overview, made at build time (no JavaScript needed to see it).
enum ProgressChart {
    static let maxBars = 40
    static let width = 760
    static let labelWidth = 390
    static let rowHeight = 28

    /// One horizontal bar per notice: done (green), partial (amber), ongoing (blue), not started (red), and the percentage.
    static func svg(rows: [OverviewRowView], strings: SiteStrings) -> String {
        guard !rows.isEmpty else { return "" }
        let barWidth = width - labelWidth - 60
        let height = rows.count * rowHeight + 40
        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"chart-title\">"
        out += "<title id=\"chart-title\">\(HTMLText.escape(strings.text("chartTitle")))</title>"
        for (i, row) in rows.enumerated() {
            let y = i * rowHeight
            let label = row.org.count > 16 ? String(row.org.prefix(15)) + "…" : row.org
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\" class=\"chart-label\">\(HTMLText.escape(label))（\(HTMLText.escape(row.date))）</text>"
            var x = labelWidth
            for (count, cls) in [(row.done, "chart-done"), (row.partial, "chart-partial"), (row.ongoing, "chart-ongoing"),
                                 (row.notStarted, "chart-notstarted")] where count > 0 {
                let w = max(1, count * barWidth / max(row.total, 1))
                out += "<rect x=\"\(x)\" y=\"\(y + 6)\" width=\"\(w)\" height=\"18\" class=\"\(cls)\"/>"
                x += w
            }
            out += "<text x=\"\(labelWidth + barWidth + 6)\" y=\"\(y + 19)\" class=\"chart-value\">\(row.percent)%</text>"
        }
        let legendY = rows.count * rowHeight + 16
        var legend: [(ProblemStatus, String)] = [(.done, "chart-done"), (.partial, "chart-partial"), (.ongoing, "chart-ongoing")]
        if rows.contains(where: { $0.notStarted > 0 }) { legend.append((.notStarted, "chart-notstarted")) }
        var lx = min(labelWidth, width - 120 * legend.count)
        for (status, cls) in legend {
            out += "<rect x=\"\(lx)\" y=\"\(legendY)\" width=\"14\" height=\"14\" class=\"\(cls)\"/>"
            out += "<text x=\"\(lx + 20)\" y=\"\(legendY + 12)\" class=\"chart-label\">\(HTMLText.escape(strings.label(of: status)))</text>"
            lx += 120
        }
        return out + "</svg>"
    }
}
