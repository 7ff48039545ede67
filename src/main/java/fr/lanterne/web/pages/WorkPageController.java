package fr.lanterne.web.pages;

import fr.lanterne.deadlines.Notices;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.RequestSummary;
import fr.lanterne.requests.Requests;
import fr.lanterne.web.RequestAccess;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A volunteer's morning: what is due today and this week, the receipt dates to record, the requests that could not
 * go, the documents waiting to be matched to their request, the files in quarantine.
 */
@Controller
class WorkPageController {

    private static final int WEEK = 7;

    private final Requests requests;
    private final Documents documents;
    private final Notices notices;
    private final RequestAccess access;
    private final Clock clock;

    WorkPageController(Requests requests, Documents documents, Notices notices, RequestAccess access, Clock clock) {
        this.requests = requests;
        this.documents = documents;
        this.notices = notices;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/travail")
    String work(Principal user, Model model) {
        List<String> owners = access.followedOwners(user);
        LocalDate today = LocalDate.now(clock);
        List<Notices.Dated> recent = notices.recent(owners, WEEK);
        List<Notices.Dated> dueToday = new ArrayList<>();
        List<Notices.Dated> dueThisWeek = new ArrayList<>();
        List<Notices.Dated> news = new ArrayList<>();
        for (Notices.Dated notice : recent) {
            LocalDate due = notice.notice().dueDate();
            if (due != null && !due.isAfter(today)) {
                dueToday.add(notice);
            } else if (due != null && !due.isAfter(today.plusDays(WEEK))) {
                dueThisWeek.add(notice);
            } else {
                news.add(notice);
            }
        }
        model.addAttribute("today", today);
        model.addAttribute("dueToday", dueToday);
        model.addAttribute("dueThisWeek", dueThisWeek);
        model.addAttribute("news", news);
        model.addAttribute("toReceive", requests.list(owners, null, List.of(RequestStatus.SENT), 200).stream()
                .filter(r -> r.receivedOn() == null).toList());
        model.addAttribute("problems", requests.list(owners, null,
                List.of(RequestStatus.DELIVERY_FAILED, RequestStatus.SEND_UNCERTAIN), 200));
        model.addAttribute("counts", requests.countByStatus(owners));
        model.addAttribute("unmatched", documents.unmatched(50));
        model.addAttribute("openRequests", openRequests(owners));
        model.addAttribute("quarantine", documents.quarantine(true, 20));
        return "work";
    }

    /** Files a document that came with no reference to the request it answers. */
    @PostMapping("/travail/documents/{sha256}/demande")
    String assign(@PathVariable String sha256, @RequestParam @Size(max = 40) String reference, Principal user,
                  RedirectAttributes redirect) {
        RequestReference ref = RequestReference.parse(reference);
        access.request(user, ref);
        DocumentRecords.Details details = documents.assign(sha256, ref, user.getName());
        redirect.addFlashAttribute("assigned", details.fileName());
        redirect.addFlashAttribute("assignedTo", ref.value());
        return "redirect:/travail#a-trier";
    }

    /** Takes a quarantined file in again (after a limit was raised, Tesseract installed…). */
    @PostMapping("/travail/quarantaine/{id}")
    String retry(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        DocumentRecords.Report report = documents.retry(id, user.getName(), access.mayActOn(user));
        redirect.addFlashAttribute("retried", report);
        return "redirect:/travail#quarantaine";
    }

    private List<RequestSummary> openRequests(List<String> owners) {
        List<RequestStatus> open = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            if (status.open()) {
                open.add(status);
            }
        }
        return requests.list(owners, null, open, 1_000);
    }
}
