package fr.lanterne;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lanterne: public-records requests (CRPA) about surveillance in French towns. The application's configuration, which
 * finds every module's beans under {@code fr.lanterne}; {@code fr.lanterne.launcher.Main} starts it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LanterneApplication {
}
