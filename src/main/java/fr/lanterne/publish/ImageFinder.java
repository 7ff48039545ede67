package fr.lanterne.publish;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.util.Matrix;

/** Where a page draws its images (forms included), in displayed coordinates. */
final class ImageFinder extends PDFGraphicsStreamEngine {

    private final int pageNumber;
    private final PageGeometry geometry;
    private final List<PdfRect> images = new ArrayList<>();

    private ImageFinder(PDPage page, int pageNumber) {
        super(page);
        this.pageNumber = pageNumber;
        this.geometry = PageGeometry.of(page);
    }

    static List<PdfRect> images(PDPage page, int pageNumber) throws IOException {
        ImageFinder finder = new ImageFinder(page, pageNumber);
        finder.processPage(page);
        return List.copyOf(finder.images);
    }

    @Override
    public void drawImage(PDImage image) {
        Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
        float minX = Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (float[] corner : new float[][] {{0, 0}, {1, 0}, {0, 1}, {1, 1}}) {
            Point2D.Float user = ctm.transformPoint(corner[0], corner[1]);
            float[] shown = geometry.toDisplay(user.x, user.y);
            minX = Math.min(minX, shown[0]);
            minY = Math.min(minY, shown[1]);
            maxX = Math.max(maxX, shown[0]);
            maxY = Math.max(maxY, shown[1]);
        }
        float left = Math.max(0, minX);
        float top = Math.max(0, minY);
        float right = Math.min(geometry.displayedWidth(), maxX);
        float bottom = Math.min(geometry.displayedHeight(), maxY);
        if (right - left >= 1 && bottom - top >= 1) {
            images.add(new PdfRect(pageNumber, left, top, right - left, bottom - top));
        }
    }

    // Paths, clips and shadings play no part in finding images.
    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    }

    @Override
    public void clip(int windingRule) {
    }

    @Override
    public void moveTo(float x, float y) {
    }

    @Override
    public void lineTo(float x, float y) {
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    }

    @Override
    public Point2D getCurrentPoint() {
        return new Point2D.Float(0, 0);
    }

    @Override
    public void closePath() {
    }

    @Override
    public void endPath() {
    }

    @Override
    public void strokePath() {
    }

    @Override
    public void fillPath(int windingRule) {
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
    }

    @Override
    public void shadingFill(COSName shadingName) {
    }
}
