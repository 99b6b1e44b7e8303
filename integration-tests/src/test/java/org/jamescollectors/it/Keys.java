package org.jamescollectors.it;

/** WebDriver's codes for keys that are not characters (W3C WebDriver, "Keyboard actions"). */
final class Keys {
    static final String TAB = "\uE004";
    static final String ENTER = "\uE007";

    private Keys() {
    }
}
