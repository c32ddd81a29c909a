package dev.starlight.core.events;

/**
 * The request id of a record on a request topic ({@code scan.requests}, {@code explain.requests}): its key, or when
 * the key is absent or blank one derived from where the record sits in the log, {@code topic-partition@offset}, so a
 * redelivered record gets the same id.
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String of(String key, String topic, int partition, long offset) {
        return key != null && !key.isBlank() ? key : topic + "-" + partition + "@" + offset;
    }
}
