import Testing
@testable import SimKernel

@Suite struct RandomStreamsTests {
    private func draws(_ stream: RandomStream, _ n: Int = 50) -> [UInt64] {
        var s = stream
        return (0..<n).map { _ in s.next() }
    }

    @Test func sameNameSameStreamRegardlessOfOtherStreams() {
        let lone = RandomStreams(masterSeed: 42)
        let expected = draws(lone.stream("machine/pump-1"))

        let busy = RandomStreams(masterSeed: 42)
        _ = busy.stream("machine/pump-0")
        _ = busy.stream("sensor/room-1/temp")
        for i in 0..<100 { _ = busy.stream(index: i) }
        #expect(draws(busy.stream("machine/pump-1")) == expected)
        _ = busy.stream("machine/pump-2")
        #expect(draws(busy.stream("machine/pump-1")) == expected)
    }

    @Test func seedDerivationIsTheDocumentedFormula() {
        // FNV-1a 64 of "a" is a published test vector.
        #expect(RandomStreams.fnv1a64("") == 0xCBF2_9CE4_8422_2325)
        #expect(RandomStreams.fnv1a64("a") == 0xAF63_DC4C_8601_EC8C)
        #expect(RandomStreams.fnv1a64("foobar") == 0x85944171F73967E8)
        let master: UInt64 = 123
        let expected = SplitMix64.mix64(RandomStreams.fnv1a64("fan") ^ SplitMix64.mix64(master &+ SplitMix64.golden))
        #expect(RandomStreams.seed(masterSeed: master, name: "fan") == expected)
        #expect(RandomStreams(masterSeed: master).stream("fan").seed == expected)
    }

    @Test func distinctNamesAndMastersGiveDistinctStreams() {
        let streams = RandomStreams(masterSeed: 1)
        let names = (0..<500).map { "entity-\($0)" } + (0..<500).map { "#\($0)" }
        let seeds = names.map { streams.stream($0).seed }
        #expect(Set(seeds).count == names.count)
        let firstDraws = names.map { draws(streams.stream($0), 1)[0] }
        #expect(Set(firstDraws).count == names.count)
        // Neighbouring master seeds must not share streams.
        let other = RandomStreams(masterSeed: 2)
        #expect(Set(names.map { other.stream($0).seed }).isDisjoint(with: seeds))
    }

    @Test func issuedRecordsEachNameOnceInFirstRequestOrder() {
        let streams = RandomStreams(masterSeed: 9)
        _ = streams.stream("b")
        _ = streams.stream("a")
        _ = streams.stream("b")
        _ = streams.stream(index: 3)
        #expect(streams.issued.map(\.name) == ["b", "a", "#3"])
        #expect(streams.issued.map(\.seed) == ["b", "a", "#3"].map { RandomStreams.seed(masterSeed: 9, name: $0) })
        #expect(streams.stream(index: 3) == streams.stream("#3"))
    }

    @Test func antitheticFamilyMirrorsThePlainFamily() {
        let plain = RandomStreams(masterSeed: 77)
        let mirror = RandomStreams(masterSeed: 77, antithetic: true)
        var a = plain.stream("arrivals")
        var b = mirror.stream("arrivals")
        #expect(b.antithetic && !a.antithetic)
        var sums: Set<Double> = []
        for _ in 0..<1000 { sums.insert(a.uniformOpen() + b.uniformOpen()) }
        #expect(sums == [1.0])
    }
}
