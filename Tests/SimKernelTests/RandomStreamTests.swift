import Foundation
import Testing
@testable import SimKernel

@Suite struct RandomStreamTests {
    @Test func xoshiroCoreMatchesReferenceOutputs() {
        // Reference: xoshiro256** from state {1, 2, 3, 4} (Blackman & Vigna's C code).
        var stream = RandomStream(seed: 0)
        stream.s0 = 1
        stream.s1 = 2
        stream.s2 = 3
        stream.s3 = 4
        let outputs = (0..<4).map { _ in stream.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240])
    }

    @Test func seedingExpandsTheSeedWithSplitMix64() {
        let stream = RandomStream(seed: 99)
        var expander = SplitMix64(state: 99)
        #expect([stream.s0, stream.s1, stream.s2, stream.s3] == (0..<4).map { _ in expander.next() })
    }

    @Test func sameSeedSameSequenceAndCopiesFork() {
        var a = RandomStream(seed: 2024)
        var b = RandomStream(seed: 2024)
        let drawsA = (0..<1000).map { _ in a.next() }
        let drawsB = (0..<1000).map { _ in b.next() }
        #expect(drawsA == drawsB)
        var fork = a
        #expect(fork.uniform() == a.uniform())
        var other = RandomStream(seed: 2025)
        #expect((0..<1000).map { _ in other.next() } != drawsA)
    }

    @Test func uniformRangesHoldOverManySeeds() {
        var violations = 0
        var sum = 0.0
        var count = 0
        for seed in UInt64(0)..<1000 {
            var s = RandomStream(seed: seed &* 0x9E37_79B9)
            for _ in 0..<200 {
                let u = s.uniform()
                let v = s.uniformOpen()
                if !(u >= 0 && u < 1) { violations += 1 }
                if !(v > 0 && v < 1) { violations += 1 }
                sum += u + v
                count += 2
            }
        }
        #expect(violations == 0)
        // 400,000 uniforms: the mean's standard error is 0.29/√400000 ≈ 4.6e-4.
        #expect(abs(sum / Double(count) - 0.5) < 0.0025)
    }

    @Test func uniformUsesTopBitsOnTheExpectedGrid() {
        var raw = RandomStream(seed: 7)
        var s = RandomStream(seed: 7)
        for _ in 0..<100 {
            let bits = raw.next()
            #expect(s.uniform() == Double(bits >> 11) * 0x1.0p-53)
            let bitsOpen = raw.next()
            #expect(s.uniformOpen() == (Double(bitsOpen >> 12) + 0.5) * 0x1.0p-52)
        }
    }

    @Test func antitheticMirrorsEveryUniformExactly() {
        var plain = RandomStream(seed: 31337)
        var mirror = RandomStream(seed: 31337, antithetic: true)
        var mismatches = 0
        for i in 0..<20_000 {
            if i % 3 == 0 {
                if plain.next() != mirror.next() { mismatches += 1 }  // raw bits are not mirrored
            } else if i % 3 == 1 {
                let u = plain.uniform(), w = mirror.uniform()
                if u + w != 1 || w <= 0 || w > 1 { mismatches += 1 }
            } else {
                let u = plain.uniformOpen(), w = mirror.uniformOpen()
                if u + w != 1 || w <= 0 || w >= 1 { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func antitheticSamplesAreMirroredQuantiles() {
        let d = Distribution.weibull(shape: 1.5, scale: 10)
        var plain = RandomStream(seed: 5)
        var mirror = RandomStream(seed: 5, antithetic: true)
        var probe = RandomStream(seed: 5)
        for _ in 0..<1000 {
            let u = probe.uniformOpen()
            #expect(d.sample(using: &plain) == d.quantile(u))
            #expect(d.sample(using: &mirror) == d.quantile(1 - u))
        }
    }

    @Test func codableRoundTripContinuesTheSequence() throws {
        var s = RandomStream(seed: 11, antithetic: true)
        _ = (0..<10).map { _ in s.next() }
        var restored = try JSONDecoder().decode(RandomStream.self, from: JSONEncoder().encode(s))
        #expect(restored == s)
        #expect((0..<10).map { _ in restored.uniform() } == (0..<10).map { _ in s.uniform() })
    }
}
