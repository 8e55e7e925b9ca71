import Testing
import Reports

@Suite("Text tables and KPI formatting")
struct TextTableTests {
    @Test func alignsColumnsWithoutTrailingSpaces() {
        var table = TextTable(headers: ["KPI", "value"], alignments: [.left, .right])
        table.add(["availability", "0.9414"])
        table.add(["failures", "4697"])
        #expect(table.render() == """
        KPI            value
        ------------  ------
        availability  0.9414
        failures        4697
        """)
    }

    @Test func numbersAreReadable() {
        #expect(KPIReport.format(4697) == "4697")
        #expect(KPIReport.format(0.941412345) == "0.9414")
        #expect(KPIReport.format(12345.678) == "12345.7")
        #expect(KPIReport.format(.nan) == "n/a")
    }
}
