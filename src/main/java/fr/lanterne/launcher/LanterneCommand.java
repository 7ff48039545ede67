package fr.lanterne.launcher;

import fr.lanterne.authorities.AuthoritiesCommand;
import fr.lanterne.database.DatabaseCommand;
import fr.lanterne.deadlines.DeadlinesCommand;
import fr.lanterne.ingest.IngestCommand;
import fr.lanterne.registry.RegistryCommand;
import fr.lanterne.search.SearchCommand;
import fr.lanterne.settings.SettingsCommand;
import fr.lanterne.requests.CampaignCommand;
import fr.lanterne.requests.RequestsCommand;
import fr.lanterne.users.UsersCommand;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "java -jar lanterne.jar",
        mixinStandardHelpOptions = true,
        version = "Lanterne",
        description = {
                "Lanterne : demandes d'accès aux documents administratifs (CRPA) sur la surveillance dans les "
                        + "communes.",
                "Sans commande, Lanterne sert l'application web sur le port 8080."},
        subcommands = {AuthoritiesCommand.class, RegistryCommand.class, RequestsCommand.class, CampaignCommand.class,
                DeadlinesCommand.class, IngestCommand.class, SearchCommand.class, UsersCommand.class,
                DatabaseCommand.class, SettingsCommand.class})
final class LanterneCommand {

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DOSSIER",
            description = "Dossier de données (par défaut : ./data, ou lanterne.data-dir dans config/application.yml).")
    private Path dataDir;
}
