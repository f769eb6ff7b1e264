package io.kalamdb.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import io.kalamdb.core.model.NamespaceId;
import io.kalamdb.core.model.TableName;
import io.kalamdb.core.model.UserId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Template validation (each rule, good and bad), placeholder resolution, user-id encoding and shards. */
class PathTemplateTest {
    private static final NamespaceId CHAT = new NamespaceId("chat");
    private static final TableName MESSAGES = new TableName("messages");

    private static void assertRefused(String template, boolean user, String reason) {
        KalamException e = assertThrows(KalamException.class,
                () -> {
                    if (user) {
                        PathTemplate.parseUser(template);
                    } else {
                        PathTemplate.parseShared(template);
                    }
                });
        assertEquals(ErrorCode.INVALID_SQL, e.code());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith("Invalid " + (user ? "USER" : "SHARED") + "_TABLES_TEMPLATE"),
                e.getMessage());
    }

    @Test
    void defaultTemplatesResolveToNamespaceTableAndUser() {
        assertEquals("chat/messages",
                PathTemplate.parseShared(PathTemplate.DEFAULT_SHARED).resolve(CHAT, MESSAGES, null));
        assertEquals("chat/messages/alice",
                PathTemplate.parseUser(PathTemplate.DEFAULT_USER).resolve(CHAT, MESSAGES, new UserId("alice")));
    }

    @Test
    void literalTextAndPlaceholdersMixWithinSegments() {
        PathTemplate t = PathTemplate.parseUser("cold/ns-{namespace}/{tableName}.v1/{shard}/u_{userId}");
        assertEquals("cold/ns-chat/messages.v1/47/u_alice", t.resolve(CHAT, MESSAGES, new UserId("alice")));
        assertTrue(t.perUser());
        assertEquals("cold/ns-{namespace}/{tableName}.v1/{shard}/u_{userId}", t.text());
    }

    @Test
    void shardIsTheLowByteOfTheCrc32OfTheUserIdAndZeroForSharedTables() {
        assertEquals("47", PathTemplate.shardOf(new UserId("alice")));
        assertEquals("40", PathTemplate.shardOf(new UserId("bob")));
        assertEquals("5b", PathTemplate.shardOf(UserId.ROOT));
        assertEquals("chat/00/messages",
                PathTemplate.parseShared("{namespace}/{shard}/{tableName}").resolve(CHAT, MESSAGES, null));
        Set<String> shards = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String shard = PathTemplate.shardOf(new UserId("user" + i));
            assertTrue(shard.matches("[0-9a-f]{2}"), shard);
            shards.add(shard);
        }
        assertEquals(256, shards.size(), "2000 users should cover every shard");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "alice@example.com | alice%40example.com",
        "../x              | %2E.%2Fx",
        "a.b-c_D9          | a.b-c_D9",
        ".hidden           | %2Ehidden",
        "50%               | 50%25",
        "a b/c             | a%20b%2Fc",
        "é                 | %C3%A9"})
    void userIdsArePercentEncodedIntoOneSafeSegment(String userId, String encoded) {
        assertEquals("chat/messages/" + encoded,
                PathTemplate.parseUser(PathTemplate.DEFAULT_USER).resolve(CHAT, MESSAGES, new UserId(userId)));
    }

    @Test
    void aUserIdTooLongForOneDirectoryNameIsRefused() {
        PathTemplate t = PathTemplate.parseUser(PathTemplate.DEFAULT_USER);
        assertEquals("chat/messages/" + "%2F".repeat(85), t.resolve(CHAT, MESSAGES, new UserId("/".repeat(85))));
        KalamException e = assertThrows(KalamException.class,
                () -> t.resolve(CHAT, MESSAGES, new UserId("/".repeat(86))));
        assertEquals(ErrorCode.INVALID_PARAMETER, e.code());
        assertTrue(e.getMessage().contains("longer than 255 bytes"), e.getMessage());
    }

    @Test
    void resolvingWithTheWrongKindOfOwnerIsAProgrammingError() {
        PathTemplate user = PathTemplate.parseUser(PathTemplate.DEFAULT_USER);
        PathTemplate shared = PathTemplate.parseShared(PathTemplate.DEFAULT_SHARED);
        assertThrows(IllegalArgumentException.class, () -> user.resolve(CHAT, MESSAGES, null));
        assertThrows(IllegalArgumentException.class, () -> shared.resolve(CHAT, MESSAGES, new UserId("alice")));
        assertFalse(shared.perUser());
    }

    @Test
    void namespaceMustComeBeforeTableName() {
        assertRefused("{tableName}/{namespace}", false, "{namespace} must come before {tableName}");
        assertRefused("{tableName}-{namespace}/{userId}", true, "{namespace} must come before {tableName}");
        assertEquals("chat-messages",
                PathTemplate.parseShared("{namespace}-{tableName}").resolve(CHAT, MESSAGES, null));
    }

    @Test
    void namespaceAndTableNameAreRequired() {
        assertRefused("{tableName}", false, "{namespace} is required");
        assertRefused("{namespace}/{userId}", true, "{tableName} is required");
    }

    @Test
    void aUserTemplateMustContainTheUserIdAndASharedOneMustNot() {
        assertRefused("{namespace}/{tableName}", true, "must contain {userId}");
        assertRefused("{namespace}/{tableName}/{shard}", true, "must contain {userId}");
        assertRefused("{namespace}/{tableName}/{userId}", false, "cannot contain {userId}");
    }

    @Test
    void shardIsOptional() {
        assertEquals("chat/messages/47/alice", PathTemplate.parseUser("{namespace}/{tableName}/{shard}/{userId}")
                .resolve(CHAT, MESSAGES, new UserId("alice")));
        assertEquals("{namespace}/{tableName}/{userId}", PathTemplate.parseUser(PathTemplate.DEFAULT_USER).text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../{namespace}/{tableName}           | '..' is not allowed",
        "{namespace}/../../{tableName}        | '..' is not allowed",
        "a..b/{namespace}/{tableName}         | '..' is not allowed",
        "/data/{namespace}/{tableName}        | must be a relative path",
        "{namespace}\\{tableName}             | must be a relative path",
        "./{namespace}/{tableName}            | '.' is not allowed as a path segment",
        "{namespace}//{tableName}             | empty path segment",
        "{namespace}/{tableName}/             | empty path segment",
        "{namespace}/{table}                  | unknown placeholder {table}",
        "{namespace}/{tableName}/{ userId }   | unknown placeholder { userId }",
        "{namespace}/{tableName               | '{' is not closed",
        "{namespace}/tableName}               | character '}' is not allowed",
        "{namespace}/{tableName}/{namespace}  | {namespace} appears more than once",
        "{namespace}/{shard}/{tableName}/{shard} | {shard} appears more than once",
        "my dir/{namespace}/{tableName}       | character ' ' is not allowed",
        "c:/{namespace}/{tableName}           | character ':' is not allowed",
        "s3://bucket/{namespace}/{tableName}  | character ':' is not allowed",
        "''                                   | it is empty"})
    void unsafeOrMalformedTemplatesAreRefused(String template, String reason) {
        assertRefused(template, false, reason);
    }

    @Test
    void templatesAreEqualByTextAndKind() {
        assertEquals(PathTemplate.parseShared("{namespace}/{tableName}"),
                PathTemplate.parseShared("{namespace}/{tableName}"));
        assertFalse(PathTemplate.parseShared("{namespace}/{tableName}")
                .equals(PathTemplate.parseShared("{namespace}-{tableName}")));
    }
}
