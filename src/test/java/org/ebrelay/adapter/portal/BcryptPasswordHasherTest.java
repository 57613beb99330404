package org.ebrelay.adapter.portal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BcryptPasswordHasherTest {
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void aHashMatchesItsPasswordOnlyAndCarriesVersionCostAndSalt() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hash).matches("\\$2b\\$04\\$[./A-Za-z0-9]{53}");
        assertThat(hasher.matches("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY".toCharArray(), hash)).isFalse();
    }

    @Test
    void aMalformedHashMatchesNothing() {
        assertThat(hasher.matches("anything at all".toCharArray(), "plain text")).isFalse();
        assertThat(hasher.matches("anything at all".toCharArray(), null)).isFalse();
    }

    @Test
    void aHashWithALowerCostThanConfiguredIsOutdated() {
        String hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.isOutdated(hash)).isFalse();
        assertThat(new BcryptPasswordHasher(5).isOutdated(hash)).isTrue();
        assertThat(hasher.isOutdated("not a bcrypt hash")).isTrue();
    }

    @Test
    void aCostOutsideWhatBcryptAllowsIsRefused() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).hasMessageContaining("cost");
    }
}
