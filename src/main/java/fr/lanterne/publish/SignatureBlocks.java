package fr.lanterne.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Signature blocks: a signatory's role ("Le Maire,", "Pour le Maire et par délégation", "La Directrice générale des
 * services") followed within four lines by a name line, or a name line directly above a role without its article
 * ("Maire de Saint-Exemple"). The names are proposed as {@link ProposalKind#NAME}; the handwritten signature as
 * {@link ProposalKind#SIGNATURE}: images drawn in the lower part of the page near the block (or on the last page),
 * and on pages without such an image (scans, vector signatures) the gap between the role and the name.
 */
final class SignatureBlocks {

    private static final String ROLES = "maire|president|presidente|directeur|directrice|adjoint|adjointe|chef"
            + "|cheffe|responsable|delegue|deleguee|secretaire|prefet|prefete|sous-prefet|sous-prefete|commandant"
            + "|brigadier|conseiller|conseillere|dgs|agent|gestionnaire|charge|chargee|referent|referente|capitaine"
            + "|lieutenant|commissaire";
    private static final Pattern ROLE_LINE = Pattern.compile(
            "^(?:pour |p/?o\\.? |p\\.o\\. )?(?:le |la |l')(?:" + ROLES + ")(?![a-z])|^par delegation|^signe\\b");
    private static final Pattern ROLE_WITHOUT_ARTICLE = Pattern.compile(
            "^(?:1er |1ere |premier |premiere )?(?:" + ROLES + ")(?![a-z])");
    /** Gap between role and name taller than this (points) holds a signature. */
    private static final float SIGNATURE_GAP = 18f;

    private SignatureBlocks() {
    }

    /** Name findings from signature blocks, and the signature proposals (boxes) of the page. */
    static List<Finding> names(PageIndex page) {
        List<Finding> found = new ArrayList<>();
        for (Block block : blocks(page)) {
            found.add(block.name());
        }
        return found;
    }

    static List<RedactionProposal> signatures(PageIndex page, boolean lastPage) {
        PageText text = page.page();
        List<RedactionProposal> proposals = new ArrayList<>();
        List<Block> blocks = blocks(page);
        List<PdfRect> signatureImages = new ArrayList<>();
        if (!text.scanned()) {
            for (PdfRect image : text.images()) {
                boolean small = image.width() < 0.6f * text.width() && image.height() < 0.3f * text.height();
                boolean low = image.y() > 0.35f * text.height();
                boolean nearBlock = blocks.stream().anyMatch(b -> b.near(image));
                if (small && low && (nearBlock || lastPage)) {
                    signatureImages.add(image);
                    proposals.add(new RedactionProposal(ProposalKind.SIGNATURE, "signature manuscrite (image)",
                            List.of(page.pad(image))));
                }
            }
        }
        for (Block block : blocks) {
            if (block.gapBottom - block.gapTop > SIGNATURE_GAP && block.roleLine < block.nameLine) {
                PdfRect gap = new PdfRect(text.page(), Math.max(0, block.left - 30), block.gapTop,
                        Math.min(text.width(), block.right + 150) - Math.max(0, block.left - 30),
                        block.gapBottom - block.gapTop);
                if (signatureImages.stream().noneMatch(image -> image.overlaps(gap, 0))) {
                    proposals.add(new RedactionProposal(ProposalKind.SIGNATURE, "zone de signature",
                            List.of(gap)));
                }
            }
        }
        return proposals;
    }

    /** One signature block: the role line, the name line, and the space between them. */
    private record Block(int roleLine, int nameLine, Finding name, float gapTop, float gapBottom, float left,
            float right) {

        boolean near(PdfRect image) {
            return image.bottom() >= gapTop - 60 && image.y() <= gapBottom + 60;
        }
    }

    private static List<Block> blocks(PageIndex page) {
        List<Block> blocks = new ArrayList<>();
        List<List<PageWord>> lines = page.lines();
        for (int l = 0; l < lines.size(); l++) {
            String folded = Folded.of(page.lineText(l));
            if (ROLE_LINE.matcher(folded).find()) {
                for (int k = l + 1; k <= Math.min(lines.size() - 1, l + 4); k++) {
                    if (lines.get(k).size() > 8) {
                        break;
                    }
                    Finding name = nameLine(page, k);
                    if (name != null) {
                        blocks.add(block(page, l, k, name));
                        l = k;
                        break;
                    }
                }
            } else if (l > 0 && ROLE_WITHOUT_ARTICLE.matcher(folded).find()) {
                Finding name = nameLine(page, l - 1);
                if (name != null) {
                    blocks.add(block(page, l, l - 1, name));
                }
            }
        }
        return blocks;
    }

    private static Block block(PageIndex page, int roleLine, int nameLine, Finding name) {
        List<PageWord> role = page.lines().get(roleLine);
        List<PageWord> who = page.lines().get(nameLine);
        float left = Math.min(role.get(0).box().x(), who.get(0).box().x());
        float right = Math.max(role.get(role.size() - 1).box().right(), who.get(who.size() - 1).box().right());
        float roleBottom = role.stream().map(w -> w.box().bottom()).max(Float::compare).orElseThrow();
        float nameTop = who.stream().map(w -> w.box().y()).min(Float::compare).orElseThrow();
        // The gap: below the last line of the role (there may be several) and above the name.
        float gapTop = roleBottom;
        for (int k = roleLine + 1; k < nameLine; k++) {
            if (continuesRole(page, k)) {
                gapTop = page.lines().get(k).stream().map(w -> w.box().bottom()).max(Float::compare).orElseThrow();
            }
        }
        return new Block(roleLine, nameLine, name, gapTop + 1, Math.max(gapTop + 1, nameTop - 1), left, right);
    }

    /** "et par délégation,", "L’adjoint délégué à la sécurité," under the role: still the role, not the signature. */
    private static boolean continuesRole(PageIndex page, int line) {
        String text = page.lineText(line);
        String folded = Folded.of(text);
        return ROLE_LINE.matcher(folded).find() || ROLE_WITHOUT_ARTICLE.matcher(folded).find()
                || folded.startsWith("et ") || folded.startsWith("pour ") || text.strip().endsWith(",");
    }

    /** The line as a name: two to four capitalised words (after an optional title), no digit, none a role word. */
    private static Finding nameLine(PageIndex page, int line) {
        List<PageWord> words = page.lines().get(line);
        int first = page.firstWordOf(line);
        int start = 0;
        if (!words.isEmpty() && Folded.of(words.get(0).text()).matches("m\\.|mme\\.?|mlle|monsieur|madame|dr\\.?")) {
            start = 1;
        }
        int count = words.size() - start;
        if (count < 2 || count > 4) {
            return null;
        }
        int capitalised = 0;
        for (int w = start; w < words.size(); w++) {
            String bare = NameDetector.bare(words.get(w).text());
            String folded = Folded.of(bare);
            if (bare.isEmpty() || words.get(w).text().chars().anyMatch(Character::isDigit)) {
                return null;
            }
            if (NameDetector.isParticle(folded)) {
                continue;
            }
            if (!Character.isUpperCase(bare.charAt(0)) || NameDetector.NOT_NAMES.contains(folded)) {
                return null;
            }
            capitalised++;
        }
        if (capitalised < 2) {
            return null;
        }
        return new Finding(ProposalKind.NAME, page.startOf(first + start), page.endOf(first + words.size() - 1));
    }
}
