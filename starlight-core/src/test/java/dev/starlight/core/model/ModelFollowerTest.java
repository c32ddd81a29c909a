package dev.starlight.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.starlight.core.events.ModelDecision;
import dev.starlight.core.events.ModelVerdict;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelFollowerTest {
    private static final KeyPair PUBLISHER = Ed25519Keys.generate();
    private static final byte[] ONNX = {8, 1, 18, 4, 't', 'e', 's', 't'};

    private static byte[] envelope(String version) {
        return ModelEnvelope.of("gated", version, Instant.parse("2026-11-24T00:00:00Z"), Map.of(), ONNX).toBytes();
    }

    private static ModelDecision decision(String version, ModelVerdict verdict, String champion, boolean override) {
        return new ModelDecision(ModelDecision.TYPE, "gated", version, verdict, null, List.of(), "test", override,
                champion, 1L);
    }

    private static String served(ModelFollower.Step step) {
        assertThat(step).isInstanceOf(ModelFollower.Serve.class);
        return ((ModelFollower.Serve) step).envelope().version();
    }

    @Test
    void withoutApprovalEveryIntactEnvelopeServesAtOnceAndDecisionsChangeNothing() {
        ModelFollower follower = new ModelFollower(null, false);

        assertThat(served(follower.onEnvelope(envelope("1")))).isEqualTo("1");
        assertThat(follower.onDecision(decision("1", ModelVerdict.REJECTED, "0", false)))
                .isInstanceOf(ModelFollower.Ignore.class);
        assertThat(served(follower.onEnvelope(envelope("2")))).isEqualTo("2");
    }

    @Test
    void tombstonesAreIgnoredAndDamagedEnvelopesRefusedWithTheirCode() {
        ModelFollower follower = new ModelFollower(null, false);
        byte[] damaged = envelope("1");
        damaged[damaged.length - 1] ^= 1;

        assertThat(follower.onEnvelope(null)).isInstanceOf(ModelFollower.Ignore.class);
        assertThat(follower.onEnvelope(damaged)).isInstanceOfSatisfying(ModelFollower.Refuse.class,
                r -> assertThat(r.reason()).isEqualTo("MALFORMED"));
    }

    @Test
    void withTrustedKeysOnlySignedEnvelopesAreAccepted() {
        ModelFollower follower = new ModelFollower(new TrustedKeys(List.of(PUBLISHER.getPublic())), false);
        ModelEnvelope signed = new ModelSigner(PUBLISHER.getPrivate()).sign(ModelEnvelope.fromBytes(envelope("2")));

        assertThat(follower.onEnvelope(envelope("1"))).isInstanceOfSatisfying(ModelFollower.Refuse.class,
                r -> assertThat(r.reason()).isEqualTo("UNSIGNED"));
        assertThat(served(follower.onEnvelope(signed.toBytes()))).isEqualTo("2");
    }

    @Test
    void withApprovalOnlyTheChampionTheMonitorNamesServes() {
        ModelFollower follower = new ModelFollower(null, true);

        assertThat(follower.onEnvelope(envelope("1"))).isEqualTo(new ModelFollower.Hold(
                ModelEnvelope.fromBytes(envelope("1")), null));
        assertThat(served(follower.onDecision(decision("1", ModelVerdict.APPROVED, "1", false)))).isEqualTo("1");

        // a rejected challenger is held; the rejection names the old champion, which serves again
        assertThat(follower.onEnvelope(envelope("2"))).isInstanceOfSatisfying(ModelFollower.Hold.class,
                h -> assertThat(h.champion()).isEqualTo("1"));
        assertThat(served(follower.onDecision(decision("2", ModelVerdict.REJECTED, "1", false)))).isEqualTo("1");

        // an operator override hands the name to the challenger
        assertThat(served(follower.onDecision(decision("2", ModelVerdict.APPROVED, "2", true)))).isEqualTo("2");
        assertThat(follower.champion("gated")).contains("2");
    }

    @Test
    void aDecisionThatArrivesBeforeItsEnvelopeWaitsForIt() {
        ModelFollower follower = new ModelFollower(null, true);

        assertThat(follower.onDecision(decision("3", ModelVerdict.APPROVED, "3", false)))
                .isInstanceOf(ModelFollower.Ignore.class);
        assertThat(served(follower.onEnvelope(envelope("3")))).isEqualTo("3");
    }

    @Test
    void onlyTheLastFewVersionsOfANameAreKept() {
        ModelFollower follower = new ModelFollower(null, true);
        for (int v = 1; v <= ModelFollower.VERSIONS_PER_NAME + 1; v++) {
            follower.onEnvelope(envelope(String.valueOf(v)));
        }

        assertThat(follower.onDecision(decision("1", ModelVerdict.APPROVED, "1", true)))
                .isInstanceOf(ModelFollower.Ignore.class);
        assertThat(served(follower.onDecision(decision("2", ModelVerdict.APPROVED, "2", true)))).isEqualTo("2");
    }

    @Test
    void recordsOfAnotherTypeAreIgnored() {
        ModelFollower follower = new ModelFollower(null, true);
        follower.onEnvelope(envelope("1"));

        assertThat(follower.onDecision(new ModelDecision("model.note", "gated", "1", ModelVerdict.APPROVED, null,
                List.of(), "", false, "1", 1L))).isInstanceOf(ModelFollower.Ignore.class);
        assertThat(follower.champion("gated")).isEmpty();
    }
}
