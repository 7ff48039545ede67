package fr.lanterne.cli;

import java.io.PrintWriter;
import org.springframework.context.ApplicationContext;

/**
 * A leaf command of the command line. Picocli fills its fields from the arguments before any Spring context exists,
 * so a usage error costs nothing; the command then runs inside a non-web application context.
 */
public interface CliCommand {

    /**
     * @return the process exit code: 0 for success, 1 when the command could not do its work
     */
    int execute(ApplicationContext context, PrintWriter out) throws Exception;
}
