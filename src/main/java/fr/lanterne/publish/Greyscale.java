package fr.lanterne.publish;

import java.awt.image.BufferedImage;

/** Stores a rendered page in one channel when it has no colour: a third of the size for letters and most scans. */
final class Greyscale {

    private Greyscale() {
    }

    static BufferedImage ifGrey(BufferedImage rgb) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            rgb.getRGB(0, y, width, 1, row, 0, width);
            for (int pixel : row) {
                int r = (pixel >> 16) & 0xff;
                int g = (pixel >> 8) & 0xff;
                int b = pixel & 0xff;
                if (r != g || g != b) {
                    return rgb;
                }
            }
        }
        BufferedImage grey = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((java.awt.image.DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            rgb.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                data[y * width + x] = (byte) (row[x] & 0xff);
            }
        }
        return grey;
    }
}
