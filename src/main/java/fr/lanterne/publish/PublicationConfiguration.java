package fr.lanterne.publish;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The redaction engine, with the resolution {@link PublicationProperties} sets. */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    @Bean
    RedactionSettings redactionSettings(PublicationProperties properties) {
        return RedactionSettings.defaults().withDpi(properties.dpi());
    }

    @Bean
    DocumentWords documentWords(RedactionSettings settings) {
        return new DocumentWords(settings);
    }

    @Bean
    Redactor redactor(RedactionSettings settings) {
        return new Redactor(settings);
    }

    @Bean
    RedactionProposals redactionProposals() {
        return new RedactionProposals();
    }
}
