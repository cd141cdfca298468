import GongshiCore
import GongshiBuild
import GongshiRender
import FlyingFox
import Foundation

/// `gongshi serve`: builds the site into a private folder, serves it on 127.0.0.1, rebuilds when content/ or
/// templates/ change, or when the clock passes a moment that changes the site by itself (a scheduled notice goes
/// out, a 公示期 ends), and makes open pages reload. A broken edit shows its errors in the browser and the
/// terminal; the server keeps running and the last good build stays on disk.
public actor PreviewServer {
    public struct Event: Sendable {
        public enum Kind: Sendable { case built(BuildReport, seconds: Double), failed([Diagnostic]) }
        public var kind: Kind
    }

    let layout: SiteLayout
    let output: URL
    let requestedPort: UInt16
    let pollInterval: Duration
    let onEvent: @Sendable (Event) -> Void

    /// Increases with every build attempt; open pages reload when it changes.
    private(set) var version = 0
    private(set) var lastFailure: [Diagnostic]?
    private var fingerprint = ""
    private var server: HTTPServer?
    /// A fixed reference time (`--now`); nil: the current time at each build.
    let now: Moment?
    /// The current time, when `now` is nil (SOURCE_DATE_EPOCH or the clock; tests move it).
    let clock: @Sendable () -> Moment
    /// When the last good build's output changes by itself (see `BuildReport.nextChange`).
    private var nextChange: Moment?

    public init(site: URL, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(300), now: Moment? = nil,
                clock: @escaping @Sendable () -> Moment = { Moment.current() },
                onEvent: @escaping @Sendable (Event) -> Void = { _ in }) {
        layout = SiteLayout(root: site)
        self.now = now
        self.clock = clock
        requestedPort = port
        self.pollInterval = pollInterval
        self.onEvent = onEvent
        output = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-serve-\(UUID().uuidString)/public")
    }

    /// The port actually listened on (useful with port 0).
    public func port() async -> UInt16? {
        guard let server, case .ip4(_, let port)? = await server.listeningAddress else { return nil }
        return port
    }

    /// Builds, starts listening, and runs until the task is cancelled.
    public func run() async throws {
        let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort), logger: .disabled)
        self.server = server
        await server.appendRoute("GET *") { [weak self] request in
            guard let self else { return HTTPResponse(statusCode: .serviceUnavailable) }
            return await self.respond(to: request)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await server.waitUntilListening()
            if case .ip4(_, let port)? = await server.listeningAddress { baseURL = "http://127.0.0.1:\(port)/" }
            fingerprint = layout.inputFingerprint()
            rebuild()
            ready = true
            group.addTask { try await self.watch() }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private var ready = false
    /// The address pages are served from, so feeds and the 404 page point at this server.
    private var baseURL = "http://127.0.0.1/"

    /// Returns once the server listens and the first build has finished.
    public func waitUntilReady() async throws {
        while !ready { try await Task.sleep(for: .milliseconds(20)) }
    }

    private func watch() async throws {
        while !Task.isCancelled {
            try await Task.sleep(for: pollInterval)
            let current = layout.inputFingerprint()
            if current != fingerprint {
                fingerprint = current
                rebuild()
            } else if now == nil, let nextChange, clock() >= nextChange {
                rebuild()
            }
        }
    }

    private func rebuild() {
        let started = Date()
        version += 1
        do {
            // A preview: drafts and scheduled notices get pages with a banner, so reviewers can read them.
            var options = BuildOptions(site: layout.root, output: output, baseURL: baseURL, now: now ?? clock())
            options.preview = true
            let report = try SiteBuilder.build(options)
            lastFailure = nil
            nextChange = report.nextChange
            onEvent(Event(kind: .built(report, seconds: Date().timeIntervalSince(started))))
        } catch let failure as BuildFailure {
            nextChange = nil // the clock cannot mend a broken edit
            lastFailure = failure.diagnostics
            onEvent(Event(kind: .failed(failure.diagnostics)))
        } catch {
            nextChange = nil
            lastFailure = [.error("生成失败：\(error)", file: layout.root.path)]
            onEvent(Event(kind: .failed(lastFailure!)))
        }
    }

    // MARK: HTTP

    static let reloadScript = """
    (function () {
      var current = null;
      function check() {
        fetch("/__gongshi/version", {cache: "no-store"}).then(function (r) { return r.text(); }).then(function (v) {
          if (current === null) { current = v; } else if (v !== current) { window.location.reload(); }
        }).catch(function () {}).then(function () { setTimeout(check, 1000); });
      }
      check();
    })();
    """

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let path = request.target.path(percentEncoded: false)
        if path == "/__gongshi/version" {
            return text(String(version), type: "text/plain; charset=utf-8")
        }
        if path == "/__gongshi/reload.js" {
            return text(Self.reloadScript, type: "text/javascript; charset=utf-8")
        }
        let parts = path.split(separator: "/").map(String.init)
        if parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) {
            return text("禁止访问", type: "text/plain; charset=utf-8", status: .forbidden)
        }
        var relative = parts.joined(separator: "/")
        var isDirectory: ObjCBool = false
        let candidate = output.appendingPathComponent(relative)
        if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
            if !path.hasSuffix("/") {
                return HTTPResponse(statusCode: .movedPermanently, headers: [.location: request.target.path() + "/"])
            }
            relative += relative.isEmpty ? "index.html" : "/index.html"
        }
        let type = Self.contentType(for: relative)
        if let failure = lastFailure, type.hasPrefix("text/html") {
            return html(Self.errorPage(failure), status: .internalServerError)
        }
        if let data = FileManager.default.contents(atPath: output.appendingPathComponent(relative).path) {
            return type.hasPrefix("text/html") ? html(String(decoding: data, as: UTF8.self)) : HTTPResponse(statusCode: .ok, headers: [.contentType: type], body: data)
        }
        let notFound = FileManager.default.contents(atPath: output.appendingPathComponent("404.html").path)
            .map { String(decoding: $0, as: UTF8.self) } ?? "<!DOCTYPE html><html lang=\"zh-CN\"><title>页面不存在</title><p>页面不存在。</p></html>"
        return html(notFound, status: .notFound)
    }

    private func text(_ body: String, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: Data(body.utf8))
    }

    /// An HTML page with the reload script added before `</body>`.
    private func html(_ page: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        let script = "<script src=\"/__gongshi/reload.js\"></script>"
        let body = page.range(of: "</body>", options: .backwards).map { page.replacingCharacters(in: $0, with: script + "</body>") } ?? page + script
        return text(body, type: "text/html; charset=utf-8", status: status)
    }

    static func errorPage(_ diagnostics: [Diagnostic]) -> String {
        let items = diagnostics.sortedForDisplay().filter { $0.severity == .error }
            .map { "<li><pre>\(HTMLText.escape($0.description))</pre></li>" }.joined(separator: "\n")
        return """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head><meta charset="utf-8"><title>生成失败 - 公示预览</title>
        <style>body{font-family:sans-serif;margin:2rem;line-height:1.6}h1{color:#a8211a}pre{white-space:pre-wrap;background:#f7f3f2;padding:.75rem;border-left:4px solid #a8211a}</style>
        </head>
        <body>
        <h1>生成失败</h1>
        <p>内容或模板中有错误，修改并保存后本页会自动刷新。错误如下：</p>
        <ol>
        \(items)
        </ol>
        </body>
        </html>
        """
    }

    static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
