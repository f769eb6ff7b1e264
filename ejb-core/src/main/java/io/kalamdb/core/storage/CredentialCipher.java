package io.kalamdb.core.storage;

import io.kalamdb.core.model.ErrorCode;
import io.kalamdb.core.model.KalamException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts storage credentials at rest with AES-256-GCM (NIST SP 800-38D): a fresh 96-bit nonce per value,
 * a 128-bit tag, and the storage id as associated data, so a ciphertext copied to another storage does not
 * decrypt. The stored form is {@code v1:<base64(nonce ‖ ciphertext ‖ tag)>}.
 *
 * <p>The 256-bit key lives in its own file, {@code <data>/credentials.key} (owner read/write only where the
 * file system supports POSIX permissions), generated on first use — not in RocksDB, so a copy of the
 * database alone does not reveal credentials. Losing the key file makes stored credentials unreadable.
 * Thread-safe.
 */
public final class CredentialCipher {
    /** Prefix of an encrypted value (format version 1). */
    static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private CredentialCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Loads the key file, creating it with a random key if it does not exist.
     *
     * @param keyFile e.g. {@code <data>/credentials.key}
     * @return the cipher
     * @throws KalamException INTERNAL_ERROR if the file cannot be read or written, or is not a 32-byte key
     */
    public static CredentialCipher open(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[KEY_BYTES];
                RANDOM.nextBytes(fresh);
                Files.createDirectories(keyFile.toAbsolutePath().getParent());
                try {
                    Files.write(keyFile, Base64.getEncoder().encode(fresh), java.nio.file.StandardOpenOption.CREATE_NEW);
                    restrict(keyFile);
                } catch (FileAlreadyExistsException raced) {
                    // another opener created it first: read theirs
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            if (key.length != KEY_BYTES) {
                throw new KalamException(ErrorCode.INTERNAL_ERROR, "The credentials key " + keyFile + " is not a "
                        + KEY_BYTES + "-byte key");
            }
            return new CredentialCipher(key);
        } catch (IOException | IllegalArgumentException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot read the credentials key " + keyFile + ": "
                    + e.getMessage(), e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; the data directory's own protection applies
        }
    }

    /**
     * @param plaintext the credentials JSON, or null
     * @param storageId the storage they belong to (bound as associated data)
     * @return {@code v1:…}, or null for null
     */
    String encrypt(String plaintext, StorageId storageId) {
        if (plaintext == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(storageId.value().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot encrypt the credentials of " + storageId, e);
        }
    }

    /**
     * @param stored    a value of {@link #encrypt}, or null
     * @param storageId the storage it was encrypted for
     * @return the credentials JSON, or null
     * @throws KalamException INTERNAL_ERROR if the value was not encrypted with this key for this storage
     */
    String decrypt(String stored, StorageId storageId) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "The stored credentials of " + storageId
                    + " are not encrypted");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(storageId.value().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KalamException(ErrorCode.INTERNAL_ERROR, "Cannot decrypt the credentials of " + storageId
                    + " (wrong or replaced credentials.key?)", e);
        }
    }
}
