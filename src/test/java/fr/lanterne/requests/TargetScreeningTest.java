package fr.lanterne.requests;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityKind;
import fr.lanterne.authorities.Contact;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule by which the dry run and the campaign job screen a target: each reason a row. */
class TargetScreeningTest {

    private static final long OPEN = 1;
    private static final long RECENT = 2;
    private static final long FREE = 3;

    private final TargetScreening screening = new TargetScreening(Set.of(TargetScreening.key(OPEN, "vsa")),
            Set.of(TargetScreening.key(RECENT, "vsa")), Duration.ofDays(180));

    /**
     * @param authority which of the authorities above; @param channel asked for (AUTO: email where known, post
     * elsewhere); then what the authority's contact holds, and the channel or the reason and its sentence.
     */
    @ParameterizedTest(name = "{0}, {1}, courriel {2}, adresse {3} → {4} {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            FREE   | AUTO  | true  | true  | EMAIL | -                 | -
            FREE   | AUTO  | false | true  | POST  | -                 | -
            FREE   | AUTO  | true  | false | EMAIL | -                 | -
            FREE   | AUTO  | false | false | -     | NO_ADDRESS        | ni adresse postale ni courriel connus
            FREE   | EMAIL | true  | false | EMAIL | -                 | -
            FREE   | EMAIL | false | true  | -     | NO_EMAIL          | pas d'adresse électronique connue
            FREE   | POST  | true  | true  | POST  | -                 | -
            FREE   | POST  | true  | false | -     | NO_POSTAL_ADDRESS | pas d'adresse postale connue
            FREE   | POST  | false | false | -     | NO_POSTAL_ADDRESS | pas d'adresse postale connue
            OPEN   | AUTO  | true  | true  | -     | OPEN_REQUEST      | une demande identique est déjà en cours
            OPEN   | POST  | false | false | -     | OPEN_REQUEST      | une demande identique est déjà en cours
            RECENT | AUTO  | true  | true  | -     | WRITTEN_RECENTLY  | la même lettre lui a été adressée il y a moins de 180 jours (CRPA L311-2)
            RECENT | EMAIL | false | false | -     | WRITTEN_RECENTLY  | la même lettre lui a été adressée il y a moins de 180 jours (CRPA L311-2)
            """)
    void each_target_gets_a_channel_or_one_reason(String authority, String channel, boolean email, boolean address,
                                                  Channel expectedChannel, TargetScreening.Reason reason,
                                                  String sentence) {
        long id = switch (authority) {
            case "OPEN" -> OPEN;
            case "RECENT" -> RECENT;
            default -> FREE;
        };
        Channel requested = channel.equals("AUTO") ? null : Channel.valueOf(channel);

        TargetScreening.Screened screened = screening.screen(authority(id, email, address), "vsa", requested);

        assertThat(screened.channel()).isEqualTo(expectedChannel);
        assertThat(screened.reason()).isEqualTo(reason);
        assertThat(screened.outcome()).isEqualTo(sentence);
        assertThat(screened.accepted()).isEqualTo(reason == null);
        assertThat(screened.addressMissing())
                .isEqualTo(reason != null && reason.name().startsWith("NO_"));
    }

    @Test
    void a_target_accepted_counts_as_open_for_the_next_one_and_other_templates_are_apart() {
        Authority free = authority(FREE, true, true);

        assertThat(screening.screen(free, "vsa", null).accepted()).isTrue();
        assertThat(screening.screen(free, "vsa", null).reason()).isEqualTo(TargetScreening.Reason.OPEN_REQUEST);
        assertThat(screening.screen(free, "cctv", null).accepted()).isTrue();
        assertThat(screening.screen(authority(OPEN, true, true), "cctv", null).accepted()).isTrue();
    }

    private static Authority authority(long id, boolean email, boolean address) {
        return new Authority(id, "mairie-0608" + id, AuthorityKind.TOWN_HALL, "Mairie " + id, "0608" + id, "06",
                "93", true, new Contact(email ? "mairie@ville.example" : null, null,
                address ? "Mairie\n06000 Nice" : null, null, null, null));
    }
}
