package fr.lanterne.web.pages;

import fr.lanterne.facts.Fact;
import fr.lanterne.facts.FactKind;
import fr.lanterne.facts.Facts;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentQuery;
import fr.lanterne.registry.Registry;
import fr.lanterne.registry.Source;
import fr.lanterne.registry.Vendor;
import fr.lanterne.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A vendor across towns: each deployment it supplies, with its town, product, status, start year, cameras, the
 * amounts volunteers confirmed from documents and the documents that source it; sortable, as CSV and as JSON.
 */
@Controller
class VendorPageController {

    /**
     * One deployment of the vendor.
     *
     * @param amounts   the amounts confirmed from its documents ("120000.00 EUR HT")
     * @param amount    the largest of them, for sorting, or null
     * @param documents the SHA-256 of the documents among its sources
     */
    record VendorDeployment(long id, String town, String insee, String technology, String product, String status,
                            Integer since, Integer cameraCount, List<String> amounts, BigDecimal amount,
                            List<String> documents) {
    }

    /** The orders the page offers, by the word of its address ({@code ?tri=annee}). */
    private static final Map<String, Comparator<VendorDeployment>> ORDERS = Map.of(
            "commune", Comparator.comparing(VendorDeployment::town, Collator.getInstance(Locale.FRENCH)),
            "annee", Comparator.comparing(VendorDeployment::since, Comparator.nullsLast(Comparator.reverseOrder())),
            "cameras", Comparator.comparing(VendorDeployment::cameraCount,
                    Comparator.nullsLast(Comparator.reverseOrder())),
            "montant", Comparator.comparing(VendorDeployment::amount, Comparator.nullsLast(Comparator.reverseOrder())));

    private final Registry registry;
    private final Facts facts;

    VendorPageController(Registry registry, Facts facts) {
        this.registry = registry;
        this.facts = facts;
    }

    @GetMapping("/fournisseurs/{name}")
    String vendor(@PathVariable String name, @RequestParam(name = "tri", defaultValue = "commune") String order,
                  Model model) {
        Vendor vendor = known(name);
        model.addAttribute("vendor", vendor);
        model.addAttribute("order", ORDERS.containsKey(order) ? order : "commune");
        model.addAttribute("deployments", deployments(vendor, order));
        return "vendors/vendor";
    }

    @GetMapping("/fournisseurs/{name}/export.json")
    @ResponseBody
    List<VendorDeployment> json(@PathVariable String name,
                                @RequestParam(name = "tri", defaultValue = "commune") String order) {
        return deployments(known(name), order);
    }

    /** Semicolon-separated, UTF-8 with a byte order mark, as French spreadsheets expect. */
    @GetMapping("/fournisseurs/{name}/export.csv")
    void csv(@PathVariable String name, @RequestParam(name = "tri", defaultValue = "commune") String order,
             HttpServletResponse response) throws IOException {
        Vendor vendor = known(name);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("lanterne-fournisseur-" + vendor.name() + ".csv", StandardCharsets.UTF_8).build()
                .toString());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        row(out, "deploiement", "commune", "insee", "technologie", "produit", "statut", "debut", "cameras",
                "montants", "documents");
        for (VendorDeployment d : deployments(vendor, order)) {
            row(out, String.valueOf(d.id()), d.town(), d.insee(), d.technology(), d.product(), d.status(),
                    d.since() == null ? "" : d.since().toString(),
                    d.cameraCount() == null ? "" : d.cameraCount().toString(), String.join(" | ", d.amounts()),
                    String.join(" ", d.documents()));
        }
        out.flush();
    }

    private Vendor known(String name) {
        return registry.vendors().stream().filter(v -> v.name().equalsIgnoreCase(name.strip())).findFirst()
                .orElseThrow(() -> new NotFoundException("Le registre ne connaît pas de fournisseur « " + name
                        + " » : vérifiez son nom dans la liste des déploiements.", Map.of("vendor", name)));
    }

    private List<VendorDeployment> deployments(Vendor vendor, String order) {
        List<Deployment> found = registry.find(new DeploymentQuery(null, null, vendor.name(), null, null, null,
                DeploymentQuery.MAX_LIMIT, 0));
        return found.stream().filter(d -> vendor.name().equalsIgnoreCase(d.vendor())).map(this::row)
                .sorted(ORDERS.getOrDefault(order, ORDERS.get("commune"))).toList();
    }

    private VendorDeployment row(Deployment d) {
        List<Fact> amounts = facts.confirmedInto(d.id()).stream().filter(f -> f.kind() == FactKind.AMOUNT).toList();
        BigDecimal largest = amounts.stream().map(f -> new BigDecimal(f.value())).max(Comparator.naturalOrder())
                .orElse(null);
        return new VendorDeployment(d.id(), Objects.requireNonNullElse(d.communeName(), d.authorityName()),
                d.communeInsee(), d.technology().name(), d.product(), d.status().name(), d.since(), d.cameraCount(),
                amounts.stream().map(f -> f.value() + " " + f.unit()).toList(), largest,
                d.sources().stream().map(Source::documentSha256).filter(Objects::nonNull).distinct().toList());
    }

    private static void row(Writer out, String... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(SearchPageController.csvField(fields[i] == null ? "" : fields[i]));
        }
        out.write("\r\n");
    }
}
