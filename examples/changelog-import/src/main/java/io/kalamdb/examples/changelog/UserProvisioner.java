package io.kalamdb.examples.changelog;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes a KalamDB user for each maintainer and logs them in. A new user gets a generated password; an existing
 * one is reused, with its password reset to a newly generated one (the importer keeps no passwords between
 * runs). Both cost one bcrypt hash on the server, the login another. Thread-safe.
 */
public final class UserProvisioner {
    private static final int PASSWORD_BYTES = 18;

    private final KalamHttpClient client;
    private final String rootToken;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param client    the server
     * @param rootToken a root access token for user management, or null to act as root over localhost
     */
    public UserProvisioner(KalamHttpClient client, String rootToken) {
        this.client = client;
        this.rootToken = rootToken;
    }

    /**
     * Lists the active (not soft-deleted) users, as root.
     *
     * @return their ids
     * @throws KalamApiException if the query fails
     */
    public Set<UserId> activeUsers() {
        JsonNode rows = client.sql(rootToken, "SELECT user_id FROM system.users WHERE deleted_at IS NULL", List.of())
                .path(0).path("rows");
        Set<UserId> users = new HashSet<>();
        rows.forEach(row -> users.add(new UserId(row.path(0).asText())));
        return users;
    }

    /**
     * Creates the maintainer's user, or resets the password of the existing one, and logs in as them.
     *
     * @param account the maintainer
     * @param exists  whether their user is active already ({@link #activeUsers()})
     * @return the session
     * @throws KalamApiException if a call fails
     * @throws IllegalArgumentException if the maintainer's address makes no valid user id
     */
    public MaintainerSession provision(MaintainerAccount account, boolean exists) {
        UserId id = account.userId();
        String password = newPassword();
        String sql = exists
                ? "ALTER USER " + literal(id.value()) + " SET PASSWORD " + literal(password)
                : "CREATE USER " + literal(id.value()) + " WITH PASSWORD " + literal(password)
                        + " EMAIL " + literal(account.email());
        client.sql(rootToken, sql, List.of());
        return new MaintainerSession(account, id, client.login(id, password), !exists);
    }

    /** @return 24 URL-safe base64 characters: 144 random bits */
    private String newPassword() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
