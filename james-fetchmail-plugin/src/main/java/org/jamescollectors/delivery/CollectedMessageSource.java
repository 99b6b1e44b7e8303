package org.jamescollectors.delivery;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.james.server.core.MimeMessageSource;

/**
 * The bytes James sees for a collected message: our trace header, then the temporary file exactly
 * as downloaded. Each read opens the file again, so nothing is held in memory; the file is never
 * changed or deleted here.
 */
final class CollectedMessageSource implements MimeMessageSource {
    private static final int BUFFER_SIZE = 64 * 1024;

    private final String sourceId;
    private final byte[] prefix;
    private final Path content;
    private final long contentSize;

    CollectedMessageSource(String sourceId, byte[] prefix, Path content, long contentSize) {
        this.sourceId = sourceId;
        this.prefix = prefix.clone();
        this.content = content;
        this.contentSize = contentSize;
    }

    @Override
    public String getSourceId() {
        return sourceId;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        InputStream file = new BufferedInputStream(Files.newInputStream(content), BUFFER_SIZE);
        return new SequenceInputStream(new ByteArrayInputStream(prefix), file);
    }

    @Override
    public long getMessageSize() {
        return prefix.length + contentSize;
    }
}
