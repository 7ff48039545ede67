package fr.lanterne.map;

import static org.assertj.core.api.Assertions.assertThat;

import fr.lanterne.LanterneIntegrationTest;
import fr.lanterne.TestUsers;
import fr.lanterne.users.Role;
import fr.lanterne.users.Users;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The map's API as a client calls it, with the body of issue 16 verbatim. */
@LanterneIntegrationTest
class MapApiIT {

    static final String ISSUE_BODY = """
            {"insee": "04088", "lat": 43.9597, "lon": 5.7806, "cameraType": "dome", "direction": 90, "surveillance": "public"}""";

    static final String GROUP_A = "carto-forcalquier", GROUP_B = "carto-nice";
    static final String MEMBER_A = "carto-a1", OTHER_MEMBER_A = "carto-a2", MEMBER_B = "carto-b1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient client;

    @Autowired
    Users users;

    @BeforeEach
    void accounts() {
        TestUsers.ensure(users);
        TestUsers.ensure(users, MEMBER_A, Role.VOLUNTEER, GROUP_A);
        TestUsers.ensure(users, OTHER_MEMBER_A, Role.VOLUNTEER, GROUP_A);
        TestUsers.ensure(users, MEMBER_B, Role.VOLUNTEER, GROUP_B);
    }

    @Test
    void a_camera_posted_as_the_issue_says_appears_in_the_export_with_its_osm_tags() {
        JsonNode created = post(TestUsers.VOLUNTEER, ISSUE_BODY, 201);
        long id = created.get("id").asLong();
        assertThat(created.get("communeName").asString()).isEqualTo("Forcalquier");
        assertThat(created.get("version").asInt()).isZero();

        JsonNode collection = geoJson("/api/cameras.geojson");
        JsonNode feature = feature(collection, "camera/" + id);
        assertThat(feature.get("geometry").get("type").asString()).isEqualTo("Point");
        // RFC 7946: longitude first.
        assertThat(feature.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(5.7806);
        assertThat(feature.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(43.9597);
        JsonNode p = feature.get("properties");
        assertThat(p.get("man_made").asString()).isEqualTo("surveillance");
        assertThat(p.get("surveillance").asString()).isEqualTo("public");
        assertThat(p.get("surveillance:type").asString()).isEqualTo("camera");
        assertThat(p.get("camera:type").asString()).isEqualTo("dome");
        assertThat(p.get("camera:direction").asString()).isEqualTo("90");
        assertThat(p.get("lanterne:insee").asString()).isEqualTo("04088");
        assertThat(p.get("lanterne:commune").asString()).isEqualTo("Forcalquier");
        // Who recorded it is not published.
        assertThat(p.toString()).doesNotContain(TestUsers.VOLUNTEER);

        String csv = client.get().uri("/api/cameras.csv").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("id,insee,commune,lat,lon,camera_type").contains(id + ",04088,Forcalquier,43.9597,5.7806,dome,90,public,camera");
    }

    @Test
    void the_geojson_exports_follow_rfc_7946() {
        post(TestUsers.VOLUNTEER, ISSUE_BODY, 201);
        for (String uri : List.of("/api/cameras.geojson", "/api/deployments.geojson")) {
            JsonNode collection = geoJson(uri);
            assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
            // RFC 7946 §4: WGS84 only, no "crs" member.
            assertThat(collection.has("crs")).isFalse();
            assertThat(collection.get("features").size()).as(uri).isPositive();
            for (JsonNode feature : collection.get("features")) {
                assertThat(feature.get("type").asString()).isEqualTo("Feature");
                assertThat(feature.get("properties").isObject()).isTrue();
                JsonNode geometry = feature.get("geometry");
                assertThat(geometry.get("type").asString()).isEqualTo("Point");
                JsonNode position = geometry.get("coordinates");
                assertThat(position.size()).isEqualTo(2);
                double lon = position.get(0).asDouble(), lat = position.get(1).asDouble();
                assertThat(lon).isBetween(-180.0, 180.0);
                assertThat(lat).isBetween(-90.0, 90.0);
                assertThat(FranceBounds.inFrance(lat, lon)).as("%s at [%s, %s]", feature.get("id"), lon, lat)
                        .isTrue();
                assertThat(feature.get("properties").get("lanterne:id")).isNotNull();
            }
        }
        // The seed's deployments: Nîmes (30189) with Briefcam, placed in the Gard.
        JsonNode nimes = geoJson("/api/deployments.geojson?vendor=Briefcam");
        JsonNode first = null;
        for (JsonNode f : nimes.get("features")) {
            if ("30189".equals(f.get("properties").get("lanterne:insee").asString())) {
                first = f;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("properties").get("manufacturer").asString()).isEqualTo("Briefcam");
        assertThat(first.get("properties").get("man_made").asString()).isEqualTo("surveillance");
        double lon = first.get("geometry").get("coordinates").get(0).asDouble();
        double lat = first.get("geometry").get("coordinates").get(1).asDouble();
        assertThat(lon).isBetween(3.2, 5.0);
        assertThat(lat).isBetween(43.4, 44.5);
    }

    @Test
    void the_export_round_trips_through_the_import() {
        String walk = "aller-retour " + UUID.randomUUID();
        post(TestUsers.VOLUNTEER, """
                {"insee": "04088", "lat": 43.9612, "lon": 5.7822, "cameraType": "fixed", "surveillance": "outdoor",
                 "walk": "%s"}""".formatted(walk), 201);
        byte[] export = client.get().uri("/api/cameras.geojson?insee=04088").exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        int exported = JSON.readTree(export).get("features").size();
        JsonNode report = upload(export, "cameras.geojson", 200);
        assertThat(report.get("features").asInt()).isEqualTo(exported);
        assertThat(report.get("surveillance").asInt()).isEqualTo(exported);
        JsonNode forcalquier = town(report, "04088");
        assertThat(forcalquier.get("osm").asInt()).isEqualTo(exported);
        assertThat(forcalquier.get("matched").asInt()).isEqualTo(exported);
        assertThat(forcalquier.get("recorded").asInt()).isEqualTo(exported);
    }

    @Test
    void an_overpass_export_is_compared_town_by_town() throws IOException {
        post(TestUsers.VOLUNTEER, ISSUE_BODY, 201);
        byte[] file = new ClassPathResource("map/overpass-forcalquier.geojson").getContentAsByteArray();
        JsonNode report = upload(file, "export.geojson", 200);
        assertThat(report.get("features").asInt()).isEqualTo(6);
        // The bench is not a camera; Turin is not in France.
        assertThat(report.get("surveillance").asInt()).isEqualTo(5);
        assertThat(report.get("outsideFrance").asInt()).isEqualTo(1);
        JsonNode forcalquier = town(report, "04088");
        // The dome on the recorded camera, the fixed one 150 m away, the indoor one mapped as a small area.
        assertThat(forcalquier.get("osm").asInt()).isEqualTo(3);
        assertThat(forcalquier.get("matched").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(forcalquier.get("recorded").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(forcalquier.get("name").asString()).isEqualTo("Forcalquier");
        // Placed by its addr:city; Nice's registry counts come along.
        JsonNode nice = town(report, "06088");
        assertThat(nice.get("osm").asInt()).isEqualTo(1);
    }

    @Test
    void a_bad_import_file_is_refused_with_the_reason() {
        assertDetail(upload("pas du json".getBytes(), "x.geojson", 400), "JSON");
        assertDetail(upload("{\"type\": \"Feature\"}".getBytes(), "x.geojson", 400), "FeatureCollection");
        assertDetail(upload("[1, 2]".getBytes(), "x.geojson", 400), "FeatureCollection");
        assertDetail(upload("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"man_made": "surveillance"},
                 "geometry": {"type": "Point", "coordinates": [43.9, 95.2]}}]}""".getBytes(), "x.geojson", 400),
                "n° 1");
        assertDetail(upload("""
                {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": null}]}"""
                .getBytes(), "x.geojson", 400), "géométrie");
        client.post().uri("/api/cameras/import").headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(new LinkedMultiValueMap<String, Object>(
                        Map.of("autre", List.of(file("{}".getBytes(), "x.json"))))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(d -> assertThat((String) d).contains("« file »"));
    }

    @Test
    void bad_cameras_are_refused_with_a_french_sentence() {
        assertField(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("43.9597", "91.5"), 400), "lat", "90");
        assertDetail(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("43.9597", "5.7806").replace("\"lon\": 5.7806",
                "\"lon\": 43.9597"), 400), "inversées");
        // In France, but in Martinique, not in the Alpes.
        assertDetail(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("43.9597", "14.6").replace("5.7806", "-61.05"), 400),
                "pas dans la France métropolitaine");
        assertDetail(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("43.9597", "40.4").replace("5.7806", "-3.7"), 400),
                "hors de France");
        assertField(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("90", "360"), 400), "direction", "359");
        assertField(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("dome", "bullet"), 400), "cameraType",
                "fixed, panning ou dome");
        assertField(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("\"public\"", "\"private\""), 400), "surveillance",
                "public, outdoor ou indoor");
        assertField(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("}", ", \"note\": \"" + "x".repeat(600) + "\"}"),
                400), "note", "600 caractères, 500 au plus");
        JsonNode unknown = post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("04088", "99999"), 404);
        assertThat(unknown.get("insee").asString()).isEqualTo("99999");
        assertDetail(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("}", ", \"deploymentId\": 987654321}"), 404),
                "987654321");
        assertDetail(post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("\"direction\": 90", "\"direction\": \"est\""), 400),
                "direction");
        assertDetail(post(TestUsers.VOLUNTEER, "{\"insee\": \"04088\"", 400), "JSON");
    }

    @Test
    void only_the_recorders_group_and_administrators_change_a_camera_and_the_history_keeps_it() {
        JsonNode created = post(MEMBER_A, ISSUE_BODY.replace("}", ", \"walk\": \"Forcalquier centre\", "
                + "\"signVisible\": false, \"note\": \"au-dessus de la mairie\"}"), 201);
        long id = created.get("id").asLong();
        String moved = ISSUE_BODY.replace("90", "180").replace("}", ", \"signVisible\": true}");

        JsonNode refused = put(MEMBER_B, id, 0, moved, 403);
        assertThat(refused.get("detail").asString()).contains(MEMBER_A).contains("autre groupe");
        client.delete().uri("/api/cameras/{id}?version=0", id).headers(h -> h.setBasicAuth(MEMBER_B, TestUsers.PASSWORD))
                .exchange().expectStatus().isForbidden();
        client.put().uri("/api/cameras/{id}?version=0", id)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(moved).exchange().expectStatus().isForbidden();

        JsonNode updated = put(OTHER_MEMBER_A, id, 0, moved, 200);
        assertThat(updated.get("direction").asInt()).isEqualTo(180);
        assertThat(updated.get("version").asInt()).isEqualTo(1);
        put(TestUsers.ADMIN, id, 0, moved, 409);

        client.delete().uri("/api/cameras/{id}?version=1", id).headers(h -> h.setBasicAuth(TestUsers.ADMIN,
                TestUsers.PASSWORD)).exchange().expectStatus().isNoContent();
        client.get().uri("/api/cameras/{id}", id).headers(h -> h.setBasicAuth(MEMBER_A, TestUsers.PASSWORD))
                .exchange().expectStatus().isNotFound();
        assertThat(geoJson("/api/cameras.geojson").toString()).doesNotContain("\"camera/" + id + "\"");

        // The history stays readable after the deletion… for a signed-in person (it names who did what).
        client.get().uri("/api/cameras/{id}/history", id).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/cameras/{id}/history", id)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void the_history_records_each_change() {
        JsonNode created = post(MEMBER_A, ISSUE_BODY, 201);
        long id = created.get("id").asLong();
        put(MEMBER_A, id, 0, ISSUE_BODY.replace("dome", "panning"), 200);
        JsonNode history = JSON.readTree(client.get().uri("/api/cameras/{id}/history", id)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(history.get(0).get("action").asString()).isEqualTo("CREATED");
        assertThat(history.get(0).get("changedBy").asString()).isEqualTo(MEMBER_A);
        assertThat(history.get(0).get("changes").get("cameraType").asString()).isEqualTo("dome");
        assertThat(history.get(1).get("action").asString()).isEqualTo("UPDATED");
        assertThat(history.get(1).get("changes").get("cameraType").get("before").asString()).isEqualTo("dome");
        assertThat(history.get(1).get("changes").get("cameraType").get("after").asString()).isEqualTo("panning");
        assertThat(history.get(1).get("changes").has("lat")).isFalse();
    }

    @Test
    void researchers_and_visitors_read_only() {
        client.post().uri("/api/cameras").contentType(MediaType.APPLICATION_JSON).body(ISSUE_BODY).exchange()
                .expectStatus().isUnauthorized();
        client.post().uri("/api/cameras").headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(ISSUE_BODY).exchange().expectStatus().isForbidden();
        client.get().uri("/api/cameras.geojson").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/geo+json"));
        client.get().uri("/api/map/departements").exchange().expectStatus().isOk();
        client.get().uri("/api/cameras").exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/cameras").headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD))
                .exchange().expectStatus().isOk();
    }

    @Test
    void departements_are_counted_and_filtered() {
        String walk = "comptage " + UUID.randomUUID();
        post(TestUsers.VOLUNTEER, ISSUE_BODY.replace("}", ", \"walk\": \"" + walk + "\"}"), 201);
        JsonNode all = getJson("/api/map/departements");
        assertThat(all.size()).isEqualTo(101);
        JsonNode hauteProvence = byCode(all, "04");
        assertThat(hauteProvence.get("name").asString()).isEqualTo("Alpes-de-Haute-Provence");
        assertThat(hauteProvence.get("cameras").asInt()).isGreaterThanOrEqualTo(1);
        // The seed documents Nîmes' Briefcam (VSA) and Nice's facial recognition.
        assertThat(byCode(all, "30").get("deployments").asInt()).isGreaterThanOrEqualTo(1);
        JsonNode vsa = getJson("/api/map/departements?technology=VSA");
        JsonNode drones = getJson("/api/map/departements?technology=DRONES&vendor=Briefcam");
        assertThat(byCode(vsa, "30").get("deployments").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(byCode(drones, "30").get("deployments").asInt()).isZero();
        // A camera tied to no deployment is left out once a technology is chosen.
        assertThat(byCode(drones, "04").get("cameras").asInt()).isZero();
        assertThat(getJson("/api/map/departements?year=1990").get(0).get("requests").asInt()).isZero();
        client.get().uri("/api/map/departements?technology=LASERS").exchange().expectStatus().isBadRequest();
        JsonNode towns = getJson("/api/map/communes?departement=04");
        boolean found = false;
        for (JsonNode t : towns) {
            if ("04088".equals(t.get("insee").asString())) {
                found = true;
                assertThat(t.get("position").asString()).isEqualTo("cameras");
                assertThat(t.get("cameras").asInt()).isPositive();
            }
        }
        assertThat(found).isTrue();
        JsonNode walkCameras = JSON.readTree(client.get().uri("/api/cameras?walk={w}", walk)
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(walkCameras.size()).isEqualTo(1);
    }

    @Test
    void a_photo_is_kept_without_its_exif_and_a_file_that_is_not_an_image_is_refused() throws IOException {
        long id = post(TestUsers.VOLUNTEER, ISSUE_BODY, 201).get("id").asLong();
        JsonNode withPhoto = photo(id, MapTestPhotos.withExif(), 200);
        assertThat(withPhoto.get("hasPhoto").asBoolean()).isTrue();
        byte[] kept = client.get().uri("/api/cameras/{id}/photo", id)
                .headers(h -> h.setBasicAuth(TestUsers.RESEARCHER, TestUsers.PASSWORD)).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.IMAGE_JPEG)
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(kept, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif")
                .doesNotContain("GPSLatitude");
        assertThat(photo(id, "%PDF-1.7".getBytes(), 400).get("detail").asString()).contains("pas une image");
        assertThat(photo(id, MapTestPhotos.withExif(), 403, MEMBER_B).get("detail").asString())
                .contains("autre groupe");
    }

    private JsonNode photo(long id, byte[] content, int status) {
        return photo(id, content, status, TestUsers.VOLUNTEER);
    }

    private JsonNode photo(long id, byte[] content, int status, String user) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file(content, "photo.jpg"));
        return JSON.readTree(client.post().uri("/api/cameras/{id}/photo", id)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }

    @Test
    void without_a_tile_server_the_map_page_lets_in_no_outside_image() {
        // The tests run with lanterne.map.tile-url blank (LanterneIntegrationTest): the policy stays 'self' only.
        client.get().uri("/carte").exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'self'; script-src 'self'; "
                        + "style-src 'self'; img-src 'self' data:; object-src 'none'; "
                        + "base-uri 'self'; frame-ancestors 'none'; form-action 'self'")
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("/webjars/leaflet/1.9.4/dist/leaflet.js")
                        .doesNotContain("openstreetmap.org/{z}"));
        client.get().uri("/registre").exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("img-src 'self' data:;").doesNotContain("openstreetmap"));
        client.get().uri("/webjars/leaflet/1.9.4/dist/leaflet.js").exchange().expectStatus().isOk();
        client.get().uri("/map/departements.geojson").exchange().expectStatus().isOk();
        client.get().uri("/carte/releve").exchange().expectStatus().is3xxRedirection();
    }

    // --- helpers

    private JsonNode post(String user, String body, int status) {
        String answer = client.post().uri("/api/cameras").headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private JsonNode put(String user, long id, int version, String body, int status) {
        String answer = client.put().uri("/api/cameras/{id}?version={v}", id, version)
                .headers(h -> h.setBasicAuth(user, TestUsers.PASSWORD))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    private JsonNode upload(byte[] content, String name, int status) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", file(content, name));
        String answer = client.post().uri("/api/cameras/import")
                .headers(h -> h.setBasicAuth(TestUsers.VOLUNTEER, TestUsers.PASSWORD))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(form).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody();
        return JSON.readTree(answer);
    }

    static ByteArrayResource file(byte[] content, String name) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    private JsonNode geoJson(String uri) {
        return getJson(uri);
    }

    private JsonNode getJson(String uri) {
        return JSON.readTree(client.get().uri(uri).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static JsonNode feature(JsonNode collection, String id) {
        for (JsonNode feature : collection.get("features")) {
            if (id.equals(feature.get("id").asString())) {
                return feature;
            }
        }
        throw new AssertionError("no feature " + id + " in " + collection);
    }

    private static JsonNode town(JsonNode report, String insee) {
        for (JsonNode line : report.get("towns")) {
            if (insee.equals(line.get("insee").asString())) {
                return line;
            }
        }
        throw new AssertionError("no town " + insee + " in " + report);
    }

    private static JsonNode byCode(JsonNode departements, String code) {
        for (JsonNode d : departements) {
            if (code.equals(d.get("code").asString())) {
                return d;
            }
        }
        throw new AssertionError("no département " + code);
    }

    private static void assertDetail(JsonNode problem, String expected) {
        assertThat(problem.get("detail").asString()).contains(expected);
    }

    private static void assertField(JsonNode problem, String field, String expected) {
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains("« " + field + " »").contains(expected);
    }
}
