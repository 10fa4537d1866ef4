package com.complaintdesk.portal;

import com.complaintdesk.complaint.Complaint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The access code a merchant gets when filing online: 16 random characters (80 bits) from an alphabet without 0, 1,
 * I and O, shown once as XXXX-XXXX-XXXX-XXXX. Only a SHA-256 of a per-complaint salt and the code is stored; the
 * check compares digests in constant time and hashes even when there is nothing to compare with.
 */
@Component
class AccessCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final int LENGTH = 16;

    private static final String NO_SALT = "0".repeat(32);

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    AccessCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the complaint's access code and stores its salted hash; the caller shows the code once. */
    String issue(Complaint complaint, Instant now) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        jdbc.sql("insert into portal_access (complaint_id, salt, code_hash, created_at) values (:id, :salt, :hash, :at)")
                .param("id", complaint.getId())
                .param("salt", salt)
                .param("hash", hash(salt, code.toString()))
                .param("at", now.atOffset(java.time.ZoneOffset.UTC))
                .update();
        return code.toString();
    }

    /** Whether the code opens the complaint. False for a complaint without an online access code. */
    boolean matches(Long complaintId, String code) {
        Optional<String[]> stored = complaintId == null ? Optional.empty()
                : jdbc.sql("select salt, code_hash from portal_access where complaint_id = :id")
                        .param("id", complaintId)
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                        .optional();
        String salt = stored.map(s -> s[0]).orElse(NO_SALT);
        byte[] given = hash(salt, code == null ? "" : code).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = stored.map(s -> s[1]).orElse("-".repeat(64)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) && stored.isPresent();
    }

    /** Upper case, without the separating hyphens and spaces people type or paste. */
    static String normalize(String code) {
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(StandardCharsets.US_ASCII));
            sha256.update(normalize(code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
