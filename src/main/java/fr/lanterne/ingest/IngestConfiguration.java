package fr.lanterne.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

    @Bean
    IngestSettings ingestSettings(IngestProperties properties) {
        return properties.settings();
    }

    @Bean
    OcrSupport ocrSupport(IngestSettings settings) {
        return OcrSupport.detect(settings.ocrLanguages());
    }

    @Bean
    TextExtractor textExtractor(IngestSettings settings, OcrSupport ocr) {
        return new TextExtractor(settings, ocr);
    }

    @Bean
    Intake intake(TextExtractor extractor) {
        return new Intake(extractor, new ReferenceFinder());
    }

    @Bean
    DocumentClassifier documentClassifier() {
        return new DocumentClassifier();
    }

    @Bean
    StateAdvisor stateAdvisor() {
        return new StateAdvisor();
    }
}
