package dev.starlight.monitor.canary;

/**
 * Canary traffic and what the detectors made of it.
 *
 * @param sent          canary requests this instance produced
 * @param matched       of the results, those answering a request this instance produced
 * @param pending       requests this instance produced with no result yet
 * @param cleanResults  results of clean canaries (all instances, replay included)
 * @param stegoResults  results of stego canaries
 * @param cleanErrors   clean canaries answered with an error
 * @param stegoErrors   stego canaries answered with an error
 * @param cleanJudged   clean canaries in the FPR window
 * @param stegoJudged   stego canaries in the TPR window
 * @param fpr           clean canaries judged stego / clean judged; null before the first
 * @param tpr           stego canaries judged stego / stego judged; null before the first
 */
public record CanaryStats(long sent, long matched, long pending, long cleanResults, long stegoResults,
                          long cleanErrors, long stegoErrors, int cleanJudged, int stegoJudged, Double fpr,
                          Double tpr) {
}
