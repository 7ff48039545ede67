package fr.lanterne.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database column a text that people type is written to, as {@code "table.column"}, beside the {@code @Size} that
 * keeps it within that column. {@code StoredLengthIT} reads the real schema and fails when a {@code @Size(max)} is
 * larger than its column can hold, so that a too-long text is refused with a sentence, never by the database.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
public @interface StoredIn {

    /** {@code "table.column"}; several when the same text is written to more than one column. */
    String[] value();
}
