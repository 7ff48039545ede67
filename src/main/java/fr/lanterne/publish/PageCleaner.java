package fr.lanterne.publish;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Copies a page without a box into the new document, keeping only what draws it: its boxes, rotation, resources and
 * contents. Annotations (and the form fields and links they are), page actions, thumbnails, private data and every
 * metadata stream reachable from its resources are left behind.
 */
final class PageCleaner {

    private static final Set<COSName> KEPT = Set.of(COSName.TYPE, COSName.MEDIA_BOX, COSName.CROP_BOX,
            COSName.BLEED_BOX, COSName.TRIM_BOX, COSName.ART_BOX, COSName.ROTATE, COSName.RESOURCES,
            COSName.CONTENTS, COSName.USER_UNIT, COSName.GROUP);

    private PageCleaner() {
    }

    static void copy(PDPage page, PDDocument target) throws IOException {
        PDPage copy = target.importPage(page);
        // Inherited values (boxes, rotation, resources) are read through the source's tree: set them on the copy.
        copy.setMediaBox(page.getMediaBox());
        copy.setCropBox(page.getCropBox());
        copy.setRotation(page.getRotation());
        copy.setResources(page.getResources());
        COSDictionary dictionary = copy.getCOSObject();
        for (COSName key : new ArrayList<>(dictionary.keySet())) {
            if (!KEPT.contains(key) && !COSName.PARENT.equals(key)) {
                dictionary.removeItem(key);
            }
        }
        stripMetadata(dictionary.getDictionaryObject(COSName.RESOURCES), new HashSet<>());
    }

    /** Removes /Metadata and /PieceInfo from every dictionary reachable from the resources (images, forms, fonts). */
    private static void stripMetadata(COSBase base, Set<COSBase> seen) {
        COSBase object = base instanceof COSObject indirect ? indirect.getObject() : base;
        if (!(object instanceof COSDictionary dictionary) || !seen.add(dictionary)) {
            return;
        }
        dictionary.removeItem(COSName.METADATA);
        dictionary.removeItem(COSName.PIECE_INFO);
        List<COSBase> children = new ArrayList<>(dictionary.getValues());
        for (COSBase child : children) {
            if (child instanceof org.apache.pdfbox.cos.COSArray array) {
                for (COSBase element : array) {
                    stripMetadata(element, seen);
                }
            } else {
                stripMetadata(child, seen);
            }
        }
    }
}
