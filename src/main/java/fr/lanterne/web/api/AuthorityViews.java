package fr.lanterne.web.api;

import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.AuthorityDuties;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.Epci;
import fr.lanterne.authorities.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the authorities API. */
final class AuthorityViews {

    private AuthorityViews() {
    }

    /** A search result: a commune ({@code kind} COMMUNE, DELEGATED...) or an intercommunalité ({@code kind} EPCI). */
    sealed interface SearchResultView permits CommuneView, EpciView {
        String kind();
    }

    /**
     * @param population INSEE "population municipale" as the commune list gives it
     * @param publication whether the duty to publish online applies: applicable, probable, non applicable,
     *                    indéterminée (CRPA L312-1-1)
     * @param epci the intercommunalité it belongs to, on the detail only
     */
    record CommuneView(String insee, String name, String kind, String kindLabel, String departement,
                       String departementName, String region, String regionName, Integer population,
                       List<String> postalCodes, String siren, boolean current, String parentInsee, String parentName,
                       List<String> formerCodes, String edition, boolean prada, String pradaReason, String publication,
                       String publicationReason, EpciRefView epci, AuthorityView townHall, List<AuthorityView> bodies)
            implements SearchResultView {

        static CommuneView of(Commune c, Authority townHall, List<Authority> bodies) {
            return of(c, townHall, bodies, null);
        }

        static CommuneView of(Commune c, Authority townHall, List<Authority> bodies, Epci.Ref epci) {
            return new CommuneView(c.insee(), c.name(), c.kind().name(), c.kind().label(), c.departement(),
                    c.departementName(), c.region(), c.regionName(), c.population(), c.postalCodes(), c.siren(),
                    c.current(), c.parentInsee(), c.parentName(), c.formerCodes(), c.edition(), c.prada().due(),
                    c.prada().reason(), c.publicationDuty().status().label(), c.publicationDuty().reason(),
                    epci == null ? null : new EpciRefView(epci.siren(), "epci-" + epci.siren(), epci.name(),
                            epci.type(), epci.typeLabel()),
                    townHall == null ? null : AuthorityView.of(townHall),
                    bodies == null ? null : bodies.stream().map(AuthorityView::of).toList());
        }
    }

    record EpciRefView(String siren, String code, String name, String type, String typeLabel) {
    }

    /**
     * An intercommunalité. {@code populationTotal} is the INSEE "population totale" the EPCI list gives (the figure
     * legal thresholds read), {@code populationMunicipal} the "population municipale".
     *
     * @param members null in search results
     */
    record EpciView(String kind, String siren, String code, String name, String type, String typeLabel,
                    Integer populationTotal, Integer populationMunicipal, String departement, String departementName,
                    boolean current, boolean prada, String pradaReason, String publication, String publicationReason,
                    List<MemberView> members, AuthorityView authority) implements SearchResultView {

        static EpciView of(Epci e, boolean withMembers, Authority authority) {
            return new EpciView("EPCI", e.siren(), e.authorityCode(), e.name(), e.type(), e.typeLabel(),
                    e.populationTotal(), e.populationMunicipal(), e.departement(), e.departementName(), e.current(),
                    e.prada().due(), e.prada().reason(), e.publicationDuty().status().label(),
                    e.publicationDuty().reason(),
                    withMembers ? e.members().stream().map(m -> new MemberView(m.insee(), m.name(),
                            m.populationTotal(), m.populationMunicipal())).toList() : null,
                    authority == null ? null : AuthorityView.of(authority));
        }
    }

    record MemberView(String insee, String name, Integer populationTotal, Integer populationMunicipal) {
    }

    /**
     * @param prada whether it must have a PRADA (CRPA R330-2), known for town halls and intercommunalités; null
     *              where not looked up (lists)
     * @param publication the publication duty (CRPA L312-1-1): applicable, probable, non applicable, indéterminée
     */
    record AuthorityView(String code, String kind, String name, String insee, String departement, String region,
                         boolean active, ContactView contact, Boolean prada, String pradaReason, String publication,
                         String publicationReason) {

        static AuthorityView of(Authority a) {
            return new AuthorityView(a.code(), a.kind().name(), a.name(), a.communeInsee(), a.departement(), a.region(),
                    a.active(), ContactView.of(a.contact()), null, null, null, null);
        }

        static AuthorityView of(Authority a, AuthorityDuties duties) {
            return new AuthorityView(a.code(), a.kind().name(), a.name(), a.communeInsee(), a.departement(), a.region(),
                    a.active(), ContactView.of(a.contact()), duties.prada().due(), duties.prada().reason(),
                    duties.publication().status().label(), duties.publication().reason());
        }
    }

    record ContactView(String email, ProvenanceView emailSource, String postalAddress, ProvenanceView addressSource,
                       String phone, String website, String pradaAddress, ProvenanceView pradaAddressSource) {

        static ContactView of(Contact c) {
            return new ContactView(c.email(), ProvenanceView.of(c.emailProvenance()), c.postalAddress(),
                    ProvenanceView.of(c.addressProvenance()), c.phone(), c.website(), c.pradaAddress(),
                    ProvenanceView.of(c.pradaProvenance()));
        }
    }

    record ProvenanceView(String source, String label, String reference, LocalDate date, Instant recordedAt,
                          String recordedBy) {

        static ProvenanceView of(Provenance p) {
            return p == null ? null : new ProvenanceView(p.source().name(), p.source().label(), p.reference(),
                    p.sourceDate(), p.recordedAt(), p.recordedBy());
        }
    }
}
