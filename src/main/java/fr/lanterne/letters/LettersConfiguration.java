package fr.lanterne.letters;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The letter templates, read once at start-up from their folder (or the copy packaged in the jar). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LettersConfiguration.LettersProperties.class)
class LettersConfiguration {

    /**
     * @param templates the folder volunteers edit; when it does not exist (Lanterne started elsewhere than its
     *                  source folder), the templates packaged in the jar are used
     */
    @ConfigurationProperties("lanterne.letters")
    record LettersProperties(@DefaultValue(LetterTemplates.DEFAULT_FOLDER) Path templates) {
    }

    @Bean
    Letters letters(LettersProperties properties, Clock clock) {
        return new Letters(LetterTemplates.loadOrPackaged(properties.templates()), clock);
    }
}
