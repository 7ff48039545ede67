package fr.lanterne.database;

import java.nio.file.Path;

/** Another Lanterne process runs the embedded database of this data directory. */
final class DataDirectoryInUseException extends IllegalStateException {

    private final Path folder;
    private final String pid;

    private DataDirectoryInUseException(Path folder, String pid) {
        super("Another Lanterne process (pid " + pid + ") already uses the database in " + folder);
        this.folder = folder;
        this.pid = pid;
    }

    static DataDirectoryInUseException forFolder(Path folder, String pid) {
        return new DataDirectoryInUseException(folder, pid);
    }

    public Path folder() {
        return folder;
    }

    public String pid() {
        return pid;
    }
}
