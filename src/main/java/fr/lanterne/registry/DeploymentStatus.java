package fr.lanterne.registry;

/** Where a deployment stands. */
public enum DeploymentStatus {
    ANNOUNCED("annoncé"),
    EXPERIMENT("expérimentation"),
    DEPLOYED("déployé"),
    ABANDONED("abandonné"),
    BLOCKED_BY_REGULATOR("bloqué par le régulateur (CNIL)"),
    BLOCKED_BY_COURT("annulé par la justice");

    private final String label;

    DeploymentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
