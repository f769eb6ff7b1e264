package io.kalamdb.core.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void hashVerifiesWithTheSamePassword() {
        char[] password = "correct horse battery staple".toCharArray();
        String hash = hasher.hash(password);

        assertEquals(60, hash.length());
        assertTrue(hash.startsWith("$2b$04$"), hash);
        assertTrue(hasher.verify(password, hash));
        assertArrayEquals("correct horse battery staple".toCharArray(), password, "input left intact");
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String hash = hasher.hash("secret-1".toCharArray());
        assertFalse(hasher.verify("secret-2".toCharArray(), hash));
        assertFalse(hasher.verify("Secret-1".toCharArray(), hash));
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        String first = hasher.hash("pw".toCharArray());
        String second = hasher.hash("pw".toCharArray());
        assertNotEquals(first, second);
        assertTrue(hasher.verify("pw".toCharArray(), first));
        assertTrue(hasher.verify("pw".toCharArray(), second));
    }

    @Test
    void defaultCostIsTwelve() {
        String hash = new PasswordHasher().hash("x".toCharArray());
        assertTrue(hash.startsWith("$2b$12$"), hash);
    }

    @Test
    void seventyTwoBytesAreAcceptedAndEveryByteCounts() {
        char[] password = "a".repeat(72).toCharArray();
        String hash = hasher.hash(password);
        assertTrue(hasher.verify(password, hash));
        assertFalse(hasher.verify(("a".repeat(71) + "b").toCharArray(), hash));
    }

    @Test
    void seventyThreeBytePasswordIsRejected() {
        KalamException error = assertThrows(KalamException.class, () -> hasher.hash("a".repeat(73).toCharArray()));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.code());
        assertEquals("Password must be 1 to 72 bytes of UTF-8", error.getMessage());
    }

    @Test
    void lengthIsCountedInUtf8Bytes() {
        char[] twentyFiveEuros = "€".repeat(25).toCharArray();
        KalamException error = assertThrows(KalamException.class, () -> hasher.hash(twentyFiveEuros));
        assertEquals(ErrorCode.INVALID_PARAMETER, error.code());
        char[] twentyFourEuros = "€".repeat(24).toCharArray();
        assertTrue(hasher.verify(twentyFourEuros, hasher.hash(twentyFourEuros)));
    }

    @Test
    void emptyPasswordIsRejected() {
        KalamException onHash = assertThrows(KalamException.class, () -> hasher.hash(new char[0]));
        assertEquals(ErrorCode.INVALID_PARAMETER, onHash.code());
        String hash = hasher.hash("x".toCharArray());
        KalamException onVerify = assertThrows(KalamException.class, () -> hasher.verify(new char[0], hash));
        assertEquals(ErrorCode.INVALID_PARAMETER, onVerify.code());
    }

    @Test
    void malformedHashDoesNotVerify() {
        assertFalse(hasher.verify("pw".toCharArray(), "not-a-bcrypt-hash"));
    }

    @Test
    void costOutsideBcryptRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new PasswordHasher(32));
    }
}
