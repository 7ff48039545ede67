package fr.lanterne.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.requests.Channel;
import fr.lanterne.requests.NewCampaign;
import fr.lanterne.requests.TargetList;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

/** Reading the campaign form, without Spring: what was typed becomes a campaign, or mistakes on their fields. */
class CampaignFormTest {

    /** Every code is known. */
    private static final Function<TargetList, List<TargetList.Problem>> ALL_KNOWN = list -> List.of();

    @Test
    void a_complete_form_is_a_campaign() {
        CampaignForm form = new CampaignForm();
        form.setName("  VSA des Alpes-Maritimes ");
        form.setTemplates(List.of("vsa", " ", "cctv"));
        form.setChannel("EMAIL");
        form.getTargets().setDepartement(" 06 ");
        form.getTargets().setMinPopulation("10 000");
        form.getTargets().setCodes("06088\nmairie-13055\n");
        Errors errors = errors(form);

        Optional<NewCampaign> campaign = form.toCampaign(errors, ALL_KNOWN);

        assertThat(errors.hasErrors()).isFalse();
        assertThat(campaign).hasValueSatisfying(c -> {
            assertThat(c.name()).isEqualTo("VSA des Alpes-Maritimes");
            assertThat(c.templates()).containsExactly("vsa", "cctv");
            assertThat(c.channel()).isEqualTo(Channel.EMAIL);
            assertThat(c.targets().departement()).isEqualTo("06");
            assertThat(c.targets().minPopulation()).isEqualTo(10_000);
            assertThat(c.targets().authorityCodes()).containsExactly("06088", "mairie-13055");
        });
    }

    @Test
    void auto_is_email_where_known_and_post_elsewhere() {
        CampaignForm form = new CampaignForm();
        form.setTemplates(List.of("vsa"));
        form.getTargets().setRegistry(true);

        assertThat(form.toCampaign(errors(form), ALL_KNOWN)).hasValueSatisfying(c -> {
            assertThat(c.channel()).isNull();
            assertThat(c.targets().registry()).isTrue();
        });
    }

    @Test
    void every_mistake_is_on_its_field_at_once() {
        CampaignForm form = new CampaignForm();
        form.setChannel("PIGEON");
        form.getTargets().setMinPopulation("beaucoup");
        Errors errors = errors(form);

        assertThat(form.toCampaign(errors, ALL_KNOWN)).isEmpty();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode()).containsExactlyInAnyOrder(
                "templates=campaign.error.templates", "channel=campaign.error.channel",
                "targets.minPopulation=campaign.error.population");
    }

    @Test
    void a_form_without_recipients_says_so() {
        CampaignForm form = new CampaignForm();
        form.setTemplates(List.of("vsa"));
        Errors errors = errors(form);

        assertThat(form.toCampaign(errors, ALL_KNOWN)).isEmpty();
        assertThat(errors.getFieldErrors()).extracting(e -> e.getField() + "=" + e.getCode())
                .containsExactly("targets=campaign.error.targets");
    }

    @Test
    void a_list_is_checked_line_by_line_in_line_order_with_unknown_codes() {
        CampaignForm form = new CampaignForm();
        form.setTemplates(List.of("vsa"));
        form.getTargets().setCodes("06088\nmairie-99999\n1 2\n");
        Errors errors = errors(form);
        Function<TargetList, List<TargetList.Problem>> unknown = list -> list.lines().stream()
                .filter(l -> l.code().contains("99999"))
                .map(l -> new TargetList.Problem(l.number(), "ligne " + l.number() + " : inconnu")).toList();

        assertThat(form.toCampaign(errors, unknown)).isEmpty();
        assertThat(errors.getFieldErrors("targets.codes")).extracting(e -> e.getDefaultMessage())
                .containsExactly("ligne 2 : inconnu",
                        "ligne 3 : « 1 2 » n'est ni un code INSEE ni un code d'organisme.");
    }

    @Test
    void an_uploaded_files_codes_are_added_to_the_typed_ones_and_kept_in_the_form() {
        CampaignForm form = new CampaignForm();
        form.setTemplates(List.of("vsa"));
        form.getTargets().setCodes("06088");
        form.getTargets().setFile(new MockMultipartFile("file", "liste.csv", "text/csv",
                "code\n13055\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(form.toCampaign(errors(form), ALL_KNOWN)).hasValueSatisfying(c ->
                assertThat(c.targets().authorityCodes()).containsExactly("06088", "13055"));
        assertThat(form.getTargets().getCodes()).isEqualTo("06088\n13055");
    }

    @Test
    void an_empty_file_is_named_in_its_mistake() {
        CampaignForm form = new CampaignForm();
        form.setTemplates(List.of("vsa"));
        form.getTargets().setFile(new MockMultipartFile("file", "vide.csv", "text/csv",
                "code\n".getBytes(StandardCharsets.UTF_8)));
        Errors errors = errors(form);

        assertThat(form.toCampaign(errors, ALL_KNOWN)).isEmpty();
        assertThat(errors.getFieldError("targets.file")).satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("campaign.error.file.empty");
            assertThat(e.getArguments()).containsExactly("vide.csv");
        });
    }

    private static Errors errors(CampaignForm form) {
        return new BeanPropertyBindingResult(form, "campaign");
    }
}
