package fr.lanterne.users;

/** What a user may do. */
public enum Role {
    /** Everything, including managing users. */
    ADMIN("administrateur"),
    /** Launches and follows requests, edits the registry, uploads documents. */
    VOLUNTEER("bénévole"),
    /** Reads and searches obtained documents. */
    RESEARCHER("chercheur·e");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
