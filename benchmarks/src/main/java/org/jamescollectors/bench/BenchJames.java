package org.jamescollectors.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.james.GuiceJamesServer;
import org.apache.james.MemoryJamesConfiguration;
import org.apache.james.MemoryJamesServerMain;
import org.apache.james.data.UsersRepositoryModuleChooser;
import org.apache.james.utils.ClassName;
import org.apache.james.utils.DataProbeImpl;
import org.apache.james.utils.ExtensionConfiguration;
import org.jamescollectors.guice.CollectorsModule;
import org.jamescollectors.guice.CollectorsStartable;

/**
 * A James memory server with the plugin installed as operators install it, booted in this JVM,
 * with SMTP (no authentication from loopback) and LMTP on free ports of 127.0.0.1.
 */
final class BenchJames implements AutoCloseable {
    /** James' default domain, which it adds itself. */
    static final String DOMAIN = "bench.test";
    /** LMTP as operators mostly run it: straight into the mailbox, no mailet container. */
    private static final String LMTP_HANDLERS = "org.apache.james.lmtpserver.CoreCmdHandlerLoader";

    private final GuiceJamesServer server;
    private final int smtpPort;
    private final int lmtpPort;

    private BenchJames(GuiceJamesServer server, int smtpPort, int lmtpPort) {
        this.server = server;
        this.smtpPort = smtpPort;
        this.lmtpPort = lmtpPort;
    }

    static BenchJames start(Path workingDirectory, Path samples, Map<String, String> settings)
        throws Exception {
        int smtpPort = freePort();
        int lmtpPort = freePort();
        Path conf = Files.createDirectories(workingDirectory.resolve("conf"));
        writeConf(conf, samples, settings, smtpPort, lmtpPort);
        MemoryJamesConfiguration configuration = MemoryJamesConfiguration.builder()
            .workingDirectory(workingDirectory.toFile())
            .usersRepository(UsersRepositoryModuleChooser.Implementation.DEFAULT)
            .build();
        GuiceJamesServer server = MemoryJamesServerMain.createServer(configuration)
            .overrideWith(binder -> binder.bind(ExtensionConfiguration.class).toInstance(
                new ExtensionConfiguration(
                    List.of(new ClassName(CollectorsModule.class.getName())),
                    List.of(new ClassName(CollectorsStartable.class.getName()),
                        new ClassName(BenchHooks.class.getName())))));
        server.start();
        return new BenchJames(server, smtpPort, lmtpPort);
    }

    void addUser(String user, String password) throws Exception {
        server.getProbe(DataProbeImpl.class).addUser(user, password);
    }

    int smtpPort() {
        return smtpPort;
    }

    int lmtpPort() {
        return lmtpPort;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static void writeConf(Path conf, Path samples, Map<String, String> settings,
                                  int smtpPort, int lmtpPort) throws IOException {
        Files.copy(samples.resolve("mailetcontainer.xml"), conf.resolve("mailetcontainer.xml"));
        write(conf, "healthcheck.properties",
            "additional.healthchecks=org.jamescollectors.guice.CollectorsHealthCheck\n");
        write(conf, "collectors.properties", settings.entrySet().stream()
            .map(entry -> entry.getKey() + "=" + entry.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
        write(conf, "dnsservice.xml", "<dnsservice><servers><server>127.0.0.1</server></servers>"
            + "<autodiscover>false</autodiscover><authoritative>false</authoritative>"
            + "<maxcachesize>50000</maxcachesize></dnsservice>\n");
        write(conf, "domainlist.xml", "<domainlist><autodetect>false</autodetect>"
            + "<autodetectIP>false</autodetectIP><defaultDomain>" + DOMAIN + "</defaultDomain>"
            + "</domainlist>\n");
        write(conf, "usersrepository.xml", "<usersrepository name=\"LocalUsers\">"
            + "<algorithm>PBKDF2-SHA512</algorithm>"
            + "<enableVirtualHosting>true</enableVirtualHosting></usersrepository>\n");
        write(conf, "jmx.properties", "jmx.enabled=false\n");
        write(conf, "mailrepositorystore.xml", "<mailrepositorystore>"
            + "<defaultProtocol>memory</defaultProtocol><mailrepositories><mailrepository "
            + "class=\"org.apache.james.mailrepository.memory.MemoryMailRepository\">"
            + "<protocols><protocol>memory</protocol></protocols><config/></mailrepository>"
            + "</mailrepositories></mailrepositorystore>\n");
        write(conf, "smtpserver.xml", smtpServer(smtpPort));
        write(conf, "lmtpserver.xml", "<lmtpservers><lmtpserver enabled=\"true\">"
            + "<jmxName>lmtpserver</jmxName><bind>127.0.0.1:" + lmtpPort + "</bind>"
            + "<connectiontimeout>1200</connectiontimeout><maxmessagesize>0</maxmessagesize>"
            + "<handlerchain coreHandlersPackage=\"" + LMTP_HANDLERS + "\">"
            + "<handler class=\"" + LMTP_HANDLERS + "\"/></handlerchain>"
            + "</lmtpserver></lmtpservers>\n");
    }

    private static String smtpServer(int port) {
        return "<smtpservers><smtpserver enabled=\"true\"><jmxName>smtpserver-bench</jmxName>"
            + "<bind>127.0.0.1:" + port + "</bind><connectiontimeout>360</connectiontimeout>"
            + "<tls socketTLS=\"false\" startTLS=\"false\"/>"
            + "<auth><announce>never</announce><requireSSL>false</requireSSL></auth>"
            + "<authorizedAddresses>127.0.0.0/8</authorizedAddresses>"
            + "<verifyIdentity>false</verifyIdentity><maxmessagesize>0</maxmessagesize>"
            + "<handlerchain>"
            + "<handler class=\"org.apache.james.smtpserver.fastfail.ValidRcptHandler\"/>"
            + "<handler class=\"org.apache.james.smtpserver.CoreCmdHandlerLoader\"/>"
            + "</handlerchain></smtpserver></smtpservers>\n";
    }

    private static void write(Path conf, String name, String content) throws IOException {
        Files.writeString(conf.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
