package fr.lanterne.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.lanterne.shared.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CameraPhotosTest {

    private final CameraPhotos photos = new CameraPhotos();

    @Test
    void exif_with_a_gps_position_is_gone_and_the_pixels_stay() throws IOException {
        byte[] withExif = withExif(jpeg(640, 480, 0x3366cc));
        assertThat(new String(withExif, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPSLatitude");
        CameraPhotos.Photo photo = photos.reencode(withExif);
        String kept = new String(photo.jpeg(), StandardCharsets.ISO_8859_1);
        assertThat(kept).doesNotContain("Exif").doesNotContain("GPSLatitude").doesNotContain("Pixel 7");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(photo.jpeg()));
        assertThat(decoded.getWidth()).isEqualTo(640);
        assertThat(decoded.getHeight()).isEqualTo(480);
        int rgb = decoded.getRGB(320, 240) & 0xffffff;
        assertThat(Math.abs(((rgb >> 16) & 0xff) - 0x33)).isLessThan(12);
        assertThat(Math.abs((rgb & 0xff) - 0xcc)).isLessThan(12);
    }

    @Test
    void a_large_photo_is_scaled_down() throws IOException {
        CameraPhotos.Photo photo = photos.reencode(jpeg(4000, 3000, 0x777777));
        assertThat(photo.width()).isEqualTo(CameraPhotos.MAX_SIDE);
        assertThat(photo.height()).isEqualTo(1200);
    }

    @Test
    void a_file_that_is_not_an_image_is_refused() {
        assertThatThrownBy(() -> photos.reencode("%PDF-1.7 pas une image".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("n’est pas une image");
        assertThatThrownBy(() -> photos.reencode(new byte[0])).isInstanceOf(InvalidInputException.class);
    }

    static byte[] jpeg(int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an APP1 Exif segment after its SOI marker, as a phone writes one. */
    static byte[] withExif(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\bGPSLatitude 43.9597 GPSLongitude 5.7806 Make Google Model Pixel 7")
                .getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.write(payload, 0, payload.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
