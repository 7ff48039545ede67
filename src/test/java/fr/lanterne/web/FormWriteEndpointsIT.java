package fr.lanterne.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every form of the pages (each POST outside /api/, read from the application's mappings) is sent with every field
 * it reads 20,000 characters long, as an administrator would from the page: none may answer 5xx, and the forms that
 * write to the database refuse it (400) with what was wrong.
 */
@LanterneIntegrationTest
class FormWriteEndpointsIT {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");
    private static final String LONG = "x".repeat(20_000);
    /** The request page's actions ({action} of /demandes/{reference}/{action}) that write a text or a date. */
    private static final List<String> ACTIONS = List.of("reception", "envoi", "reponse", "refus", "retrait", "note");
    /** The forms that write texts to the database: an over-long text must be refused, not cut or stored. */
    private static final Set<String> WRITING = Set.of("/registre", "/registre/{id}/modifier",
            "/registre/{id}/sources", "/demandes/{reference}/reception", "/demandes/{reference}/note",
            "/communes/{insee}/demande", "/installation");
    /** The campaign form shows its errors with 200, as it shows its dry run (CampaignPagesIT). */
    private static final Set<String> WRITING_SHOWN_AGAIN = Set.of("/campagnes/nouvelle", "/campagnes");

    @Autowired
    RestTestClient client;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    ApplicationContext context;

    private ApiFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = ApiFixtures.in(context);
    }

    @AfterEach
    void tearDown() {
        fixtures.forget();
    }

    @Test
    void every_form_refuses_over_long_texts_without_a_server_error() {
        PageSession admin = PageSession.signIn(client, TestUsers.ADMIN, TestUsers.PASSWORD);
        long deployment = fixtures.deployment();
        Map<String, String> variables = Map.of("reference", fixtures.sent(), "id", String.valueOf(deployment),
                "deploymentId", String.valueOf(deployment), "sha256", fixtures.document(), "insee",
                ApiFixtures.TOWN,
                // No such account or link: the forms still read every field, and nobody's account changes.
                "name", "compte-inconnu", "token", "lien-inconnu");
        List<String> failures = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            if (!entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                continue;
            }
            Map<String, Object> fields = fields(entry.getValue());
            for (String pattern : entry.getKey().getPatternValues()) {
                if (pattern.startsWith("/api/") || pattern.equals("/login") || pattern.equals("/logout")
                        || pattern.startsWith("/error")) {
                    continue;
                }
                for (String uri : uris(pattern, variables)) {
                    // A page of the site first, for the CSRF token its forms carry.
                    admin.page("/registre/nouveau");
                    EntityExchangeResult<String> result = admin.post(uri, fields);
                    int status = result.getStatus().value();
                    String shown = pattern + " as " + uri + " with " + fields.keySet() + ": " + status;
                    sent.add(pattern);
                    if (status >= 500) {
                        failures.add(shown);
                    } else if (WRITING_SHOWN_AGAIN.contains(pattern)) {
                        if (!String.valueOf(result.getResponseBody()).contains("Ce champ est trop long")) {
                            failures.add(shown + " (the form must say beside the field that it is too long)");
                        }
                    } else if (WRITING.contains(pattern.replaceFirst("\\{action[^}]*}",
                            uri.substring(uri.lastIndexOf('/') + 1))) && status != 400) {
                        failures.add(shown + " (an over-long text must be refused with 400)");
                    }
                }
            }
        }
        assertThat(sent).as("forms sent").contains("/registre", "/registre/{id}/sources",
                "/demandes/{reference}/{action:[a-z-]+}", "/campagnes/nouvelle", "/communes/{insee}/demande");
        assertThat(failures).as("forms that break the rules").isEmpty();
    }

    /** The fields a handler reads: its request parameters, and the properties of the form it binds. */
    private static Map<String, Object> fields(HandlerMethod handler) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (MultipartFile.class.isAssignableFrom(type)) {
                continue;
            }
            if (Map.class.isAssignableFrom(type) && param != null) {
                // The request page's actions read their fields from a map.
                for (String name : List.of("date", "evidence", "text")) {
                    fields.put(name, LONG);
                }
            } else if (param != null) {
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value()
                        : parameter.getParameterName();
                // A number no version or identifier has: a deletion then meets a conflict and deletes nothing.
                fields.put(name, type == String.class ? LONG : "999999");
            } else if (type.getName().startsWith("fr.lanterne.") && !type.isEnum()) {
                properties(type, "", fields, 0);
            }
        }
        return fields;
    }

    private static void properties(Class<?> type, String prefix, Map<String, Object> fields, int depth) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class || List.class.isAssignableFrom(component.getType())) {
                    fields.put(prefix + component.getName(), LONG);
                }
            }
            return;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            if (field.getType() == String.class || List.class.isAssignableFrom(field.getType())) {
                fields.put(prefix + field.getName(), LONG);
            } else if (field.getType().getName().startsWith("fr.lanterne.") && depth < 2) {
                properties(field.getType(), prefix + field.getName() + ".", fields, depth + 1);
            }
        }
    }

    private static List<String> uris(String pattern, Map<String, String> variables) {
        List<String> uris = new ArrayList<>();
        for (String action : pattern.contains("{action") ? ACTIONS : List.of("")) {
            Matcher matcher = VARIABLE.matcher(pattern);
            StringBuilder uri = new StringBuilder();
            while (matcher.find()) {
                String name = matcher.group(1);
                String value = name.equals("action") ? action
                        : pattern.startsWith("/campagnes/") || pattern.startsWith("/travail/quarantaine/")
                        ? "999999999" : variables.get(name);
                assertThat(value).as("a value for {%s} of %s", name, pattern).isNotNull();
                matcher.appendReplacement(uri, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(uri);
            uris.add(uri.toString());
        }
        return uris;
    }
}
