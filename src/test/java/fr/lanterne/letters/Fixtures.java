package fr.lanterne.letters;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Realistic values for letters: a requester in Nice writing to the town hall of Nice. */
final class Fixtures {

    static final Path TEMPLATES_FOLDER = Path.of(LetterTemplates.DEFAULT_FOLDER);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:30:00Z"), ZoneId.of("Europe/Paris"));
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String REFERENCE = "LNT-2026-000123";

    static final Requester CAMILLE = new Requester("Camille Martin", "12 rue de la Préfecture\n06300 Nice",
            "camille.martin@example.org");
    static final Addressee MAIRIE_DE_NICE = new Addressee("Mairie de Nice",
            "5 rue de l'Hôtel de Ville\n06364 Nice Cedex 4", "accueil@ville-nice.example");

    private static LetterTemplates shipped;

    private Fixtures() {
    }

    /** The templates of the project's letter-templates/ folder (tests run in the project folder). */
    static synchronized LetterTemplates shippedTemplates() {
        if (shipped == null) {
            shipped = LetterTemplates.load(TEMPLATES_FOLDER);
        }
        return shipped;
    }

    static Letters letters() {
        return new Letters(shippedTemplates(), CLOCK);
    }

    static LetterContext request() {
        return LetterContext.request(CAMILLE, MAIRIE_DE_NICE, REFERENCE, TODAY, "Nice");
    }

    /** A request of 28 October, received on 30 October, whose implicit refusal arises on 30 November 2026. */
    static PriorRequest unanswered(String templateId) {
        return PriorRequest.unanswered(templateId, LocalDate.of(2026, 10, 28), LocalDate.of(2026, 10, 30),
                LocalDate.of(2026, 11, 30));
    }

    static Series series(int size) {
        List<String> towns = List.of("Nice", "Cannes", "Antibes", "Grasse", "Menton", "Vence", "Cagnes-sur-Mer");
        return new Series("vsa", towns.subList(0, size).stream()
                .map(town -> new SeriesEntry("LNT-2026-0001" + (10 + towns.indexOf(town)), "Mairie de " + town,
                        "mairie@" + town.toLowerCase().replace(' ', '-') + ".example", LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 9, 3), LocalDate.of(2026, 10, 3), true))
                .toList());
    }

    /** A context that every shipped template can be composed with, whatever its kind. */
    static LetterContext contextFor(LetterTemplate template) {
        return switch (template.kind()) {
            case REQUEST -> request();
            case REMINDER -> request().about(unanswered("vsa"));
            case REFERRAL, SERIES_INFORMATION -> LetterContext.request(CAMILLE, MAIRIE_DE_NICE, REFERENCE, LocalDate.of(2026, 12, 7),
                    "Nice").about(unanswered("vsa"));
            case SERIES_REFERRAL -> LetterContext.series(CAMILLE, series(5), "LNT-2026-S00001", TODAY, "Nice");
        };
    }
}
