package org.jamescollectors.manage.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.jamescollectors.collect.Protocol;
import org.jamescollectors.collect.Security;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads provider files in Mozilla's autoconfig (ISPDB) format: {@code clientConfig} holding
 * {@code emailProvider} elements with {@code domain} (MX domains marked {@code purpose="mx"}),
 * {@code displayName}, {@code incomingServer type="imap|pop3"} ({@code hostname}, {@code port},
 * {@code socketType} SSL, STARTTLS or plain) and {@code enable/instruction}, taken as the hint.
 * Outgoing servers and documentation are ignored. DTDs and external entities are refused.
 */
final class IspdbParser {
    private IspdbParser() {
    }

    /** Every provider of one file; throws naming the file and what is wrong in it. */
    static List<Provider> parse(InputStream in, String source) throws IspdbException {
        Document document = read(in, source);
        Element root = document.getDocumentElement();
        if (!"clientConfig".equals(root.getTagName())) {
            throw new IspdbException(source + ": the root element must be clientConfig");
        }
        List<Provider> providers = new ArrayList<>();
        for (Element element : children(root, "emailProvider")) {
            providers.add(provider(element, source));
        }
        if (providers.isEmpty()) {
            throw new IspdbException(source + ": no emailProvider element");
        }
        return providers;
    }

    private static Document read(InputStream in, String source) throws IspdbException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser supports secure processing", e);
        } catch (SAXException | IOException e) {
            throw new IspdbException(source + ": not readable XML: " + e.getMessage());
        }
    }

    private static Provider provider(Element element, String source) throws IspdbException {
        String id = element.getAttribute("id");
        List<String> domains = new ArrayList<>();
        List<String> mxDomains = new ArrayList<>();
        for (Element domain : children(element, "domain")) {
            String name = domainName(text(domain), source);
            ("mx".equals(domain.getAttribute("purpose")) ? mxDomains : domains).add(name);
        }
        if (id.isEmpty() || domains.isEmpty() && mxDomains.isEmpty()) {
            throw new IspdbException(source + ": emailProvider needs an id and a domain");
        }
        String displayName = children(element, "displayName").stream().findFirst()
            .map(IspdbParser::text).orElse(id);
        List<ServerSettings> settings = new ArrayList<>();
        for (Element server : children(element, "incomingServer")) {
            incoming(server, source).ifPresent(settings::add);
        }
        if (settings.isEmpty()) {
            throw new IspdbException(source + ": " + id + " has no IMAP or POP3 incomingServer");
        }
        return Provider.of(id, displayName, domains, mxDomains, settings, hint(element));
    }

    private static Optional<ServerSettings> incoming(Element server, String source)
        throws IspdbException {
        Optional<Protocol> protocol = Protocol.fromWireName(server.getAttribute("type"));
        if (protocol.isEmpty()) {
            return Optional.empty();
        }
        String host = required(server, "hostname", source);
        Security security = security(required(server, "socketType", source), source);
        try {
            int port = Integer.parseInt(required(server, "port", source));
            return Optional.of(ServerSettings.of(protocol.get(), host, port, security));
        } catch (IllegalArgumentException e) {
            throw new IspdbException(source + ": bad port for " + host);
        }
    }

    private static Security security(String socketType, String source) throws IspdbException {
        switch (socketType.toUpperCase(Locale.ROOT)) {
            case "SSL":
            case "TLS":
                return Security.TLS;
            case "STARTTLS":
                return Security.STARTTLS;
            case "PLAIN":
                return Security.NONE;
            default:
                throw new IspdbException(source + ": unknown socketType " + socketType);
        }
    }

    /** The English instruction of the first {@code enable} element, else one without language. */
    private static Optional<String> hint(Element provider) {
        List<Element> instructions = new ArrayList<>();
        for (Element enable : children(provider, "enable")) {
            instructions.addAll(children(enable, "instruction"));
        }
        return instructions.stream()
            .filter(instruction -> "en".equals(instruction.getAttribute("lang")))
            .findFirst()
            .or(() -> instructions.stream()
                .filter(instruction -> instruction.getAttribute("lang").isEmpty()).findFirst())
            .map(IspdbParser::text)
            .map(text -> text.replaceAll("\\s+", " "))
            .filter(text -> !text.isEmpty());
    }

    private static String domainName(String text, String source) throws IspdbException {
        try {
            return IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IspdbException(source + ": '" + text + "' is not a domain name");
        }
    }

    private static String required(Element parent, String name, String source)
        throws IspdbException {
        return children(parent, name).stream().findFirst().map(IspdbParser::text)
            .filter(text -> !text.isEmpty())
            .orElseThrow(() -> new IspdbException(source + ": incomingServer without " + name));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && name.equals(((Element) node).getTagName())) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static String text(Element element) {
        return element.getTextContent().strip();
    }
}
