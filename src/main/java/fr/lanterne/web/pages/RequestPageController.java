package fr.lanterne.web.pages;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.shared.UserError;
import fr.lanterne.deadlines.DateInput;
import fr.lanterne.deadlines.DeadlineChain;
import fr.lanterne.deadlines.Deadlines;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.requests.EventType;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.Requests;
import fr.lanterne.requests.TimelineEvent;
import fr.lanterne.web.ErrorStatus;
import fr.lanterne.web.Inputs;
import fr.lanterne.web.RequestAccess;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A request's page: where it stands, its timeline, its letter, its deadlines with the articles they rest on, and
 * what a volunteer records as it goes (the receipt date, an answer, a refusal, the CADA steps, a document received by
 * post). A refused action shows its reason next to its form, with what was typed.
 */
@Controller
@RequestMapping("/demandes")
class RequestPageController {

    /** The actions of the request page, each a form posting a date (or a text, for a note). */
    enum Action {
        RECEIPT("reception"), SENT("envoi"), ANSWER("reponse"), PARTIAL_ANSWER("reponse-partielle"),
        REFUSAL("refus"), CADA_REFERRAL("saisine-cada"), CADA_REGISTRATION("enregistrement-cada"),
        CADA_OPINION("avis-cada"), COURT("recours"), WITHDRAWAL("retrait"), NOTE("note"),
        /** Its own section of the page, not in the grid of dates: it names another authority (CRPA L311-2). */
        TRANSMISSION("transmission");

        final String path;

        Action(String path) {
            this.path = path;
        }

        static Action of(String path) {
            for (Action action : values()) {
                if (action.path.equals(path)) {
                    return action;
                }
            }
            return null;
        }

        public String path() {
            return path;
        }
    }

    /** The texts the action forms send, with the lengths their columns hold. */
    record ActionFields(@Size(max = 40) String date,
                        @Size(max = 300) @StoredIn({"request.receipt_evidence", "request_event.detail"})
                        String evidence,
                        @Size(max = 10_000) @StoredIn("request_event.detail") String text) {
    }

    /** Sent, received or deemed refused by silence: the authority may have transmitted it (CRPA L311-2). */
    private static final Set<RequestStatus> TRANSMITTABLE = EnumSet.of(RequestStatus.SENT, RequestStatus.RECEIVED,
            RequestStatus.IMPLICITLY_REFUSED);

    private static final Set<RequestStatus> REFUSALS = EnumSet.of(RequestStatus.REFUSED,
            RequestStatus.IMPLICITLY_REFUSED, RequestStatus.PARTIALLY_ANSWERED);

    private final Requests requests;
    private final RequestAccess access;
    private final Deadlines deadlines;
    private final Documents documents;
    private final Clock clock;
    private final Validator validator;

    RequestPageController(Requests requests, RequestAccess access, Deadlines deadlines, Documents documents,
                          Clock clock, Validator validator) {
        this.requests = requests;
        this.access = access;
        this.deadlines = deadlines;
        this.documents = documents;
        this.clock = clock;
        this.validator = validator;
    }

    @GetMapping
    String list(@RequestParam(required = false) List<RequestStatus> etat, Principal user, Model model) {
        List<String> owners = access.followedOwners(user);
        model.addAttribute("requests", requests.list(owners, null, etat, 500));
        model.addAttribute("counts", requests.countByStatus(owners));
        model.addAttribute("selected", etat == null ? List.of() : etat);
        return "requests/list";
    }

    @GetMapping("/{reference}")
    String request(@PathVariable String reference, Principal user, Model model) {
        show(access.request(user, RequestReference.parse(reference)), model);
        return "requests/request";
    }

    @GetMapping("/{reference}/lettre.pdf")
    ResponseEntity<Resource> letter(@PathVariable String reference, Principal user) {
        RequestReference ref = followed(reference, user);
        return pdf(requests.letterPdf(ref), ref + ".pdf");
    }

    @GetMapping("/{reference}/brouillon")
    ResponseEntity<Resource> draft(@PathVariable String reference, @RequestParam String fichier, Principal user) {
        Path draft = requests.draft(followed(reference, user), fichier);
        return pdf(draft, draft.getFileName().toString());
    }

    @PostMapping("/{reference}/{action:[a-z-]+}")
    String act(@PathVariable String reference, @PathVariable("action") String path,
               @RequestParam Map<String, String> form, Principal user, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        RequestReference ref = followed(reference, user);
        Action action = Action.of(path);
        if (action == null) {
            throw new fr.lanterne.shared.NotFoundException("Action inconnue : « " + path + " ».",
                    Map.of("action", path));
        }
        try {
            Inputs.check(validator, new ActionFields(form.get("date"), form.get("evidence"), form.get("text")));
            perform(action, ref, form, user.getName());
        } catch (UserError refused) {
            // The page again, with the reason next to the form and what was typed still in it.
            response.setStatus(ErrorStatus.of(refused).value());
            show(requests.details(ref), model);
            model.addAttribute("failedAction", action.path());
            model.addAttribute("failure", refused.getMessage());
            model.addAttribute("typed", form);
            return "requests/request";
        }
        redirect.addFlashAttribute("done", "request.done." + action.path());
        redirect.addFlashAttribute("forget", "request-" + ref + "-" + action.path());
        return "redirect:/demandes/" + ref;
    }

    private void perform(Action action, RequestReference ref, Map<String, String> form, String actor) {
        switch (action) {
            case RECEIPT -> requests.recordReceipt(ref, date(form, "date de réception"), form.get("evidence"),
                    remedies(form), actor);
            case SENT -> requests.recordSent(ref, date(form, "date d'envoi"), actor);
            case ANSWER -> requests.recordAnswer(ref, true, date(form, "date de la réponse"), actor);
            case PARTIAL_ANSWER -> requests.recordAnswer(ref, false, date(form, "date de la réponse"), actor);
            case REFUSAL -> requests.recordRefusal(ref, date(form, "date du refus"), remedies(form), actor);
            case CADA_REFERRAL -> requests.recordCadaReferral(ref, date(form, "date de saisine de la CADA"), actor);
            case CADA_REGISTRATION -> requests.recordCadaRegistration(ref,
                    date(form, "date d'enregistrement par la CADA"), actor);
            case CADA_OPINION -> requests.recordCadaOpinion(ref, date(form, "date de l'avis de la CADA"), actor);
            case COURT -> requests.recordCourt(ref, date(form, "date du recours"), actor);
            case WITHDRAWAL -> requests.withdraw(ref, optionalDate(form, "date du retrait"), actor);
            case NOTE -> requests.note(ref, form.get("text"), actor);
            case TRANSMISSION -> requests.recordTransmission(ref, form.get("authority"),
                    date(form, "date de la transmission"), optionalDate(form, "received",
                            "date de réception par la nouvelle administration"), actor);
        }
    }

    /** Drafts the referral to the CADA now and offers it for download. */
    @PostMapping("/{reference}/brouillon-saisine")
    String draftReferral(@PathVariable String reference, Principal user, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        RequestReference ref = followed(reference, user);
        String file;
        try {
            file = requests.draftReferral(ref);
        } catch (UserError refused) {
            // No refusal yet, or an identity short of an R343-1 element: the page again, saying which.
            response.setStatus(ErrorStatus.of(refused).value());
            show(requests.details(ref), model);
            model.addAttribute("failure", refused.getMessage());
            return "requests/request";
        }
        redirect.addFlashAttribute("done", "request.done.referralDrafted");
        redirect.addFlashAttribute("draft", file);
        return "redirect:/demandes/" + ref;
    }

    /** A document received by post or by hand, scanned by the volunteer, filed against this request. */
    @PostMapping("/{reference}/documents")
    String upload(@PathVariable String reference, @RequestParam("file") MultipartFile file, Principal user,
                  RedirectAttributes redirect) throws IOException {
        RequestReference ref = followed(reference, user);
        DocumentRecords.Report report = documents.upload(file.getOriginalFilename(), file.getBytes(), ref.value(),
                user.getName(), access.mayActOn(user));
        redirect.addFlashAttribute("uploaded", report);
        return "redirect:/demandes/" + ref + "#documents";
    }

    private void show(RequestDetails request, Model model) {
        model.addAttribute("request", request);
        LocalDate today = LocalDate.now(clock);
        DeadlineChain chain = deadlines.of(request, today).orElse(null);
        model.addAttribute("deadlines", chain);
        model.addAttribute("timeline", DeadlineTimeline.of(request, chain, today));
        model.addAttribute("documents", documents.ofRequest(request.reference().value()));
        model.addAttribute("drafts", drafts(request));
        Set<Action> actions = actionsFor(request);
        model.addAttribute("actions", actions);
        model.addAttribute("canDraftReferral", actions.contains(Action.CADA_REFERRAL));
        model.addAttribute("canRecordTransmission", TRANSMITTABLE.contains(request.status()));
        model.addAttribute("today", today);
    }

    /** The drafts its timeline mentions (reminders, referrals), newest first, by file. */
    private static Map<String, EventType> drafts(RequestDetails request) {
        Map<String, EventType> drafts = new LinkedHashMap<>();
        for (int i = request.timeline().size() - 1; i >= 0; i--) {
            TimelineEvent e = request.timeline().get(i);
            if ((e.type() == EventType.REMINDER_DRAFTED || e.type() == EventType.REFERRAL_DRAFTED)
                    && e.detail() != null && e.detail().endsWith(".pdf")) {
                drafts.putIfAbsent(e.detail(), e.type());
            }
        }
        return drafts;
    }

    /** The actions that make sense in the request's state (the others would be refused anyway). */
    static Set<Action> actionsFor(RequestDetails request) {
        RequestStatus status = request.status();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        actions.add(Action.NOTE);
        if (!status.open()) {
            return actions;
        }
        actions.add(Action.WITHDRAWAL);
        if (request.sentAt() == null && status != RequestStatus.DRAFT) {
            actions.add(Action.SENT);
        }
        if (request.sentAt() != null && request.dates().receivedOn() == null) {
            actions.add(Action.RECEIPT);
        }
        if (request.sentAt() != null) {
            actions.addAll(List.of(Action.ANSWER, Action.PARTIAL_ANSWER, Action.REFUSAL));
        }
        if (REFUSALS.contains(status)) {
            actions.add(Action.CADA_REFERRAL);
        }
        if (status == RequestStatus.REFERRED_TO_CADA) {
            actions.addAll(List.of(Action.CADA_REGISTRATION, Action.CADA_OPINION));
        }
        if (status == RequestStatus.CADA_OPINION || status == RequestStatus.CONFIRMED_REFUSAL) {
            actions.add(Action.COURT);
        }
        return actions;
    }

    private RequestReference followed(String reference, Principal user) {
        return access.request(user, RequestReference.parse(reference)).reference();
    }

    /**
     * Whether the acknowledgement (CRPA L112-6, R112-5) or the refusal (CJA R421-5) stated the remedies and time
     * limits: « oui », « non », or nothing when the volunteer does not know, which keeps what was recorded before.
     */
    private static Boolean remedies(Map<String, String> form) {
        String value = form.get("remedies");
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "oui" -> true;
            case "non" -> false;
            default -> throw new InvalidInputException("Indiquez si les voies et délais de recours étaient mentionnés "
                    + "par « oui », « non » ou « je ne sais pas ».", Map.of("field", "remedies"));
        };
    }

    private static LocalDate date(Map<String, String> form, String what) {
        return DateInput.parse(form.get("date"), what);
    }

    private static LocalDate optionalDate(Map<String, String> form, String what) {
        return optionalDate(form, "date", what);
    }

    private static LocalDate optionalDate(Map<String, String> form, String field, String what) {
        String date = form.get(field);
        return date == null || date.isBlank() ? null : DateInput.parse(date, what);
    }

    private static ResponseEntity<Resource> pdf(Path file, String name) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }
}
