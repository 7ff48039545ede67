/**
 * The pieces every module shares: the refusals a user reads ({@link fr.lanterne.UserError} and its kinds), the data
 * directory, French counts, {@link fr.lanterne.StoredIn}, the application's configuration, and
 * {@link fr.lanterne.LanterneModule}, by which each module's package-info names its API and the modules it uses.
 */
@LanterneModule(
        api = {ConflictException.class, DataDirectory.class, FrenchCount.class, InvalidInputException.class,
                LanterneApplication.class, LanterneModule.class, LanterneProperties.class, NotFoundException.class,
                StoredIn.class, UserError.class})
package fr.lanterne;
