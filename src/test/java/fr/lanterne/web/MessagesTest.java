package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pages' words: every French message has its English one, and one apostrophe rule. */
class MessagesTest {

    /** Keys whose value is a DateTimeFormatter pattern, where ' quotes a literal word. */
    private static final Set<String> DATE_PATTERN_KEYS = Set.of("campaign.date");

    @Test
    void french_and_english_have_the_same_keys() throws IOException {
        Properties french = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
    }

    /**
     * One rule for apostrophes: messages write the typographic apostrophe (’), never the ASCII one. MessageFormat
     * reads an ASCII ' as a quote (dropped in "l'administration" when the message has arguments, left doubled as
     * "l''envoyer" when it has none); ’ means the same in both. Date patterns, which quote their literal words
     * ('à'), are the one exception.
     */
    @Test
    void messages_use_the_typographic_apostrophe() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                if (!DATE_PATTERN_KEYS.contains(key) && messages.getProperty(key).contains("'")) {
                    wrong.add(file + ": " + key);
                }
            }
        }
        assertThat(wrong).as("write ’ instead of '").isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
