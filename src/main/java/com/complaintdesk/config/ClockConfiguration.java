package com.complaintdesk.config;

import com.complaintdesk.shared.BusinessTime;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ClockConfiguration {

    /** Business time is China Standard Time: complaint numbers and deadlines count days in Asia/Shanghai. */
    @Bean
    Clock clock() {
        return Clock.system(BusinessTime.ZONE);
    }
}
