package org.eldercare.planner.web.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with the JDK's PBKDF2WithHmacSHA256 (javax.crypto), a 16-byte random salt per password and
 * {@value #ITERATIONS} iterations (OWASP's figure for PBKDF2-HMAC-SHA256), stored as
 * {@code pbkdf2-sha256$ITERATIONS$SALT$HASH} (Base64). Comparison is constant-time ({@link MessageDigest#isEqual}).
 * No crypto of our own: only the JDK's primitives are called.
 */
public final class PasswordHashes {
    /** Iterations of new hashes. */
    public static final int ITERATIONS = 210_000;
    /** The prefix of every hash this class writes. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Shortest password {@link #checkStrength accepted} (ASVS 2.1.1). */
    public static final int MIN_LENGTH = 12;
    /** Longest password accepted (ASVS 2.1.2; also bounds the work of one hash). */
    public static final int MAX_LENGTH = 128;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Verified against when the user is unknown, so that an unknown name takes as long as a wrong password. */
    private static final String DUMMY = hash("not a password of anyone".toCharArray());

    private PasswordHashes() {}

    /** A new salted hash of {@code password}. */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return format(ITERATIONS, salt, derive(password, salt, ITERATIONS));
    }

    /**
     * Whether {@code password} matches {@code encoded}; constant-time in the hash bytes. A malformed {@code encoded}
     * never matches (and is refused when the users file is read, see {@link #checkFormat}).
     */
    public static boolean verify(char[] password, String encoded) {
        String[] p = encoded.split("\\$");
        if (checkFormat(encoded) != null) {
            return false;
        }
        int iterations = Integer.parseInt(p[1]);
        byte[] salt = Base64.getDecoder().decode(p[2]);
        byte[] expected = Base64.getDecoder().decode(p[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, iterations));
    }

    /** Spends the time of one verification and answers false: the path taken for an unknown user. */
    public static boolean verifyNobody(char[] password) {
        verify(password, DUMMY);
        return false;
    }

    /** Why {@code encoded} is not a hash of this scheme, or null when it is one. */
    public static String checkFormat(String encoded) {
        String[] p = encoded == null ? new String[0] : encoded.split("\\$");
        if (p.length != 4 || !p[0].equals(SCHEME)) {
            return "expected " + SCHEME + "$ITERATIONS$SALT$HASH (made by `planner users hash`)";
        }
        try {
            int iterations = Integer.parseInt(p[1]);
            if (iterations < ITERATIONS) {
                return "iterations must be at least " + ITERATIONS + ", was " + iterations;
            }
            if (Base64.getDecoder().decode(p[2]).length < SALT_BYTES
                    || Base64.getDecoder().decode(p[3]).length != KEY_BITS / 8) {
                return "salt of at least " + SALT_BYTES + " bytes and a " + KEY_BITS / 8 + "-byte hash expected";
            }
        } catch (IllegalArgumentException e) {
            return "iterations, salt or hash unreadable: " + e.getMessage();
        }
        return null;
    }

    /** Why {@code password} is refused for a new account (too short or too long), or null when it is accepted. */
    public static String checkStrength(char[] password) {
        if (password.length < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters, was " + password.length;
        }
        if (password.length > MAX_LENGTH) {
            return "a password has at most " + MAX_LENGTH + " characters, was " + password.length;
        }
        return null;
    }

    static String format(int iterations, byte[] salt, byte[] key) {
        Base64.Encoder b = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b.encodeToString(salt) + "$" + b.encodeToString(key);
    }

    static byte[] derive(char[] password, byte[] salt, int iterations) {
        // never truncated (ASVS 2.1.3): the login refuses passwords longer than MAX_LENGTH before hashing
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
