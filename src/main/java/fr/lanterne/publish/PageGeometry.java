package fr.lanterne.publish;

import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * A page as displayed: its crop box with the page rotation applied, and the conversion from PDF user space (origin
 * bottom-left of the media box, y upwards) to {@link PdfRect}'s space (origin top-left of the displayed page, y down).
 */
record PageGeometry(float llx, float lly, float cropWidth, float cropHeight, int rotation) {

    static PageGeometry of(PDPage page) {
        PDRectangle crop = page.getCropBox();
        int rotation = ((page.getRotation() % 360) + 360) % 360;
        return new PageGeometry(crop.getLowerLeftX(), crop.getLowerLeftY(), crop.getWidth(), crop.getHeight(),
                rotation - rotation % 90);
    }

    /** Above this many pixels a page is refused rather than rendered: 40 million (A3 at 400 dpi) take 160 MB. */
    static final long MAX_PIXELS = 40_000_000L;

    /** Refuses a page with no area or too large to render at {@code dpi}. */
    void checkRenderable(int pageNumber, int dpi) {
        if (!(displayedWidth() > 0) || !(displayedHeight() > 0)) {
            throw RedactionRefused.unrenderable(pageNumber, "page sans dimensions");
        }
        double scale = dpi / 72.0;
        if ((double) displayedWidth() * scale * displayedHeight() * scale > MAX_PIXELS) {
            throw RedactionRefused.unrenderable(pageNumber, "page trop grande pour être rendue à " + dpi + " dpi");
        }
    }

    float displayedWidth() {
        return rotation == 90 || rotation == 270 ? cropHeight : cropWidth;
    }

    float displayedHeight() {
        return rotation == 90 || rotation == 270 ? cropWidth : cropHeight;
    }

    /** A user-space point in displayed coordinates: {x, y}. */
    float[] toDisplay(float ux, float uy) {
        float x = ux - llx;
        float y = uy - lly;
        return switch (rotation) {
            case 90 -> new float[] {y, x};
            case 180 -> new float[] {cropWidth - x, y};
            case 270 -> new float[] {cropHeight - y, cropWidth - x};
            default -> new float[] {x, cropHeight - y};
        };
    }
}
