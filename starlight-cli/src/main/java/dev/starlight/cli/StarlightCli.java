package dev.starlight.cli;

/** Placeholder entry point until the CLI lands. */
public final class StarlightCli {
    public static void main(String[] args) {
        System.err.println("starlight: CLI not written yet");
        System.exit(2);
    }
}
