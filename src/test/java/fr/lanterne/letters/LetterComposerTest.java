package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class LetterComposerTest {

    private final Letters letters = Fixtures.letters();

    @ParameterizedTest
    @ValueSource(strings = {"vsa", "cctv", "drones-sound", "publication", "relance", "saisine-cada",
            "saisine-cada-serie"})
    void everyShippedTemplateComposesALetter(String id) {
        LetterTemplate template = letters.templates().get(id);

        Letter letter = letters.compose(id, Fixtures.contextFor(template));

        assertThat(letter.templateId()).isEqualTo(id);
        assertThat(letter.sender()).containsExactly("Camille Martin", "12 rue de la Préfecture", "06300 Nice",
                "camille.martin@example.org");
        assertThat(letter.body().get(0)).isEqualTo("Madame, Monsieur,");
        assertThat(letter.body()).anySatisfy(paragraph -> assertThat(paragraph).startsWith("Je ")
                .endsWith("l’expression de ma considération distinguée."));
        assertThat(letter.signature()).containsExactly("Camille Martin");
        assertThat(letter.plainText()).doesNotContain("{{", "}}", " :", " ;").contains("CRPA", "’");
    }

    @Test
    void aRequestGoesToTheTownHallAndListsItsDocuments() {
        Letter letter = letters.compose("vsa", Fixtures.request());

        assertThat(letter.recipient()).containsExactly("Mairie de Nice", "5 rue de l'Hôtel de Ville",
                "06364 Nice Cedex 4");
        assertThat(letter.dateLine()).isEqualTo("Nice, le 28 novembre 2026");
        assertThat(letter.referenceLine()).isEqualTo("Réf.\u202F: LNT-2026-000123");
        assertThat(letter.subject())
                .isEqualTo("Demande de communication de documents administratifs – vidéosurveillance algorithmique");
        assertThat(letter.body()).anySatisfy(paragraph -> assertThat(paragraph).startsWith("1. les marchés publics"))
                .anySatisfy(paragraph -> assertThat(paragraph).startsWith("7. les autorisations"));
        String text = String.join("\n\n", letter.body());
        assertThat(text).contains("L300-1", "L311-1 et suivants", "L311-9", "L300-4", "L311-2", "L311-7",
                "R*311-12", "R311-13", "R343-1", "0,18\u00A0€", "1er octobre 2001",
                "à l’adresse camille.martin@example.org", "la référence LNT-2026-000123.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vsa", "cctv", "drones-sound"})
    void everyRequestCitesTheCrpa(String id) {
        String text = String.join("\n", letters.compose(id, Fixtures.request()).body());

        assertThat(text).contains("articles L300-1 et L311-1 et suivants du code des relations entre le public et "
                        + "l’administration (CRPA)", "Conformément à l’article L311-9 du CRPA", "par courrier "
                        + "électronique, sans frais", "au sens de l’article L300-4", "l’article L311-7 du CRPA",
                "conformément à l’article L311-2 du CRPA", "articles R*311-12 et R311-13 du CRPA",
                "(article R343-1 du même code)", "0,18\u00A0€ par page A4", "(article R311-11 du CRPA et arrêté du "
                        + "1er octobre 2001)", "m’indiquer la date à laquelle vous avez reçu cette demande");
    }

    @Test
    void aReminderRepeatsTheRequestAndDatesTheImplicitRefusal() {
        Letter letter = letters.compose("relance", Fixtures.request().about(Fixtures.unanswered("cctv")));

        assertThat(letter.recipient().get(0)).isEqualTo("Mairie de Nice");
        assertThat(letter.subject())
                .isEqualTo("Relance – demande de communication de documents administratifs du 28 octobre 2026");
        String text = String.join("\n\n", letter.body());
        assertThat(text).contains("Par courrier du 28 octobre 2026, reçu par vos services le 30 octobre 2026, je "
                        + "vous ai demandé", "ce refus naîtra le 30 novembre 2026", "1. les arrêtés préfectoraux")
                .contains(letters.templates().get("cctv").documents().get(2));
    }

    @Test
    void aReminderWithoutAReceiptDateLeavesItOut() {
        PriorRequest unknownReceipt = PriorRequest.unanswered("vsa", LocalDate.of(2026, 10, 28), null,
                LocalDate.of(2026, 12, 1));

        Letter letter = letters.compose("relance", Fixtures.request().about(unknownReceipt));

        assertThat(String.join("\n", letter.body())).contains("Par courrier du 28 octobre 2026, je vous ai demandé")
                .doesNotContain("reçu par vos services");
    }

    @Test
    void aReminderAfterTheImplicitRefusalIsRefused() {
        LetterContext late = LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE, Fixtures.REFERENCE,
                LocalDate.of(2026, 11, 30), "Nice").about(Fixtures.unanswered("vsa"));

        assertThatThrownBy(() -> letters.compose("relance", late))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Une relance part avant la naissance du refus implicite, le 30 novembre 2026");
    }

    @Test
    void aReminderNeedsTheRequestItFollows() {
        assertThatThrownBy(() -> letters.compose("relance", Fixtures.request()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("porte sur une demande déjà envoyée");
    }

    @Test
    void aReferralForAnImplicitRefusalGoesToTheCada() {
        LetterContext context = Fixtures.contextFor(letters.templates().get("saisine-cada"));

        Letter letter = letters.compose("saisine-cada", context);

        assertThat(letter.recipient()).containsExactly("Commission d’accès aux documents administratifs (CADA)",
                "20 avenue de Ségur", "TSA 50730", "75334 Paris Cedex 07");
        assertThat(letter.subject()).isEqualTo("Saisine de la CADA – refus de communication de documents "
                + "administratifs opposé par Mairie de Nice");
        assertThat(letter.body()).contains("Mairie de Nice\n5 rue de l'Hôtel de Ville\n06364 Nice Cedex 4\n"
                + "Courriel\u202F: accueil@ville-nice.example");
        String text = String.join("\n\n", letter.body());
        assertThat(text).contains("Par courrier du 28 octobre 2026, enregistré sous la référence LNT-2026-000123 et "
                        + "reçu par cette administration le 30 octobre 2026",
                "a fait naître une décision implicite de refus le 30 novembre 2026",
                "Vous trouverez la copie de la demande en pièce jointe.",
                "Mes coordonnées\u202F:\nCamille Martin\n12 rue de la Préfecture\n06300 Nice\n"
                        + "Courriel\u202F: camille.martin@example.org",
                "Pièces jointes\u202F: copie de la demande du 28 octobre 2026.")
                .doesNotContain("décision de refus du");
    }

    @Test
    void aReferralForAnExpressRefusalMentionsTheDecision() {
        PriorRequest refused = PriorRequest.refused("drones-sound", LocalDate.of(2026, 10, 1), null,
                LocalDate.of(2026, 10, 20));

        Letter letter = letters.compose("saisine-cada", Fixtures.request().about(refused));

        String text = String.join("\n\n", letter.body());
        assertThat(text).contains("Par une décision du 20 octobre 2026", "copie de la décision de refus du 20 octobre "
                + "2026", "capteurs sonores").doesNotContain("implicite de refus le", "reçu par cette administration");
    }

    @Test
    void aReferralBeforeTheRefusalIsRefused() {
        LetterContext early = Fixtures.request().about(PriorRequest.unanswered("vsa", LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 3), LocalDate.of(2026, 12, 3)));

        assertThatThrownBy(() -> letters.compose("saisine-cada", early))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("La CADA ne peut être saisie qu'après le refus, né le 3 décembre 2026");
    }

    /**
     * CRPA L342-1, third paragraph: the requester informs « les administrations concernées par la série », those that
     * refused and the others; the letter recalls a refusal only where there was one.
     */
    @Test
    void everyAdministrationOfASeriesIsInformedAndOnlyARefusalIsRecalled() {
        LetterContext refused = LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE, Fixtures.REFERENCE,
                LocalDate.of(2026, 12, 7), "Nice").about(PriorRequest.refused("vsa", LocalDate.of(2026, 10, 28),
                LocalDate.of(2026, 10, 30), LocalDate.of(2026, 11, 20)));
        LetterContext answered = LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE, Fixtures.REFERENCE,
                LocalDate.of(2026, 12, 7), "Nice").about(PriorRequest.notRefused("vsa", LocalDate.of(2026, 10, 28),
                LocalDate.of(2026, 10, 30)));

        String toRefused = String.join("\n\n", letters.compose("information-serie", refused).body());
        String toAnswered = String.join("\n\n", letters.compose("information-serie", answered).body());

        assertThat(toRefused).contains("Vous avez refusé cette communication le 20 novembre 2026",
                "par une saisine unique datée du 7 décembre 2026", "Je reste à votre disposition");
        assertThat(toAnswered).contains("Par courrier du 28 octobre 2026, reçu par vos services le 30 octobre 2026",
                        "par une saisine unique datée du 7 décembre 2026", "article L342-1")
                .doesNotContain("refus", "Je reste à votre disposition");
        assertThatThrownBy(() -> letters.compose("saisine-cada", answered))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("date du refus");
    }

    @Test
    void aSeriesReferralListsEveryAuthorityWithItsDates() {
        LetterContext context = Fixtures.contextFor(letters.templates().get("saisine-cada-serie"));

        Letter letter = letters.compose("saisine-cada-serie", context);

        assertThat(letter.subject()).isEqualTo("Saisine de la CADA – série de 5 demandes de communication ayant le "
                + "même objet");
        assertThat(letter.body()).contains(String.join("\n", List.of(
                "1. Mairie de Nice – mairie@nice.example – réf. LNT-2026-000110 – demande du 1er septembre 2026, "
                        + "reçue le 3 septembre 2026 – refus implicite né le 3 octobre 2026, "
                        + "non encore soumis à la Commission",
                "2. Mairie de Cannes – mairie@cannes.example – réf. LNT-2026-000111 – demande du 1er septembre "
                        + "2026, reçue le 3 septembre 2026 – refus implicite né le 3 octobre 2026, "
                        + "non encore soumis à la Commission",
                "3. Mairie de Antibes – mairie@antibes.example – réf. LNT-2026-000112 – demande du 1er septembre "
                        + "2026, reçue le 3 septembre 2026 – refus implicite né le 3 octobre 2026, "
                        + "non encore soumis à la Commission",
                "4. Mairie de Grasse – mairie@grasse.example – réf. LNT-2026-000113 – demande du 1er septembre "
                        + "2026, reçue le 3 septembre 2026 – refus implicite né le 3 octobre 2026, "
                        + "non encore soumis à la Commission",
                "5. Mairie de Menton – mairie@menton.example – réf. LNT-2026-000114 – demande du 1er septembre "
                        + "2026, reçue le 3 septembre 2026 – refus implicite né le 3 octobre 2026, "
                        + "non encore soumis à la Commission")));
        String text = String.join("\n", letter.body());
        // CRPA L342-1 (loi 3DS): the CADA is seized of one refusal of the series and gives one opinion.
        assertThat(text).contains("R343-3-1", "1. les marchés publics",
                "sur un refus de communication qui relève d’une série", "n’émet qu’un avis",
                // L342-1: the requester identifies every request of the series, the CADA still sees one refusal.
                "j’identifie ci-dessous l’ensemble des 5 demandes relevant de cette série",
                "5 d’entre elles ont fait l’objet d’un refus qui ne vous a pas encore été soumis",
                "j’informe de la présente saisine les administrations concernées par la série",
                "n’est opposable que si ce refus mentionnait")
                .doesNotContain("l’ensemble des demandes de la série", "sur les refus",
                        "La présente saisine intervient dans le délai");
    }

    /** CRPA R343-1: the letter says the referral is in time only when its safe deadline is known and not passed. */
    @Test
    void aReferralSaysItIsInTimeOnlyWhenThatIsKnown() {
        LetterContext unknown = Fixtures.contextFor(letters.templates().get("saisine-cada"));
        String neutral = String.join("\n", letters.compose("saisine-cada", unknown).body());
        assertThat(neutral).doesNotContain("La présente saisine intervient dans le délai")
                .contains("ouvre un délai de deux mois", "article L112-6 du CRPA");

        LetterContext inTime = LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE, Fixtures.REFERENCE,
                LocalDate.of(2026, 12, 7), "Nice").about(Fixtures.unanswered("vsa")
                .withReferralDeadline(LocalDate.of(2027, 1, 29)));
        assertThat(String.join("\n", letters.compose("saisine-cada", inTime).body()))
                .contains("La présente saisine intervient dans le délai de deux mois prévu par l’article R343-1")
                .doesNotContain("ouvre un délai de deux mois");

        LetterContext late = LetterContext.request(Fixtures.CAMILLE, Fixtures.MAIRIE_DE_NICE, Fixtures.REFERENCE,
                LocalDate.of(2027, 2, 1), "Nice").about(Fixtures.unanswered("vsa")
                .withReferralDeadline(LocalDate.of(2027, 1, 29)));
        assertThat(String.join("\n", letters.compose("saisine-cada", late).body()))
                .doesNotContain("La présente saisine intervient dans le délai");
    }

    @Test
    void aSeriesHasAtLeastFiveRequestsToDifferentAuthorities() {
        assertThatThrownBy(() -> Fixtures.series(4))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("au moins 5 demandes (article R343-3-1 du CRPA) ; il y en a 4");
        List<SeriesEntry> twice = new java.util.ArrayList<>(Fixtures.series(5).entries());
        twice.set(1, twice.get(0));
        assertThatThrownBy(() -> new Series("vsa", twice))
                .hasMessageContaining("« Mairie de Nice » figure deux fois dans la série");
    }

    @Test
    void aMissingValueNamesThePlaceholderAndWhereItIs() {
        Addressee emailOnly = new Addressee("Mairie de Tende", null, "mairie@tende.example");
        LetterContext context = LetterContext.request(Fixtures.CAMILLE, emailOnly, Fixtures.REFERENCE,
                LocalDate.of(2026, 12, 7), "Nice").about(Fixtures.unanswered("vsa"));

        Letter letter = letters.compose("saisine-cada", context);

        assertThat(letter.body()).contains("Mairie de Tende\nCourriel\u202F: mairie@tende.example");
    }

    @Test
    void aRequestNeedsAnAuthority() {
        LetterContext noAuthority = LetterContext.request(Fixtures.CAMILLE, null, Fixtures.REFERENCE, Fixtures.TODAY,
                "Nice");

        assertThatThrownBy(() -> letters.compose("vsa", noAuthority))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("s'adresse à l'organisme concerné");
    }

    @Test
    void anUnknownTemplateListsTheOnesThatExist() {
        assertThatThrownBy(() -> letters.compose("VSA", Fixtures.request()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("« VSA » n'existe pas. Modèles disponibles : cctv, drones-sound, "
                        + "information-serie, publication, relance, saisine-cada, saisine-cada-serie, vsa.");
    }

    @Test
    void theEmailCarriesTheReferenceInItsSubjectAndTheLetterInItsBody() {
        Letter letter = letters.compose("cctv", Fixtures.request());

        LetterEmail email = letters.email(letter);

        assertThat(email.subject()).isEqualTo("[LNT-2026-000123] Demande de communication de documents "
                + "administratifs – vidéoprotection");
        assertThat(email.body()).startsWith("Madame, Monsieur,\n\nSur le fondement des articles L300-1")
                .contains(letter.body().get(2))
                .endsWith("considération distinguée.\n\nCamille Martin\n12 rue de la Préfecture\n06300 Nice\n"
                        + "camille.martin@example.org\n");
        for (String paragraph : letter.body()) {
            assertThat(email.body()).contains(paragraph + "\n\n");
        }
    }

    @Test
    void requesterAndAuthorityAreChecked() {
        assertThatThrownBy(() -> new Requester(" ", null, "a@b.fr")).hasMessage("« nom du demandeur » est obligatoire.");
        assertThatThrownBy(() -> new Requester("Camille Martin", null, "camille"))
                .hasMessageContaining("« camille » n'est pas une adresse électronique valide");
        assertThatThrownBy(() -> new Requester("Camille Martin", null, null))
                .hasMessageContaining("Le courriel du demandeur est obligatoire");
        assertThatThrownBy(() -> new Addressee("Mairie de Nice", null, null))
                .hasMessageContaining("Il faut une adresse postale ou un courriel");
        assertThatThrownBy(() -> new Addressee("Mairie", "1\n2\n3\n4\n5\n6\n7", null))
                .hasMessageContaining("a 7 lignes : 6 au plus");
        assertThat(new Requester("Came\u0301lia\tMartin", "  1 rue A \r\n\r\n 06000 Nice ", "c@m.fr"))
                .isEqualTo(new Requester("Camélia Martin", "1 rue A\n06000 Nice", "c@m.fr"));
    }

    @Test
    void theSenderBlockStatesWhatAReferralNeedsOfTheRequester() {
        Requester association = new Requester("Lanterne 06", List.of("Association déclarée (loi 1901)",
                "représentée par Dominique Roux, présidente"), "1 rue de la Paix\n75002 Paris", "demandes@exemple.org");

        Letter letter = letters.compose("vsa", LetterContext.request(association, Fixtures.MAIRIE_DE_NICE,
                Fixtures.REFERENCE, Fixtures.TODAY, "Paris"));

        assertThat(letter.sender()).containsExactly("Lanterne 06", "Association déclarée (loi 1901)",
                "représentée par Dominique Roux, présidente", "1 rue de la Paix", "75002 Paris",
                "demandes@exemple.org");
        assertThat(letters.email(letter).body()).endsWith("Lanterne 06\nAssociation déclarée (loi 1901)\n"
                + "représentée par Dominique Roux, présidente\n1 rue de la Paix\n75002 Paris\ndemandes@exemple.org\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"vsa", "relance", "saisine-cada", "saisine-cada-serie"})
    void theplaceholdersOfAnUnsetIdentityNeverReachALetter(String id) {
        LetterTemplate template = letters.templates().get(id);
        LetterContext context = Fixtures.contextFor(template);
        LetterContext nowhere = new LetterContext(new Requester("Camille Martin", "12 rue de la Préfecture\n06300 Nice",
                "demandes+LNT-2026-000123@lanterne.INVALID"), context.authority(), context.reference(), context.date(),
                context.place(), context.priorRequest(), context.series());
        LetterContext nobody = new LetterContext(new Requester("Collectif Lanterne", null, "demandes@exemple.org"),
                context.authority(), context.reference(), context.date(), context.place(), context.priorRequest(),
                context.series());

        assertThatThrownBy(() -> letters.compose(id, nowhere)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("« .invalid »");
        assertThatThrownBy(() -> letters.compose(id, nobody)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("nom d'exemple");
    }
}
