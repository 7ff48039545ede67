package fr.lanterne.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What Lanterne proposes to occult before publication (CRPA L312-1-2: personal data are occulted; L311-6: what
 * touches private life is communicable only to the person concerned). Each row: a stretch of a French letter and
 * exactly the proposals expected, as "KIND:text" (signatures apart, tested below).
 */
class RedactionProposalsTest {

    private final RedactionProposals proposals = new RedactionProposals();

    static Stream<Arguments> cases() {
        return Stream.of(
                // Emails: a person's address, not a service's mailbox.
                row("Écrivez à sophie.lambert@orange.fr pour toute question.", "EMAIL:sophie.lambert@orange.fr"),
                row("Contact : j-p.martin+cnil@free.fr.", "EMAIL:j-p.martin+cnil@free.fr"),
                row("Courriel : mairie@saint-exemple.fr"),
                row("Le délégué (dpo@grenoble.fr) répondra."),
                row("Adresse : élodie.durand@laposte.net", "EMAIL:élodie.durand@laposte.net"),
                // Phones, French formats.
                row("Tél. : 06 12 34 56 78", "PHONE:06 12 34 56 78"),
                row("Portable 06.12.34.56.78 le soir", "PHONE:06.12.34.56.78"),
                row("Appelez le 0612345678.", "PHONE:0612345678"),
                row("Mobile : +33 6 12 34 56 78", "PHONE:+33 6 12 34 56 78"),
                row("Mobile : +33 (0)6 12 34 56 78", "PHONE:+33 (0)6 12 34 56 78"),
                row("Ligne directe 04-76-12-34-56", "PHONE:04-76-12-34-56"),
                row("Standard de la mairie : 04 76 00 00 00"),
                row("SIRET 21380185500015 du budget"),
                row("Montant : 123 456 789 euros"),
                // IBAN: only when the check digits hold.
                row("IBAN FR76 3000 6000 0112 3456 7890 189 BIC AGRIFRPP",
                        "IBAN:FR76 3000 6000 0112 3456 7890 189"),
                row("IBAN : FR7630006000011234567890189", "IBAN:FR7630006000011234567890189"),
                row("IBAN FR76 3000 6000 0112 3456 7890 188 (mal recopié)"),
                row("Compte DE89 3704 0044 0532 0130 00 en Allemagne", "IBAN:DE89 3704 0044 0532 0130 00"),
                // Vehicle plates.
                row("Le véhicule immatriculé AB-123-CD a été filmé.", "VEHICLE_PLATE:AB-123-CD"),
                row("plaque AB 123 CD", "VEHICLE_PLATE:AB 123 CD"),
                row("Plaque GH456JK relevée", "VEHICLE_PLATE:GH456JK"),
                row("la voiture 1234 AB 38 stationnait", "VEHICLE_PLATE:1234 AB 38"),
                row("Un scooter 56-ABC-75 volé", "VEHICLE_PLATE:56-ABC-75"),
                row("Le 12 JUIN 38 personnes"),
                row("Plaque AI-123-OU invalide"),
                // Names after a title.
                row("Madame Sophie LAMBERT demande", "NAME:Sophie LAMBERT"),
                row("M. Jean-Pierre Martin, agent", "NAME:Jean-Pierre Martin"),
                row("Mme Durand a été reçue.", "NAME:Durand"),
                row("Me Anne de La Fontaine, avocate", "NAME:Anne de La Fontaine"),
                row("rapport du Dr Lefèvre", "NAME:Lefèvre"),
                row("Monsieur le Maire,"),
                row("Madame la Préfète"),
                row("Madame, Monsieur,"),
                row("Monsieur Le Maire de Saint-Exemple"),
                row("M. J. DUPONT signe", "NAME:J. DUPONT"),
                // Names in lists of agents, with a known first name.
                row("Agents habilités : Claire DURAND, Paul Lefèvre.", "NAME:Claire DURAND,", "NAME:Paul Lefèvre."),
                row("- DURAND Claire, brigadier", "NAME:DURAND Claire,"),
                row("Opérateur : Nathalie Bernard-Roux", "NAME:Nathalie Bernard-Roux"),
                row("Le lycée Victor Hugo et la rue Jean Moulin"),
                row("au carrefour de l’avenue Victor Hugo"),
                row("Liste : MARTIN Pierre, ROBERT Anne", "NAME:MARTIN Pierre,", "NAME:ROBERT Anne"),
                row("Destinataire : Louis GÉRARD", "NAME:Louis GÉRARD"),
                // Signature blocks.
                row("Le Maire,\nJean-Pierre MARTIN", "NAME:Jean-Pierre MARTIN"),
                row("Pour le Maire et par délégation,\nL’adjointe déléguée,\nSylvie Garnier-Doucet",
                        "NAME:Sylvie Garnier-Doucet"),
                row("Yves LE GOFF\nMaire de Plouzané", "NAME:Yves LE GOFF"),
                row("Le Directeur général des services\nÉtienne Faure", "NAME:Étienne Faure"),
                // Private addresses, not an institution's.
                row("Mme Sophie LAMBERT\n12 rue des Lilas\n38000 Grenoble", "NAME:Sophie LAMBERT",
                        "POSTAL_ADDRESS:12 rue des Lilas 38000 Grenoble"),
                row("demeurant 4 bis, avenue Jean Jaurès, 69007 Lyon", "POSTAL_ADDRESS:4 bis, avenue Jean Jaurès, 69007 Lyon"),
                row("Mairie de Saint-Exemple\n1 place de la Mairie\n38999 Saint-Exemple"),
                row("CADA, 20 avenue de Ségur, TSA 50730, 75334 Paris Cedex 07"),
                row("Verbalisé le 3 avril 2025 avenue Foch."),
                row("CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris Cedex 07"),
                row("Il habite 7 impasse des Tilleuls à Voiron.", "POSTAL_ADDRESS:7 impasse des Tilleuls à Voiron."),
                // Nothing personal.
                row("Délibération du conseil municipal du 12 mars 2026 sur la vidéoprotection."),
                row("Article L312-1-2 du code des relations entre le public et l’administration."));
    }

    private static Arguments row(String text, String... expected) {
        return Arguments.of(text, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void proposes_exactly_the_personal_data(String text, List<String> expected) {
        List<String> found = proposals.propose(List.of(Pages.of(text))).stream()
                .filter(p -> p.kind() != ProposalKind.SIGNATURE).map(p -> p.kind() + ":" + p.text()).toList();

        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void each_proposal_covers_its_words_with_one_box_a_line() {
        PageText page = Pages.of("Mme Sophie LAMBERT\n12 rue des Lilas\n38000 Grenoble");

        RedactionProposal address = proposals.propose(List.of(page)).stream()
                .filter(p -> p.kind() == ProposalKind.POSTAL_ADDRESS).findFirst().orElseThrow();

        assertThat(address.boxes()).hasSize(2);
        for (PageWord word : page.words().subList(3, 8)) {
            assertThat(address.boxes()).anySatisfy(box -> assertThat(box.overlaps(word.box(), 0)).isTrue());
        }
        assertThat(address.boxes()).noneSatisfy(box -> assertThat(box.overlaps(page.words().get(2).box(), 0)).isTrue());
    }

    @Test
    void a_signature_image_under_the_role_is_proposed_and_a_logo_at_the_top_is_not() {
        PdfRect logo = new PdfRect(1, 60, 20, 80, 40);
        PdfRect signature = new PdfRect(1, 200, 80, 120, 40);
        PageText page = Pages.of(1, "Le Maire,\n\n\n\n\n\n\nJean-Pierre MARTIN", List.of(logo, signature));
        PageText tall = new PageText(1, 595, 300, false, false, page.words(), page.images());

        List<RedactionProposal> found = proposals.propose(List.of(tall));

        assertThat(found).filteredOn(p -> p.kind() == ProposalKind.SIGNATURE).singleElement()
                .satisfies(p -> assertThat(p.boxes().get(0).overlaps(signature, 0)).isTrue());
    }

    @Test
    void on_a_scan_the_space_between_role_and_name_is_proposed_as_the_signature() {
        PageText ocred = Pages.of("Le Maire,\n\n\n\nJean-Pierre MARTIN");
        PageText scan = new PageText(1, 595, 842, true, true, ocred.words(), List.of(new PdfRect(1, 0, 0, 595, 842)));

        RedactionProposal signature = proposals.propose(List.of(scan)).stream()
                .filter(p -> p.kind() == ProposalKind.SIGNATURE).findFirst().orElseThrow();

        PdfRect gap = signature.boxes().get(0);
        assertThat(gap.y()).isGreaterThanOrEqualTo(72f);
        assertThat(gap.bottom()).isLessThanOrEqualTo(60 + 4 * 16f);
    }

    @Test
    void saved_rules_match_terms_without_accents_or_case_and_patterns() {
        PageText page = Pages.of("Le dossier de Gérard Leroux, n° DOS-2026-0042, est clos.");

        List<String> found = proposals.propose(List.of(page),
                List.of(SavedRule.term("gerard leroux"), SavedRule.regex("DOS-\\d{4}-\\d{4}"))).stream()
                .filter(p -> p.kind() == ProposalKind.SAVED_RULE).map(RedactionProposal::text).toList();

        assertThat(found).containsExactlyInAnyOrder("Gérard Leroux", "DOS-2026-0042");
        assertThatThrownBy(() -> SavedRule.regex("(")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void iban_check_digits_follow_iso_13616() {
        assertThat(ContactDetector.isValidIban("FR7630006000011234567890189")).isTrue();
        assertThat(ContactDetector.isValidIban("FR7630006000011234567890188")).isFalse();
        assertThat(ContactDetector.isValidIban("GB82WEST12345698765432")).isTrue();
        assertThat(ContactDetector.isValidIban("FR763000600001123456789018")).isFalse();
    }
}
