package org.ebrelay.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserSmokeTest {
    @Test
    void chromiumRendersAPage() {
        try (Browser browser = Browser.start()) {
            browser.open("data:text/html,<h1 id=t>hello</h1>");
            assertThat(browser.find("#t").getText()).isEqualTo("hello");
            assertThat(browser.screenshot("smoke")).exists();
        }
    }
}
