package fr.lanterne;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a feature package's {@code package-info.java}, what the module offers other modules and which modules
 * it may use. {@code ArchitectureTest} holds the code to it: another module may use only the types named in
 * {@link #api()} (and their nested types), a module may use only the modules named in {@link #uses()}, the modules
 * form no circle, and a public top-level type that is not in the API is used by another package of the same module
 * (everything else is package-private).
 *
 * <p>A module is a package directly under {@code fr.lanterne} with all its subpackages; the classes of
 * {@code fr.lanterne} itself form the module named {@code root}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface LanterneModule {

    /** The types other modules may use: the module's entry services and the records they take and return. */
    Class<?>[] api() default {};

    /**
     * The modules this one may use, by package name ({@code "registry"}, or {@code "root"} for {@code fr.lanterne}).
     */
    String[] uses() default {};
}
