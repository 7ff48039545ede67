package fr.lanterne.web.api;

import fr.lanterne.map.Camera;
import fr.lanterne.map.MapCounts;
import java.util.List;

/** The open-data exports as CSV (RFC 4180: commas, fields quoted when they hold a comma, a quote or a line break). */
final class MapCsv {

    private MapCsv() {
    }

    static String cameras(List<Camera> cameras) {
        StringBuilder out = new StringBuilder("id,insee,commune,lat,lon,camera_type,direction,surveillance,"
                + "surveillance_type,sign_visible,deployment_id,walk,recorded\r\n");
        for (Camera c : cameras) {
            line(out, c.id(), c.insee(), c.communeName(), c.lat(), c.lon(), c.cameraType(), c.direction(),
                    c.surveillance(), c.alpr() ? "ALPR" : "camera", c.signVisible(), c.deploymentId(), c.walk(),
                    c.createdAt());
        }
        return out.toString();
    }

    static String deployments(List<MapCounts.DeploymentLine> lines) {
        StringBuilder out = new StringBuilder("id,insee,commune,authority,technology,vendor,product,status,since,"
                + "camera_count,lat,lon\r\n");
        for (MapCounts.DeploymentLine d : lines) {
            line(out, d.id(), d.insee(), d.commune(), d.authority(), d.technology(), d.vendor(), d.product(),
                    d.status(), d.since(), d.cameraCount(), d.lat(), d.lon());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields[i]));
        }
        out.append("\r\n");
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        // A leading = + - @ would be read as a formula by a spreadsheet.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
