package dev.starlight.lab.dataset;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

/**
 * What protocol messages a generated set hides. A message that does not fit is halved until it does (or until it
 * is shorter than {@link #shortest()}, and the cover is refused for that method).
 */
interface MessagePolicy {

    /** A seeded message before any shortening. */
    byte[] message(SplittableRandom random);

    /** The first {@code length} bytes of a message, cut where the message allows. */
    byte[] shorten(byte[] message, int length);

    /** Messages shorter than this are not tried. */
    int shortest();

    /** Evaluation sets: text cut at a character boundary, 16 bytes up to 1 KiB. */
    static MessagePolicy evaluation(List<byte[]> texts) {
        List<byte[]> all = checked(texts);
        return new MessagePolicy() {
            @Override
            public byte[] message(SplittableRandom random) {
                byte[] text = all.get(random.nextInt(all.size()));
                int length = 16 + random.nextInt(Math.max(1, Math.min(1024, text.length) - 16));
                return EvalSetGenerator.cutAtCharacter(text, length);
            }

            @Override
            public byte[] shorten(byte[] message, int length) {
                return EvalSetGenerator.cutAtCharacter(message, length);
            }

            @Override
            public int shortest() {
                return 8;
            }
        };
    }

    /**
     * Training sets: a payload kind drawn evenly from text, deflate-compressed text and random bytes, at a length
     * drawn log-uniformly from 4 bytes to 64 KiB, so that small carriers get messages up to their capacity and
     * large ones a spread of lengths. Compressed and random messages look alike to statistics (high entropy); text
     * does not, so a model must not learn one kind only.
     */
    static MessagePolicy training(List<byte[]> texts) {
        List<byte[]> all = checked(texts);
        return new MessagePolicy() {
            @Override
            public byte[] message(SplittableRandom random) {
                int length = (int) Math.round(Math.exp(Math.log(4) + random.nextDouble() * Math.log(65536 / 4.0)));
                int kind = random.nextInt(3);
                byte[] text = repeatTo(all.get(random.nextInt(all.size())), Math.max(length * 4, 64));
                return switch (kind) {
                    case 0 -> EvalSetGenerator.cutAtCharacter(text, length);
                    case 1 -> cut(deflate(text), length);
                    default -> randomBytes(random, length);
                };
            }

            @Override
            public byte[] shorten(byte[] message, int length) {
                return cut(message, length);
            }

            @Override
            public int shortest() {
                return 4;
            }
        };
    }

    private static List<byte[]> checked(List<byte[]> texts) {
        if (texts.isEmpty() || texts.stream().anyMatch(t -> t.length == 0)) {
            throw new IllegalArgumentException("at least one non-empty payload text is needed");
        }
        return List.copyOf(texts);
    }

    private static byte[] cut(byte[] bytes, int length) {
        return java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length));
    }

    private static byte[] repeatTo(byte[] text, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = text[i % text.length];
        }
        return out;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    private static byte[] deflate(byte[] text) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(text);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
