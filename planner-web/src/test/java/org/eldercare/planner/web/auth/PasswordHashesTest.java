package org.eldercare.planner.web.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** PBKDF2-HMAC-SHA256 against RFC 7914 §11's published vector; salts differ; the stored form is checked. */
class PasswordHashesTest {
    @Test
    void derive_matches_the_rfc_7914_pbkdf2_hmac_sha256_vector() {
        // RFC 7914 §11: P = "passwd", S = "salt", c = 1, dkLen = 64; PBKDF2's first 32 bytes are the dkLen-32 key
        byte[] key = PasswordHashes.derive("passwd".toCharArray(), "salt".getBytes(StandardCharsets.UTF_8), 1);
        assertArrayEquals(HexFormat.of().parseHex(
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"), key);
    }

    @Test
    void a_hash_verifies_its_password_only_and_has_its_own_salt() {
        String h = PasswordHashes.hash("correct horse battery".toCharArray());
        assertTrue(h.startsWith("pbkdf2-sha256$210000$"), h);
        assertTrue(PasswordHashes.verify("correct horse battery".toCharArray(), h));
        assertFalse(PasswordHashes.verify("correct horse batterz".toCharArray(), h));
        assertNotEquals(h, PasswordHashes.hash("correct horse battery".toCharArray()));
        assertNull(PasswordHashes.checkFormat(h));
    }

    @Test
    void weak_or_malformed_hashes_and_short_passwords_are_refused_with_the_reason() {
        String fewIterations = PasswordHashes.format(1000, new byte[16], new byte[32]);
        assertEquals("iterations must be at least 210000, was 1000", PasswordHashes.checkFormat(fewIterations));
        assertFalse(PasswordHashes.verify("x".toCharArray(), fewIterations));
        assertTrue(PasswordHashes.checkFormat("md5$abc").startsWith("expected pbkdf2-sha256$"));
        assertEquals("a password needs at least 12 characters, was 11",
            PasswordHashes.checkStrength("12345678901".toCharArray()));
        assertNull(PasswordHashes.checkStrength("123456789012".toCharArray()));
        assertEquals("a password has at most 128 characters, was 129",
            PasswordHashes.checkStrength(new char[129]));
    }
}
