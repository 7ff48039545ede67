package fr.lanterne.settings;

import fr.lanterne.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The requester identity as typed (in the setup page or on the command line): every field text, any of them missing
 * or wrong. {@link #problems()} says what is wrong, field by field; {@link #identity()} gives the identity once
 * nothing is.
 *
 * <p>What a complete identity holds is what a referral to the CADA must state (CRPA R343-1): for a natural person,
 * their nom, prénoms and the address of their domicile; for a legal person, its forme, dénomination, siège social
 * and the organ that legally represents it. Letters add the address replies by post go to, the mailbox replies by
 * email go to (CRPA L311-9: the documents are asked for by email) and the place the letters are signed at.
 *
 * @param kind {@code NATURAL_PERSON} or {@code LEGAL_PERSON}
 * @param homeAddress the domicile of a natural person
 * @param seatAddress the siège social of a legal person
 * @param representativeTitle the quality in which the representative acts ("présidente", "co-président")
 * @param letterAddress the address printed on letters, when it is not the domicile or the siège (blank: the same)
 * @param mailbox where replies come back; each request's reply address is {@code local+REFERENCE@domain}
 * @param place where the letters are signed ("Paris" in "Paris, le 2 décembre 2026")
 */
public record IdentityDraft(String kind, String surname, String givenNames, String homeAddress, String legalForm,
                            String denomination, String seatAddress, String representativeName,
                            String representativeTitle, String letterAddress, String mailbox, String place) {

    // The lengths of the columns of requester_identity; a natural person's "prénoms nom" fits the letters' 120.
    public static final int MAX_SURNAME = 60;
    public static final int MAX_GIVEN_NAMES = 59;
    public static final int MAX_LEGAL_FORM = 100;
    public static final int MAX_DENOMINATION = 120;
    public static final int MAX_REPRESENTATIVE_NAME = 120;
    public static final int MAX_REPRESENTATIVE_TITLE = 100;
    public static final int MAX_ADDRESS = PostalAddress.MAX_LENGTH;
    public static final int MAX_MAILBOX = 254;
    public static final int MAX_PLACE = 80;

    /** The name Lanterne's configuration used to sign with when nobody had said who signs. */
    public static final String PLACEHOLDER_NAME = "Collectif Lanterne";

    // Deliberately loose, like the letters' own check: strict RFC 5322 checks reject real addresses.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s+]+(\\+[^@\\s]*)?@[^@\\s]+\\.[^@\\s.]+");

    /** An empty form, for a natural person. */
    public static IdentityDraft empty() {
        return new IdentityDraft(RequesterKind.NATURAL_PERSON.name(), null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** What is wrong, by field, in the order of the form; empty when the identity is complete. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        RequesterKind requester = requesterKind();
        if (requester == null) {
            problems.put("kind", "Choisissez qui signe les demandes : une personne physique ou une personne morale "
                    + "(une association, par exemple).");
        } else if (requester == RequesterKind.NATURAL_PERSON) {
            required(problems, "surname", surname, MAX_SURNAME,
                    "Le nom est obligatoire : la saisine de la CADA indique le nom et les prénoms du demandeur "
                            + "(article R343-1 du CRPA).");
            required(problems, "givenNames", givenNames, MAX_GIVEN_NAMES,
                    "Les prénoms sont obligatoires : la saisine de la CADA indique le nom et les prénoms du "
                            + "demandeur (article R343-1 du CRPA).");
            address(problems, "homeAddress", homeAddress, true, "L’adresse du domicile est obligatoire (article "
                    + "R343-1 du CRPA) : le numéro et la voie, puis le code postal et la commune.");
            placeholder(problems, "surname", (blankToEmpty(givenNames) + " " + blankToEmpty(surname)).strip());
        } else {
            required(problems, "legalForm", legalForm, MAX_LEGAL_FORM,
                    "La forme juridique est obligatoire (article R343-1 du CRPA) : « association déclarée », par "
                            + "exemple.");
            required(problems, "denomination", denomination, MAX_DENOMINATION,
                    "La dénomination est obligatoire (article R343-1 du CRPA) : le nom de l’association tel que "
                            + "déclaré.");
            address(problems, "seatAddress", seatAddress, true, "L’adresse du siège social est obligatoire (article "
                    + "R343-1 du CRPA) : le numéro et la voie, puis le code postal et la commune.");
            required(problems, "representativeName", representativeName, MAX_REPRESENTATIVE_NAME,
                    "Le nom du représentant légal est obligatoire : la saisine de la CADA indique l’organe qui "
                            + "représente la personne morale (article R343-1 du CRPA).");
            required(problems, "representativeTitle", representativeTitle, MAX_REPRESENTATIVE_TITLE,
                    "La qualité du représentant légal est obligatoire : « présidente », « co-président »…");
            placeholder(problems, "denomination", denomination);
        }
        address(problems, "letterAddress", letterAddress, false, null);
        String box = strip(mailbox);
        if (box == null) {
            problems.put("mailbox", "L’adresse de réponse est obligatoire : les lettres demandent l’envoi des "
                    + "documents par courrier électronique (article L311-9 du CRPA), à cette adresse.");
        } else if (box.length() > MAX_MAILBOX) {
            problems.put("mailbox", tooLong(MAX_MAILBOX));
        } else if (!EMAIL.matcher(box).matches()) {
            problems.put("mailbox", "« " + box + " » n’est pas une adresse électronique valide : il faut une "
                    + "adresse comme demandes@exemple.org.");
        } else if (invalidDomain(box)) {
            problems.put("mailbox", "Le domaine « .invalid » n’existe pas : aucune réponse n’y arriverait. Indiquez "
                    + "la boîte où les administrations doivent répondre.");
        }
        required(problems, "place", place, MAX_PLACE,
                "Le lieu de signature est obligatoire : il précède la date (« Paris, le 2 décembre 2026 »).");
        if (!problems.containsKey("place") && strip(place).indexOf('\n') >= 0) {
            problems.put("place", "Le lieu de signature tient sur une ligne.");
        }
        return problems;
    }

    /** What each field is, as a referral's refusal names it; the R343-1 elements first. */
    private static final Map<String, String> ELEMENTS = Map.ofEntries(
            Map.entry("kind", "la qualité de personne physique ou morale du demandeur"),
            Map.entry("surname", "le nom du demandeur"),
            Map.entry("givenNames", "les prénoms du demandeur"),
            Map.entry("homeAddress", "l’adresse du domicile du demandeur"),
            Map.entry("legalForm", "la forme juridique de la personne morale"),
            Map.entry("denomination", "la dénomination de la personne morale"),
            Map.entry("seatAddress", "l’adresse du siège social de la personne morale"),
            Map.entry("representativeName", "le nom du représentant légal de la personne morale"),
            Map.entry("representativeTitle", "la qualité du représentant légal de la personne morale"),
            Map.entry("letterAddress", "l’adresse postale des lettres"),
            Map.entry("mailbox", "l’adresse électronique de réponse"),
            Map.entry("place", "le lieu de signature"));

    /** The fields whose content CRPA R343-1 requires a referral to the CADA to state. */
    private static final List<String> R343_1 = List.of("kind", "surname", "givenNames", "homeAddress", "legalForm",
            "denomination", "seatAddress", "representativeName", "representativeTitle");

    /**
     * Why a referral to the CADA cannot be drafted with this identity, or empty when it can. The CADA registers only
     * a referral that states who the requester is (CRPA R343-1), and the two months of its opinion run from that
     * registration (R343-5): a referral short of an element would lose that time, so none is drafted.
     */
    public Optional<String> referralRefusal() {
        Map<String, String> problems = problems();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            String field = problem.getKey();
            boolean empty = field.equals("kind") || strip(value(field)) == null;
            if (!R343_1.contains(field)) {
                others.add(ELEMENTS.get(field) + (empty ? " manque" : " n’est pas valable") + " ("
                        + problem.getValue() + ")");
            } else if (empty) {
                missing.add(ELEMENTS.get(field));
            } else {
                invalid.add(ELEMENTS.get(field) + " n’est pas valable (" + problem.getValue() + ")");
            }
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("il manque " + enumeration(missing) + " (CRPA R343-1)");
        }
        if (!invalid.isEmpty()) {
            parts.add(enumeration(invalid) + (missing.isEmpty() ? " (CRPA R343-1)" : ""));
        }
        parts.addAll(others);
        return Optional.of("Impossible de rédiger la saisine de la CADA : " + String.join(" ; ", parts)
                + ". Complétez l’identité du demandeur (/reglages/identite).");
    }

    /** The fields a referral still lacks or holds wrong, in the order of the form. */
    public List<String> referralProblemFields() {
        return List.copyOf(problems().keySet());
    }

    private String value(String field) {
        return switch (field) {
            case "surname" -> surname;
            case "givenNames" -> givenNames;
            case "homeAddress" -> homeAddress;
            case "legalForm" -> legalForm;
            case "denomination" -> denomination;
            case "seatAddress" -> seatAddress;
            case "representativeName" -> representativeName;
            case "representativeTitle" -> representativeTitle;
            case "letterAddress" -> letterAddress;
            case "mailbox" -> mailbox;
            case "place" -> place;
            default -> kind;
        };
    }

    private static String enumeration(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " et " + items.get(items.size() - 1);
    }

    /**
     * The complete identity.
     *
     * @throws InvalidInputException naming the first faulty field ({@code details().get("field")}) when there is one
     */
    public RequesterIdentity identity() {
        Map<String, String> problems = problems();
        if (!problems.isEmpty()) {
            Map.Entry<String, String> first = problems.entrySet().iterator().next();
            throw new InvalidInputException(first.getValue(), Map.of("field", first.getKey()));
        }
        RequesterKind requester = requesterKind();
        boolean natural = requester == RequesterKind.NATURAL_PERSON;
        String letter = strip(letterAddress);
        return new RequesterIdentity(requester,
                natural ? strip(surname) : null, natural ? strip(givenNames) : null,
                natural ? null : strip(legalForm), natural ? null : strip(denomination),
                natural ? null : strip(representativeName), natural ? null : strip(representativeTitle),
                PostalAddress.parse(natural ? homeAddress : seatAddress),
                letter == null ? null : PostalAddress.parse(letter), strip(mailbox), strip(place));
    }

    /** The kind typed, or null when none (or an unknown one) was chosen. */
    public RequesterKind requesterKind() {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return RequesterKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether an email address is at the reserved domain {@code .invalid}, which no mail ever reaches (RFC 2606). */
    public static boolean invalidDomain(String email) {
        return email != null && email.strip().toLowerCase(Locale.ROOT).endsWith(".invalid");
    }

    private static void required(Map<String, String> problems, String field, String value, int max, String missing) {
        String text = strip(value);
        if (text == null) {
            problems.put(field, missing);
        } else if (text.length() > max) {
            problems.put(field, tooLong(max));
        }
    }

    private static void address(Map<String, String> problems, String field, String value, boolean required,
                                String missing) {
        if (strip(value) == null) {
            if (required) {
                problems.put(field, missing);
            }
            return;
        }
        if (value.strip().length() > MAX_ADDRESS) {
            problems.put(field, tooLong(MAX_ADDRESS));
            return;
        }
        PostalAddress.problem(value).ifPresent(problem -> problems.put(field, problem));
    }

    private static void placeholder(Map<String, String> problems, String field, String name) {
        if (!problems.containsKey(field) && name != null && name.strip().equalsIgnoreCase(PLACEHOLDER_NAME)) {
            problems.put(field, "« " + PLACEHOLDER_NAME + " » est le nom d’exemple de Lanterne, pas celui de "
                    + "quelqu’un : indiquez qui signe vraiment les demandes.");
        }
    }

    private static String tooLong(int max) {
        return "Trop long : " + max + " caractères au plus.";
    }

    private static String strip(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String blankToEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
