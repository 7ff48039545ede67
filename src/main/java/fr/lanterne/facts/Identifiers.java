package fr.lanterne.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers that identify: SIRET and SIREN after their label, checked with their Luhn key (an invalid one is set aside
 * and counted); CPV codes; contract and lot numbers.
 */
final class Identifiers {

    /** La Poste's SIREN: its establishments' SIRETs do not satisfy the Luhn key but have a digit sum divisible by 5. */
    static final String LA_POSTE = "356000000";

    private static final Pattern SIRET = Pattern.compile(
            "(?<![a-z])siret\\s*(?:n°|no\\.?|numero)?\\s*:?\\s*((?:\\d ?){13}\\d)(?! ?\\d)");
    private static final Pattern SIREN = Pattern.compile(
            "(?<![a-z])(?:siren|rcs(?: [a-z' -]{2,30}?)?)\\s*(?:n°|no\\.?|numero)?\\s*:?\\s*(?:[ab] )?((?:\\d ?){8}\\d)"
                    + "(?! ?\\d)");
    private static final Pattern CPV = Pattern.compile("(?<![\\d-])(\\d{8})-(\\d)(?![\\d-])");
    private static final Pattern CPV_LABELLED = Pattern.compile("(?<![a-z])cpv[^\\d\\n]{0,25}(\\d{8})(?![\\d-])");
    private static final Pattern CONTRACT = Pattern.compile("(?<![a-z])(marche(?: public)?(?: subsequent)?"
            + "|accord-cadre|contrat|convention|bon de commande)\\s*(?:n°|no\\.?|numero)\\s*:?\\s*"
            + "([a-z0-9][a-z0-9/._-]{0,40}[a-z0-9])");
    private static final Pattern LOT = Pattern.compile(
            "(?<![a-z])lot\\s*(?:n°|no\\.?|numero)?\\s*(\\d{1,3})(?![\\d,.]|\\s*(?:€|euros))[ ]*(?:[:-][ ]*([^\\n:;€]{3,80}))?");

    private Identifiers() {
    }

    static void find(PageText page, Findings findings) {
        String text = page.folded();
        String original = page.original();
        Matcher siret = SIRET.matcher(text);
        while (siret.find()) {
            String digits = siret.group(1).replace(" ", "");
            if (validSiret(digits)) {
                findings.add(Found.of(FactKind.SIRET, digits, siret.start(1), siret.end(1)));
            } else {
                findings.invalidKey();
            }
        }
        Matcher siren = SIREN.matcher(text);
        while (siren.find()) {
            String digits = siren.group(1).replace(" ", "");
            if (luhn(digits)) {
                findings.add(Found.of(FactKind.SIREN, digits, siren.start(1), siren.end(1)));
            } else {
                findings.invalidKey();
            }
        }
        Matcher cpv = CPV.matcher(text);
        while (cpv.find()) {
            if (division(cpv.group(1))) {
                findings.add(Found.of(FactKind.CPV, cpv.group(1) + "-" + cpv.group(2), cpv.start(), cpv.end()));
            }
        }
        Matcher labelled = CPV_LABELLED.matcher(text);
        while (labelled.find()) {
            if (division(labelled.group(1))) {
                findings.add(Found.of(FactKind.CPV, labelled.group(1), labelled.start(1), labelled.end(1)));
            }
        }
        Matcher contract = CONTRACT.matcher(text);
        while (contract.find()) {
            String number = original.substring(contract.start(2), contract.end(2));
            if (number.chars().anyMatch(Character::isDigit) && number.length() >= 3) {
                findings.add(new Found(FactKind.CONTRACT_NUMBER, number, null, original.substring(contract.start(1),
                        contract.end(1)).toLowerCase(java.util.Locale.FRENCH), contract.start(), contract.end()));
            }
        }
        Matcher lot = LOT.matcher(text);
        while (lot.find()) {
            String title = lot.group(2) == null ? null
                    : original.substring(lot.start(2), lot.end(2)).strip();
            findings.add(new Found(FactKind.LOT, Integer.toString(Integer.parseInt(lot.group(1))), null,
                    title == null || title.chars().noneMatch(Character::isLetter) ? null : title, lot.start(), lot.end(1)));
        }
    }

    /** The Luhn key (ISO/IEC 7812) that SIREN and SIRET carry in their last digit. */
    static boolean luhn(String digits) {
        if (!digits.matches("\\d+")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /** A SIRET: 14 digits, its SIREN valid, and the whole valid by Luhn, or by La Poste's own rule (INSEE). */
    static boolean validSiret(String digits) {
        if (!digits.matches("\\d{14}")) {
            return false;
        }
        if (digits.startsWith(LA_POSTE)) {
            return luhn(digits) || digits.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(digits.substring(0, 9)) && luhn(digits);
    }

    /** CPV divisions run from 03 (agriculture) to 98 (other services). */
    private static boolean division(String code) {
        int division = Integer.parseInt(code.substring(0, 2));
        return division >= 3 && division <= 98;
    }
}
