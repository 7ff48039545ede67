package fr.lanterne;

import fr.lanterne.shared.DataDirectory;
import fr.lanterne.shared.Paris;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LanterneConfiguration {

    @Bean
    DataDirectory dataDirectory(LanterneProperties properties) {
        return new DataDirectory(properties.dataDir());
    }

    /** Legal dates are French dates: "today" is today in Paris, whatever the server's zone. */
    @Bean
    Clock clock() {
        return Clock.system(Paris.ZONE);
    }
}
