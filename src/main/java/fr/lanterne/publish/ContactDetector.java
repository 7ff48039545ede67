package fr.lanterne.publish;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Email addresses, French phone numbers, IBAN (checked with ISO 13616's mod 97) and vehicle plates. */
final class ContactDetector {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\d._%+-])([\\p{L}\\d._%+-]+)@[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.\\p{L}{2,}");
    /** Mailboxes of a service, not of a person: the town hall's address is not personal data. */
    private static final Set<String> FUNCTIONAL_MAILBOXES = Set.of("contact", "mairie", "accueil", "secretariat",
            "dpo", "rgpd", "cnil", "info", "infos", "courrier", "communication", "cada", "prefecture", "standard",
            "noreply", "no-reply", "webmaster", "urbanisme", "police-municipale", "police.municipale", "dgs",
            "cabinet", "administration", "donnees-personnelles", "protection-donnees", "juridique", "citoyennete");

    /** 0X XX XX XX XX, +33 X…, 0033 X…, +33 (0)X…, separated by spaces, dots or dashes or not at all. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d+])(?:(?:\\+|00)33[ .-]?(?:\\(0\\)[ .-]?)?|0)[1-9](?:[ .-]?\\d{2}){4}(?![\\d])");
    /** A phone on a line that names a switchboard or a service is the institution's. */
    private static final Pattern SERVICE_LINE = Pattern.compile(
            "standard|accueil|mairie|hotel de ville|secretariat|services techniques|prefecture|commissariat");

    private static final Pattern IBAN = Pattern.compile("(?<![A-Z0-9])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]){11,30}");
    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(Map.entry("FR", 27), Map.entry("MC", 27),
            Map.entry("DE", 22), Map.entry("BE", 16), Map.entry("ES", 24), Map.entry("IT", 27), Map.entry("CH", 21),
            Map.entry("LU", 20), Map.entry("GB", 22), Map.entry("NL", 18), Map.entry("PT", 25), Map.entry("AT", 20),
            Map.entry("IE", 22));

    /** SIV plates since 2009: AB-123-CD (no I, O or U; dashes, spaces or nothing). */
    private static final Pattern PLATE = Pattern.compile(
            "(?<![\\p{L}\\d-])[A-HJ-NP-TV-Z]{2}([- ]?)\\d{3}\\1[A-HJ-NP-TV-Z]{2}(?![\\p{L}\\d-])");
    /** FNI plates before 2009: 1234 AB 75; only near a word about a vehicle, as the shape is common. */
    private static final Pattern OLD_PLATE = Pattern.compile(
            "(?<![\\p{L}\\d-])\\d{1,4}([- ]?)([A-Z]{2,3})\\1(?:0[1-9]|[1-8]\\d|9[0-5]|2A|2B|97[1-6])(?![\\p{L}\\d-])");
    private static final Pattern VEHICLE_CONTEXT = Pattern.compile(
            "immatric|vehicule|plaque|voiture|camion|scooter|moto|fourgon|automobile");
    private static final Set<String> NOT_PLATE_LETTERS = Set.of("RUE", "BIS", "TER", "BP", "CS", "CP", "RN", "RD",
            "NO", "ET", "OU", "DU", "DE", "LE", "LA", "AU", "EN", "ART");

    private ContactDetector() {
    }

    static List<Finding> find(PageIndex page) {
        String text = page.text();
        String folded = Folded.of(text);
        List<Finding> found = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            if (!FUNCTIONAL_MAILBOXES.contains(Folded.of(email.group(1)))) {
                found.add(new Finding(ProposalKind.EMAIL, email.start(), email.end()));
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            int end = validIbanEnd(iban.group());
            if (end > 0) {
                found.add(new Finding(ProposalKind.IBAN, iban.start(), iban.start() + end));
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            if (!SERVICE_LINE.matcher(lineAround(folded, phone.start())).find()) {
                found.add(new Finding(ProposalKind.PHONE, phone.start(), phone.end()));
            }
        }
        Matcher plate = PLATE.matcher(text);
        while (plate.find()) {
            found.add(new Finding(ProposalKind.VEHICLE_PLATE, plate.start(), plate.end()));
        }
        Matcher old = OLD_PLATE.matcher(text);
        while (old.find()) {
            String before = folded.substring(Math.max(0, old.start() - 80), old.start());
            if (!NOT_PLATE_LETTERS.contains(old.group(2)) && VEHICLE_CONTEXT.matcher(before).find()) {
                found.add(new Finding(ProposalKind.VEHICLE_PLATE, old.start(), old.end()));
            }
        }
        return found;
    }

    /** The longest prefix of the candidate that is a valid IBAN, as a length in the candidate; 0 if none. */
    static int validIbanEnd(String candidate) {
        for (int end = candidate.length(); end >= 15; end--) {
            if (candidate.charAt(end - 1) != ' ' && isValidIban(candidate.substring(0, end).replace(" ", ""))) {
                return end;
            }
        }
        return 0;
    }

    /** ISO 13616: the country's length, then the first four characters moved to the end, letters as 10–35, mod 97 = 1. */
    static boolean isValidIban(String compact) {
        if (compact.length() < 15 || compact.length() > 34 || !compact.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        Integer length = IBAN_LENGTHS.get(compact.substring(0, 2));
        if (length != null && length != compact.length()) {
            return false;
        }
        String moved = compact.substring(4) + compact.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static String lineAround(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
