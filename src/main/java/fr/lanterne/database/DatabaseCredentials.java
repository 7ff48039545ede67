package fr.lanterne.database;

/**
 * A MariaDB account of the embedded server: its user name and password. The password is letters and digits only,
 * so that it reads the same in an option file, a JDBC property or a shell.
 */
public record DatabaseCredentials(String user, String password) {

    public DatabaseCredentials {
        if (user == null || !user.matches("[A-Za-z0-9_]{1,32}")) {
            throw new IllegalArgumentException("A database user name is 1 to 32 letters, digits or '_'");
        }
        if (password == null || !password.matches("[A-Za-z0-9]{20,128}")) {
            throw new IllegalArgumentException("A database password is 20 to 128 letters or digits");
        }
    }

    @Override
    public String toString() {
        // Never the password in a log line or an exception message.
        return "DatabaseCredentials[user=" + user + "]";
    }
}
