package fr.lanterne.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.lanterne.registry.DeploymentDraft;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Jackson's refusals of the API's real body records, as the French sentences the API answers. */
class JsonProblemsTest {

    private static final JsonMapper JSON = strictMapper();

    private static JsonMapper strictMapper() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().strictJsonInput().customize(builder);
        return builder.build();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"authority": "06088", "template": "vsa", "channel": "FAX"} | channel | « channel » : « FAX » n’est pas une valeur possible ; valeurs possibles : EMAIL, POST.
            {"authority": 6088, "template": "vsa"}                      | authority | « authority » n’a pas le bon type : il faut un texte entre guillemets.
            {"authority": {"a": 1}}                                     | authority | « authority » n’a pas le bon type : il faut un texte entre guillemets.
            {"authority": "06088", "postIfNoEmail": "oui"}              | postIfNoEmail | « postIfNoEmail » : « oui » ne convient pas, il faut true ou false.
            {"authority": "06088", "postIfNoEmail": 1}                  | postIfNoEmail | « postIfNoEmail » n’a pas le bon type : il faut true ou false.
            {"authority": "06088"                                       | | Le corps de la requête s’arrête avant la fin du JSON : vérifiez qu’il est complet (accolades, crochets et guillemets fermés).
            {"authority" "06088"}                                       | | Le corps de la requête n’est pas du JSON valide (ligne 1, colonne 14) : vérifiez les guillemets, les virgules et les deux-points.
            ["06088"]                                                   | | Le corps de la requête doit être un objet JSON, entre accolades { }.
            ``                                                          | | Le corps de la requête est vide : envoyez un objet JSON (Content-Type: application/json).
            """)
    void create_request(String body, String field, String sentence) {
        JsonProblems.JsonProblem problem = problem(body, RequestApiController.CreateRequest.class);

        assertThat(problem.detail()).isEqualTo(sentence);
        assertThat(problem.field()).isEqualTo(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "cameraCount": 1.5}          | cameraCount | « cameraCount » n’a pas le bon type : il faut un nombre entier.
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "cameraCount": "trente"}     | cameraCount | « cameraCount » : « trente » ne convient pas, il faut un nombre entier.
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "cameraCount": 99999999999}  | cameraCount | « cameraCount » : ce nombre est trop grand pour ce champ (il faut un nombre entier).
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "sources": "https://a.fr"}   | sources | « sources » n’a pas le bon type : il faut une liste entre crochets [ ].
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "sources": [{"url": "https://a.fr", "seenOn": "2026-02-30"}]} | sources[0].seenOn | « sources[0].seenOn » : la date « 2026-02-30 » n'existe pas : février 2026 n'a que 28 jours.
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "sources": [{"url": "https://a.fr", "seenOn": "hier"}]}       | sources[0].seenOn | « sources[0].seenOn » : la date « hier » n'est pas au format AAAA-MM-JJ (par exemple 2026-03-15 pour le 15 mars 2026).
            {"insee": "06088", "technology": "VSA", "status": "DEPLOYED", "sources": [{"url": "https://a.fr", "seenOn": 20260301}]}     | sources[0].seenOn | « sources[0].seenOn » n’a pas le bon type : il faut une date AAAA-MM-JJ entre guillemets (par exemple "2026-03-15").
            """)
    void create_deployment(String body, String field, String sentence) {
        JsonProblems.JsonProblem problem = problem(body, DeploymentDraft.class);

        assertThat(problem.detail()).isEqualTo(sentence);
        assertThat(problem.field()).isEqualTo(field);
    }

    @Test
    void booleans_left_out_take_their_default() {
        CampaignApiController.CampaignRequest campaign = JSON.readValue(
                "{\"templates\": [\"vsa\"], \"departement\": \"06\"}", CampaignApiController.CampaignRequest.class);

        assertThat(campaign.dryRun()).isFalse();
        assertThat(campaign.registry()).isFalse();
    }

    private static JsonProblems.JsonProblem problem(String body, Class<?> type) {
        JacksonException exception = catchThrowableOfType(JacksonException.class,
                () -> JSON.readValue(body == null ? "" : body, type));
        assertThat(exception).as("Jackson refuses %s", body).isNotNull();
        return JsonProblems.of(exception);
    }
}
