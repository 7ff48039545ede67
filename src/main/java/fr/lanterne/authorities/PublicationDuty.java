package fr.lanterne.authorities;

/**
 * Whether a body must publish online the documents it communicates (CRPA L312-1-1 1°), in their updated versions
 * too, once personal data are hidden or the documents made anonymous (L312-1-2). The duty spares the personnes
 * morales with fewer than 50 agents or employees in full-time equivalents (threshold of the décret n° 2016-1922 du
 * 28 décembre 2016, CRPA D312-1-1-1) and the collectivités territoriales of fewer than 3,500 inhabitants
 * (L312-1-1, last paragraph). Lanterne never knows the number of agents: above 3,500 inhabitants the duty is
 * therefore "probable" unless a number of agents is given. An EPCI is not a collectivité territoriale: only the 50
 * agents threshold spares it.
 */
public final class PublicationDuty {

    public static final int MIN_INHABITANTS = 3_500;
    public static final int MIN_AGENTS = 50;

    private PublicationDuty() {
    }

    public enum Status {
        APPLICABLE("applicable"),
        PROBABLE("probable"),
        NOT_APPLICABLE("non applicable"),
        UNKNOWN("indéterminée");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether a letter should ask where the documents are or will be published. */
        public boolean asked() {
            return this == APPLICABLE || this == PROBABLE;
        }
    }

    public record Verdict(Status status, String reason) {
    }

    /**
     * @param agents full-time equivalent agents, or null when unknown (always, today)
     */
    public static Verdict forCommune(CommuneKind kind, boolean current, Integer population, Integer agents) {
        if (kind != CommuneKind.COMMUNE || !current) {
            return new Verdict(Status.NOT_APPLICABLE, "Ce n’est pas une commune en vigueur : c’est sa commune qui "
                    + "publie.");
        }
        if (population == null) {
            return new Verdict(Status.UNKNOWN, "Population inconnue : impossible de dire si l’obligation de "
                    + "publication s’applique.");
        }
        if (population < MIN_INHABITANTS) {
            return new Verdict(Status.NOT_APPLICABLE, "Commune de moins de 3 500 habitants : exemptée de "
                    + "l’obligation de publication en ligne (CRPA L312-1-1).");
        }
        return byAgents(agents, "Commune de 3 500 habitants ou plus");
    }

    public static Verdict forEpci(boolean current, Integer populationTotal, Integer agents) {
        if (!current) {
            return new Verdict(Status.NOT_APPLICABLE, "Cette intercommunalité ne figure plus dans la liste "
                    + "officielle.");
        }
        if (agents == null && (populationTotal == null || populationTotal < MIN_INHABITANTS)) {
            return new Verdict(Status.UNKNOWN, "Intercommunalité : l’obligation dépend de son nombre d’agents "
                    + "(50 ou plus, CRPA L312-1-1 et D312-1-1-1), que Lanterne ne connaît pas.");
        }
        return byAgents(agents, "Intercommunalité");
    }

    private static Verdict byAgents(Integer agents, String subject) {
        if (agents == null) {
            return new Verdict(Status.PROBABLE, subject + " : l’obligation de publication en ligne s’applique si "
                    + "elle emploie au moins 50 agents en équivalent temps plein (CRPA L312-1-1 et D312-1-1-1), ce "
                    + "que Lanterne ne sait pas.");
        }
        return agents >= MIN_AGENTS
                ? new Verdict(Status.APPLICABLE, subject + " employant au moins 50 agents : elle doit publier en "
                        + "ligne les documents qu’elle communique (CRPA L312-1-1 1°).")
                : new Verdict(Status.NOT_APPLICABLE, subject + " employant moins de 50 agents : exemptée de "
                        + "l’obligation de publication en ligne (CRPA D312-1-1-1).");
    }
}
