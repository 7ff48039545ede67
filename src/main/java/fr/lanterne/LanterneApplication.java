package fr.lanterne;

import fr.lanterne.launcher.Cli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Lanterne: public-records requests (CRPA) about surveillance in French towns.
 *
 * <p>With no command (or only {@code --property=value} options) it serves the web application;
 * otherwise the first argument names a command-line command, see {@link Cli}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LanterneApplication {

    public static void main(String[] args) {
        if (Cli.isServerInvocation(args)) {
            SpringApplication.run(LanterneApplication.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
