import Foundation

/// Reads a real-time price file: a header line, then `hour,price_per_kwh` rows one hour apart.
///
/// In the Scenario module so the loader reads it as the run will: `twinlab validate` refuses a
/// price file the run would refuse (``TariffSpec/model()``).
enum PriceFile {
    static func read(_ path: String) throws(InputFileError) -> [Double] {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw InputFileError(path: path, message: "cannot read the price file '\(path)'", underlying: error)
        }
        var prices: [Double] = []
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() where number > 0 {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2, let hour = Double(fields[0].trimmingCharacters(in: .whitespaces)),
                  let price = Double(fields[1].trimmingCharacters(in: .whitespaces)), price.isFinite, price >= 0 else {
                throw InputFileError(path: path, message: "\(path):\(number + 1): expected 'hour,price_per_kwh' with a "
                                         + "price ≥ 0, found '\(ScenarioIssue.printable(String(line)))'")
            }
            guard hour == Double(prices.count) else {
                throw InputFileError(path: path, message: "\(path):\(number + 1): hour \(hour) out of sequence; "
                                         + "expected \(prices.count) (one row per hour from 0)")
            }
            prices.append(price)
        }
        guard !prices.isEmpty else { throw InputFileError(path: path, message: "\(path): no price rows after the header") }
        return prices
    }
}
