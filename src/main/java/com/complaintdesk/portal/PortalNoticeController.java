package com.complaintdesk.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal page's words, its contact line and personal-information notice, in the language of the request (Accept-Language). */
@RestController
@Tag(name = "Complaints")
class PortalNoticeController {

    private final PortalWording wording;

    PortalNoticeController(PortalWording wording) {
        this.wording = wording;
    }

    @GetMapping(path = "/api/portal/notice", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Contact line and personal-information notice",
            description = "How to reach customer service, and what personal information the portal collects, why, for how "
                    + "long and how to exercise one's rights (PIPL art. 17). Chinese unless Accept-Language asks for English.")
    ApiTypes.Notice notice() {
        return wording.notice();
    }

    @GetMapping(path = "/api/portal/words", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The portal page's words",
            description = "Every word the portal page shows (headings, labels, hints, messages) and the categories with "
                    + "their labels, from the message bundles and the enums. Chinese unless Accept-Language asks for English.")
    ApiTypes.PageWords words() {
        return wording.page();
    }
}
