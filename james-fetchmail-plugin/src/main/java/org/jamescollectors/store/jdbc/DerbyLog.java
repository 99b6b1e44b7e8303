package org.jamescollectors.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Derby writes its error log when we boot it: to this logger, at DEBUG, instead of a
 * {@code derby.log} file in the process' working directory. Applies only when the operator set
 * neither {@code derby.stream.error.file} nor {@code derby.stream.error.field}, and only if Derby
 * was not already booted (by James' JPA, say) before us.
 */
public final class DerbyLog {
    static final String FILE_PROPERTY = "derby.stream.error.file";
    static final String FIELD_PROPERTY = "derby.stream.error.field";
    static final String METHOD_PROPERTY = "derby.stream.error.method";
    static final String FIELD = DerbyLog.class.getName() + ".STREAM";
    private static final Logger LOGGER = LoggerFactory.getLogger(DerbyLog.class);

    /** The stream Derby writes to, named by {@code derby.stream.error.field}. */
    public static final OutputStream STREAM = new LineLogger();

    private DerbyLog() {
    }

    /** Points Derby's error log at {@link #STREAM} unless one is set; true if it did. */
    static boolean redirect(Properties systemProperties) {
        synchronized (systemProperties) {
            if (systemProperties.getProperty(FILE_PROPERTY) != null
                || systemProperties.getProperty(FIELD_PROPERTY) != null
                || systemProperties.getProperty(METHOD_PROPERTY) != null) {
                return false;
            }
            systemProperties.setProperty(FIELD_PROPERTY, FIELD);
            return true;
        }
    }

    /** Logs what it is given one line at a time. */
    private static final class LineLogger extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public synchronized void flush() {
            flushLine();
        }

        private void flushLine() {
            if (line.size() > 0) {
                LOGGER.debug("{}", line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
