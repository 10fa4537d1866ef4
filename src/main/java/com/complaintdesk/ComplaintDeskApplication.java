package com.complaintdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Complaint Desk: a Camunda 7 process application for merchants' complaints about POS terminals. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ComplaintDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComplaintDeskApplication.class, args);
    }
}
