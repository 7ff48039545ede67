package fr.lanterne.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DocumentClassifierTest {

    private final DocumentClassifier classifier = new DocumentClassifier();

    static List<Arguments> documents() {
        return List.of(
                Arguments.of(DocumentKind.DELIBERATION, null, """
                        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
                        Séance du 12 mars 2026
                        Nombre de conseillers en exercice : 29 — présents : 24 — votants : 27
                        Objet : extension du dispositif de vidéoprotection urbaine et convention avec l'État
                        Le Conseil municipal, après en avoir délibéré, à l'unanimité des membres présents,
                        APPROUVE le programme d'installation de 14 caméras supplémentaires."""),
                Arguments.of(DocumentKind.PUBLIC_CONTRACT, "CCTP - Lot 2", """
                        MARCHÉ PUBLIC DE FOURNITURES ET DE SERVICES
                        Cahier des Clauses Techniques Particulières (C.C.T.P.)
                        Pouvoir adjudicateur : Commune de Saint-Exemple
                        Objet du marché : fourniture, installation et maintenance d'un système de vidéoprotection
                        Le titulaire du marché fournira un logiciel d'analyse vidéo."""),
                Arguments.of(DocumentKind.PUBLIC_CONTRACT, null, """
                        ACTE D'ENGAGEMENT
                        Accord-cadre à bons de commande — Code de la commande publique
                        Le candidat s'engage à exécuter les prestations conformément au CCAP et au CCTP
                        Montant maximum : 450 000 € HT"""),
                Arguments.of(DocumentKind.IMPACT_ASSESSMENT, "AIPD vidéoprotection", """
                        Analyse d'impact relative à la protection des données (AIPD)
                        Article 35 du règlement général sur la protection des données (RGPD)
                        Responsable de traitement : le Maire. Délégué à la protection des données : M. X.
                        Nécessité et proportionnalité du traitement ; risques pour les droits et libertés des personnes."""),
                Arguments.of(DocumentKind.PREFECTORAL_ORDER, null, """
                        PRÉFET DES ALPES-MARITIMES
                        Arrêté préfectoral n° 2025-1187 portant autorisation d'un système de vidéoprotection
                        Le préfet des Alpes-Maritimes,
                        Vu le code de la sécurité intérieure, et notamment ses articles L.251-1 à L.255-1 ;
                        Vu l'avis de la commission départementale de vidéoprotection ;
                        ARRÊTE :
                        Article 1er — Le maire de Saint-Exemple est autorisé à installer un système de vidéoprotection."""),
                Arguments.of(DocumentKind.AGREEMENT, null, """
                        CONVENTION DE MISE À DISPOSITION D'IMAGES DE VIDÉOPROTECTION
                        Entre les soussignés :
                        La commune de Saint-Exemple, représentée par son maire, d'une part,
                        Et la Police nationale, d'autre part,
                        Il a été convenu ce qui suit :"""),
                Arguments.of(DocumentKind.INVOICE, null, """
                        FACTURE N° F2025-0412
                        Date : 15/11/2025 — Date d'échéance : 15/12/2025
                        Licence logicielle d'analyse vidéo (12 mois)     18 000,00
                        Total HT 18 000,00 — TVA 20 % 3 600,00 — Total TTC 21 600,00
                        Net à payer : 21 600,00 € — SIRET 123 456 789 00012"""),
                Arguments.of(DocumentKind.REFUSAL_LETTER, null, """
                        Madame, Monsieur,
                        Par courriel du 3 février, vous avez sollicité la communication du CCTP du marché de
                        vidéoprotection de la commune. J'ai le regret de vous informer que ce document ne peut être
                        communiqué : il relève du secret des affaires et sa communication porterait atteinte à la
                        sécurité publique (articles L311-5 et L311-6 du code des relations entre le public et
                        l'administration). Vous pouvez saisir la Commission d'accès aux documents administratifs."""),
                Arguments.of(DocumentKind.OTHER, null, """
                        Madame, Monsieur,
                        Veuillez trouver ci-joint les pièces que vous avez demandées.
                        Bien cordialement,
                        Le service des affaires générales"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void recognises_each_kind_of_document(DocumentKind expected, String title, String text) {
        Extraction extraction = new Extraction("document.pdf", new DetectedType("application/pdf",
                "application/pdf", false), new DocumentMetadata(title, null, null, null, null, 1),
                List.of(new Page(1, text, false, false)), List.of());

        Classification classification = classifier.classify(extraction);

        assertThat(classification.kind()).as(classification.scores().toString()).isEqualTo(expected);
        if (expected != DocumentKind.OTHER) {
            assertThat(classification.cues()).isNotEmpty();
        }
    }

    @Test
    void the_title_and_first_page_weigh_more_than_later_pages() {
        Extraction extraction = new Extraction("annexe.pdf", new DetectedType("application/pdf", "application/pdf",
                false), new DocumentMetadata("Délibération n° 2026-12", null, null, null, null, 4), List.of(
                new Page(1, "Extrait du registre des délibérations. Le conseil municipal, après en avoir délibéré…",
                        false, false),
                new Page(2, "Annexe : convention.", false, false),
                new Page(3, "Convention entre les soussignés… d'une part… d'autre part", false, false),
                new Page(4, "Il a été convenu ce qui suit (cette page n'est pas lue).", false, false)),
                List.of());

        assertThat(classifier.classify(extraction).kind()).isEqualTo(DocumentKind.DELIBERATION);
    }

    @Test
    void an_email_body_can_be_classified_as_a_refusal() {
        assertThat(classifier.classify("Bonjour, nous ne sommes pas en mesure de vous communiquer ces documents, "
                + "qui ne sont pas communicables (L.311-5 CRPA).").kind()).isEqualTo(DocumentKind.REFUSAL_LETTER);
    }
}
