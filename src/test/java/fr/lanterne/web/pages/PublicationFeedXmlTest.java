package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The feed holds only characters XML 1.0 allows: a PDF title's control characters would make it unreadable. */
class PublicationFeedXmlTest {

    @Test
    void control_characters_go_and_everything_else_stays() {
        assertThat(PublicationFeedController.xmlChars("Rapport\u0000 \u0001vidéo\u000B\t« caméras »\n\uD83D\uDCF9"
                + "\uFFFE")).isEqualTo("Rapport vidéo\t« caméras »\n\uD83D\uDCF9");
        assertThat(PublicationFeedController.xmlChars("<b>&</b>")).isEqualTo("<b>&</b>");
    }
}
