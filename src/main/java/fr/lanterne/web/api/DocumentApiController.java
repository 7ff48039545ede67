package fr.lanterne.web.api;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.shared.StoredIn;
import fr.lanterne.ingest.DocumentRecords;
import fr.lanterne.ingest.Documents;
import fr.lanterne.requests.RequestReference;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.file.Path;
import java.security.Principal;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import fr.lanterne.web.RequestAccess;

@RestController
class DocumentApiController {

    private final Documents documents;
    private final RequestAccess access;

    DocumentApiController(Documents documents, RequestAccess access) {
        this.documents = documents;
        this.access = access;
    }

    /** A file received by post (scanned) or by hand; {@code reference} ties it to its request. */
    @PostMapping("/api/documents")
    ResponseEntity<UploadView> upload(@RequestPart("file") MultipartFile file,
                                      @RequestParam(required = false) String reference, Principal user)
            throws IOException {
        // A reference this person may not act on answers "not found", exactly as one that does not exist.
        DocumentRecords.Report report = documents.upload(file.getOriginalFilename(), file.getBytes(),
                reference == null || reference.isBlank() ? null
                        : access.request(user, RequestReference.parse(reference)).reference().value(), user.getName(),
                access.mayActOn(user));
        DocumentRecords.Item root = report.items().get(0);
        DocumentRecords.Details details = root.result() == DocumentRecords.Result.INGESTED
                || root.result() == DocumentRecords.Result.DUPLICATE ? documents.details(root.sha256()) : null;
        HttpStatus status = switch (root.result()) {
            case QUARANTINED -> HttpStatus.ACCEPTED;
            // Nothing new: the bytes were known, the upload is one more receipt of their document.
            case DUPLICATE, ALREADY_RECEIVED -> HttpStatus.OK;
            case INGESTED, UNPACKED -> HttpStatus.CREATED;
        };
        return ResponseEntity.status(status).body(new UploadView(root.sha256(), root.result().name(), details, report));
    }

    /**
     * @param document the document, when the file was read (null when it went to quarantine or was a container)
     * @param report what happened to it and to any file inside it
     */
    record UploadView(String sha256, String result, DocumentRecords.Details document, DocumentRecords.Report report) {
    }

    @GetMapping("/api/documents/{sha256}")
    DocumentRecords.Details document(@PathVariable String sha256) {
        return documents.details(sha256);
    }

    @GetMapping("/api/documents/{sha256}/pages/{number}")
    DocumentRecords.Page page(@PathVariable String sha256, @PathVariable int number) {
        return documents.page(sha256, number);
    }

    @GetMapping("/api/documents/{sha256}/file")
    ResponseEntity<Resource> file(@PathVariable String sha256) {
        Path file = documents.file(sha256);
        MediaType type;
        try {
            type = MediaType.parseMediaType(documents.mediaType(sha256));
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(documents.fileName(sha256), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                // A received file is never trusted to run in Lanterne's origin.
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    @GetMapping("/api/quarantine")
    List<DocumentRecords.Quarantined> quarantine(@RequestParam(defaultValue = "true") boolean open,
                                                 @RequestParam(defaultValue = "200") int limit) {
        return documents.quarantine(open, limit);
    }

    @PostMapping("/api/quarantine/{id}/retry")
    DocumentRecords.Report retry(@PathVariable long id, Principal user) {
        return documents.retry(id, user.getName(), access.mayActOn(user));
    }

    /** Reads the stored file again with today's settings and tools; says what changed. */
    @PostMapping("/api/documents/{sha256}/reread")
    DocumentRecords.Reread reread(@PathVariable String sha256, Principal user) {
        return documents.reread(sha256, user.getName());
    }

    @GetMapping("/api/documents/unmatched")
    List<DocumentRecords.Unmatched> unmatched(@RequestParam(defaultValue = "100") int limit) {
        return documents.unmatched(limit);
    }

    record Assignment(@NotBlank @Size(max = 20) @StoredIn("document.request_reference") String reference) {
    }

    @PostMapping("/api/documents/{sha256}/request")
    DocumentRecords.Details assign(@PathVariable String sha256, @Valid @RequestBody Assignment body, Principal user) {
        return documents.assign(sha256, access.request(user, RequestReference.parse(body.reference())).reference(),
                user.getName());
    }

    /** @param confirmed true to confirm the link the text suggests, false to reject it; required */
    record LinkDecision(@NotNull Boolean confirmed) {
    }

    @PostMapping("/api/documents/{sha256}/links/{deploymentId}")
    DocumentRecords.Details link(@PathVariable String sha256, @PathVariable long deploymentId,
                                 @Valid @RequestBody LinkDecision body, Principal user) {
        return documents.decideLink(sha256, deploymentId, body.confirmed(), user.getName());
    }
}
