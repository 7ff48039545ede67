package fr.lanterne.ingest;

import java.util.Objects;

/**
 * What a file is, read from its content rather than from its name.
 *
 * @param mediaType   the type detected from the bytes (and from the name only where the bytes do not tell)
 * @param byExtension the type its file name announces ({@code application/octet-stream} when the name says nothing)
 * @param extensionLies whether the name announces another type than the content (a PDF named {@code .docx})
 */
record DetectedType(String mediaType, String byExtension, boolean extensionLies) {

    public DetectedType {
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(byExtension, "byExtension");
    }

    public boolean is(String type) {
        return mediaType.equals(type);
    }
}
