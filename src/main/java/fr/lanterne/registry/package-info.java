/**
 * The deployment registry: which authority deploys which surveillance technology, from which vendor, with the sources that document it.
 */
@LanterneModule(
        api = {Deployment.class, DeploymentChanges.class, DeploymentDraft.class, DeploymentQuery.class,
                DeploymentStatus.class, HistoryEntry.class, Registry.class, RegistryCommand.class, Source.class,
                SourceDraft.class, Technology.class, Vendor.class},
        uses = {"authorities", "cli", "shared"})
package fr.lanterne.registry;

import fr.lanterne.LanterneModule;
