package dev.starlight.trainer.cli;

import dev.starlight.core.model.Ed25519Keys;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code starlight models keygen}: an Ed25519 key pair for signing model envelopes. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Writes an Ed25519 key pair for model signing.",
            "NAME.pem is the PKCS#8 private key, for `starlight train --signing-key` and "
                + "starlight.trainer.signing-key; NAME.pub.pem is the X.509 public key, for "
                + "starlight.detector.models.trusted-keys.",
            "Never overwrites a file."})
public final class KeygenCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two files.")
    Path out;

    @Option(names = "--name", defaultValue = "model-signing", description = "File name stem (${DEFAULT-VALUE}).")
    String name;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(out);
        Path privateFile = out.resolve(name + ".pem");
        Path publicFile = out.resolve(name + ".pub.pem");
        for (Path f : new Path[] {privateFile, publicFile}) {
            if (Files.exists(f)) {
                throw new FileAlreadyExistsException(f + " exists; choose another --out or --name");
            }
        }
        KeyPair pair = Ed25519Keys.generate();
        Files.createFile(privateFile);
        if (Files.getFileStore(privateFile).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        }
        Ed25519Keys.writePrivate(privateFile, pair.getPrivate());
        Ed25519Keys.writePublic(publicFile, pair.getPublic());
        System.out.println("key id " + Ed25519Keys.keyId(pair.getPublic()));
        System.out.println("private key " + privateFile + " (keep secret: the trainer signs with it)");
        System.out.println("public key  " + publicFile + " (give to detectors: starlight.detector.models.trusted-keys)");
        return 0;
    }
}
