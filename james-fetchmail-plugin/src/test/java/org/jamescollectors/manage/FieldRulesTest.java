package org.jamescollectors.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldRulesTest {
    @ParameterizedTest
    @ValueSource(strings = {"imap.orange.fr", "IMAP.Orange.FR.", "xn--bcher-kva.example",
        "mail-1.example.co.uk", "192.0.2.10", "[2001:db8::1]", "2001:DB8::1"})
    void hostShouldAcceptNamesAndAddresses(String host) throws Exception {
        assertThat(FieldRules.host(host)).isLowerCase().doesNotEndWith(".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "localhost", "imap..example", "-imap.example", "imap_.example",
        "imap.example.123", "1.2.3", "imap example.com", "imap.exa\u0000mple.com",
        "imap.example.com/x",
        "a.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example"})
    void hostShouldRefuseWhatIsNotAFullHostName(String host) {
        assertThatThrownBy(() -> FieldRules.host(host))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("host"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Archive.2024", "Work/Mail", "*", "%", "INBOX", "inbox", "#news", "",
        "  ", "Line\nBreak"})
    void targetFolderShouldRefuseAnythingButOneTopLevelName(String folder) {
        assertThatThrownBy(() -> FieldRules.targetFolder(folder))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("targetFolder"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Orange", "Courrier reçu", "Коллектор", "Mail 2024"})
    void targetFolderShouldAcceptTopLevelNames(String folder) throws Exception {
        assertThat(FieldRules.targetFolder(folder)).isEqualTo(folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pass\r\nword", "pass\u0000", "\u2028"})
    void passwordShouldRefuseControlCharacters(String password) {
        assertThatThrownBy(() -> FieldRules.password(password))
            .isInstanceOf(InvalidFieldException.class)
            .hasMessageNotContaining(password);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE})
    void portShouldStayWithinRange(int port) {
        assertThatThrownBy(() -> FieldRules.port(port))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.field()).isEqualTo("port"));
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 1000})
    void nameShouldBeAtMost64Characters(int length) {
        assertThatThrownBy(() -> FieldRules.name("x".repeat(length)))
            .isInstanceOfSatisfying(InvalidFieldException.class, e ->
                assertThat(e.getMessage()).isEqualTo("name must be at most 64 characters long"));
    }
}
