package io.holdfast.alipay.client.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The sandbox-following clock cannot be switched on against a live Antom account. */
class SandboxFollowingClockUnitTests {

    // nothing listens here: the refusal must come before any connection attempt
    private static final String SANDBOX_URL = "http://127.0.0.1:9";

    @Test
    void withoutASandboxUrlTheServiceUsesTheSystemClockWhateverItsClientId() {
        assertThat(SandboxFollowingClock.systemUnlessFollowing(null, "LIVE_2188000000000000"))
                .isEqualTo(Clock.systemUTC());
        assertThat(SandboxFollowingClock.systemUnlessFollowing("", null)).isEqualTo(Clock.systemUTC());
    }

    @Test
    void aSandboxUrlWithALiveClientIdRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SandboxFollowingClock.systemUnlessFollowing(SANDBOX_URL, "2188120000000000"))
                .withMessageContaining("holdfast.clock.sandbox-url")
                .withMessageContaining("'2188120000000000' is not a SANDBOX_ id");
    }

    @Test
    void aSandboxUrlWithoutAClientIdRefusesToStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> SandboxFollowingClock.systemUnlessFollowing(SANDBOX_URL, null))
                .withMessageContaining("client id is not set");
        assertThatIllegalStateException()
                .isThrownBy(() -> SandboxFollowingClock.systemUnlessFollowing(SANDBOX_URL, "sandbox_lowercase"));
    }

    @Test
    void aSandboxUrlWithASandboxClientIdFollowsTheSandbox() {
        Clock clock = SandboxFollowingClock.systemUnlessFollowing(SANDBOX_URL, "SANDBOX_5X00000000000000");
        try {
            assertThat(clock).isInstanceOf(SandboxFollowingClock.class);
        } finally {
            ((SandboxFollowingClock) clock).close();
        }
    }
}
