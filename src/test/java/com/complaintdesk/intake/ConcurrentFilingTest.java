package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.ComplaintDeskSpringTest;
import com.complaintdesk.support.TestIds;
import com.complaintdesk.support.Http;
import com.complaintdesk.support.RegisteredComplaints;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sixteen clients file at once through POST /api/complaints on PostgreSQL: every filing is answered 201 (no lock
 * held across filings, so nothing waits long or fails), every number is given once, and each client's numbers rise in
 * the order it filed. Each complaint has its process, under its number.
 */
@ComplaintDeskSpringTest
class ConcurrentFilingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 16;
    private static final int FILINGS_EACH = 3;

    @LocalServerPort int port;
    @Autowired RuntimeService runtimeService;

    private final RegisteredComplaints registered = new RegisteredComplaints();

    @AfterEach
    void endProcesses() {
        registered.endProcesses(runtimeService);
    }

    @Test
    void sixteenClientsFilingAtOnceAllGetTheirOwnNumbersInOrder() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> results = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                String merchant = "M-CONC-" + c + "-" + TestIds.digits();
                results.add(clients.submit(() -> {
                    start.await();
                    List<String> numbers = new ArrayList<>();
                    for (int i = 0; i < FILINGS_EACH; i++) {
                        HttpResponse<String> response = Http.on(port).postJson("/api/complaints", IntakeCrashIT.complaintJson(merchant, i),
                                "Idempotency-Key", UUID.randomUUID().toString());
                        assertThat(response.statusCode()).as("filing %d of %s: %s", i, merchant, response.body()).isEqualTo(201);
                        numbers.add(registered.add(JSON.readTree(response.body()).get("complaintNumber").asText()));
                    }
                    return numbers;
                }));
            }
            start.countDown();
            Set<String> all = new HashSet<>();
            for (Future<List<String>> result : results) {
                List<String> numbers = result.get();
                assertThat(numbers).as("one client's numbers, in the order it filed").isSortedAccordingTo(String::compareTo);
                all.addAll(numbers);
            }
            assertThat(all).as("every number given once").hasSize(CLIENTS * FILINGS_EACH)
                    .allSatisfy(number -> assertThat(number).matches("CP-[0-9]{8}-[0-9]{6}"));
            for (String number : all) {
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count())
                        .as("process of %s", number).isOne();
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
