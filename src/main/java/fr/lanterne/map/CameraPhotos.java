package fr.lanterne.map;

import fr.lanterne.shared.InvalidInputException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.stereotype.Component;

/**
 * A camera's photo, decoded and drawn again into a new JPEG: the pixels are kept, nothing else of the file (EXIF with
 * its GPS position, the phone's make and serial, the date, embedded thumbnails). The camera's own position is kept
 * as data on the camera, not in the photo.
 */
@Component
class CameraPhotos {

    /** Long side of the kept photo: enough to tell a dome from a fixed camera, small enough for a weak signal. */
    static final int MAX_SIDE = 1600;

    record Photo(byte[] jpeg, int width, int height) {
    }

    Photo reencode(byte[] file) {
        BufferedImage source;
        try {
            source = file == null || file.length == 0 ? null : ImageIO.read(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException e) {
            source = null;
        }
        if (source == null) {
            throw new InvalidInputException("Le fichier envoyé n’est pas une image lisible : envoyez une photo "
                    + "JPEG ou PNG.", Map.of("field", "photo"));
        }
        double scale = Math.min(1, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = copy.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, java.awt.Color.WHITE, null);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            // No metadata given: the writer writes a bare JFIF header.
            writer.write(null, new IIOImage(copy, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new Photo(out.toByteArray(), width, height);
    }
}
