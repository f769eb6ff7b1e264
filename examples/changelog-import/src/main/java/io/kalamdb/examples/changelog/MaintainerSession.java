package io.kalamdb.examples.changelog;

/**
 * A maintainer logged in as their own KalamDB user.
 *
 * @param account the maintainer and their entries
 * @param userId  their user id
 * @param token   their access token
 * @param created true if the importer created the user, false if it existed and was reused
 */
public record MaintainerSession(MaintainerAccount account, UserId userId, String token, boolean created) {
}
