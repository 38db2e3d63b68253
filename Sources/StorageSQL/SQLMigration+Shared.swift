/// Migrations whose SQL is the same on every engine, written once and listed by each engine's history.
extension SQLMigration {
    /// 10: persons' passport and social insurance numbers, streets and postal codes in the resolver's index (empty
    /// for persons indexed before), and the blocking rules whose keys are complete, seeded with the five rules every
    /// earlier version built keys for (their parts as `BlockingRule.partsText` writes them).
    public static let personDocumentsAndIndexedRules = SQLMigration(
        version: 10,
        name: "persons keep passport and social insurance numbers, streets and postal codes; the blocking rules whose keys are complete (earlier versions built the five rules below)",
        sql: """
            ALTER TABLE person_index ADD COLUMN document_numbers TEXT NOT NULL DEFAULT '';
            ALTER TABLE person_index ADD COLUMN streets TEXT NOT NULL DEFAULT '';
            ALTER TABLE person_index ADD COLUMN postal_codes TEXT NOT NULL DEFAULT '';
            CREATE TABLE blocking_rules_indexed (
                rule TEXT PRIMARY KEY,
                parts TEXT NOT NULL
            );
            INSERT INTO blocking_rules_indexed (rule, parts) VALUES
                ('personal_number', 'personal_number'),
                ('full_name_birth_year', 'folded_full_name,birth_year'),
                ('given_name_birth_year_province', 'folded_given_name,birth_year,province_code'),
                ('surname_class_given_name_commune', 'surname_class,folded_given_name,commune_code'),
                ('legacy_id9', 'legacy_id9');
            """)
}
