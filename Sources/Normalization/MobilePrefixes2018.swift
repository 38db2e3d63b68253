/// The 2018 renumbering of 11-digit mobile numbers to 10 digits (15 Sep 2018 – 30 Jun 2019): the last
/// seven digits were kept and the three-digit prefix after the 0 became two digits.
enum MobilePrefixes2018 {
    /// One renumbered prefix: old `1xx` (after the trunk 0) → new two digits.
    struct Renumbering: Equatable {
        var oldPrefix: String
        var newPrefix: String
        var carrier: String
    }

    /// Old prefix (without the trunk 0, e.g. "162") → its renumbering.
    static let byOldPrefix: [String: Renumbering] = {
        let table: [(String, String, String)] = [
            ("162", "32", "Viettel"), ("163", "33", "Viettel"), ("164", "34", "Viettel"), ("165", "35", "Viettel"),
            ("166", "36", "Viettel"), ("167", "37", "Viettel"), ("168", "38", "Viettel"), ("169", "39", "Viettel"),
            ("120", "70", "MobiFone"), ("121", "79", "MobiFone"), ("122", "77", "MobiFone"),
            ("126", "76", "MobiFone"), ("128", "78", "MobiFone"),
            ("123", "83", "VinaPhone"), ("124", "84", "VinaPhone"), ("125", "85", "VinaPhone"),
            ("127", "81", "VinaPhone"), ("129", "82", "VinaPhone"),
            ("186", "56", "Vietnamobile"), ("188", "58", "Vietnamobile"),
            ("199", "59", "Gmobile"),
        ]
        var map: [String: Renumbering] = [:]
        for (old, new, carrier) in table { map[old] = Renumbering(oldPrefix: old, newPrefix: new, carrier: carrier) }
        return map
    }()
}
