package fr.lanterne.web.api;

import fr.lanterne.authorities.Authority;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.Contact;
import fr.lanterne.authorities.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the authorities API. */
final class AuthorityViews {

    private AuthorityViews() {
    }

    record CommuneView(String insee, String name, String kind, String kindLabel, String departement,
                       String departementName, String region, String regionName, Integer population,
                       List<String> postalCodes, String siren, boolean current, String parentInsee, String parentName,
                       List<String> formerCodes, String edition, boolean prada, AuthorityView townHall,
                       List<AuthorityView> bodies) {

        static CommuneView of(Commune c, Authority townHall, List<Authority> bodies) {
            return new CommuneView(c.insee(), c.name(), c.kind().name(), c.kind().label(), c.departement(),
                    c.departementName(), c.region(), c.regionName(), c.population(), c.postalCodes(), c.siren(),
                    c.current(), c.parentInsee(), c.parentName(), c.formerCodes(), c.edition(), c.mustHavePrada(),
                    townHall == null ? null : AuthorityView.of(townHall),
                    bodies == null ? null : bodies.stream().map(AuthorityView::of).toList());
        }
    }

    record AuthorityView(String code, String kind, String name, String insee, String departement, String region,
                         boolean active, ContactView contact) {

        static AuthorityView of(Authority a) {
            return new AuthorityView(a.code(), a.kind().name(), a.name(), a.communeInsee(), a.departement(), a.region(),
                    a.active(), ContactView.of(a.contact()));
        }
    }

    record ContactView(String email, ProvenanceView emailSource, String postalAddress, ProvenanceView addressSource,
                       String phone, String website) {

        static ContactView of(Contact c) {
            return new ContactView(c.email(), ProvenanceView.of(c.emailProvenance()), c.postalAddress(),
                    ProvenanceView.of(c.addressProvenance()), c.phone(), c.website());
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
