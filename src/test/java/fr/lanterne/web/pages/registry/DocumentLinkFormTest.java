package fr.lanterne.web.pages.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class DocumentLinkFormTest {

    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void a_document_picked_from_the_list() {
        assertThat(sha256(SHA256, null)).isEqualTo(SHA256);
    }

    @Test
    void a_hash_or_a_page_address_typed_wins_over_the_list() {
        assertThat(sha256("a".repeat(64), "  " + SHA256.toUpperCase() + " ")).isEqualTo(SHA256);
        assertThat(sha256(null, "https://lanterne.example/documents/" + SHA256 + "?page=2")).isEqualTo(SHA256);
        assertThat(sha256(null, "https://lanterne.example/documents/" + SHA256)).isEqualTo(SHA256);
    }

    @Test
    void anything_else_is_refused_beside_the_field_it_was_typed_in() {
        DocumentLinkForm form = new DocumentLinkForm();
        form.setReference("https://lanterne.example/documents/" + SHA256 + "0");
        Errors errors = new BeanPropertyBindingResult(form, "documentForm");

        assertThat(form.sha256(errors)).isNull();
        assertThat(errors.getFieldError("reference").getCode()).isEqualTo("registry.form.document.invalid");

        DocumentLinkForm empty = new DocumentLinkForm();
        Errors none = new BeanPropertyBindingResult(empty, "documentForm");
        assertThat(empty.sha256(none)).isNull();
        assertThat(none.getFieldError("document").getCode()).isEqualTo("registry.form.document.missing");
    }

    private static String sha256(String document, String reference) {
        DocumentLinkForm form = new DocumentLinkForm();
        form.setDocument(document);
        form.setReference(reference);
        Errors errors = new BeanPropertyBindingResult(form, "documentForm");
        String sha256 = form.sha256(errors);
        assertThat(errors.hasErrors()).isFalse();
        return sha256;
    }
}
