package com.complaintdesk.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * A real SMTP server for the Spring tests: GreenMail on 127.0.0.1, on a port free when the shared context starts (so
 * two builds on one machine do not collide), given to the application as complaint-desk.test.smtp-port
 * (application-test.yaml points spring.mail.port at it). It starts before the context and stops with it; tests take
 * it as the bean {@code GreenMail} to read what arrived, or to stop and start it again on the same port.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        int port = freePort();
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("testMailServer", Map.of("complaint-desk.test.smtp-port", port)));
        context.getBeanFactory().registerSingleton("testMailServer", server);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                server.stop();
            }
        });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }
}
