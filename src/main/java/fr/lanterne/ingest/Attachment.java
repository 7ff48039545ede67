package fr.lanterne.ingest;

import java.util.Objects;

/**
 * A file attached to an email, as it was sent.
 *
 * @param fileName    its name (decoded from MIME), or a name made up from its position and type when it had none
 * @param contentType the type the sender declared, which may be wrong (the content decides)
 * @param content     its bytes, not copied: do not modify
 */
record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }

    public long size() {
        return content.length;
    }
}
