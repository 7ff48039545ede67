package fr.lanterne.cli;

/** Who runs a command, as recorded in histories: the operating-system account, marked as the command line. */
public final class CommandUser {

    private CommandUser() {
    }

    public static String name() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }
}
