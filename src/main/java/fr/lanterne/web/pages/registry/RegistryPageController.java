package fr.lanterne.web.pages.registry;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.Paris;
import fr.lanterne.shared.UserError;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.authorities.AuthorityCodes;
import fr.lanterne.authorities.Commune;
import fr.lanterne.authorities.CommuneKind;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Source;
import fr.lanterne.registry.SourceDraft;
import fr.lanterne.registry.Technology;
import fr.lanterne.registry.Vendor;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.security.Principal;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The registry for everyone: the list with its filters, and each deployment with its sources and history. */
@Controller
class RegistryPageController {

    static final int PAGE_SIZE = 100;

    private final Registry registry;
    private final Authorities authorities;
    private final Documents documents;
    private final MessageSource messages;

    RegistryPageController(Registry registry, Authorities authorities, Documents documents, MessageSource messages) {
        this.registry = registry;
        this.authorities = authorities;
        this.documents = documents;
        this.messages = messages;
    }

    @ModelAttribute("canEdit")
    boolean canEdit(Authentication authentication) {
        return Editors.canEdit(authentication);
    }

    /**
     * @param commune free text: a town's name, postal code or INSEE code, as on the home page
     * @param page from 1, a hundred deployments a page
     */
    @GetMapping("/registre")
    String list(@RequestParam(name = "technologie", required = false) String technology,
                @RequestParam(name = "statut", required = false) String status,
                @RequestParam(required = false) String departement,
                @RequestParam(name = "fournisseur", required = false) String vendor,
                @RequestParam(required = false) String commune,
                @RequestParam(defaultValue = "1") int page, HttpServletResponse response, Model model) {
        Technology tech = parse(Technology.class, technology, "technologie", model);
        DeploymentStatus stat = parse(DeploymentStatus.class, status, "statut", model);
        int pageNumber = Math.max(1, page);
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("statuses", DeploymentStatus.values());
        model.addAttribute("vendors", registry.vendors().stream().map(Vendor::name).toList());
        model.addAttribute("departements", authorities.departements());
        model.addAttribute("filter", new Filter(tech == null ? "" : tech.name(), stat == null ? "" : stat.name(),
                departement == null ? "" : departement.strip().toUpperCase(Locale.ROOT),
                vendor == null ? "" : vendor.strip(), commune == null ? "" : commune.strip()));
        model.addAttribute("page", pageNumber);

        List<Deployment> deployments;
        boolean more = false;
        try {
            if (commune != null && !commune.isBlank()) {
                List<String> codes = communeCodes(commune);
                model.addAttribute("communesFound", codes.size());
                deployments = new ArrayList<>();
                for (String insee : codes) {
                    deployments.addAll(registry.find(new DeploymentQuery(insee, departement, vendor, tech, stat, null,
                            DeploymentQuery.MAX_LIMIT, 0)));
                }
                deployments.sort(Comparator.comparing(Deployment::communeInsee,
                                Comparator.nullsLast(Comparator.<String>naturalOrder()))
                        .thenComparing(Deployment::technology).thenComparing(Deployment::id));
            } else {
                deployments = new ArrayList<>(registry.find(new DeploymentQuery(null, departement, vendor, tech, stat,
                        null, PAGE_SIZE + 1, (pageNumber - 1) * PAGE_SIZE)));
                more = deployments.size() > PAGE_SIZE;
                if (more) {
                    deployments.remove(PAGE_SIZE);
                }
            }
        } catch (InvalidInputException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("departementError", e.getMessage());
            deployments = List.of();
        }
        model.addAttribute("deployments", deployments);
        model.addAttribute("more", more);
        return "registry/list";
    }

    /** What the list was filtered on, to fill the filter form again. */
    record Filter(String technology, String status, String departement, String vendor, String commune) {
    }

    @GetMapping("/registre/{id}")
    String deployment(@PathVariable long id, Authentication authentication, Locale locale, Model model) {
        return deploymentPage(id, Editors.signedIn(authentication), Editors.canEdit(authentication), locale, model);
    }

    @PostMapping("/registre/{id}/sources")
    String addSource(@PathVariable long id, @Valid @ModelAttribute("sourceForm") SourceForm form, BindingResult errors,
                     Principal user, Locale locale, Model model, RedirectAttributes redirect,
                     HttpServletResponse response) {
        try {
            SourceDraft draft = form.toDraft(errors);
            if (draft != null) {
                registry.addSource(id, draft, user.getName());
                redirect.addFlashAttribute("done", "registry.notice.sourceAdded");
                return "redirect:/registre/" + id + "#sources";
            }
        } catch (InvalidInputException e) {
            Refusals.reject(errors, e, Map.of("url", "url", "title", "title", "quote", "quote"));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("open", "source");
        return deploymentPage(id, true, true, locale, model);
    }

    /** A document obtained through Lanterne becomes a source; the ingest module records the link as confirmed. */
    @PostMapping("/registre/{id}/documents")
    String linkDocument(@PathVariable long id, @Valid @ModelAttribute("documentForm") DocumentLinkForm form,
                        BindingResult errors, Principal user, Locale locale, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        Deployment deployment = registry.deployment(id);
        String sha256 = form.sha256(errors);
        if (sha256 != null && deployment.sources().stream().anyMatch(s -> sha256.equals(s.documentSha256()))) {
            errors.rejectValue("document", "registry.form.document.alreadyLinked");
        } else if (sha256 != null) {
            try {
                documents.decideLink(sha256, id, true, user.getName());
                redirect.addFlashAttribute("done", "registry.notice.documentLinked");
                return "redirect:/registre/" + id + "#sources";
            } catch (UserError e) {
                Refusals.reject(errors, e, Map.of("documentSha256", form.getReference() != null
                        && !form.getReference().isBlank() ? "reference" : "document"));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("open", "document");
        return deploymentPage(id, true, true, locale, model);
    }

    /**
     * A source as shown.
     *
     * @param documentLabel the title (or file name) of the document it cites; null when it cites none, one this
     *                      installation does not hold, or one the reader may not open
     * @param documentReadable whether the reader may open the document: anyone signed in, visitors only once a
     *                         volunteer published it
     * @param documentNote why a cited document cannot be opened (a message key), or null
     */
    record SourceView(Source source, ZonedDateTime addedAt, String documentLabel, boolean documentReadable,
                      String documentNote) {
    }

    /** A document that could be cited, in the choice offered to volunteers. */
    record Candidate(String sha256, String label) {
    }

    private String deploymentPage(long id, boolean signedIn, boolean canEdit, Locale locale, Model model) {
        Deployment deployment = registry.deployment(id);
        List<String> cited = deployment.sources().stream().map(Source::documentSha256).filter(Objects::nonNull)
                .toList();
        Map<String, DocumentRecords.Summary> citedDocuments = cited.isEmpty() ? Map.of()
                : documents.summaries(cited).stream().collect(Collectors.toMap(DocumentRecords.Summary::sha256,
                        Function.identity()));
        model.addAttribute("deployment", deployment);
        model.addAttribute("updatedAt", deployment.updatedAt().atZone(Paris.ZONE));
        model.addAttribute("sources", deployment.sources().stream().map(s -> {
            DocumentRecords.Summary document = s.documentSha256() == null ? null
                    : citedDocuments.get(s.documentSha256());
            boolean readable = document != null && (signedIn || document.published());
            String note = s.documentSha256() == null || readable ? null
                    : document == null ? "registry.sources.documentMissing" : "registry.sources.documentUnpublished";
            return new SourceView(s, s.addedAt().atZone(Paris.ZONE), readable ? label(document) : null,
                    readable, note);
        }).toList());
        model.addAttribute("history", new HistoryLines(messages, locale).of(registry.history(id)));
        if (canEdit) {
            if (!model.containsAttribute("sourceForm")) {
                model.addAttribute("sourceForm", new SourceForm());
            }
            if (!model.containsAttribute("documentForm")) {
                model.addAttribute("documentForm", new DocumentLinkForm());
            }
            model.addAttribute("candidates", candidates(deployment, Set.copyOf(cited), locale));
        }
        return "registry/deployment";
    }

    /** The documents received from the deployment's operator and from its town hall, not cited yet. */
    private List<Candidate> candidates(Deployment deployment, Set<String> cited, Locale locale) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(deployment.authorityCode());
        if (deployment.communeInsee() != null) {
            codes.add(AuthorityCodes.townHall(deployment.communeInsee()));
        }
        return documents.ofAuthorities(List.copyOf(codes)).stream()
                .filter(d -> !cited.contains(d.sha256()))
                .map(d -> new Candidate(d.sha256(), label(d) + " ("
                        + messages.getMessage("documentKind." + d.kind(), null, d.kindLabel(), locale) + ", "
                        + d.receivedAt().atZone(Paris.ZONE).toLocalDate() + ")"))
                .toList();
    }

    private static String label(DocumentRecords.Summary document) {
        if (document == null) {
            return null;
        }
        return document.title() != null && !document.title().isBlank() ? document.title() : document.fileName();
    }

    /** The current communes a search finds; a commune déléguée stands for the commune it belongs to. */
    private List<String> communeCodes(String text) {
        Set<String> codes = new LinkedHashSet<>();
        for (Commune commune : authorities.search(text, 20)) {
            codes.add(commune.kind() == CommuneKind.COMMUNE ? commune.insee() : commune.parentInsee());
        }
        codes.remove(null);
        return List.copyOf(codes);
    }

    /** A value of a list; one that is not in it (a hand-made address) is said so, and not filtered on. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value, String parameter, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            model.addAttribute(parameter + "Error", value.strip());
            return null;
        }
    }
}
