package fr.lanterne.deadlines;

import de.focus_shift.jollyday.core.HolidayCalendar;
import fr.lanterne.shared.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A département (or overseas collectivity) whose public holidays extend the deadlines of a request to one of its
 * authorities: "01" to "95", "2A", "2B", "971" to "976", "977", "978". The collectivities of the Pacific and the
 * southern lands are refused: the CRPA applies there with their own rules, which this engine does not model.
 */
record Departement(String code) {

    private static final Set<String> ALSACE_MOSELLE = Set.of("57", "67", "68");

    /** Overseas départements and collectivities have their own calendar in jollyday (abolition of slavery day...). */
    private static final Map<String, HolidayCalendar> OVERSEAS = Map.of(
            "971", HolidayCalendar.GUADELOUPE,
            "972", HolidayCalendar.MARTINIQUE,
            "973", HolidayCalendar.FRENCH_GUIANA,
            "974", HolidayCalendar.REUNION,
            "975", HolidayCalendar.SAINT_PIERRE_AND_MIQUELON,
            "976", HolidayCalendar.MAYOTTE,
            "977", HolidayCalendar.SAINT_BARTHELEMY,
            "978", HolidayCalendar.SAINT_MARTIN);

    private static final Map<String, String> NOT_COVERED = Map.of(
            "984", "Terres australes et antarctiques françaises",
            "986", "Wallis-et-Futuna",
            "987", "Polynésie française",
            "988", "Nouvelle-Calédonie",
            "989", "Île de Clipperton");

    private static final Set<String> METROPOLITAN = metropolitanCodes();

    /** Paris, where the CADA sits: its calendar counts for a referral received there. Declared last: it is checked. */
    public static final Departement CADA_SEAT = new Departement("75");

    public Departement {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("Le département est obligatoire : indiquez son code, par exemple 06, 2A "
                    + "ou 974.",
                    Map.of("field", "departement"));
        }
        if (NOT_COVERED.containsKey(code)) {
            throw new InvalidInputException("Lanterne ne calcule pas les délais pour « " + code + " » ("
                    + NOT_COVERED.get(code) + ") : le droit d'accès aux documents y suit des règles particulières.",
                    Map.of("field", "departement", "value", code));
        }
        if (!METROPOLITAN.contains(code) && !OVERSEAS.containsKey(code)) {
            throw new InvalidInputException("« " + code + " » n'est pas un code de département : il faut deux "
                    + "caractères (01 à 95, 2A ou 2B pour la Corse) ou trois chiffres outre-mer (971 à 978).",
                    Map.of("field", "departement", "value", code));
        }
    }

    /** Accepts what people type: surrounding spaces, "2a", a single digit for the first nine départements. */
    public static Departement of(String text) {
        if (text == null) {
            return new Departement(null);
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return new Departement(code.length() == 1 && Character.isDigit(code.charAt(0)) ? "0" + code : code);
    }

    /** Moselle, Bas-Rhin, Haut-Rhin: local law adds Good Friday and 26 December. */
    public boolean isAlsaceMoselle() {
        return ALSACE_MOSELLE.contains(code);
    }

    public boolean isOverseas() {
        return OVERSEAS.containsKey(code);
    }

    /** The jollyday calendar that holds this département's holidays. */
    HolidayCalendar holidayCalendar() {
        return OVERSEAS.getOrDefault(code, HolidayCalendar.FRANCE);
    }

    /**
     * The subdivision to ask jollyday for, if any. jollyday silently falls back to the national days for a code it
     * does not know, which is why the codes are checked here rather than left to it.
     */
    String[] holidaySubdivision() {
        return isOverseas() ? new String[0] : new String[] {code};
    }

    @Override
    public String toString() {
        return code;
    }

    private static Set<String> metropolitanCodes() {
        Set<String> codes = new TreeSet<>();
        for (int number = 1; number <= 95; number++) {
            if (number != 20) {
                codes.add(String.format(Locale.ROOT, "%02d", number));
            }
        }
        codes.add("2A");
        codes.add("2B");
        return Set.copyOf(codes);
    }
}
