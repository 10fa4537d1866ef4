package com.complaintdesk.config;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.complaintdesk.complaint.CardNumberMasker;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * No log line carries a whole card number, whoever logs it (our code, the engine logging a variable's value, an
 * exception's message, Tomcat): once Spring Boot has set up logging, every appender's encoder is wrapped so that
 * the line it writes, message, exception and all, goes through {@link CardNumberMasker}. Works for the default
 * pattern and for structured (JSON) logging alike, and for a logback configuration of the operator's own.
 */
class CardNumberLogMasking implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLoggerList().forEach(logger -> {
                for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                    if (it.next() instanceof OutputStreamAppender<ILoggingEvent> appender
                            && appender.getEncoder() != null && !(appender.getEncoder() instanceof MaskingEncoder)) {
                        MaskingEncoder masking = new MaskingEncoder(appender.getEncoder());
                        masking.setContext(context);
                        masking.start();
                        appender.setEncoder(masking);
                    }
                }
            });
        }
    }

    /** After Spring Boot's LoggingApplicationListener, which sets up the appenders on the same event. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Masks what the wrapped encoder writes, read in the encoder's charset (UTF-8 unless it says otherwise). */
    static final class MaskingEncoder extends EncoderBase<ILoggingEvent> {

        private final Encoder<ILoggingEvent> encoder;
        private final Charset charset;

        MaskingEncoder(Encoder<ILoggingEvent> encoder) {
            this.encoder = encoder;
            this.charset = encoder instanceof LayoutWrappingEncoder<ILoggingEvent> layout && layout.getCharset() != null
                    ? layout.getCharset() : StandardCharsets.UTF_8;
        }

        @Override
        public byte[] headerBytes() {
            return encoder.headerBytes();
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            byte[] line = encoder.encode(event);
            if (line == null || line.length < 13) {
                return line;
            }
            String text = new String(line, charset);
            String masked = CardNumberMasker.mask(text);
            return masked.equals(text) ? line : masked.getBytes(charset);
        }

        @Override
        public byte[] footerBytes() {
            return encoder.footerBytes();
        }
    }
}
