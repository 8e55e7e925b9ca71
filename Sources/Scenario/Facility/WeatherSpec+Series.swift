import Foundation
import TwinModels

extension WeatherSpec {
    /// The weather series of a `file` section, parsed as the run parses it; nil for synthetic
    /// weather (built by the run from its calendar and random stream).
    ///
    /// The loader parses it once, so `twinlab validate` refuses a weather file the run would.
    /// - Throws: ``InputFileError`` when the file cannot be read; the parser's `WeatherError`
    ///   (with the line) when it is not a weather file.
    public func fileSeries() throws -> WeatherSeries? {
        guard case .file(let path) = self else { return nil }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw InputFileError(path: path, message: "cannot read the weather file '\(path)'", underlying: error)
        }
        if path.lowercased().hasSuffix(".epw") { return try WeatherSeries(epw: text) }
        return try WeatherSeries(csv: text)
    }
}
