package fr.lanterne.letters;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityDuties;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.PradaRule;
import fr.lanterne.authorities.PublicationDuty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * CRPA R330-4: the PRADA receives the requests. Where one is due and its own address is known (a contact field like
 * the others), the letter goes to that address, for the PRADA's attention; otherwise to the authority's address.
 * Where no PRADA is due (R330-2: communes under 10,000 inhabitants), a PRADA address typed anyway is not used.
 */
class AddresseePradaTest {

    private static final String TOWN_HALL = "Hôtel de ville\n42300 Roanne";
    private static final String PRADA = "Direction juridique\n4 rue des Archives\n42300 Roanne";

    @ParameterizedTest(name = "PRADA due {0}, its address known {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # due  | known | letter addressed to | attention line
            true   | true  | PRADA               | true
            true   | false | TOWN_HALL           | true
            false  | true  | TOWN_HALL           | false
            false  | false | TOWN_HALL           | false
            """)
    void theLetterGoesToThePradaWhereOneIsDueAndItsAddressKnown(boolean due, boolean known, String addressedTo,
            boolean attention) {
        Contact contact = new Contact("mairie@roanne.example", null, TOWN_HALL, null, null, null,
                known ? PRADA : null, null);
        Authority authority = new Authority(1, "mairie-42187", AuthorityKind.TOWN_HALL, "Mairie de Roanne", "42187",
                "42", "84", true, contact);
        AuthorityDuties duties = new AuthorityDuties(new PradaRule.Verdict(due, "R330-2"),
                new PublicationDuty.Verdict(PublicationDuty.Status.NOT_APPLICABLE, "D312-1-1-1"));

        Addressee addressee = Addressee.of(authority, duties);

        assertThat(addressee.postalAddress()).isEqualTo(addressedTo.equals("PRADA") ? PRADA : TOWN_HALL);
        assertThat(addressee.prada()).isEqualTo(attention);
        assertThat(addressee.email()).isEqualTo("mairie@roanne.example");
    }
}
