package com.complaintdesk.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on evidence files (complaint-desk.evidence.*). spring.servlet.multipart limits are set a little higher, so
 * a file just over the limit is refused here with a clear problem rather than by the multipart parser.
 */
@ConfigurationProperties("complaint-desk.evidence")
public class EvidenceLimits {

    private DataSize maxFileSize = DataSize.ofMegabytes(10);
    private int maxFilesPerComplaint = 20;

    public DataSize getMaxFileSize() { return maxFileSize; }
    public void setMaxFileSize(DataSize maxFileSize) { this.maxFileSize = maxFileSize; }
    public int getMaxFilesPerComplaint() { return maxFilesPerComplaint; }
    public void setMaxFilesPerComplaint(int maxFilesPerComplaint) { this.maxFilesPerComplaint = maxFilesPerComplaint; }
}
