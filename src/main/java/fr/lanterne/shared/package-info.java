/**
 * The small pieces every module shares: the refusals a user reads ({@link fr.lanterne.shared.UserError} and its
 * kinds), the data directory, French counts and dates, the Paris time zone, and {@link fr.lanterne.shared.StoredIn}.
 * It uses no other module, so that any module may use it.
 */
@LanterneModule(
        api = {ConflictException.class, DataDirectory.class, ForbiddenException.class, FrenchCount.class,
                FrenchDates.class,
                InvalidInputException.class, NotFoundException.class, Paris.class, StoredIn.class, UserError.class},
        uses = {})
package fr.lanterne.shared;

import fr.lanterne.LanterneModule;
