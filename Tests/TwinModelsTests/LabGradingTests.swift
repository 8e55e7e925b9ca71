import Testing
@testable import TwinModels

/// The lab's grade from moisture, mould, foreign material and potency.
@Suite("Lab grading")
struct LabGradingTests {
    let lab = LabGrading()

    @Test("clean, ideal batches are A; each defect costs points; mould rejects")
    func grades() throws {
        #expect(try lab.grade(moisturePercent: 11, mould: false, foreignMaterial: false, potencyPercent: 20) == .a)
        #expect(try lab.grade(moisturePercent: 13, mould: false, foreignMaterial: false, potencyPercent: 20) == .b)
        #expect(try lab.grade(moisturePercent: 11, mould: false, foreignMaterial: true, potencyPercent: 20) == .b)
        #expect(try lab.grade(moisturePercent: 15, mould: false, foreignMaterial: false, potencyPercent: 20) == .c)
        #expect(try lab.grade(moisturePercent: 13, mould: false, foreignMaterial: true, potencyPercent: 15) == .reject)
        #expect(try lab.grade(moisturePercent: 11, mould: true, foreignMaterial: false, potencyPercent: 25) == .reject)
        #expect(try lab.grade(moisturePercent: 11, mould: false, foreignMaterial: false, potencyPercent: 10) == .c)
    }

    @Test("grades are ordered and named; bad inputs throw")
    func namesAndErrors() throws {
        #expect(LabGrade.allCases.map(\.name) == ["A", "B", "C", "reject"])
        #expect(LabGrade.a < LabGrade.reject)
        #expect(throws: ModelInputError.self) { try lab.grade(moisturePercent: .nan, mould: false, foreignMaterial: false, potencyPercent: 20) }
    }
}
