package fr.lanterne.ingest;

import jakarta.validation.Validation;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** Binds and validates properties as Spring Boot does at start-up, without a context. */
final class PropertiesBinding {

    private PropertiesBinding() {
    }

    static <T> T bind(String prefix, Class<T> type, Map<String, String> properties) {
        SpringValidatorAdapter validator = new SpringValidatorAdapter(
                Validation.buildDefaultValidatorFactory().getValidator());
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate(prefix, Bindable.of(type), new ValidationBindHandler(validator));
    }
}
