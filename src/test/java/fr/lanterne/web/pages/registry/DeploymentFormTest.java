package fr.lanterne.web.pages.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.registry.Deployment;
import fr.lanterne.registry.DeploymentChanges;
import fr.lanterne.registry.DeploymentDraft;
import fr.lanterne.registry.DeploymentStatus;
import fr.lanterne.registry.Technology;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class DeploymentFormTest {

    private static final Deployment NIMES = new Deployment(7, "mairie-30189", "Mairie de Nîmes", "30189", "Nîmes",
            Technology.VSA, "Briefcam", null, DeploymentStatus.DEPLOYED, 2015, null, 500, "Analyse vidéo.", List.of(),
            4, Instant.EPOCH, Instant.EPOCH);

    @Test
    void a_complete_form_is_a_draft_with_its_first_source() {
        DeploymentForm form = form(Map.of("insee", " 04088 ", "technology", "DRONES", "status", "ANNOUNCED",
                "since", "2026", "cameraCount", "1 200", "sourceUrl", "https://example.org/arrete",
                "sourceTitle", "Arrêté"));
        Errors errors = errors(form);

        DeploymentDraft draft = form.toDraft(errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(draft.insee()).isEqualTo("04088");
        assertThat(draft.technology()).isEqualTo(Technology.DRONES);
        assertThat(draft.since()).isEqualTo(2026);
        assertThat(draft.cameraCount()).isEqualTo(1200);
        assertThat(draft.sources()).singleElement().satisfies(s -> assertThat(s.title()).isEqualTo("Arrêté"));
    }

    @Test
    void every_field_the_form_can_check_is_checked_at_once() {
        DeploymentForm form = form(Map.of("since", "deux mille", "cameraCount", "beaucoup", "technology", "LASERS"));
        Errors errors = errors(form);

        assertThat(form.toDraft(errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode()).containsExactlyInAnyOrder(
                "technology=registry.form.technology.unknown", "status=registry.form.status.missing",
                "since=registry.form.since.notANumber", "cameraCount=registry.form.cameraCount.notANumber",
                "insee=registry.form.insee.missing");
    }

    @Test
    void what_only_the_registry_knows_is_refused_by_its_records() {
        DeploymentForm form = form(Map.of("insee", "04088", "technology", "CCTV", "status", "DEPLOYED",
                "since", "1800"));

        assertThatThrownBy(() -> form.toDraft(errors(form)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).details()).containsEntry("field", "since"));
    }

    @Test
    void an_edit_clears_emptied_texts_and_keeps_the_version_it_started_from() {
        DeploymentForm form = DeploymentForm.of(NIMES);
        form.setSummary("  ");
        form.setProduct("Video Synopsis");
        Errors errors = errors(form);

        DeploymentChanges changes = form.toChanges(NIMES, errors);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(changes).isEqualTo(new DeploymentChanges(4, Technology.VSA, "Briefcam", "Video Synopsis",
                DeploymentStatus.DEPLOYED, 2015, "", 500, ""));
    }

    @Test
    void a_year_or_a_number_of_cameras_can_be_corrected_not_emptied() {
        DeploymentForm form = DeploymentForm.of(NIMES);
        form.setSince("");
        form.setCameraCount(" ");
        Errors errors = errors(form);

        assertThat(form.toChanges(NIMES, errors)).isNull();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getCode()).containsExactlyInAnyOrder(
                "registry.form.since.cannotClear", "registry.form.cameraCount.cannotClear");
    }

    @Test
    void the_fields_saved_meanwhile_are_those_that_differ() {
        DeploymentForm typed = DeploymentForm.of(NIMES);
        typed.setSummary("Analyse vidéo.  ");
        typed.setVendor("Wintics");
        typed.setPlace("");
        DeploymentForm saved = DeploymentForm.of(NIMES);
        saved.setCameraCount("520");

        assertThat(typed.changedFields(saved)).containsExactly("cameraCount", "vendor");
    }

    private static DeploymentForm form(Map<String, String> fields) {
        DeploymentForm form = new DeploymentForm();
        form.setInsee(fields.get("insee"));
        form.setTechnology(fields.get("technology"));
        form.setStatus(fields.get("status"));
        form.setSince(fields.get("since"));
        form.setCameraCount(fields.get("cameraCount"));
        form.setSourceUrl(fields.get("sourceUrl"));
        form.setSourceTitle(fields.get("sourceTitle"));
        return form;
    }

    private static Errors errors(DeploymentForm form) {
        return new BeanPropertyBindingResult(form, "form");
    }
}
