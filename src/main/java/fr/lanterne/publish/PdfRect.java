package fr.lanterne.publish;

/**
 * A rectangle on one page, in PDF points (1/72 inch), with its origin at the TOP-LEFT corner of the page as it is
 * displayed (crop box, page rotation applied), x to the right and y downwards — the way a browser draws on the page
 * image. {@link Redactor} converts to PDFBox's bottom-left user space itself.
 *
 * @param page   1-based page number
 * @param x      distance from the left edge of the displayed page
 * @param y      distance from the top edge of the displayed page
 * @param width  strictly positive
 * @param height strictly positive
 */
public record PdfRect(int page, float x, float y, float width, float height) {

    public PdfRect {
        if (page < 1) {
            throw new IllegalArgumentException("page numbers start at 1: " + page);
        }
        if (!Float.isFinite(x) || !Float.isFinite(y) || !Float.isFinite(width) || !Float.isFinite(height)) {
            throw new IllegalArgumentException("a rectangle needs finite coordinates");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("a rectangle needs a positive width and height: " + width + "×" + height);
        }
    }

    public float right() {
        return x + width;
    }

    public float bottom() {
        return y + height;
    }

    /** Whether the two rectangles, on the same page, share an area wider and taller than {@code tolerance} points. */
    public boolean overlaps(PdfRect other, float tolerance) {
        if (page != other.page) {
            return false;
        }
        float w = Math.min(right(), other.right()) - Math.max(x, other.x);
        float h = Math.min(bottom(), other.bottom()) - Math.max(y, other.y);
        return w > tolerance && h > tolerance;
    }

    /** The smallest rectangle holding both (same page). */
    public PdfRect union(PdfRect other) {
        if (page != other.page) {
            throw new IllegalArgumentException("rectangles on pages " + page + " and " + other.page);
        }
        float left = Math.min(x, other.x);
        float top = Math.min(y, other.y);
        return new PdfRect(page, left, top, Math.max(right(), other.right()) - left,
                Math.max(bottom(), other.bottom()) - top);
    }

    /** Whether it lies within a displayed page of that size, allowing {@code tolerance} points of overshoot. */
    public boolean within(float pageWidth, float pageHeight, float tolerance) {
        return x >= -tolerance && y >= -tolerance && right() <= pageWidth + tolerance
                && bottom() <= pageHeight + tolerance;
    }
}
