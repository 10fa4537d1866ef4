package com.complaintdesk.referral;

/** A file no longer matches the SHA-256 stored with it: no dossier is made, rather than one with a corrupt file. */
class DossierIntegrityException extends IllegalStateException {

    DossierIntegrityException(String message) {
        super(message);
    }
}
