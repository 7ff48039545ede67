package fr.lanterne.authorities;

import java.util.List;

/**
 * An intercommunalité (EPCI à fiscalité propre) of the DGCL list, with its member communes.
 *
 * @param populationTotal INSEE "population totale", the figure laws and regulations read unless they say otherwise
 * (décret n° 2003-485 du 5 juin 2003, art. 1)
 * @param populationMunicipal INSEE "population municipale", the figure the commune list gives for communes
 * @param departement the département most of its members are in (an EPCI may straddle several)
 * @param current false when the last edition loaded no longer lists it
 */
public record Epci(String siren, String name, String type, Integer populationTotal, Integer populationMunicipal,
                   String departement, String departementName, String region, boolean current, List<Member> members) {

    public Epci {
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** The authority code the requests to it are addressed with: {@code epci-200030195}. */
    public String authorityCode() {
        return AuthorityCodes.epci(siren);
    }

    /** EPCI of 10,000 inhabitants or more (population totale) must name a PRADA (CRPA R330-2, 3°). */
    public PradaRule.Verdict prada() {
        return PradaRule.forEpci(current, populationTotal);
    }

    public PublicationDuty.Verdict publicationDuty() {
        return PublicationDuty.forEpci(current, populationTotal, null);
    }

    /** The French name of its legal form. */
    public String typeLabel() {
        return typeLabel(type);
    }

    static String typeLabel(String type) {
        return switch (type) {
            case "CC" -> "communauté de communes";
            case "CA" -> "communauté d’agglomération";
            case "CU" -> "communauté urbaine";
            case "METRO" -> "métropole";
            case "MET69" -> "Métropole de Lyon (collectivité à statut particulier)";
            default -> "intercommunalité (" + type + ")";
        };
    }

    /** A member commune with the two INSEE figures the EPCI list gives for it. */
    public record Member(String insee, String name, Integer populationTotal, Integer populationMunicipal) {
    }

    /** An EPCI named on a member commune's page. */
    public record Ref(String siren, String name, String type) {

        public String typeLabel() {
            return Epci.typeLabel(type);
        }
    }
}
