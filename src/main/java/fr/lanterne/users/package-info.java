/**
 * The people who use Lanterne, their roles and hashed passwords.
 */
@LanterneModule(
        api = {Account.class, PasswordResets.class, PublicAddress.class, PublicUrl.class, Role.class, User.class,
                UserCredentials.class, Users.class, UsersCommand.class},
        uses = {"cli", "shared"})
package fr.lanterne.users;

import fr.lanterne.LanterneModule;
