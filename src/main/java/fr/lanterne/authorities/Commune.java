package fr.lanterne.authorities;

import java.util.List;

/**
 * An entry of the official commune list.
 *
 * @param parentInsee for a commune déléguée or associée, or a municipal arrondissement: the commune it belongs to
 * @param current false when the last edition loaded no longer lists it (merged, split...)
 * @param edition the last edition of the list that listed it
 */
public record Commune(String insee, CommuneKind kind, String name, String departement, String departementName,
                      String region, String regionName, Integer population, List<String> postalCodes, String siren,
                      boolean current, String parentInsee, String parentName, List<String> formerCodes,
                      String edition) {

    /**
     * Current communes of 10,000 inhabitants or more must name a person responsible for access to documents (CRPA
     * R330-2); not their communes déléguées, associées or municipal arrondissements.
     */
    public boolean mustHavePrada() {
        return prada().due();
    }

    public PradaRule.Verdict prada() {
        return PradaRule.forCommune(kind, current, population);
    }

    /** Whether it must publish online the documents it communicates (CRPA L312-1-1); its agents are unknown. */
    public PublicationDuty.Verdict publicationDuty() {
        return PublicationDuty.forCommune(kind, current, population, null);
    }
}
