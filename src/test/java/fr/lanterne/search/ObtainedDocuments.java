package fr.lanterne.search;

import fr.lanterne.registry.Technology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Documents as towns send them: French administrative text written into real PDFs, then read back a page at a time
 * with PDFBox's text extraction, as ingest does, so what is indexed has been through a PDF (line breaks, hyphens,
 * spacing). Each document is identified by the SHA-256 of its PDF bytes.
 */
final class ObtainedDocuments {

    /** Délibération of Nîmes (30): "vidéo-protection" with a hyphen, Briefcam, l'AIPD, HTML-like text on page 2. */
    static final Source NIMES = new Source("Délibération n° 2021-045 — extension de la vidéo-protection", "COM-30189",
            "Mairie de Nîmes", "30189", "Nîmes", "30", "76", List.of(Technology.CCTV, Technology.VSA),
            List.of("Briefcam"), "DELIBERATION", LocalDate.of(2021, 3, 15), "LNT-2021-000045", 7L, List.of(
            """
            VILLE DE NÎMES - EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
            Séance du 11 mars 2021. Délibération n° 2021-045.
            Objet : extension du système de vidéo-protection urbaine et acquisition d'un logiciel d'analyse des images.
            Le conseil municipal, après en avoir délibéré, approuve l'extension du dispositif de Vidéo-protection
            urbaine à douze nouveaux sites et autorise le maire à signer le marché avec la société Briefcam.
            """,
            """
            Le logiciel Briefcam permet la recherche d'objets et de personnes dans les enregistrements des caméras.
            Avant toute mise en service, la commune réalisera l'AIPD prévue par le règlement général sur la protection
            des données. Le rapport technique cite la balise <script>alert('x')</script> et le service R&D "innovation".
            Douze caméras nouvelles seront raccordées au centre de supervision urbain.
            """,
            """
            Le montant de la dépense est estimé à 245 000 euros hors taxes, inscrits au budget primitif 2021.
            Adopté à l'unanimité des membres présents. Fait à Nîmes, le 11 mars 2021. Le maire.
            """));

    /** AIPD of Marseille (13): "vidéo protection" in two words, reconnaissance faciale, IBM. */
    static final Source MARSEILLE = new Source("Analyse d'impact relative à la protection des données", "COM-13055",
            "Mairie de Marseille", "13055", "Marseille", "13", "93", List.of(Technology.FACIAL_RECOGNITION),
            List.of("IBM"), "IMPACT_ASSESSMENT", LocalDate.of(2022, 6, 1), "LNT-2022-000311", 8L, List.of(
            """
            VILLE DE MARSEILLE - ANALYSE D'IMPACT RELATIVE À LA PROTECTION DES DONNÉES
            Le traitement étudié associe le réseau de vidéo protection de la ville à un dispositif expérimental de
            reconnaissance faciale fourni par IBM dans les abords du stade.
            """,
            """
            L’AIPD conclut que la reconnaissance faciale en temps réel présente un risque élevé pour les droits et
            libertés des personnes. Les images ne sont conservées que trente jours. Avis du délégué à la protection
            des données : défavorable en l'état.
            """));

    /** CCTP of Nice (06): "Vidéoprotection urbaine" in one word, Wintics, "caméra" in the singular only, SIBM. */
    static final Source NICE = new Source("CCTP — vidéoprotection urbaine et analyse automatisée", "COM-06088",
            "Mairie de Nice", "06088", "Nice", "06", "93", List.of(Technology.VSA), List.of("Wintics"),
            "PUBLIC_CONTRACT", LocalDate.of(2023, 9, 20), "LNT-2023-000982", 8L, List.of(
            """
            CAHIER DES CLAUSES TECHNIQUES PARTICULIÈRES
            Marché public de fournitures et de services : Vidéoprotection urbaine et analyse automatisée des flux.
            Le titulaire fournit la solution Wintics de détection des comportements.
            """,
            """
            Chaque caméra est reliée au centre de supervision par fibre optique. La supervision technique du bâtiment
            repose sur les plateformes SIBM et Libmaster existantes, qui n'est pas modifié par le présent marché.
            """,
            """
            Article 12 - Maintenance préventive. Le titulaire assure la maintenance préventive et corrective des
            équipements pendant toute la durée du marché, avec un délai d'intervention de quatre heures.
            """));

    /** Arrêté préfectoral for Aix-en-Provence (13), 2019: vidéoprotection, before 2020. */
    static final Source AIX = new Source("Arrêté portant autorisation d'un système de vidéoprotection",
            "PREF-13", "Préfecture des Bouches-du-Rhône", "13001", "Aix-en-Provence", "13", "93",
            List.of(Technology.CCTV), List.of(), "PREFECTORAL_ORDER", LocalDate.of(2019, 11, 5), null, null, List.of(
            """
            PRÉFECTURE DES BOUCHES-DU-RHÔNE. Arrêté portant autorisation d'un système de vidéoprotection.
            La commune d'Aix-en-Provence est autorisée à exploiter un système de vidéoprotection comportant
            quarante caméras sur la voie publique, pour une durée de cinq ans renouvelable.
            """));

    /** Délibération of Toulouse (31), 2020: close to Nîmes's (Briefcam, vidéo-protection), for "more like this". */
    static final Source TOULOUSE = new Source("Délibération — logiciel d'analyse des images de vidéo-protection",
            "COM-31555", "Mairie de Toulouse", "31555", "Toulouse", "31", "76", List.of(Technology.CCTV, Technology.VSA),
            List.of("Briefcam"), "DELIBERATION", LocalDate.of(2020, 2, 10), "LNT-2020-000017", 7L, List.of(
            """
            VILLE DE TOULOUSE - EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
            Objet : acquisition du logiciel Briefcam d'analyse des images du système de vidéo-protection urbaine.
            Le conseil municipal, après en avoir délibéré, autorise le maire à signer le marché avec la société
            Briefcam pour l'analyse des enregistrements des caméras du centre de supervision urbain.
            """,
            """
            Le logiciel permet la recherche d'objets et de personnes dans les enregistrements. Le montant de la
            dépense est inscrit au budget primitif. Adopté à la majorité des membres présents.
            """));

    private static final Map<String, byte[]> PDFS = new ConcurrentHashMap<>();

    static final List<Source> ALL = List.of(NIMES, MARSEILLE, NICE, AIX, TOULOUSE);

    /** What a town sent: the text of its pages and the fields ingest files it with. */
    record Source(String title, String authorityCode, String authorityName, String insee, String communeName,
                  String departement, String region, List<Technology> technologies, List<String> vendors, String kind,
                  LocalDate receivedOn, String requestReference, Long campaignId, List<String> pageTexts) {

        /** The PDF as the town would have sent it; written once, as PDFBox stamps each file with a new ID. */
        byte[] pdf() {
            return PDFS.computeIfAbsent(title, t -> writePdf(pageTexts));
        }

        String sha256() {
            return ObtainedDocuments.sha256(pdf());
        }

        /** The document's pages as ingest would index them: text extracted from the PDF, page by page. */
        List<PageDocument> pages() {
            byte[] pdf = pdf();
            String sha = ObtainedDocuments.sha256(pdf);
            List<String> texts = extractPages(pdf);
            List<PageDocument> pages = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                pages.add(new PageDocument(sha, i + 1, texts.get(i), title, authorityCode, authorityName, insee,
                        communeName, departement, region, technologies, vendors, kind, receivedOn, requestReference,
                        campaignId));
            }
            return pages;
        }
    }

    private ObtainedDocuments() {
    }

    static List<PageDocument> allPages() {
        List<PageDocument> pages = new ArrayList<>();
        for (Source source : ALL) {
            pages.addAll(source.pages());
        }
        return pages;
    }

    static byte[] writePdf(List<String> pageTexts) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pageTexts) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.setLeading(14);
                    content.newLineAtOffset(50, 790);
                    for (String line : text.strip().split("\n")) {
                        content.showText(line.strip());
                        content.newLine();
                    }
                    content.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> extractPages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
