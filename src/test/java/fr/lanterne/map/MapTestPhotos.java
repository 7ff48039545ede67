package fr.lanterne.map;

import java.io.IOException;

/** A phone-like photo (a JPEG with EXIF and a GPS position) for tests outside this package. */
public final class MapTestPhotos {

    private MapTestPhotos() {
    }

    public static byte[] withExif() throws IOException {
        return CameraPhotosTest.withExif(CameraPhotosTest.jpeg(320, 240, 0x336699));
    }
}
