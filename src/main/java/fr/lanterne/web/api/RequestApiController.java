package fr.lanterne.web.api;

import fr.lanterne.shared.StoredIn;
import fr.lanterne.deadlines.DateInput;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.RequestStatus;
import fr.lanterne.requests.RequestSummary;
import fr.lanterne.requests.Requests;
import fr.lanterne.web.RequestAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/requests")
class RequestApiController {

    private final Requests requests;
    private final RequestViews views;
    private final RequestAccess access;

    RequestApiController(Requests requests, RequestViews views, RequestAccess access) {
        this.requests = requests;
        this.views = views;
        this.access = access;
    }

    /** The requests this person follows (their own and their group's; everyone's for an administrator). */
    @GetMapping
    List<RequestSummary> list(@RequestParam(required = false) List<RequestStatus> status,
                              @RequestParam(required = false) String authority,
                              @RequestParam(defaultValue = "200") int limit, Principal user) {
        return requests.list(access.followedOwners(user), authority == null ? null : List.of(authority), status,
                limit);
    }

    /** The reference, once this person is known to follow the request. */
    private RequestReference followed(String reference, Principal user) {
        return access.request(user, RequestReference.parse(reference)).reference();
    }

    /**
     * @param authority an INSEE code or an authority code
     * @param postIfNoEmail false when left out
     */
    record CreateRequest(@Size(max = 60) String authority,
                         @Size(max = 60) @StoredIn("request.template_id") String template,
                         Channel channel, boolean postIfNoEmail) {
    }

    @PostMapping
    ResponseEntity<RequestViews.RequestView> create(@Valid @RequestBody CreateRequest body, Principal user) {
        RequestDetails created = requests.create(new NewRequest(body.authority(), body.template(), body.channel(),
                body.postIfNoEmail()), user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + created.reference())).body(views.of(created));
    }

    @GetMapping("/{reference}")
    RequestViews.RequestView request(@PathVariable String reference, Principal user) {
        return views.of(access.request(user, RequestReference.parse(reference)));
    }

    @GetMapping("/{reference}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String reference, Principal user) throws IOException {
        RequestReference ref = followed(reference, user);
        byte[] pdf = Files.readAllBytes(requests.letterPdf(ref));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(ref + ".pdf").build()
                        .toString())
                .body(pdf);
    }

    /**
     * Dates travel as text so that "2026-02-30" gets a sentence saying why, not a parser's message.
     * {@code remediesStated}: whether the acknowledgement of receipt (on "received": CRPA L112-6, R112-5) or the
     * refusal (on "refusal": CJA R421-5) stated the remedies and their time limits; absent when not known.
     */
    record DatedEvent(@Size(max = 40) String date,
                      @Size(max = 300) @StoredIn({"request.receipt_evidence", "request_event.detail"}) String evidence,
                      Boolean complete, Boolean remediesStated) {
    }

    @PostMapping("/{reference}/received")
    RequestViews.RequestView received(@PathVariable String reference, @Valid @RequestBody DatedEvent body,
            Principal user) {
        return views.of(requests.recordReceipt(followed(reference, user),
                DateInput.parse(body.date(), "date de réception"), body.evidence(), body.remediesStated(),
                user.getName()));
    }

    /** {"authority": "prefecture-06", "date": "2026-03-10", "received": "2026-03-12"}; received is optional. */
    record TransmissionBody(@Size(max = 60) String authority, @Size(max = 40) String date,
                            @Size(max = 40) String received) {
    }

    /** The authority transmitted the request to the one holding the documents (CRPA L311-2). */
    @PostMapping("/{reference}/transmission")
    RequestViews.RequestView transmitted(@PathVariable String reference, @Valid @RequestBody TransmissionBody body,
                                         Principal user) {
        return views.of(requests.recordTransmission(followed(reference, user), body.authority(),
                DateInput.parse(body.date(), "date de la transmission"),
                body.received() == null || body.received().isBlank() ? null
                        : DateInput.parse(body.received(), "date de réception par la nouvelle administration"),
                user.getName()));
    }

    @PostMapping("/{reference}/sent")
    RequestViews.RequestView sent(@PathVariable String reference, @Valid @RequestBody(required = false) DatedEvent body,
                                  Principal user) {
        return views.of(requests.recordSent(followed(reference, user),
                body == null || body.date() == null ? null : DateInput.parse(body.date(), "date d'envoi"),
                user.getName()));
    }

    @PostMapping("/{reference}/answer")
    RequestViews.RequestView answer(@PathVariable String reference, @Valid @RequestBody DatedEvent body,
            Principal user) {
        return views.of(requests.recordAnswer(followed(reference, user), !Boolean.FALSE.equals(body.complete()),
                DateInput.parse(body.date(), "date de la réponse"), user.getName()));
    }

    @PostMapping("/{reference}/refusal")
    RequestViews.RequestView refusal(@PathVariable String reference, @Valid @RequestBody DatedEvent body,
            Principal user) {
        return views.of(requests.recordRefusal(followed(reference, user),
                DateInput.parse(body.date(), "date du refus"), body.remediesStated(), user.getName()));
    }

    /** Without a date, today; a given date is checked like the others (not in the future, not before sending). */
    @PostMapping("/{reference}/withdrawal")
    RequestViews.RequestView withdrawal(@PathVariable String reference,
                                        @RequestBody(required = false) DatedEvent body, Principal user) {
        return views.of(requests.withdraw(followed(reference, user),
                body == null || body.date() == null ? null : DateInput.parse(body.date(), "date du retrait"),
                user.getName()));
    }
}
