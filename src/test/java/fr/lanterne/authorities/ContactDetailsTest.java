package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

class ContactDetailsTest {

    @Test
    void normalises_email_and_address_lines() {
        ContactDetails details = new ContactDetails(" Mairie@Nice.FR ", "  5 rue de l'Hôtel de Ville / 06364 Nice Cedex 4 ",
                null, "");
        assertThat(details.email()).isEqualTo("mairie@nice.fr");
        assertThat(details.postalAddress()).isEqualTo("5 rue de l'Hôtel de Ville\n06364 Nice Cedex 4");
        assertThat(details.website()).isNull();
    }

    @Test
    void keeps_multi_line_addresses_without_blank_lines() {
        ContactDetails details = new ContactDetails(null, "Hôtel de ville\r\n\r\n  Place X \n75001 Paris\n", null, null);
        assertThat(details.postalAddress()).isEqualTo("Hôtel de ville\nPlace X\n75001 Paris");
    }

    @Test
    void refuses_an_email_that_is_not_one() {
        assertThatThrownBy(() -> new ContactDetails("mairie.nice.fr", null, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("mairie.nice.fr");
    }

    @Test
    void needs_a_way_to_write() {
        assertThatThrownBy(() -> new ContactDetails(" ", "", null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("au moins une adresse");
    }
}
