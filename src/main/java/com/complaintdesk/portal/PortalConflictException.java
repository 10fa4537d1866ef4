package com.complaintdesk.portal;

import com.complaintdesk.complaint.BundleWords;

/**
 * The complaint is not in a state for this request (nothing to answer yet, not closed, survey given): 409. Worded by
 * a key of the message bundles, so the merchant reads it in the page's language; the message is the English words.
 */
class PortalConflictException extends RuntimeException {

    private final String key;

    PortalConflictException(String key) {
        super(BundleWords.en(key));
        this.key = key;
    }

    String getKey() {
        return key;
    }
}
