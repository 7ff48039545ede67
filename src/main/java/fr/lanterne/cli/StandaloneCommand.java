package fr.lanterne.cli;

import java.io.PrintWriter;

/**
 * A command that needs neither the database nor an application context (it reads only what ships in the jar), so
 * it answers in a second, even while nothing else runs.
 */
public interface StandaloneCommand {

    /** @return the process exit code: 0 for success, 1 when the command could not do its work */
    int execute(PrintWriter out) throws Exception;
}
