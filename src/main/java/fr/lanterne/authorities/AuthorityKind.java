package fr.lanterne.authorities;

/** What kind of public body an authority is. */
public enum AuthorityKind {
    TOWN_HALL("mairie"),
    PREFECTURE("préfecture"),
    REGION("région"),
    EPCI("intercommunalité"),
    TRANSPORT_OPERATOR("opérateur de transport"),
    OTHER("autre organisme");

    private final String label;

    AuthorityKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
