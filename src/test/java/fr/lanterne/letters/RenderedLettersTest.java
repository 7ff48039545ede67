package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped template, composed with fixed contexts that take each of its branches, gives exactly the text kept
 * in {@code src/test/resources/letters/rendered/}: a change of the template engine (or of a template) that alters
 * one character of a letter shows here. After changing a template on purpose, record the texts again with
 * {@code -Dlanterne.letters.record=true} and read the diff.
 */
class RenderedLettersTest {

    private static final Path EXPECTED = Path.of("src/test/resources/letters/rendered");
    private static final Letters LETTERS = Fixtures.letters();

    static Stream<Arguments> letters() {
        return LETTERS.templates().all().stream()
                .flatMap(template -> contexts(template.kind()).entrySet().stream()
                        .map(variant -> Arguments.of(template.id(), variant.getKey(), variant.getValue())));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("letters")
    void rendersTheRecordedText(String templateId, String variant, LetterContext context) throws IOException {
        Letter letter = LETTERS.compose(templateId, context);
        String text = "Objet : " + letter.subject() + "\n\n" + letter.plainText() + "\n\n---\n"
                + LETTERS.email(letter).body();
        Path expected = EXPECTED.resolve(templateId + "--" + variant + ".txt");
        if (Boolean.getBoolean("lanterne.letters.record")) {
            Files.writeString(expected, text, StandardCharsets.UTF_8);
        }
        assertThat(text).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }

    private static Map<String, LetterContext> contexts(TemplateKind kind) {
        Requester association = new Requester("Lanterne 06", List.of("Association déclarée (loi 1901)",
                "représentée par Dominique Roux, présidente"), "1 rue de la Paix\n75002 Paris", "demandes@exemple.org");
        Requester emailOnly = new Requester("Camille Martin", null, "camille.martin@example.org");
        Addressee withDuties = new Addressee("Mairie de Nice", "5 rue de l'Hôtel de Ville\n06364 Nice Cedex 4",
                "accueil@ville-nice.example", true, true);
        Addressee tende = new Addressee("Mairie de Tende", null, "mairie@tende.example");
        LocalDate december = LocalDate.of(2026, 12, 7);
        PriorRequest refused = PriorRequest.refused("drones-sound", LocalDate.of(2026, 10, 1), null,
                LocalDate.of(2026, 10, 20));
        PriorRequest unknownReceipt = PriorRequest.unanswered("cctv", LocalDate.of(2026, 10, 28), null,
                LocalDate.of(2026, 12, 1));
        Map<String, LetterContext> contexts = new LinkedHashMap<>();
        switch (kind) {
            case REQUEST -> {
                contexts.put("plain", Fixtures.request());
                contexts.put("duties", LetterContext.request(association, withDuties, Fixtures.REFERENCE,
                        Fixtures.TODAY, "Paris"));
            }
            case REMINDER -> {
                contexts.put("plain", Fixtures.request().about(Fixtures.unanswered("vsa")));
                contexts.put("no-receipt", LetterContext.request(emailOnly, withDuties, Fixtures.REFERENCE,
                        Fixtures.TODAY, "Nice").about(unknownReceipt));
            }
            case REFERRAL, SERIES_INFORMATION -> {
                contexts.put("implicit", LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE,
                        Fixtures.REFERENCE, december, "Nice").about(Fixtures.unanswered("vsa")));
                contexts.put("express", LetterContext.request(association, tende, Fixtures.REFERENCE, december,
                        "Paris").about(refused));
                contexts.put("in-time", LetterContext.request(emailOnly, withDuties, Fixtures.REFERENCE, december,
                        "Nice").about(Fixtures.unanswered("cctv").withReferralDeadline(LocalDate.of(2027, 1, 29))));
            }
            case SERIES_REFERRAL -> {
                contexts.put("five", LetterContext.series(Fixtures.CAMILLE, Fixtures.series(5), "LNT-2026-S00001",
                        Fixtures.TODAY, "Nice"));
                List<SeriesEntry> mixed = new java.util.ArrayList<>(Fixtures.series(6).entries());
                mixed.set(1, new SeriesEntry("LNT-2026-000111", "Mairie de Cannes", "1 place Cornut-Gentille\n"
                        + "06400 Cannes", LocalDate.of(2026, 9, 1), null, LocalDate.of(2026, 10, 1), false));
                mixed.set(2, new SeriesEntry("LNT-2026-000112", "Mairie de Antibes", "mairie@antibes.example",
                        LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 2), null, false,
                        "documents communiqués le 20 septembre 2026"));
                contexts.put("mixed", LetterContext.series(association, new Series("vsa", mixed), "LNT-2026-S00002",
                        Fixtures.TODAY, "Paris"));
            }
        }
        return contexts;
    }
}
