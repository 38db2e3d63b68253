import Domain
import Normalization
import Testing

@Suite struct PostalCodeAndInsuranceTests {
    @Test func postalCodes() {
        #expect(PostalCode.normalize("10000").value == "10000")
        #expect(PostalCode.normalize(" 100-000 ").value == "100000")
        #expect(PostalCode.normalize("").value == nil)
        #expect(PostalCode.normalize("").findings.isEmpty)
        #expect(PostalCode.normalize("HN100").value == nil)
        #expect(PostalCode.normalize("HN100").findings.map(\.rule) == ["address.postal_code"])
    }

    @Test func socialInsuranceNumbers() {
        #expect(SocialInsuranceNumber.normalize("0123456789").value == Identifier(type: .socialInsurance, value: "0123456789"))
        #expect(SocialInsuranceNumber.normalize("1804974").value?.isValid == true)  // other lengths are not judged
        #expect(SocialInsuranceNumber.normalize("01 2345.6789").value?.value == "0123456789")
        #expect(SocialInsuranceNumber.normalize("BH01").value?.isValid == false)
        #expect(SocialInsuranceNumber.normalize("BH01").findings.map(\.rule) == ["social_insurance.not_digits"])
        #expect(SocialInsuranceNumber.normalize("0000").findings.map(\.rule) == ["social_insurance.all_zero"])
        #expect(SocialInsuranceNumber.normalize("  ").value == nil)
    }
}
