package org.jamescollectors.webadmin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runnable examples of a markdown document: each {@code http} code block holding a request
 * ({@code METHOD /path HTTP/1.1}, headers, blank line, body) followed by an {@code http} block
 * holding the response, plus {@code <!-- test-setup ... -->} comments standing before them.
 */
final class DocExamples {
    /** One request and the response the document promises for it. */
    static final class Example {
        final int line;
        final List<String> setup;
        final String method;
        final String target;
        final Map<String, String> requestHeaders;
        final String requestBody;
        final int status;
        final Map<String, String> responseHeaders;
        final String responseBody;

        private Example(int line, List<String> setup, Message request, Message response) {
            this.line = line;
            this.setup = List.copyOf(setup);
            String[] requestLine = request.startLine.split(" ");
            this.method = requestLine[0];
            this.target = requestLine[1];
            this.requestHeaders = request.headers;
            this.requestBody = request.body;
            this.status = Integer.parseInt(response.startLine.split(" ")[1]);
            this.responseHeaders = response.headers;
            this.responseBody = response.body;
        }

        @Override
        public String toString() {
            return method + " " + target + " (line " + line + ")";
        }
    }

    private static final class Message {
        private final String startLine;
        private final Map<String, String> headers;
        private final String body;

        private Message(String startLine, Map<String, String> headers, String body) {
            this.startLine = startLine;
            this.headers = headers;
            this.body = body;
        }

        static Message parse(List<String> lines) {
            Map<String, String> headers = new LinkedHashMap<>();
            int i = 1;
            for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                String header = lines.get(i);
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
            }
            String body = String.join("\n", lines.subList(Math.min(i + 1, lines.size()),
                lines.size())).strip();
            return new Message(lines.get(0).strip(), headers, body);
        }
    }

    private DocExamples() {
    }

    static List<Example> parse(List<String> document) {
        List<Example> examples = new ArrayList<>();
        List<String> setup = new ArrayList<>();
        Optional<Message> pendingRequest = Optional.empty();
        int requestLine = 0;
        for (int i = 0; i < document.size(); i++) {
            String line = document.get(i).strip();
            if (line.startsWith("<!-- test-setup")) {
                i = readSetup(document, i + 1, setup);
            } else if (line.equals("```http")) {
                int end = closing(document, i + 1);
                Message message = Message.parse(document.subList(i + 1, end));
                if (message.startLine.startsWith("HTTP/")) {
                    if (pendingRequest.isEmpty()) {
                        throw new IllegalStateException("response without request at line " + i);
                    }
                    Message request = pendingRequest.get();
                    examples.add(new Example(requestLine + 1, setup, request, message));
                    setup.clear();
                    pendingRequest = Optional.empty();
                } else {
                    pendingRequest = Optional.of(message);
                    requestLine = i;
                }
                i = end;
            }
        }
        return examples;
    }

    private static int readSetup(List<String> document, int from, List<String> setup) {
        int i = from;
        for (; !document.get(i).strip().equals("-->"); i++) {
            if (!document.get(i).isBlank()) {
                setup.add(document.get(i).strip());
            }
        }
        return i;
    }

    private static int closing(List<String> document, int from) {
        for (int i = from; i < document.size(); i++) {
            if (document.get(i).strip().equals("```")) {
                return i;
            }
        }
        throw new IllegalStateException("unclosed code block at line " + from);
    }
}
