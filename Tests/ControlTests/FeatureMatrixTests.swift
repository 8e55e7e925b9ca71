import Control
import Testing
import TwinModels

@Suite("Feature matrix")
struct FeatureMatrixTests {
    @Test("row-major layout and row count")
    func layout() throws {
        let m = try FeatureMatrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rowCount == 2 && m.columnCount == 3)
        #expect(m[1, 0] == 4 && m[0, 2] == 3)
        #expect(m.values == [1, 2, 3, 4, 5, 6])
    }

    @Test("partial rows, ragged rows and non-finite values are rejected")
    func validation() {
        #expect(throws: ModelInputError.self) { try FeatureMatrix(values: [1, 2, 3], columnCount: 2) }
        #expect(throws: ModelInputError.self) { try FeatureMatrix(values: [1, 2], columnCount: 0) }
        #expect(throws: ModelInputError.self) { try FeatureMatrix(rows: [[1, 2], [3]]) }
        do {
            _ = try FeatureMatrix(values: [1, 2, .nan, 4], columnCount: 2)
            Issue.record("NaN accepted")
        } catch {
            #expect(error.code == .notFinite)
            #expect(error.quantity.contains("row 1 column 0"))
        }
    }
}
