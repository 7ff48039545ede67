package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where a PRADA is due (CRPA R330-2), the request is for their attention, since they receive the requests (R330-4);
 * where the publication duty applies or probably does (L312-1-1), the request asks where documents are published.
 */
class LetterDutiesTest {

    private static final String ATTENTION =
            "À l’attention de la personne responsable de l’accès aux documents administratifs";

    private final Letters letters = Fixtures.letters();

    @ParameterizedTest(name = "{0}: prada={1} publication={2}")
    @CsvSource({
            "vsa, true, true", "vsa, false, false", "vsa, true, false", "vsa, false, true",
            "cctv, true, true", "cctv, false, false", "drones-sound, true, true", "drones-sound, false, false"})
    void theAttentionLineAndThePublicationQuestionFollowTheDuties(String template, boolean prada, boolean publication)
            throws IOException {
        Addressee mairie = new Addressee("Mairie de Vence", "Place Clemenceau\n06140 Vence", "mairie@vence.example",
                prada, publication);
        Letter letter = letters.compose(template, LetterContext.request(Fixtures.CAMILLE, mairie, Fixtures.REFERENCE,
                Fixtures.TODAY, "Nice"));

        assertThat(letter.attention()).isEqualTo(prada ? ATTENTION : null);
        String email = letters.email(letter).body();
        assertThat(email.startsWith(ATTENTION + "\n\nMadame, Monsieur,")).isEqualTo(prada);
        String pdf = pdfText(letter);
        assertThat(pdf.replace("\n", " ")).as("the recipient block").contains("Mairie de Vence");
        assertThat(pdf.replaceAll("\\s+", " ").contains("personne responsable de l’accès aux documents")).isEqualTo(prada);

        String body = String.join("\n", letter.body());
        assertThat(body.contains("sont ou seront publiés")).isEqualTo(publication);
        if (publication) {
            assertThat(body).contains("article L312-1-1, 1°, du CRPA", "article L312-1-2 du même code");
        }
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void aLongAddressKeepsTheWindowWithTheShortPradaLine(boolean prada) throws IOException {
        Addressee longAddress = new Addressee("Métropole Nice Côte d’Azur",
                "Direction générale des services\nService des affaires juridiques\nPalais des congrès\n"
                        + "5 rue de l’Hôtel de Ville\n06364 Nice Cedex 4", "contact@nicecotedazur.example", prada, false);
        Letter letter = letters.compose("vsa", LetterContext.request(Fixtures.CAMILLE, longAddress, Fixtures.REFERENCE,
                Fixtures.TODAY, "Nice"));
        String pdf = pdfText(letter).replaceAll("\\s+", " ");
        assertThat(pdf).contains("06364 Nice Cedex 4");
        if (prada) {
            assertThat(pdf).contains("À l’attention de la PRADA");
        }
    }

    private String pdfText(Letter letter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        letters.writePdf(letter, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
