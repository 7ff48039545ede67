package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pages' words: every French message has its English one, and formatted ones keep their apostrophes. */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    /** In a message with placeholders, MessageFormat reads a lone ' as a quote and drops it ("l'administration"). */
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void french_and_english_have_the_same_keys() throws IOException {
        Properties french = load("messages.properties");
        Properties english = load("messages_en.properties");
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(french.stringPropertyNames());
    }

    @Test
    void apostrophes_in_formatted_messages_are_doubled() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String message = messages.getProperty(key);
                if (PLACEHOLDER.matcher(message).find() && LONE_APOSTROPHE.matcher(message).find()) {
                    wrong.add(file + ": " + key);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
