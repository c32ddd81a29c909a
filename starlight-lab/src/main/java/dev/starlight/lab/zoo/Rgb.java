package dev.starlight.lab.zoo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** An 8-bit RGB picture, samples interleaved row by row: what the zoo hands the tools as a binary PPM. */
record Rgb(int width, int height, byte[] samples) {

    Rgb {
        if (samples.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " samples, got " + samples.length);
        }
    }

    int get(int x, int y, int c) {
        return samples[(y * width + x) * 3 + c] & 0xFF;
    }

    /** Binary PPM (P6, maxval 255), which cjpeg, cwebp, convert and img2webp all read. */
    byte[] ppm() {
        byte[] head = ("P6\n" + width + " " + height + "\n255\n").getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + samples.length);
        out.writeBytes(head);
        out.writeBytes(samples);
        return out.toByteArray();
    }

    /** Reads a binary PPM with maxval 255 (what {@code convert ... ppm:-} and {@code djpeg -ppm} write). */
    static Rgb fromPpm(byte[] ppm) {
        int[] at = {0};
        if (ppm.length < 2 || ppm[0] != 'P' || ppm[1] != '6') {
            throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: expected a binary PPM from the tool");
        }
        at[0] = 2;
        int w = number(ppm, at);
        int h = number(ppm, at);
        int max = number(ppm, at);
        if (max != 255) {
            throw new ZooToolException(ZooToolException.Code.TOOL_FAILED, "clean zoo: PPM maxval " + max + ", expected 255");
        }
        at[0]++; // the single whitespace after maxval
        byte[] samples = java.util.Arrays.copyOfRange(ppm, at[0], at[0] + w * h * 3);
        return new Rgb(w, h, samples);
    }

    private static int number(byte[] b, int[] at) {
        while (at[0] < b.length && (Character.isWhitespace(b[at[0]]) || b[at[0]] == '#')) {
            if (b[at[0]] == '#') {
                while (at[0] < b.length && b[at[0]] != '\n') {
                    at[0]++;
                }
            }
            at[0]++;
        }
        int n = 0;
        while (at[0] < b.length && b[at[0]] >= '0' && b[at[0]] <= '9') {
            n = n * 10 + (b[at[0]++] - '0');
        }
        return n;
    }

    /** The {@code w}×{@code h} window at ({@code x}, {@code y}). */
    Rgb crop(int x, int y, int w, int h) {
        byte[] out = new byte[w * h * 3];
        for (int row = 0; row < h; row++) {
            System.arraycopy(samples, ((y + row) * width + x) * 3, out, row * w * 3, w * 3);
        }
        return new Rgb(w, h, out);
    }

    /** Area-averaged down-scaling to {@code w}×{@code h} (not larger than this picture). */
    Rgb scaleDown(int w, int h) {
        if (w == width && h == height) {
            return this;
        }
        byte[] out = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            int y0 = y * height / h;
            int y1 = Math.max(y0 + 1, (y + 1) * height / h);
            for (int x = 0; x < w; x++) {
                int x0 = x * width / w;
                int x1 = Math.max(x0 + 1, (x + 1) * width / w);
                for (int c = 0; c < 3; c++) {
                    int sum = 0;
                    for (int yy = y0; yy < y1; yy++) {
                        for (int xx = x0; xx < x1; xx++) {
                            sum += get(xx, yy, c);
                        }
                    }
                    int n = (y1 - y0) * (x1 - x0);
                    out[(y * w + x) * 3 + c] = (byte) ((sum + n / 2) / n);
                }
            }
        }
        return new Rgb(w, h, out);
    }
}
