package fr.lanterne.authorities;

import java.util.List;

/**
 * What an import of contacts did.
 *
 * @param lines the lines of the file (its entries, for a JSON file)
 * @param entries the town halls the file gave (after keeping one per commune)
 * @param recorded how many changed an address (new or different)
 * @param unchanged how many were already recorded as they are
 * @param skipped entries left out, with the reason (not a town hall, unknown commune, invalid email...)
 */
public record ContactImportReport(String file, String format, int lines, int entries, int recorded, int unchanged,
                                  List<String> skipped) {
}
