package fr.lanterne.facts;

/** What a fact is; its value is normalised as each constant says. */
public enum FactKind {
    /** A sum of money: value "1234567.89", unit "EUR HT", "EUR TTC" or "EUR"; qualifier the lot ("lot 2"). */
    AMOUNT,
    /** A date: value ISO "2025-03-03"; qualifier NOTIFICATION, START or END when the sentence says so. */
    DATE,
    /** A duration: value "48", unit MONTHS, YEARS, WEEKS or DAYS. */
    DURATION,
    /** A contract's number as written ("2025-017"); qualifier what it numbers (marché, accord-cadre…). */
    CONTRACT_NUMBER,
    /** A lot's number ("2"); qualifier its title when the line gives one. */
    LOT,
    /** A SIRET (14 digits) whose key checks. */
    SIRET,
    /** A SIREN (9 digits) whose key checks, given without its establishment. */
    SIREN,
    /** A CPV code: "32323500-8" (8 digits and a check digit), or its 8 digits after the word CPV. */
    CPV,
    /** A number of cameras: value "42". */
    CAMERA_COUNT,
    /** A number of sensors or microphones: value "12". */
    SENSOR_COUNT,
    /** A vendor of the registry, by its registry name. */
    VENDOR,
    /** A product of the registry, by its name; qualifier its vendor. */
    PRODUCT,
    /** A legal text: "loi n° 2023-380, article 10", "arrêté préfectoral n° 2024-123", "délibération CNIL n° 2021-011". */
    LEGAL_BASIS
}
