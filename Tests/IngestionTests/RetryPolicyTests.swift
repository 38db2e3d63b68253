import Foundation
import Ingestion
import Testing

@Suite struct RetryPolicyTests {
    @Test func backOffDoublesUpToTheCap() {
        let policy = RetryPolicy(retries: 5, baseDelay: 1, maxDelay: 30)
        #expect(policy.delayRange(beforeRetry: 1) == 0.5...1)
        #expect(policy.delayRange(beforeRetry: 2) == 1...2)
        #expect(policy.delayRange(beforeRetry: 3) == 2...4)
        #expect(policy.delayRange(beforeRetry: 5) == 8...16)
        #expect(policy.delayRange(beforeRetry: 6) == 15...30)
        #expect(policy.delayRange(beforeRetry: 1000) == 15...30)
    }

    @Test func jitterStaysInItsRangeAndVaries() {
        let policy = RetryPolicy(retries: 3, baseDelay: 2, maxDelay: 60)
        var generator = SplitMix64(state: 42)
        let samples = (0..<1000).map { _ in policy.delay(beforeRetry: 3, using: &generator) }
        #expect(samples.allSatisfy { (4.0...8.0).contains($0) })
        #expect(samples.min()! < 4.5)
        #expect(samples.max()! > 7.5)
        var again = SplitMix64(state: 42)
        #expect(policy.delay(beforeRetry: 3, using: &again) == samples[0])
    }

    @Test func retryAfterRaisesTheWaitUpToItsCap() {
        let policy = RetryPolicy(retries: 3, baseDelay: 0.1, maxDelay: 1, maxRetryAfter: 10)
        var generator = SplitMix64(state: 1)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 5, using: &generator) == 5)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3600, using: &generator) == 10)
        let small = policy.delay(beforeRetry: 1, retryAfter: 0, using: &generator)
        #expect((0.05...0.1).contains(small))
    }

    @Test func zeroBaseDelayMeansNoWait() {
        var generator = SplitMix64(state: 3)
        #expect(RetryPolicy(retries: 2, baseDelay: 0).delay(beforeRetry: 2, using: &generator) == 0)
        #expect(RetryPolicy(retries: -4).retries == 0)
    }

    @Test func onlyServerErrorsAndTooManyRequestsAreRetried() {
        for status in [429, 500, 502, 503, 504, 599] { #expect(RetryPolicy.isRetryable(status: status), "\(status)") }
        for status in [200, 304, 400, 401, 403, 404, 408, 410, 422] { #expect(!RetryPolicy.isRetryable(status: status), "\(status)") }
        #expect(HTTPFetcher.isRetryable(curlCode: 7))
        #expect(HTTPFetcher.isRetryable(curlCode: 28))
        #expect(!HTTPFetcher.isRetryable(curlCode: 60))  // TLS peer certificate: a configuration problem
        #expect(!HTTPFetcher.isRetryable(curlCode: 63))  // body too large
    }

    @Test func retryAfterAcceptsSecondsAndHTTPDates() {
        #expect(RetryAfter.seconds("120", now: 0) == 120)
        #expect(RetryAfter.seconds(" 7 ", now: 0) == 7)
        // 1445412480 = Wed, 21 Oct 2015 07:28:00 GMT
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: 1_445_412_470) == 10)
        #expect(RetryAfter.seconds("Wed, 21 Oct 2015 07:28:00 GMT", now: 1_445_412_490) == 0)
        #expect(RetryAfter.seconds("Sun, 06 Nov 1994 08:49:37 GMT", now: 0) == 784_111_777)
        for bad in ["", "-5", "1.5", "soon", "Wed, 21 Oct 2015 07:28:00 CET", "Wed, 32 Oct 2015 07:28:00 GMT", "Wed, 21 Foo 2015 07:28:00 GMT"] {
            #expect(RetryAfter.seconds(bad, now: 0) == nil, "\(bad)")
        }
    }
}
