package org.jamescollectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;

/** The dovecot.conf of a {@link DovecotServer}: self-contained, loopback only, test-friendly. */
final class DovecotConfig {
    private DovecotConfig() {
    }

    static String render(Path root, boolean asRoot, int imap, int imaps, int pop3, int pop3s,
                         boolean pooled) throws IOException {
        return String.join("\n",
            "# Private Dovecot instance for tests: nothing from /etc/dovecot is included.",
            "instance_name = dovecot-test-" + imap,
            "base_dir = " + root.resolve("run"),
            "state_dir = " + root.resolve("state"),
            "log_path = " + root.resolve("dovecot.log"),
            "protocols = imap pop3",
            "listen = 127.0.0.1",
            "ssl = yes",
            "ssl_cert = <" + root.resolve("ssl/cert.pem"),
            "ssl_key = <" + root.resolve("ssl/key.pem"),
            "ssl_min_protocol = TLSv1.2",
            "disable_plaintext_auth = no",
            "auth_mechanisms = plain login",
            "auth_failure_delay = 0",
            "auth_verbose = yes",
            "# any octet in user names, for the non-ASCII login tests",
            "auth_username_chars =",
            "passdb {",
            "  driver = passwd-file",
            "  args = username_format=%u " + root.resolve("users") + "/%u",
            "}",
            "userdb {",
            "  driver = static",
            "  args = allow_all_users=yes " + mailOwner(root, asRoot) + " home="
                + root.resolve("mail") + "/%d/%n",
            "}",
            "mail_location = maildir:~/Maildir",
            "first_valid_uid = 1",
            "first_valid_gid = 1",
            "pop3_uidl_format = %08Xu%08Xv",
            internalUsers(root, asRoot),
            "service imap-login {",
            listener("imap", imap, false),
            listener("imaps", imaps, true),
            chroot(asRoot),
            pooledLogin(pooled),
            "}",
            "service pop3-login {",
            listener("pop3", pop3, false),
            listener("pop3s", pop3s, true),
            chroot(asRoot),
            pooledLogin(pooled),
            "}",
            pooledSessions(pooled, "imap"),
            pooledSessions(pooled, "pop3"),
            "# no growing delay after the wrong-password tests (Dovecot's auth penalty)",
            "service anvil {",
            "  unix_listener anvil-auth-penalty {",
            "    mode = 0",
            "  }",
            chroot(asRoot),
            "}",
            "service doveadm {",
            "  inet_listener {",
            "    port = 0",
            "  }",
            "}",
            "");
    }

    private static String listener(String name, int port, boolean ssl) {
        return "  inet_listener " + name + " {\n    address = 127.0.0.1\n    port = " + port
            + (ssl ? "\n    ssl = yes" : "") + "\n  }";
    }

    /** Login processes that serve many connections each, two of them ready. */
    private static String pooledLogin(boolean pooled) {
        return pooled ? "  service_count = 0\n  process_min_avail = 2" : "";
    }

    /**
     * Mail processes that serve a hundred sessions each in turn (every user has the same uid),
     * four of them ready.
     */
    private static String pooledSessions(boolean pooled, String service) {
        if (!pooled) {
            return "";
        }
        return "service " + service + " {\n  service_count = 100\n  process_min_avail = 4\n}";
    }

    /** Without root, Dovecot cannot chroot its login processes. */
    private static String chroot(boolean asRoot) {
        return asRoot ? "" : "  chroot =";
    }

    /** Root cannot own mail (Dovecot refuses uid 0), so mail goes to nobody (65534). */
    private static String mailOwner(Path root, boolean asRoot) throws IOException {
        if (asRoot) {
            return "uid=65534 gid=65534";
        }
        return "uid=" + Files.getAttribute(root, "unix:uid") + " gid="
            + Files.getAttribute(root, "unix:gid");
    }

    private static String internalUsers(Path root, boolean asRoot) throws IOException {
        if (asRoot) {
            return "default_internal_user = dovecot\ndefault_login_user = dovenull";
        }
        String user = System.getProperty("user.name");
        String group = Files.readAttributes(root, PosixFileAttributes.class).group().getName();
        return "default_internal_user = " + user + "\ndefault_internal_group = " + group
            + "\ndefault_login_user = " + user;
    }
}
