package com.complaintdesk.notification;

/** How a message travels: e-mail over SMTP, or SMS through the {@link SmsGateway}. */
public enum DeliveryChannel {
    EMAIL, SMS
}
