package fr.lanterne.facts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers of cameras and sensors: "42 caméras", "quarante-deux caméras", "12 nouvelles caméras", "8 capteurs
 * sonores". "Une caméra" is not a count (an article, most often), nor "des caméras".
 */
final class Counts {

    private static final Pattern DEVICE = Pattern.compile(
            "(?<![a-z-])(cameras?|capteurs?|micros|microphones?)(?![a-z])");
    private static final Pattern ADJECTIVES = Pattern.compile(
            "(?:\\s+(?:nouvelles?|nouveaux|supplementaires?|additionnelles?|fixes|mobiles|nomades|dome|domes))*\\s*$");

    private Counts() {
    }

    static void find(PageText page, Findings findings) {
        String text = page.folded();
        Matcher device = DEVICE.matcher(text);
        while (device.find()) {
            int from = Math.max(Passages.sentenceStart(page.original(), device.start()), device.start() - 60);
            String head = text.substring(from, device.start());
            Matcher adjectives = ADJECTIVES.matcher(head);
            int end = adjectives.find() ? from + adjectives.start() : device.start();
            FrenchNumbers.Number number = FrenchNumbers.before(text, from, end);
            if (number == null || number.value() < 1 || number.inWords() && number.value() == 1
                    || number.value() > 100_000 || followsAYearOrAnArticle(text, number.start())) {
                continue;
            }
            boolean camera = device.group(1).startsWith("camera");
            findings.add(new Found(camera ? FactKind.CAMERA_COUNT : FactKind.SENSOR_COUNT,
                    Long.toString(number.value()), camera ? "cameras" : "sensors", null, number.start(),
                    device.end()));
        }
    }

    /** "n° 12 caméras" or "article 3 caméras" number something else. */
    private static boolean followsAYearOrAnArticle(String text, int start) {
        String before = text.substring(Math.max(0, start - 10), start);
        return before.matches("(?s).*(n°|article|art\\.|lot|page)\\s*$");
    }
}
