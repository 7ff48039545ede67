package fr.lanterne.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The facts read in sentences of French public contracts, acts and letters: each row a sentence and the fact it
 * holds, normalised. Sources of the rules: SIRET and SIREN keys (INSEE, Luhn, La Poste's exception), CPV codes
 * (règlement (CE) n° 213/2008, 8 digits and a check digit), loi n° 2023-380 du 19 mai 2023 (art. 10: VSA experiment).
 */
class FactExtractorTest {

    private static final FactExtractor EXTRACTOR = new FactExtractor(List.of(
            new Names.Term(FactKind.VENDOR, "Briefcam", null),
            new Names.Term(FactKind.PRODUCT, "Video Synopsis", "Briefcam"),
            new Names.Term(FactKind.VENDOR, "Wintics", null),
            new Names.Term(FactKind.PRODUCT, "Cityvision", "Wintics"),
            new Names.Term(FactKind.VENDOR, "Two-i", null),
            new Names.Term(FactKind.VENDOR, "IBM", null)));

    @ParameterizedTest(name = "{index}. {0} → {1} {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Le montant total du marché s'élève à 1 234 567,89 € TTC.               | AMOUNT | 1234567.89 | EUR TTC | -
            Montant : 12 000 euros hors taxes.                                     | AMOUNT | 12000.00   | EUR HT  | -
            Montant HT : 98 500,00 €                                                | AMOUNT | 98500.00   | EUR HT  | -
            Montant TTC : 118 200,00 €                                              | AMOUNT | 118200.00  | EUR TTC | -
            soit 250 000 € HT pour la durée du marché                              | AMOUNT | 250000.00  | EUR HT  | -
            Le prix est fixé à 45 000 EUR H.T.                                      | AMOUNT | 45000.00   | EUR HT  | -
            Une enveloppe de 1,2 M€ est inscrite au budget.                         | AMOUNT | 1200000.00 | EUR     | -
            Une subvention de 3,5 millions d'euros a été obtenue.                   | AMOUNT | 3500000.00 | EUR     | -
            Budget estimé : 150 k€ HT.                                              | AMOUNT | 150000.00  | EUR HT  | -
            Le devis s'élève à 8.500,50 € toutes taxes comprises.                   | AMOUNT | 8500.50    | EUR TTC | -
            Lot 2 – Vidéoprotection urbaine : 120 000 € HT                          | AMOUNT | 120000.00  | EUR HT  | lot 2
            Pour le lot n° 3, le montant est de 75 000 € HT.                        | AMOUNT | 75000.00   | EUR HT  | lot 3
            Le coût de la maintenance est de 900 euros par an.                      | AMOUNT | 900.00     | EUR     | -
            Montant maximum de l'accord-cadre : 2 000 000 € HT                      | AMOUNT | 2000000.00 | EUR HT  | -
            L'acte d'engagement est notifié le 3 mars 2025.                         | DATE | 2025-03-03 | - | NOTIFICATION
            Date de notification : 03/03/2025                                       | DATE | 2025-03-03 | - | NOTIFICATION
            Le marché prend effet à compter du 1er avril 2025.                      | DATE | 2025-04-01 | - | START
            Le marché est conclu du 1er avril 2025 au 31 mars 2029.                 | DATE | 2025-04-01 | - | START
            Le marché est conclu du 1er avril 2025 au 31 mars 2029.                 | DATE | 2029-03-31 | - | END
            Il prendra fin le 31.12.2027 au plus tard.                              | DATE | 2027-12-31 | - | END
            La convention est valable jusqu'au 30 juin 2026.                        | DATE | 2026-06-30 | - | END
            Fait à Nice, le 12 février 2024.                                        | DATE | 2024-02-12 | - | -
            Délibération du conseil municipal du 15 août 2023                       | DATE | 2023-08-15 | - | -
            Début d'exécution des prestations : 02/05/2025                          | DATE | 2025-05-02 | - | START
            Le marché est conclu pour une durée de 48 mois.                         | DURATION | 48 | MONTHS | -
            Durée du marché : 4 ans, reconductible une fois.                        | DURATION | 4  | YEARS  | -
            Le contrat est conclu pour une durée de douze (12) mois.                | DURATION | 12 | MONTHS | -
            L'expérimentation se déroulera pendant six mois.                        | DURATION | 6  | MONTHS | -
            pour une période de trois ans à compter de la notification              | DURATION | 3  | YEARS  | -
            Le délai d'exécution est d'une durée de 90 jours.                       | DURATION | 90 | DAYS   | -
            Marché n° 2025-017 relatif à la vidéoprotection                         | CONTRACT_NUMBER | 2025-017 | - | marché
            Accord-cadre n° 24AC012 – fourniture de caméras                         | CONTRACT_NUMBER | 24AC012  | - | accord-cadre
            Marché public n° : VP/2024/03                                           | CONTRACT_NUMBER | VP/2024/03 | - | marché public
            Convention n° 2023.45 entre la commune et l'État                        | CONTRACT_NUMBER | 2023.45  | - | convention
            Lot 1 – Fourniture et pose de caméras                                   | LOT | 1 | - | Fourniture et pose de caméras
            Lot n° 2 : Maintenance du centre de supervision                         | LOT | 2 | - | Maintenance du centre de supervision
            Numéro SIRET : 732 829 320 10008                                        | SIRET | 73282932010008 | - | -
            SIRET 55210055400013                                                    | SIRET | 55210055400013 | - | -
            N° SIRET : 356 000 000 00048                                            | SIRET | 35600000000048 | - | -
            SIRET : 35600000049837 (bureau de poste)                                | SIRET | 35600000049837 | - | -
            SIREN : 542 065 479                                                     | SIREN | 542065479 | - | -
            immatriculée au RCS de Nanterre sous le numéro 552 100 554              | SIREN | 552100554 | - | -
            RCS Paris B 732 829 320                                                 | SIREN | 732829320 | - | -
            Code CPV principal : 32323500-8                                         | CPV | 32323500-8 | - | -
            Classification CPV : 35125300-2 (caméras de sécurité)                   | CPV | 35125300-2 | - | -
            CPV 32323500                                                            | CPV | 32323500   | - | -
            La commune a installé 42 caméras sur la voie publique.                  | CAMERA_COUNT | 42 | cameras | -
            quarante-deux caméras seront raccordées au CSU                         | CAMERA_COUNT | 42 | cameras | -
            L'installation de 12 nouvelles caméras est prévue.                      | CAMERA_COUNT | 12 | cameras | -
            Le parc compte 1 200 caméras.                                           | CAMERA_COUNT | 1200 | cameras | -
            soixante-et-onze caméras dômes                                          | CAMERA_COUNT | 71 | cameras | -
            quatre-vingt-dix-sept caméras                                           | CAMERA_COUNT | 97 | cameras | -
            cent vingt caméras de vidéoprotection                                   | CAMERA_COUNT | 120 | cameras | -
            8 capteurs sonores seront posés.                                        | SENSOR_COUNT | 8 | sensors | -
            Fourniture de six microphones.                                          | SENSOR_COUNT | 6 | sensors | -
            Le logiciel Briefcam analyse les flux.                                  | VENDOR | Briefcam | - | -
            la solution BRIEFCAM                                                    | VENDOR | Briefcam | - | -
            le module Video Synopsis de la société                                  | PRODUCT | Video Synopsis | - | Briefcam
            La société Wintics fournit le logiciel Cityvision.                      | PRODUCT | Cityvision | - | Wintics
            La société Wintics fournit le logiciel Cityvision.                      | VENDOR | Wintics | - | -
            un contrat avec IBM France                                              | VENDOR | IBM | - | -
            en application de l'article 10 de la loi n° 2023-380 du 19 mai 2023     | LEGAL_BASIS | loi n° 2023-380, article 10 | - | -
            loi n° 2023-380 du 19 mai 2023, art. 10                                 | LEGAL_BASIS | loi n° 2023-380, article 10 | - | -
            vu le décret n° 2023-828 du 28 août 2023                                | LEGAL_BASIS | décret n° 2023-828 | - | -
            Vu l'arrêté préfectoral n° 2024-DDSP-123 du 2 mars 2024                 | LEGAL_BASIS | arrêté préfectoral n° 2024-DDSP-123 | - | -
            Arrêté municipal n° 2025/44 portant réglementation                      | LEGAL_BASIS | arrêté municipal n° 2025/44 | - | -
            Vu la délibération de la CNIL n° 2021-011 du 26 janvier 2021            | LEGAL_BASIS | délibération CNIL n° 2021-011 | - | -
            Délibération n° 2024-15 du conseil municipal                            | LEGAL_BASIS | délibération n° 2024-15 | - | -
            conformément à l'article L. 251-2 du code de la sécurité intérieure     | LEGAL_BASIS | CSI L251-2 | - | -
            """)
    void finds_the_fact_of_each_sentence(String text, FactKind kind, String value, String unit, String qualifier) {
        List<FactExtractor.Extracted> facts = EXTRACTOR.extract(List.of(text)).facts();
        assertThat(facts).as("facts of « %s »", text)
                .contains(new FactExtractor.Extracted(kind, value, unit, qualifier, 1, text.strip()));
    }

    @ParameterizedTest(name = "{index}. no {1} in {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Le montant est de 1.234,5.6 €.                                         | AMOUNT
            Le montant de la tranche est 12,345 € selon le tableau.               | AMOUNT
            Le 31/02/2025 n'existe pas.                                           | DATE
            Réunion le 45 mars 2025.                                              | DATE
            Numéro SIRET : 732 829 320 10009                                      | SIRET
            SIREN : 123 456 789                                                   | SIREN
            Appelez le 04 93 12 34 56 78.                                         | SIRET
            Code 01234567-1 hors nomenclature                                     | CPV
            La commune dispose de caméras et de capteurs.                         | CAMERA_COUNT
            Une caméra filme la place.                                            | CAMERA_COUNT
            La CADA rend son avis dans un délai d'un mois.                        | DURATION
            Le marché n° X n'a pas été communiqué.                                | CONTRACT_NUMBER
            Le fournisseur intervient sur site.                                   | VENDOR
            la ibm de test en minuscules                                          | VENDOR
            """)
    void finds_no_fact_where_none_is_written(String text, FactKind kind) {
        assertThat(EXTRACTOR.extract(List.of(text)).facts()).as("facts of « %s »", text)
                .noneMatch(fact -> fact.kind() == kind);
    }

    @Test
    void an_invalid_siret_key_is_counted_not_proposed() {
        FactExtractor.Result result = EXTRACTOR.extract(List.of("SIRET : 732 829 320 10009. SIREN : 123 456 789."));

        assertThat(result.facts()).isEmpty();
        assertThat(result.invalidKeys()).isEqualTo(2);
    }

    @Test
    void a_refusal_letter_without_contract_facts_gives_none() {
        String letter = """
                Madame, Monsieur,

                Par courrier reçu en mairie, vous avez sollicité la communication de documents relatifs au système de
                vidéoprotection de la commune. Nous ne pouvons donner suite à votre demande, les documents demandés
                étant inachevés. Vous pouvez saisir la Commission d'accès aux documents administratifs.

                Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.
                """;
        assertThat(EXTRACTOR.extract(List.of(letter)).facts()).isEmpty();
    }

    @Test
    void each_fact_keeps_its_page_and_its_sentence() {
        List<FactExtractor.Extracted> facts = EXTRACTOR.extract(List.of(
                "Cahier des clauses techniques particulières.\n\nObjet : vidéoprotection.",
                "Préambule. La ville déploie 42 caméras. Le titulaire est la société Briefcam.")).facts();

        assertThat(facts).extracting(FactExtractor.Extracted::kind, FactExtractor.Extracted::page,
                        FactExtractor.Extracted::passage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FactKind.CAMERA_COUNT, 2, "La ville déploie 42 caméras."),
                        org.assertj.core.groups.Tuple.tuple(FactKind.VENDOR, 2,
                                "Le titulaire est la société Briefcam."));
    }

    @Test
    void a_deliberation_gives_each_planted_fact_with_its_page() {
        List<String> pages = List.of("""
                        EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL
                        Séance du 12 février 2024

                        Délibération n° 2024-15 : extension du système de vidéoprotection.
                        Vu le code de la sécurité intérieure, et notamment l'article L. 251-2 du code de la sécurité intérieure ;
                        Vu l'arrêté préfectoral n° 2023-DDSP-0456 autorisant le système ;
                        """, """
                        Le conseil municipal décide l'installation de vingt-quatre caméras supplémentaires et de 6 capteurs
                        sonores. Le marché n° 2024-VP-02 sera attribué à la société Two-i pour un montant de 184 500 € HT.
                        La dépense, soit 221 400,00 € TTC, est inscrite au budget 2024.
                        """, """
                        L'expérimentation du traitement algorithmique, autorisée par la loi n° 2023-380 du 19 mai 2023,
                        art. 10, débutera le 1er septembre 2024 pour une durée de 12 mois.
                        Fait et délibéré les jour, mois et an susdits.
                        """);

        List<FactExtractor.Extracted> facts = EXTRACTOR.extract(pages).facts();

        assertThat(facts).extracting(FactExtractor.Extracted::kind, FactExtractor.Extracted::value,
                        FactExtractor.Extracted::page)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(FactKind.DATE, "2024-02-12", 1),
                        org.assertj.core.groups.Tuple.tuple(FactKind.LEGAL_BASIS, "délibération n° 2024-15", 1),
                        org.assertj.core.groups.Tuple.tuple(FactKind.LEGAL_BASIS, "CSI L251-2", 1),
                        org.assertj.core.groups.Tuple.tuple(FactKind.LEGAL_BASIS,
                                "arrêté préfectoral n° 2023-DDSP-0456", 1),
                        org.assertj.core.groups.Tuple.tuple(FactKind.CAMERA_COUNT, "24", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.SENSOR_COUNT, "6", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.CONTRACT_NUMBER, "2024-VP-02", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.VENDOR, "Two-i", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.AMOUNT, "184500.00", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.AMOUNT, "221400.00", 2),
                        org.assertj.core.groups.Tuple.tuple(FactKind.LEGAL_BASIS, "loi n° 2023-380, article 10", 3),
                        org.assertj.core.groups.Tuple.tuple(FactKind.DATE, "2024-09-01", 3),
                        org.assertj.core.groups.Tuple.tuple(FactKind.DURATION, "12", 3));
        assertThat(facts).filteredOn(f -> f.value().equals("2024-09-01")).singleElement()
                .extracting(FactExtractor.Extracted::qualifier).isEqualTo("START");
    }

    @Test
    void french_number_words_read_as_numbers() {
        assertThat(FrenchNumbers.parse(List.of("quatre", "vingt", "dix", "sept"))).isEqualTo(97L);
        assertThat(FrenchNumbers.parse(List.of("mille", "deux", "cents"))).isEqualTo(1200L);
        assertThat(FrenchNumbers.parse(List.of("trois", "cent", "quarante", "deux"))).isEqualTo(342L);
        assertThat(FrenchNumbers.parse(List.of("cent", "quatre", "vingts"))).isEqualTo(180L);
        assertThat(FrenchNumbers.parse(List.of("vingt", "et", "un"))).isEqualTo(21L);
        assertThat(FrenchNumbers.parse(List.of("deux", "caméras"))).isNull();
    }

    @Test
    void siret_keys_follow_luhn_and_la_postes_rule() {
        assertThat(Identifiers.validSiret("73282932010008")).isTrue();
        assertThat(Identifiers.validSiret("73282932010009")).isFalse();
        // La Poste: the sum of the digits divisible by 5, the Luhn key aside.
        assertThat(Identifiers.luhn("35600000049837")).isFalse();
        assertThat(Identifiers.validSiret("35600000049837")).isTrue();
        assertThat(Identifiers.validSiret("35600000049838")).isFalse();
        // A SIRET whose whole passes Luhn but whose SIREN does not.
        assertThat(Identifiers.luhn("12345678900007")).isTrue();
        assertThat(Identifiers.validSiret("12345678900007")).isFalse();
    }
}
