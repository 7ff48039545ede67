package fr.lanterne.authorities;

/**
 * Where an address came from. When sources disagree, the higher {@link #priority()} wins, field by field: a
 * volunteer's correction beats the official directory, and an address typed by hand beats both.
 */
public enum ContactSource {
    REFERENCE(0, "données de référence fournies avec Lanterne"),
    OFFICIAL_DIRECTORY(1, "Annuaire de l'administration (Service-Public.fr / DILA)"),
    VOLUNTEER_LIST(2, "liste tenue par les bénévoles"),
    MANUAL(3, "saisie manuelle");

    private final int priority;
    private final String label;

    ContactSource(int priority, String label) {
        this.priority = priority;
        this.label = label;
    }

    public int priority() {
        return priority;
    }

    public String label() {
        return label;
    }
}
