package org.jamescollectors.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server on 127.0.0.1 for tests, answering over UDP from a table of MX and SRV records and
 * NXDOMAIN for everything else. It remembers the names it was asked about.
 */
public final class LocalDnsServer implements AutoCloseable {
    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private LocalDnsServer() throws SocketException {
        this.socket = new DatagramSocket(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "local-dns");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public static LocalDnsServer start() throws SocketException {
        return new LocalDnsServer();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public LocalDnsServer mx(String domain, int priority, String exchanger) throws IOException {
        add(new MXRecord(name(domain), DClass.IN, TTL, priority, name(exchanger)));
        return this;
    }

    public LocalDnsServer srv(String service, int priority, int weight, int port, String target)
        throws IOException {
        add(new SRVRecord(name(service), DClass.IN, TTL, priority, weight, port, name(target)));
        return this;
    }

    private void add(Record record) {
        records.computeIfAbsent(key(record.getName(), record.getType()),
            k -> new CopyOnWriteArrayList<>()).add(record);
    }

    /** Names asked about so far, as {@code name/TYPE}. */
    public List<String> questions() {
        return List.copyOf(questions);
    }

    private static Name name(String text) throws TextParseException {
        return Name.fromString(text, Name.root);
    }

    private static String key(Name name, int type) {
        return name.toString().toLowerCase() + "/" + Type.string(type);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                byte[] answer = answer(new Message(packet.getData())).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a malformed query: nothing to answer
            }
        }
    }

    private Message answer(Message query) {
        Record question = query.getQuestion();
        String key = key(question.getName(), question.getType());
        questions.add(key);
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        List<Record> found = records.get(key);
        if (found == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
            return response;
        }
        found.forEach(record -> response.addRecord(record, Section.ANSWER));
        return response;
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
