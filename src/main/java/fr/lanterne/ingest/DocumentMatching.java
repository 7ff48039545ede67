package fr.lanterne.ingest;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.Authority;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Technology;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Where a received document belongs: the request it answers and its authority, then the deployments of that
 * authority's commune it names, proposed for a volunteer to confirm.
 */
@Component
class DocumentMatching {

    private final Requests requests;
    private final Authorities authorities;
    private final Registry registry;

    DocumentMatching(Requests requests, Authorities authorities, Registry registry) {
        this.requests = requests;
        this.authorities = authorities;
        this.registry = registry;
    }

    /** The request a document answers and its authority; either may be null (triage). */
    record Match(String reference, String authorityCode) {
    }

    /**
     * Reference first (given, or found in the email or the documents, most reliable first), then the sender's address,
     * else triage. Only a request the sender of the input may act on is taken: a reference to any other is treated as
     * one no request has.
     */
    Match match(Received received, DocumentRecords.Source source, Predicate<RequestDetails> mayActOn) {
        if (source.requestReference() != null) {
            RequestReference ref = RequestReference.parse(source.requestReference());
            RequestDetails request = requests.find(ref).filter(mayActOn).orElseThrow(() -> new InvalidInputException(
                    "Aucune demande n'a la référence " + ref + ".", Map.of("reference", ref.value())));
            return new Match(request.reference().value(), request.authorityCode());
        }
        for (ReferenceMatch found : received.references()) {
            Optional<RequestDetails> request = requests.find(RequestReference.parse(found.reference()))
                    .filter(mayActOn);
            if (request.isPresent()) {
                return new Match(request.get().reference().value(), request.get().authorityCode());
            }
        }
        Optional<String> sender = received.root().emailMessage().map(EmailMessage::from);
        Optional<Authority> authority = sender.flatMap(authorities::findByEmail);
        return new Match(null, authority.map(Authority::code).orElse(null));
    }

    /** Deployments of the authority's commune whose technology or vendor the document names: to be confirmed. */
    List<Long> relatedDeployments(String authorityCode, List<Mention> mentions) {
        if (authorityCode == null || mentions.isEmpty()) {
            return List.of();
        }
        Authority authority = authorities.authorityByCode(authorityCode);
        if (authority.communeInsee() == null) {
            return List.of();
        }
        Set<Technology> technologies = EnumSet.noneOf(Technology.class);
        Set<String> vendors = new HashSet<>();
        for (Mention mention : mentions) {
            technologies.addAll(mention.technologies());
            if (mention.vendor() != null) {
                vendors.add(mention.vendor().toLowerCase(Locale.ROOT));
            }
        }
        return registry.find(DeploymentQuery.ofCommune(authority.communeInsee())).stream()
                .filter(d -> technologies.contains(d.technology())
                        || d.vendor() != null && vendors.contains(d.vendor().toLowerCase(Locale.ROOT)))
                .map(Deployment::id)
                .toList();
    }
}
