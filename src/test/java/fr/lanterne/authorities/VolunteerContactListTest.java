package fr.lanterne.authorities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolunteerContactListTest {

    /** The optional prada_address column (CRPA R330-4): where the PRADA receives the requests. */
    @Test
    void reads_the_optional_prada_address_column() {
        String csv = "insee,email,postal_address,source,prada_address\n"
                + "42187,mairie@roanne.example,Hôtel de ville / 42300 Roanne,site,Direction juridique / 42300 Roanne\n"
                + "12138,,Mairie / 12330 Marcillac-Vallon,site,\n";
        ContactFile file = VolunteerContactList.read("benevoles.csv", new StringReader(csv));
        assertThat(file.contacts()).extracting(line -> line.details().pradaAddress())
                .containsExactly("Direction juridique\n42300 Roanne", null);
    }

    @Test
    void reads_multi_line_and_slash_separated_addresses() {
        ContactFile file = VolunteerContactList.read("benevoles.csv", new InputStreamReader(
                getClass().getResourceAsStream("/contacts/benevoles.csv"), StandardCharsets.UTF_8));
        assertThat(file.source()).isEqualTo(ContactSource.VOLUNTEER_LIST);
        assertThat(file.contacts()).extracting(ContactFile.Line::insee).containsExactly("12138", "92073");
        ContactFile.Line marcillac = file.contacts().get(0);
        assertThat(marcillac.line()).isEqualTo(2);
        assertThat(marcillac.details().postalAddress()).isEqualTo("Mairie\nPlace de la Mairie\n12330 Marcillac-Vallon");
        assertThat(marcillac.reference()).isEqualTo("benevoles.csv : site de la commune consulté le 2026-11-02");
        ContactFile.Line suresnes = file.contacts().get(1);
        assertThat(suresnes.line()).as("the quoted address spanned three lines").isEqualTo(5);
        assertThat(suresnes.details().email()).isNull();
        assertThat(suresnes.details().postalAddress()).isEqualTo("Hôtel de ville\n2 rue Carnot\n92150 Suresnes");
    }

    @Test
    void reports_every_faulty_line_at_once() {
        assertThatThrownBy(() -> VolunteerContactList.read("benevoles-erreurs.csv", new InputStreamReader(
                getClass().getResourceAsStream("/contacts/benevoles-erreurs.csv"), StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rien n'a été enregistré")
                .hasMessageContaining("4 erreurs")
                .hasMessageContaining("ligne 3 : code INSEE « 1234 »")
                .hasMessageContaining("ligne 4 : « pas-une-adresse » n'est pas une adresse électronique valide")
                .hasMessageContaining("ligne 5 : Il faut au moins une adresse")
                .hasMessageContaining("ligne 6 : la commune 12138 figure déjà ligne 2")
                .satisfies(e -> assertThat(((InvalidInputException) e).details().get("errors")).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(4));
    }

    @Test
    void refuses_a_file_without_the_header() {
        assertThatThrownBy(() -> VolunteerContactList.read("x.csv", new StringReader("insee,source\n06088,x\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("insee,email,postal_address,source");
    }

    @Test
    void tells_a_comma_in_an_unquoted_address() {
        String csv = "insee,email,postal_address,source\n06088,,5 rue X, 06000 Nice,site\n";
        assertThatThrownBy(() -> VolunteerContactList.read("x.csv", new StringReader(csv)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ligne 2 : 5 colonnes au lieu de 4");
    }

    @Test
    void recognises_its_header() {
        assertThat(List.of("insee,email,postal_address,source", "INSEE,Email,Postal_Address,Source", "insee,postal_address"))
                .allMatch(VolunteerContactList::looksLike);
        assertThat(VolunteerContactList.looksLike("id;nom;pivot")).isFalse();
    }
}
