package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Contact;
import fr.lanterne.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The channel of a single request, or what the authority's contact lacks and the sentence that says so. */
class ChannelChoiceTest {

    @ParameterizedTest(name = "{0}, repli postal {1}, courriel {2}, adresse {3} → {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            AUTO  | false | true  | true  | EMAIL | -              | -
            AUTO  | false | false | true  | POST  | -              | -
            AUTO  | false | false | false | -     | POSTAL_ADDRESS | Aucune adresse n'est connue pour « Mairie » : saisissez son adresse postale ou son courriel, puis recommencez.
            EMAIL | false | false | true  | -     | EMAIL          | Aucune adresse électronique n'est connue pour « Mairie » : envoyez la demande par courrier postal, ou saisissez son courriel.
            EMAIL | false | false | false | -     | EMAIL          | Aucune adresse électronique n'est connue pour « Mairie » : envoyez la demande par courrier postal après avoir saisi son adresse, ou saisissez son courriel.
            EMAIL | true  | false | true  | POST  | -              | -
            EMAIL | true  | false | false | -     | POSTAL_ADDRESS | Aucune adresse n'est connue pour « Mairie » : saisissez son adresse postale ou son courriel, puis recommencez.
            POST  | false | true  | true  | POST  | -              | -
            POST  | false | true  | false | -     | POSTAL_ADDRESS | Aucune adresse n'est connue pour « Mairie » : saisissez son adresse postale ou son courriel, puis recommencez.
            """)
    void a_channel_or_what_is_missing(String requested, boolean postIfNoEmail, boolean email, boolean address,
                                      Channel channel, ChannelChoice.Missing missing, String refusal) {
        Authority authority = new Authority(1, "mairie-06088", AuthorityKind.TOWN_HALL, "Mairie", "06088", "06",
                "93", true, new Contact(email ? "mairie@ville.example" : null, null,
                address ? "Mairie\n06000 Nice" : null, null, null, null));

        ChannelChoice choice = ChannelChoice.of(authority, requested.equals("AUTO") ? null
                : Channel.valueOf(requested), postIfNoEmail);

        assertThat(choice.channel()).isEqualTo(channel);
        assertThat(choice.missing()).isEqualTo(missing);
        if (refusal == null) {
            assertThat(choice.orRefuse(authority)).isEqualTo(channel);
        } else {
            assertThatThrownBy(() -> choice.orRefuse(authority)).isInstanceOf(InvalidInputException.class)
                    .hasMessage(refusal);
        }
    }
}
