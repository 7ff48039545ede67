package fr.lanterne.users;

import fr.lanterne.shared.InvalidInputException;
import fr.lanterne.cli.CliCommand;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "users", description = "Comptes des personnes qui utilisent Lanterne.", mixinStandardHelpOptions = true,
        subcommands = {UsersCommand.Add.class, UsersCommand.SetPassword.class, UsersCommand.ListUsers.class,
                UsersCommand.Disable.class, UsersCommand.Enable.class, UsersCommand.Calendar.class,
                UsersCommand.SetGroup.class})
public final class UsersCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Crée un compte. Le mot de passe est lu sur l'entrée standard (jamais en argument) :",
                    "  java -jar lanterne.jar users add alice --role VOLUNTEER",
                    "  echo 'mot de passe' | java -jar lanterne.jar users add alice --role VOLUNTEER"})
    static final class Add implements CliCommand {
        @Parameters(paramLabel = "UTILISATEUR")
        String username;

        @Option(names = "--role", required = true, paramLabel = "RÔLE",
                description = "ADMIN, VOLUNTEER ou RESEARCHER.")
        Role role;

        @Option(names = "--name", paramLabel = "NOM", description = "Nom affiché.")
        String displayName;

        @Option(names = "--email", paramLabel = "COURRIEL", description = "Pour recevoir le récapitulatif du matin.")
        String email;

        @Option(names = "--group", paramLabel = "GROUPE",
                description = "Le collectif local : ses membres suivent les demandes les uns des autres.")
        String group;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) throws IOException {
            char[] password = readPassword(out);
            try {
                Users users = context.getBean(Users.class);
                User user = users.add(username, role, password, displayName, email);
                if (group != null) {
                    users.setGroup(user.username(), group);
                }
                out.printf("Compte « %s » créé (%s).%n", user.username(), user.role().label());
            } finally {
                Arrays.fill(password, ' ');
            }
            return 0;
        }
    }

    @Command(name = "set-password", mixinStandardHelpOptions = true,
            description = "Change le mot de passe d'un compte (lu sur l'entrée standard).")
    static final class SetPassword implements CliCommand {
        @Parameters(paramLabel = "UTILISATEUR")
        String username;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) throws IOException {
            char[] password = readPassword(out);
            try {
                context.getBean(Users.class).setPassword(username, password);
                out.printf("Mot de passe de « %s » changé.%n", username);
            } finally {
                Arrays.fill(password, ' ');
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Liste les comptes.")
    static final class ListUsers implements CliCommand {
        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            for (User user : context.getBean(Users.class).list()) {
                out.printf("%-20s %-16s %-24s %s%s%n", user.username(), user.role().label(),
                        user.group() == null ? "" : user.group(), user.email() == null ? "" : user.email(),
                        user.enabled() ? "" : "  (désactivé)");
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Empêche un compte de se connecter.")
    static final class Disable implements CliCommand {
        @Parameters(paramLabel = "UTILISATEUR")
        String username;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            context.getBean(Users.class).setEnabled(username, false);
            out.printf("Compte « %s » désactivé.%n", username);
            return 0;
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Réactive un compte.")
    static final class Enable implements CliCommand {
        @Parameters(paramLabel = "UTILISATEUR")
        String username;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            context.getBean(Users.class).setEnabled(username, true);
            out.printf("Compte « %s » réactivé.%n", username);
            return 0;
        }
    }

    @Command(name = "set-group", mixinStandardHelpOptions = true,
            description = "Place un compte dans un collectif local (sans GROUPE : l'en retire).")
    static final class SetGroup implements CliCommand {
        @Parameters(index = "0", paramLabel = "UTILISATEUR")
        String username;

        @Parameters(index = "1", arity = "0..1", paramLabel = "GROUPE")
        String group;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            context.getBean(Users.class).setGroup(username, group);
            out.printf("Compte « %s » : %s.%n", username, group == null ? "sans collectif" : "collectif " + group);
            return 0;
        }
    }

    @Command(name = "calendar", mixinStandardHelpOptions = true,
            description = {"Donne l'adresse du calendrier (iCal) des échéances d'un compte, à ajouter dans son agenda.",
                    "Gardez-la secrète : qui la connaît voit les échéances. --renew en crée une nouvelle."})
    static final class Calendar implements CliCommand {
        @Parameters(paramLabel = "UTILISATEUR")
        String username;

        @Option(names = "--renew", description = "Remplace l'adresse (l'ancienne cesse de fonctionner).")
        boolean renew;

        @Override
        public int execute(ApplicationContext context, PrintWriter out) {
            String token = context.getBean(Users.class).calendarToken(username, renew);
            String path = Users.calendarPath(token);
            java.util.Optional<String> link = context.getBean(PublicAddress.class).link(path);
            if (link.isPresent()) {
                out.println(link.get());
                return 0;
            }
            out.println(NO_PUBLIC_URL);
            out.printf("Chemin du calendrier, à mettre après l’adresse du serveur : %s%n", path);
            return 1;
        }
    }

    /** What the command line says when it cannot write a full link. */
    static final String NO_PUBLIC_URL = """
            Lanterne ne connaît pas encore l’adresse à laquelle on le joint : réglez lanterne.web.public-url, par exemple
              lanterne:
                web:
                  public-url: https://lanterne.example.org
            dans config/application.yml (ou LANTERNE_WEB_PUBLIC_URL=https://lanterne.example.org dans l’environnement),
            ou connectez-vous une fois dans le navigateur : Lanterne retient l’adresse utilisée.""";

    /** Asks twice at a terminal (without echo); reads one line when the password is piped in. */
    static char[] readPassword(PrintWriter out) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Mot de passe : ");
            char[] second = console.readPassword("Encore une fois : ");
            if (first == null || !Arrays.equals(first, second)) {
                throw new InvalidInputException("Les deux mots de passe diffèrent.");
            }
            Arrays.fill(second, ' ');
            return first;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            throw new InvalidInputException("Aucun mot de passe sur l'entrée standard. Exemple : "
                    + "echo 'un mot de passe long' | java -jar lanterne.jar users add alice --role VOLUNTEER");
        }
        return line.toCharArray();
    }
}
