import Foundation
import Testing
@testable import GongshiOutput

/// The write stage's own file writing (pages are not flushed one by one; the staging folder is flushed before the swap).
@Suite("Writing output files")
struct FileWritingTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongshi-filewriting-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aFileHoldsExactlyTheNewBytesEvenWhereALongerOneStood() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("index.html").path
        try FileWriting.write(Data("<p>一篇很长的旧页面，比新的长得多</p>".utf8), to: path)
        try FileWriting.write(Data("<p>新</p>".utf8), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("<p>新</p>".utf8))
        try FileWriting.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func writingWhereNoFolderIsThrowsNamingThePath() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("missing/index.html").path
        let error = #expect(throws: CocoaError.self) { try FileWriting.write(Data("x".utf8), to: path) }
        #expect(error?.userInfo[NSFilePathErrorKey] as? String == path)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func flushingAFolderSucceedsAndAMissingOneThrows() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileWriting.write(Data("x".utf8), to: dir.appendingPathComponent("a.html").path)
        try FileWriting.flush(fileSystemOf: dir.path)
        #expect(throws: CocoaError.self) { try FileWriting.flush(fileSystemOf: dir.appendingPathComponent("missing").path) }
    }
}
