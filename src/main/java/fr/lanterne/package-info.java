/**
 * The application itself: its entry point, its configuration ({@link fr.lanterne.LanterneProperties}, the clock, the
 * scheduler), and {@link fr.lanterne.LanterneModule}, by which each module's package-info names its API and the
 * modules it uses. The small pieces every module shares live in {@code fr.lanterne.shared}.
 */
@LanterneModule(
        api = {LanterneApplication.class, LanterneModule.class, LanterneProperties.class},
        uses = {"shared"})
package fr.lanterne;
