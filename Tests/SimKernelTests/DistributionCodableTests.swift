import Foundation
import Testing
@testable import SimKernel

@Suite struct DistributionCodableTests {
    private func decode(_ json: String) throws -> Distribution {
        try JSONDecoder().decode(Distribution.self, from: Data(json.utf8))
    }

    @Test(arguments: DistributionTestCases.all)
    func roundTrips(_ d: Distribution) throws {
        let data = try JSONEncoder().encode(d)
        #expect(try JSONDecoder().decode(Distribution.self, from: data) == d)
    }

    @Test func humanWrittenForms() throws {
        #expect(try decode(#"{"kind":"weibull","shape":2,"scale":100}"#) == .weibull(shape: 2, scale: 100))
        #expect(try decode(#"{"kind":"triangular","min":1,"mode":2,"max":4}"#)
            == .triangular(min: 1, mode: 2, max: 4))
        #expect(try decode(#"{"kind":"empirical","values":[1,2,5]}"#) == .empirical(values: [1, 2, 5]))
        #expect(try decode(#"{"kind":"empirical","values":[1,2],"weights":[3,1]}"#)
            == .empirical(values: [1, 2], weights: [3, 1]))
        #expect(try decode(#"{"kind":"constant","value":7}"#) == .constant(7))
        #expect(try decode(#"{"kind":"lognormal","mu":0.5,"sigma":0.3}"#) == .lognormal(mu: 0.5, sigma: 0.3))
    }

    @Test func encodesTheDocumentedForm() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(Distribution.weibull(shape: 2, scale: 100)), as: UTF8.self)
        #expect(text == #"{"kind":"weibull","scale":100,"shape":2}"#)
        let table = String(decoding: try encoder.encode(Distribution.empirical(values: [2, 1])), as: UTF8.self)
        #expect(table == #"{"kind":"empirical","values":[2,1]}"#)
    }

    private func decodingMessage(_ json: String) -> String? {
        do {
            _ = try decode(json)
            return nil
        } catch let DecodingError.dataCorrupted(context) {
            return context.debugDescription
        } catch {
            return "\(error)"
        }
    }

    @Test func typosAndBadValuesAreRejectedWithAMessage() {
        let typo = decodingMessage(#"{"kind":"weibull","shpe":2,"scale":100}"#)
        #expect(typo == "unknown key 'shpe' for a weibull distribution; expected shape, scale")
        let kind = decodingMessage(#"{"kind":"weibul","shape":2,"scale":100}"#)
        #expect(kind?.contains("unknown distribution kind 'weibul'") == true)
        let value = decodingMessage(#"{"kind":"weibull","shape":-1,"scale":100}"#)
        #expect(value == "weibull: shape = -1.0 is invalid; expected a finite number > 0")
        let mixed = decodingMessage(#"{"kind":"lognormal","mu":1,"sd":2}"#)
        #expect(mixed?.contains("unknown key 'sd'") == true)
        let missing = decodingMessage(#"{"kind":"normal","mean":1}"#)
        #expect(missing != nil)
    }
}
