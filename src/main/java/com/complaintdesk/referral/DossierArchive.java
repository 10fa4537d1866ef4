package com.complaintdesk.referral;

import java.time.Instant;

/**
 * A complaint's dossier for a regulator referral, built in memory: the ZIP archive, its SHA-256 (hex), how many
 * evidence files it holds, and when it was generated.
 */
public record DossierArchive(String complaintNumber, byte[] zip, String sha256, int evidenceFiles, Instant generatedAt) {
}
