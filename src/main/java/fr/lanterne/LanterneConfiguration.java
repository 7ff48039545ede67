package fr.lanterne;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LanterneConfiguration {

    @Bean
    DataDirectory dataDirectory(LanterneProperties properties) {
        return new DataDirectory(properties.dataDir());
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
