package fr.lanterne;

import fr.lanterne.users.Role;
import fr.lanterne.users.Users;

/** Accounts the integration tests sign in with; created once in the test database. */
public final class TestUsers {

    public static final String PASSWORD = "correct horse battery";
    public static final String VOLUNTEER = "test-volunteer";
    public static final String ADMIN = "test-admin";
    public static final String RESEARCHER = "test-researcher";

    private TestUsers() {
    }

    public static void ensure(Users users) {
        ensure(users, VOLUNTEER, Role.VOLUNTEER);
        ensure(users, ADMIN, Role.ADMIN);
        ensure(users, RESEARCHER, Role.RESEARCHER);
    }

    private static void ensure(Users users, String username, Role role) {
        if (users.find(username).isEmpty()) {
            users.add(username, role, PASSWORD.toCharArray(), null, username + "@example.org");
        }
    }

    /** An account of a group (null: none), whatever the test database held before. */
    public static void ensure(Users users, String username, Role role, String group) {
        ensure(users, username, role);
        users.setGroup(username, group);
    }
}
