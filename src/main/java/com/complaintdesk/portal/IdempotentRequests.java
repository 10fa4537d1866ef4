package com.complaintdesk.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers POST /api/complaints requests sent with an Idempotency-Key, so a client that lost the answer and sends
 * the same request again gets the same complaint and the same answer. Stored: the key's SHA-256 (never the key), the
 * request's SHA-256, the complaint, the status answered and the access code sealed with AES-GCM under a key derived
 * from the Idempotency-Key, which only the client knows: the database alone cannot give the access code away.
 */
@Component
class IdempotentRequests {

    /** Printable ASCII without spaces, 8 to 100 characters: a UUID fits. */
    static final Pattern KEY = Pattern.compile("^[\\x21-\\x7E]{8,100}$");

    /** A request seen before: its complaint and the answer's parts. */
    record Seen(String requestHash, long complaintId, String status, String accessCode) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Seen> find(String key) {
        return jdbc.sql("select request_hash, complaint_id, response_status, sealed_code from idempotent_request where key_hash = :k")
                .param("k", keyHash(key))
                .query((rs, n) -> new Seen(rs.getString(1), rs.getLong(2), rs.getString(3), unseal(key, rs.getString(4))))
                .optional();
    }

    /** Remembers the answer; fails with a duplicate-key error when another request with this key got there first. */
    void remember(String key, String requestHash, long complaintId, String status, String accessCode, Instant now) {
        jdbc.sql("""
                insert into idempotent_request (key_hash, request_hash, complaint_id, response_status, sealed_code, created_at)
                values (:k, :r, :c, :s, :code, :at)""")
                .param("k", keyHash(key))
                .param("r", requestHash)
                .param("c", complaintId)
                .param("s", status)
                .param("code", seal(key, accessCode))
                .param("at", now.atOffset(ZoneOffset.UTC))
                .update();
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256("", text));
    }

    private static String keyHash(String key) {
        return HexFormat.of().formatHex(sha256("complaint-desk idempotency lookup|", key));
    }

    private static SecretKeySpec sealingKey(String key) {
        return new SecretKeySpec(sha256("complaint-desk idempotency seal|", key), "AES");
    }

    private String seal(String key, String plain) {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static String unseal(String key, String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(key), new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored answer of this Idempotency-Key cannot be opened", e);
        }
    }

    private static byte[] sha256(String domain, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(domain.getBytes(StandardCharsets.UTF_8));
            return digest.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
