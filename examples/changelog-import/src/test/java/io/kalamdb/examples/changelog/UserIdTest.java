package io.kalamdb.examples.changelog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UserIdTest {
    @Test
    void lettersAndDigitsStayAndOtherBytesBecomeHexEscapes() {
        assertEquals("cl_jane_2edoe_40debian_2eorg", UserId.forEmail("jane.doe@debian.org").value());
        assertEquals("cl_jos_c3_a9_40example_2eorg", UserId.forEmail("josé@example.org").value());
        assertEquals("cl_https_3a_2f_2fcode_2egoogle_2ecom_2fp_2fx_2f",
                UserId.forEmail("https://code.google.com/p/x/").value());
    }

    @Test
    void addressesThatASimpleSlugWouldMergeGetDifferentIds() {
        assertNotEquals(UserId.forEmail("jane.doe@debian.org"), UserId.forEmail("jane_doe@debian.org"));
        assertNotEquals(UserId.forEmail("a-b@x.org"), UserId.forEmail("a.b@x.org"));
        assertEquals("cl_jane_5fdoe_40debian_2eorg", UserId.forEmail("jane_doe@debian.org").value());
    }

    @Test
    void theAddressRootDoesNotBecomeTheRootUser() {
        assertEquals("cl_root", UserId.forEmail("root").value());
    }

    @Test
    void anIdLongerThan128BytesIsRefused() {
        String longest = "a".repeat(UserId.MAX_BYTES - UserId.PREFIX.length());

        assertEquals(UserId.MAX_BYTES, UserId.forEmail(longest).value().length());
        assertThrows(IllegalArgumentException.class, () -> UserId.forEmail(longest + "a"));
    }

    @Test
    void maintainersAreIdentifiedByTheirTrimmedLowerCaseAddress() {
        assertEquals("jane@debian.org", new Maintainer("Jane", " Jane@Debian.ORG ").normalizedEmail());
    }
}
