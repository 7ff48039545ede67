package fr.lanterne.web.api;

import fr.lanterne.deadlines.DateInput;
import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewRequest;
import fr.lanterne.requests.RequestDetails;
import fr.lanterne.requests.RequestReference;
import fr.lanterne.requests.Requests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.Principal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/requests")
class RequestApiController {

    private final Requests requests;
    private final RequestViews views;

    RequestApiController(Requests requests, RequestViews views) {
        this.requests = requests;
        this.views = views;
    }

    record CreateRequest(String authority, String template, Channel channel, boolean postIfNoEmail) {
    }

    @PostMapping
    ResponseEntity<RequestViews.RequestView> create(@RequestBody CreateRequest body, Principal user) {
        RequestDetails created = requests.create(new NewRequest(body.authority(), body.template(), body.channel(),
                body.postIfNoEmail()), user.getName());
        return ResponseEntity.created(URI.create("/api/requests/" + created.reference())).body(views.of(created));
    }

    @GetMapping("/{reference}")
    RequestViews.RequestView request(@PathVariable String reference) {
        return views.of(requests.details(RequestReference.parse(reference)));
    }

    @GetMapping("/{reference}/letter.pdf")
    ResponseEntity<byte[]> letter(@PathVariable String reference) throws IOException {
        RequestReference ref = RequestReference.parse(reference);
        byte[] pdf = Files.readAllBytes(requests.letterPdf(ref));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(ref + ".pdf").build()
                        .toString())
                .body(pdf);
    }

    /** Dates travel as text so that "2026-02-30" gets a sentence saying why, not a parser's message. */
    record DatedEvent(String date, String evidence, Boolean complete) {
    }

    @PostMapping("/{reference}/received")
    RequestViews.RequestView received(@PathVariable String reference, @RequestBody DatedEvent body, Principal user) {
        return views.of(requests.recordReceipt(RequestReference.parse(reference),
                DateInput.parse(body.date(), "date de réception"), body.evidence(), user.getName()));
    }

    @PostMapping("/{reference}/sent")
    RequestViews.RequestView sent(@PathVariable String reference, @RequestBody(required = false) DatedEvent body,
                                  Principal user) {
        return views.of(requests.recordSent(RequestReference.parse(reference),
                body == null || body.date() == null ? null : DateInput.parse(body.date(), "date d'envoi"),
                user.getName()));
    }

    @PostMapping("/{reference}/answer")
    RequestViews.RequestView answer(@PathVariable String reference, @RequestBody DatedEvent body, Principal user) {
        return views.of(requests.recordAnswer(RequestReference.parse(reference), !Boolean.FALSE.equals(body.complete()),
                DateInput.parse(body.date(), "date de la réponse"), user.getName()));
    }

    @PostMapping("/{reference}/refusal")
    RequestViews.RequestView refusal(@PathVariable String reference, @RequestBody DatedEvent body, Principal user) {
        return views.of(requests.recordRefusal(RequestReference.parse(reference),
                DateInput.parse(body.date(), "date du refus"), user.getName()));
    }

    @PostMapping("/{reference}/withdrawal")
    RequestViews.RequestView withdrawal(@PathVariable String reference, Principal user) {
        return views.of(requests.withdraw(RequestReference.parse(reference), null, user.getName()));
    }
}
