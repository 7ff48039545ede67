package fr.lanterne.database;

import java.nio.file.Path;

/**
 * Another process for {@link EmbeddedMariaDbIT}: opens the embedded server of a folder, prints its port, and keeps
 * it until standard input closes (or until it is killed, to play a crash).
 */
public final class HoldEmbeddedDb {

    private HoldEmbeddedDb() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.open(Path.of(args[0]), Path.of(args[1]), 0, false)) {
            System.out.println("READY " + db.port());
            System.out.flush();
            while (System.in.read() != -1) {
                // Wait for the parent to close our standard input.
            }
        }
        System.exit(0);
    }
}
