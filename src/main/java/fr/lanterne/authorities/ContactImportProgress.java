package fr.lanterne.authorities;

/**
 * Told how far an import of contacts has gone, so that a page can show it while the import runs. Called from the
 * importing thread; implementations must be cheap and thread-safe to read from elsewhere.
 */
public interface ContactImportProgress {

    ContactImportProgress NONE = new ContactImportProgress() {
    };

    /**
     * @param lines the lines of the file read so far (entries, for a JSON file)
     * @param total the lines the file has (entries, for a JSON file)
     */
    default void read(int lines, int total) {
    }

    /** The whole file was read and found right; its contacts are being written. */
    default void writing(int contacts) {
    }
}
