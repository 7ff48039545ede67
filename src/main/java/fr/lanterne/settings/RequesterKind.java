package fr.lanterne.settings;

/** Who signs: a person, or an association (or any other legal person) through its legal representative. */
public enum RequesterKind {
    NATURAL_PERSON("personne physique"),
    LEGAL_PERSON("personne morale");

    private final String label;

    RequesterKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
