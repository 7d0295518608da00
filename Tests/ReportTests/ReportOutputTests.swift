import Foundation
@testable import Report
import Testing

@Suite("Report requests and files")
struct ReportOutputTests {
    @Test("--report values parse", arguments: [
        ("junit:out/report.xml", ReportFormat.junit, "out/report.xml"),
        ("json:r.json", .json, "r.json"),
        ("HTML:C:/reports/r.html", .html, "C:/reports/r.html"),
    ])
    func parses(argument: String, format: ReportFormat, path: String) throws {
        let request = try ReportRequest(parsing: argument)
        #expect(request == ReportRequest(format: format, path: path))
    }

    @Test("bad --report values say what to write instead", arguments: [
        ("report.xml", "--report \"report.xml\": expected FORMAT:FILE; write junit:FILE, json:FILE or html:FILE"),
        ("pdf:r.pdf", "--report \"pdf:r.pdf\": unknown format \"pdf\"; write junit:FILE, json:FILE or html:FILE"),
        ("html:", "--report \"html:\": no file name after \"html:\"; write junit:FILE, json:FILE or html:FILE"),
    ])
    func rejects(argument: String, message: String) {
        #expect(throws: ReportRequestError.self) { try ReportRequest(parsing: argument) }
        do {
            _ = try ReportRequest(parsing: argument)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("every requested report is written, into directories created on the way")
    func writesAll() throws {
        let directory = try TemporaryDirectory()
        let requests = ReportFormat.allCases.map { ReportRequest(format: $0, path: "\(directory.path)/out/nested/r.\($0.rawValue)") }
        let errors = ReportOutput.write(Fixtures.passing, to: requests)
        #expect(errors.isEmpty)
        for request in requests {
            let text = try String(contentsOfFile: request.path, encoding: .utf8)
            #expect(text == request.format.render(Fixtures.passing))
        }
    }

    @Test("a report that cannot be written is reported, and the others are still written")
    func oneFails() throws {
        let directory = try TemporaryDirectory()
        let blocker = try directory.write("a file, not a directory", to: "blocker")
        let requests = [ReportRequest(format: .html, path: "\(blocker)/r.html"),
                        ReportRequest(format: .junit, path: "\(directory.path)/r.xml")]
        let errors = ReportOutput.write(Fixtures.failing, to: requests)
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.request == requests[0])
        #expect(error.description.hasPrefix("cannot write the html report to \(blocker)/r.html: "))
        #expect(error.description.hasSuffix("check that the directory exists or can be created and is writable"))
        #expect(FileManager.default.fileExists(atPath: "\(directory.path)/r.xml"))
    }
}
