package com.complaintdesk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what the JDK client cannot do: send from another loopback address (127.0.0.2: a
 * second client address on this machine), or send only the start of a body and read the answer that comes before
 * the rest. Each call is one connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** The status, the header block (lower-case names) and the body of an answer. */
    public record Answer(int status, String headers, String body) {
        public String header(String name) {
            for (String line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private final String fromAddress;
    private final int port;

    private RawHttp(String fromAddress, int port) {
        this.fromAddress = fromAddress;
        this.port = port;
    }

    /** Requests to localhost:{port}, sent from the loopback address {@code fromAddress} (e.g. "127.0.0.2"). */
    public static RawHttp from(String fromAddress, int port) {
        return new RawHttp(fromAddress, port);
    }

    /**
     * Sends the request line and headers ({@code "Name: value"} each) and {@code body}; {@code declaredLength} is the
     * Content-Length sent (-1: body.length, none when there is no body; -2: none at all, e.g. for a chunked body).
     */
    public Answer send(String method, String path, byte[] body, long declaredLength, String... headers) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(fromAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            long length = declaredLength >= 0 ? declaredLength : declaredLength == -2 || body == null ? -1 : body.length;
            if (length >= 0) {
                head.append("Content-Length: ").append(length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer: up to its Content-Length, its last chunk, or the end of the connection. */
    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        try {
            while (!complete(all.toByteArray()) && (n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            // the server closed the connection after its answer while the client still had a body to send
            if (all.size() == 0) {
                throw e;
            }
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1);
        int bodyStart = end < 0 ? bytes.length : end + 4;
        String statusLine = head.lines().findFirst().orElseThrow();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String headers = head.substring(Math.min(head.length(), statusLine.length() + 2));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String encoding = new Answer(0, headers, "").header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            int i = bodyStart;
            while (i < bytes.length) {
                int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.ISO_8859_1), i);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
                i = lineEnd + 2 + size + 2;
            }
        } else {
            body.write(bytes, bodyStart, bytes.length - bodyStart);
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static boolean complete(byte[] bytes) {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return false;
        }
        Answer head = new Answer(0, new String(bytes, 0, end, StandardCharsets.ISO_8859_1), "");
        String length = head.header("Content-Length");
        String encoding = head.header("Transfer-Encoding");
        if (length != null) {
            return bytes.length - end - 4 >= Long.parseLong(length);
        }
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return indexOf(bytes, "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), end) >= 0
                    || indexOf(bytes, "\r\n\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0) == end;
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
