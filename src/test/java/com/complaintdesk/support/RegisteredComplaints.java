package com.complaintdesk.support;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;

/**
 * The complaints a test registered. The test ends their processes afterwards, so their open tasks do not crowd the
 * department queues that later tests (the browser tests among them) read in the shared context.
 */
public final class RegisteredComplaints {

    private final List<String> numbers = new ArrayList<>();

    public synchronized String add(String complaintNumber) {
        numbers.add(complaintNumber);
        return complaintNumber;
    }

    /**
     * Deletes the running process of every complaint registered so far (their records stay), with the processes it
     * called (legal-proceedings, regulator-referral), which carry the same business key and go with it.
     */
    public synchronized void endProcesses(RuntimeService runtimeService) {
        for (String number : numbers) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).rootProcessInstances().list()
                    .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true));
        }
        numbers.clear();
    }
}
