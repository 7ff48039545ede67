package fr.lanterne.launcher;

import fr.lanterne.LanterneApplication;
import org.springframework.boot.SpringApplication;

/**
 * Lanterne's entry point ({@code java -jar lanterne.jar}, {@code mvn spring-boot:run}): with no command (or only
 * {@code --property=value} options) it serves the web application; otherwise the first argument names a command-line
 * command, see {@link Cli}. It lives here rather than in {@link LanterneApplication} so that the application's
 * configuration does not depend on the launcher that starts it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.isServerInvocation(args)) {
            SpringApplication.run(LanterneApplication.class, args);
        } else {
            System.exit(Cli.run(args));
        }
    }
}
