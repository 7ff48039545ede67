/**
 * Settings administrators set in the browser and Lanterne keeps in its database: who signs the requests (the
 * requester identity a CADA referral needs, CRPA R343-1) and the address at which volunteers reach Lanterne.
 */
@LanterneModule(
        api = {IdentityDraft.class, PostalAddress.class, RequesterIdentity.class, RequesterKind.class, Settings.class,
                SettingsCommand.class},
        uses = {"cli", "shared", "users"})
package fr.lanterne.settings;

import fr.lanterne.LanterneModule;
