package fr.lanterne.web.pages;

import fr.lanterne.web.VisitorNames;
import fr.lanterne.shared.NotFoundException;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.authorities.Authorities;
import fr.lanterne.facts.Facts;
import fr.lanterne.authorities.Authority;
import fr.lanterne.publish.Publications;
import fr.lanterne.publish.PublishedFile;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import fr.lanterne.search.Search;
import fr.lanterne.search.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A document obtained: what it is, where it came from, its text page by page (as extracted, escaped), the
 * deployments it documents. Volunteers confirm those links and choose what visitors may read in public mode.
 */
@Controller
class DocumentPageController {

    private static final Logger log = LoggerFactory.getLogger(DocumentPageController.class);

    private final Documents documents;
    private final Registry registry;
    private final Authorities authorities;
    private final Search search;
    private final Publications publications;
    private final Facts facts;
    private final VisitorNames visitorNames;

    DocumentPageController(Documents documents, Registry registry, Authorities authorities, Search search,
                           Publications publications, Facts facts, VisitorNames visitorNames) {
        this.visitorNames = visitorNames;
        this.documents = documents;
        this.registry = registry;
        this.authorities = authorities;
        this.search = search;
        this.publications = publications;
        this.facts = facts;
    }

    @GetMapping("/documents/{sha256}")
    String document(@PathVariable String sha256, Principal user, Model model, java.util.Locale locale) {
        DocumentRecords.Details details = readable(sha256, user);
        boolean published = documents.published(details.sha256());
        // Visitors read the text of the published version: the original's may hold what was occulted.
        List<String> redactedText = user == null ? publications.publishedText(details.sha256()).orElse(null) : null;
        Map<Long, Deployment> deployments = new LinkedHashMap<>();
        for (DocumentRecords.Link link : details.links()) {
            try {
                deployments.put(link.deploymentId(), registry.deployment(link.deploymentId()));
            } catch (NotFoundException deleted) {
                // A deployment deleted since: its link is shown without it.
            }
        }
        DocumentRecords.Details shown = redactedText == null ? details : withoutMetadata(details);
        if (user == null) {
            // The name it was received under may hold a person's name.
            shown = visitorNames.details(shown, details.receipts().isEmpty() ? null
                    : details.receipts().get(0).receivedAt(), locale);
        }
        model.addAttribute("document", shown);
        model.addAttribute("pages", redactedText == null ? documents.pages(details.sha256())
                : redactedPages(details.sha256(), redactedText));
        model.addAttribute("deployments", deployments);
        model.addAttribute("published", published);
        model.addAttribute("publication", user == null ? null
                : publications.publication(details.sha256()).orElse(null));
        model.addAttribute("redactable", details.mediaType() != null
                && details.mediaType().startsWith("application/pdf"));
        List<Deployment> linkable = linkable(details);
        model.addAttribute("linkable", linkable);
        // Facts quote the original text, which may hold what a published version occults: for signed-in users only.
        model.addAttribute("facts", user == null ? List.of()
                : facts.of(details.sha256()).stream().map(FactLine::of).toList());
        model.addAttribute("invalidKeys", user == null ? 0 : facts.invalidKeys(details.sha256()));
        // A fact is written into a deployment the document documents, or one of its town's.
        List<Deployment> targets = new ArrayList<>(deployments.values());
        targets.addAll(linkable);
        model.addAttribute("factTargets", targets);
        model.addAttribute("similar", user == null ? null : similar(details.sha256()));
        return "documents/document";
    }

    /** Signed-in people get the file as received; visitors the published version (redacted, or as received). */
    @GetMapping("/documents/{sha256}/fichier")
    ResponseEntity<Resource> file(@PathVariable String sha256, Principal user) {
        DocumentRecords.Details details = readable(sha256, user);
        PublishedFile file = user == null ? publications.publishedFile(details.sha256())
                : new PublishedFile(documents.file(details.sha256()), details.fileName(), details.mediaType(), false);
        MediaType type;
        try {
            type = MediaType.parseMediaType(file.mediaType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.fileName(), StandardCharsets.UTF_8).build().toString())
                // A received file is never trusted to run in Lanterne's origin.
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file.path()));
    }

    @PostMapping("/documents/{sha256}/liens/{deploymentId}")
    String decideLink(@PathVariable String sha256, @PathVariable long deploymentId, @RequestParam boolean confirmed,
                      Principal user, RedirectAttributes redirect) {
        documents.decideLink(sha256, deploymentId, confirmed, user.getName());
        redirect.addFlashAttribute("done", confirmed ? "document.done.confirmed" : "document.done.rejected");
        return "redirect:/documents/" + sha256;
    }

    /** A volunteer says the document documents a deployment of its town: it becomes one of its sources. */
    @PostMapping("/documents/{sha256}/liens")
    String link(@PathVariable String sha256, @RequestParam long deploymentId, Principal user,
                RedirectAttributes redirect) {
        return decideLink(sha256, deploymentId, true, user, redirect);
    }

    /** A volunteer writes a fact into a deployment; the document's page becomes one of its sources. */
    @PostMapping("/documents/{sha256}/faits/{id}")
    String confirmFact(@PathVariable String sha256, @PathVariable("id") long factId, @RequestParam long deploymentId,
                       Principal user, RedirectAttributes redirect) {
        facts.confirm(sha256, factId, deploymentId, user.getName());
        redirect.addFlashAttribute("done", "document.done.factConfirmed");
        return "redirect:/documents/" + sha256 + "#faits";
    }

    @PostMapping("/documents/{sha256}/publication")
    String publish(@PathVariable String sha256, @RequestParam boolean published, Principal user,
                   RedirectAttributes redirect) {
        // Published from this form as received; the editor publishes the redacted version.
        String done;
        if (published) {
            done = publications.publish(sha256, true, user.getName()).published() ? "document.done.published"
                    : "document.done.awaitingReview";
        } else {
            publications.withdraw(sha256, user.getName());
            done = "document.done.unpublished";
        }
        redirect.addFlashAttribute("done", done);
        return "redirect:/documents/" + sha256;
    }

    /** Reads the stored file again (once Tesseract is installed, or after an extraction fix) and says what changed. */
    @PostMapping("/documents/{sha256}/relecture")
    String reread(@PathVariable String sha256, Principal user, RedirectAttributes redirect) {
        DocumentRecords.Reread reread = documents.reread(sha256, user.getName());
        redirect.addFlashAttribute("reread", reread);
        return "redirect:/documents/" + reread.sha256();
    }

    /**
     * Documents like this one, for those who may read every document (visitors could be shown unpublished ones);
     * none while the document waits to be indexed or the index cannot be read.
     */
    private List<SearchHit> similar(String sha256) {
        try {
            return search.moreLikeThis(sha256, 5);
        } catch (RuntimeException notIndexed) {
            log.debug("No similar documents for {}: {}", sha256, notIndexed.getMessage());
            return List.of();
        }
    }

    /** The deployments of the document's town not yet linked to it: a volunteer may say it documents one. */
    private List<Deployment> linkable(DocumentRecords.Details details) {
        if (details.authorityCode() == null) {
            return List.of();
        }
        String insee = authorities.findAuthority(details.authorityCode()).map(Authority::communeInsee)
                .orElse(null);
        if (insee == null) {
            return List.of();
        }
        Set<Long> linked = details.links().stream().map(DocumentRecords.Link::deploymentId)
                .collect(Collectors.toSet());
        return registry.find(DeploymentQuery.ofCommune(insee)).stream().filter(d -> !linked.contains(d.id())).toList();
    }

    /** A redacted document as visitors see it: without the original's metadata, which the redacted file drops too. */
    private static DocumentRecords.Details withoutMetadata(DocumentRecords.Details d) {
        return new DocumentRecords.Details(d.sha256(), d.fileName(), d.mediaType(), d.size(), null, null, null, null,
                null, d.pageCount(), d.needsOcr(), d.ocredPages(), d.kind(), d.kindLabel(), d.requestReference(),
                d.authorityCode(), null, null, List.of(), d.mentions(), d.links(), List.of());
    }

    private static List<DocumentRecords.Page> redactedPages(String sha256, List<String> texts) {
        return java.util.stream.IntStream.range(0, texts.size())
                .mapToObj(i -> new DocumentRecords.Page(sha256, i + 1, texts.size(), texts.get(i), false, false))
                .toList();
    }

    /** Visitors (public mode) read published documents only; to them, the others do not exist. */
    private DocumentRecords.Details readable(String sha256, Principal user) {
        DocumentRecords.Details details = documents.details(sha256);
        if (user == null && !documents.published(details.sha256())) {
            throw Documents.notFound(details.sha256());
        }
        return details;
    }
}
