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
