package dev.starlight.lab.evaluation;

import java.nio.file.Path;

/**
 * One image of an evaluation set with its label. Labels come from the sidecar beside the file when there is one,
 * else from the role of the folder it was found in (clean or stego, and the folder's name as its group).
 *
 * @param file          where it is
 * @param stego         the truth
 * @param group         what it is reported under: the technique (with bit order or rate where they vary), the
 *                      folder name without a sidecar, {@code clean} for clean images
 * @param method        the sidecar's technique, or the folder name; null for clean images
 * @param bitOrder      the sidecar's bit order, or null
 * @param payloadRate   the true payload rate in bits per sample, where known
 * @param messageSha256 SHA-256 of the embedded message, where known (for extraction exactness)
 */
public record LabelledImage(Path file, boolean stego, String group, String method, String bitOrder,
                            Double payloadRate, String messageSha256) {
}
