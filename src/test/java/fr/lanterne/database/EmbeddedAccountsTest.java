package fr.lanterne.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accounts file of the embedded server, without a server (EmbeddedDatabaseAccessIT runs one). */
class EmbeddedAccountsTest {

    @TempDir
    Path folder;

    @Test
    void the_hash_is_the_one_mariadb_password_gives() {
        // SELECT PASSWORD('Vid3oprotectionANimes2026') on MariaDB 11.4.
        assertThat(EmbeddedAccounts.nativePasswordHash("Vid3oprotectionANimes2026"))
                .isEqualTo("*29CF3B67BDC7A6D8E72277C4A4BD18397CC43317");
    }

    @Test
    void made_once_owner_only_then_read_back_unchanged() throws IOException {
        EmbeddedAccounts made = EmbeddedAccounts.loadOrCreate(folder);
        Path file = folder.resolve(EmbeddedAccounts.FILE_NAME);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(OwnerOnly.FILE);
        assertThat(made.application().user()).isEqualTo("lanterne");
        assertThat(made.root().user()).isEqualTo("root");
        assertThat(made.application().password()).matches("[A-Za-z0-9]{32}").isNotEqualTo(made.root().password());
        assertThat(made.application().toString()).doesNotContain(made.application().password());

        String text = Files.readString(file);
        EmbeddedAccounts again = EmbeddedAccounts.loadOrCreate(folder);
        assertThat(again.application()).isEqualTo(made.application());
        assertThat(again.root()).isEqualTo(made.root());
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(EmbeddedAccounts.load(folder).application()).isEqualTo(made.application());
    }

    @Test
    void a_partial_file_left_by_a_crash_is_never_read() throws IOException {
        Files.writeString(folder.resolve(EmbeddedAccounts.FILE_NAME + ".partial"), "[client]\nuser=lanterne\npassw");
        EmbeddedAccounts made = EmbeddedAccounts.loadOrCreate(folder);
        assertThat(made.application().password()).hasSize(32);
        assertThat(folder.resolve(EmbeddedAccounts.FILE_NAME + ".partial")).doesNotExist();
    }

    @Test
    void the_start_up_sql_holds_hashes_never_passwords() throws IOException {
        EmbeddedAccounts accounts = EmbeddedAccounts.loadOrCreate(folder);
        String sql = accounts.initSql();
        for (DatabaseCredentials credentials : new DatabaseCredentials[] {accounts.application(), accounts.root()}) {
            assertThat(sql).doesNotContain(credentials.password())
                    .contains(EmbeddedAccounts.nativePasswordHash(credentials.password()));
        }
        assertThat(sql).contains("'lanterne'@'127.0.0.1'", "'lanterne'@'localhost'", "'root'@'127.0.0.1'",
                "'root'@'localhost'");
    }

    @Test
    void a_damaged_file_says_how_to_recover() throws IOException {
        Files.writeString(folder.resolve(EmbeddedAccounts.FILE_NAME), """
                [client]
                user=someone
                password=abcdefghijklmnopqrstuvwxyz
                [client-root]
                user=root
                password=abcdefghijklmnopqrstuvwxyz
                """);
        assertThatThrownBy(() -> EmbeddedAccounts.loadOrCreate(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("user=lanterne")
                .hasMessageContaining("delete it");
    }

    @Test
    void a_process_attaching_without_the_file_is_told_why() {
        assertThatThrownBy(() -> EmbeddedAccounts.load(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(EmbeddedAccounts.FILE_NAME);
    }
}
