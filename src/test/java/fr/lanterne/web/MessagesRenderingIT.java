package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every message as the pages show it, rendered by the application's own MessageSource (its settings, its files) in
 * French and in English, with 0, 1 and 2 for each of its arguments: none says "(s)" (plurals are choice formats) and
 * none shows a doubled apostrophe (what MessageFormat leaves of an ASCII one in a message without arguments).
 */
@LanterneIntegrationTest
class MessagesRenderingIT {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Autowired
    MessageSource messages;

    @Test
    void no_message_renders_a_plural_in_brackets_or_a_doubled_apostrophe() throws IOException {
        List<String> wrong = new ArrayList<>();
        int rendered = 0;
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            Properties file = load(locale == Locale.FRENCH ? "messages.properties" : "messages_en.properties");
            for (String key : file.stringPropertyNames()) {
                int arguments = arguments(file.getProperty(key));
                for (int sample = 0; sample <= 2; sample++) {
                    Object[] args = arguments == 0 ? null : new Object[arguments];
                    if (args != null) {
                        Arrays.fill(args, sample);
                    }
                    String text = messages.getMessage(key, args, locale);
                    rendered++;
                    if (text.contains("(s)") || text.contains("''")) {
                        wrong.add(locale + " " + key + " (" + sample + "): " + text);
                    }
                }
            }
        }
        assertThat(rendered).as("both files read").isGreaterThan(1000);
        assertThat(wrong).isEmpty();
    }

    /** How many arguments a message takes: one more than its highest {n}. */
    private static int arguments(String message) {
        int highest = -1;
        Matcher matcher = ARGUMENT.matcher(message);
        while (matcher.find()) {
            highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
        }
        return highest + 1;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesRenderingIT.class.getResourceAsStream("/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
