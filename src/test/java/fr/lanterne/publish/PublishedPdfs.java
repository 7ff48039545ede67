package fr.lanterne.publish;

import java.util.List;
import java.util.UUID;

/** The engine's test letters, for the tests of other packages (the browser's). */
public final class PublishedPdfs {

    private PublishedPdfs() {
    }

    /** A two-page French letter full of personal data (RedactorTest's), its second page holding {@code annex}. */
    public static byte[] letter(String annex) {
        String unique = "Référence interne : " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        return TestPdfs.letter(List.of(RedactorTest.LETTER.replace("Monsieur le Maire,\n",
                "Monsieur le Maire,\n" + unique + "\n"), annex + "\nListe des caméras."));
    }

    public static String pdftotext(byte[] pdf) {
        return TestPdfs.poppler(pdf, "pdftotext");
    }
}
