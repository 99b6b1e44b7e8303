package org.jamescollectors.manage;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;

import com.google.common.net.InetAddresses;

/**
 * The rules every field value must follow, each returning the value as it will be stored. Every
 * refusal names the rule broken, never the value when it could be secret.
 */
final class FieldRules {
    static final int MAX_NAME = 64;
    static final int MAX_HOST = 253;
    static final int MAX_USERNAME = 255;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_FOLDER = 200;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    private FieldRules() {
    }

    static String name(String value) throws InvalidFieldException {
        String name = value.strip();
        if (name.isEmpty()) {
            throw new InvalidFieldException(CollectorField.NAME, "name must not be empty");
        }
        checkLength(CollectorField.NAME, name, MAX_NAME);
        checkNoControl(CollectorField.NAME, name);
        return name;
    }

    static Protocol protocol(String value) throws InvalidFieldException {
        return Protocol.fromWireName(value).orElseThrow(() ->
            new InvalidFieldException(CollectorField.PROTOCOL, "protocol must be pop3 or imap"));
    }

    static Security security(String value) throws InvalidFieldException {
        return Security.fromWireName(value).orElseThrow(() ->
            new InvalidFieldException(CollectorField.SECURITY,
                "security must be tls, starttls or none"));
    }

    static int port(int value) throws InvalidFieldException {
        if (value < 1 || value > 65535) {
            throw new InvalidFieldException(CollectorField.PORT, "port must be within 1..65535");
        }
        return value;
    }

    /**
     * An IP address, or a full host name (international names are stored in their ASCII form,
     * RFC 5891), lower-cased and without the final dot.
     */
    static String host(String value) throws InvalidFieldException {
        String host = value.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (InetAddresses.isInetAddress(host)) {
            return InetAddresses.toAddrString(InetAddresses.forString(host));
        }
        checkLength(CollectorField.HOST, host, MAX_HOST + 1);
        checkNoControl(CollectorField.HOST, host);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return hostName(host);
    }

    private static String hostName(String host) throws InvalidFieldException {
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalidHost();
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > MAX_HOST || labels.length < 2) {
            throw invalidHost();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalidHost();
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw invalidHost();
        }
        return ascii;
    }

    private static InvalidFieldException invalidHost() {
        return new InvalidFieldException(CollectorField.HOST, "host must be an IP address or a full"
            + " host name such as imap.example.com");
    }

    /** The domain of an address ({@code jean@orange.fr}) or a bare domain, in ASCII form. */
    static String addressDomain(String value) throws InvalidFieldException {
        String domain = value.substring(value.lastIndexOf('@') + 1);
        String host;
        try {
            host = host(domain);
        } catch (InvalidFieldException e) {
            throw invalidAddress();
        }
        if (InetAddresses.isInetAddress(host) || value.length() > MAX_USERNAME) {
            throw invalidAddress();
        }
        return host;
    }

    private static InvalidFieldException invalidAddress() {
        return new InvalidFieldException("address", "address must be an e-mail address or a"
            + " domain, such as jean@orange.fr or orange.fr");
    }

    static String username(String value) throws InvalidFieldException {
        if (value.isEmpty()) {
            throw new InvalidFieldException(CollectorField.USERNAME, "username must not be empty");
        }
        checkLength(CollectorField.USERNAME, value, MAX_USERNAME);
        checkNoControl(CollectorField.USERNAME, value);
        return value;
    }

    static String password(String value) throws InvalidFieldException {
        if (value.isEmpty()) {
            throw new InvalidFieldException(CollectorField.PASSWORD, "password must not be empty");
        }
        checkLength(CollectorField.PASSWORD, value, MAX_PASSWORD);
        checkNoControl(CollectorField.PASSWORD, value);
        return value;
    }

    /** A remote IMAP folder: the remote server's hierarchy is allowed, wildcards are not. */
    static String sourceFolder(String value) throws InvalidFieldException {
        CollectorField field = CollectorField.SOURCE_FOLDER;
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "sourceFolder must not be empty; use null for"
                + " INBOX");
        }
        checkLength(field, value, MAX_FOLDER);
        checkNoControl(field, value);
        if (value.indexOf('*') >= 0 || value.indexOf('%') >= 0) {
            throw new InvalidFieldException(field, "sourceFolder must not contain * or %");
        }
        return value;
    }

    /** A top-level folder of the user's James mailbox, sibling of INBOX. */
    static String targetFolder(String value) throws InvalidFieldException {
        CollectorField field = CollectorField.TARGET_FOLDER;
        String folder = value.strip();
        if (folder.isEmpty()) {
            throw new InvalidFieldException(field, "targetFolder must not be empty; use null for"
                + " the Inbox");
        }
        checkLength(field, folder, MAX_FOLDER);
        checkNoControl(field, folder);
        if (folder.chars().anyMatch(c -> c == '.' || c == '/' || c == '*' || c == '%')
            || folder.startsWith("#")) {
            throw new InvalidFieldException(field, "targetFolder must be a single top-level folder"
                + " name, without . / * % or a leading #");
        }
        if (folder.equalsIgnoreCase("INBOX")) {
            throw new InvalidFieldException(field, "targetFolder cannot be INBOX; use null to"
                + " deliver to the Inbox through your filters");
        }
        return folder;
    }

    private static void checkLength(CollectorField field, String value, int max)
        throws InvalidFieldException {
        if (value.codePointCount(0, value.length()) > max) {
            throw new InvalidFieldException(field, field.wireName() + " must be at most " + max
                + " characters long");
        }
    }

    private static void checkNoControl(CollectorField field, String value)
        throws InvalidFieldException {
        boolean control = value.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
            || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.SURROGATE);
        if (control) {
            throw new InvalidFieldException(field, field.wireName()
                + " must not contain control characters or line breaks");
        }
    }
}
